"""Dashboard wiring: page config, the navigation between the page modules, and the database note in the sidebar."""

from __future__ import annotations

import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import PAGES, page_file


def _sidebar() -> None:
    path, _, _ = data.version()
    info = dict(data.run("build_info").itertuples(index=False, name=None))
    built = info.get("built_at", "?").replace("T", " ").replace("+00:00", " UTC")
    st.sidebar.caption(f"Database `{path.rsplit('/', 1)[-1]}` · built {built} · extractor {info.get('extractor', '?')}")


def run() -> None:
    st.set_page_config(page_title="leaderboard", page_icon=":material/leaderboard:", layout="wide")
    pages = [
        st.Page(page_file(name), title=title, icon=icon, url_path=name, default=name == "overview")
        for name, (title, icon) in PAGES.items()
    ]
    nav = st.navigation(pages)
    _sidebar()
    nav.run()
