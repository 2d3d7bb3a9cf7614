"""The Streamlit dashboard: app.py at the root only calls `main.run`; each page reads through data.py."""
