"""Streamlit entry point shipped in the package: `leaderboard serve` runs this file (app.py in a checkout too)."""

from leaderboard.app.main import run

run()
