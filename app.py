"""Streamlit entry point: `leaderboard serve` (or `streamlit run app.py`). Pages live in src/leaderboard/app/."""

from leaderboard.app.main import run

run()
