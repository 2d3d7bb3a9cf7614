"""Dashboard wiring: page config, the navigation between the page modules, and the database note in the sidebar."""

from __future__ import annotations

import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import PAGES, page_file

TOOLBAR_MODE = "minimal"


def _sidebar() -> None:
    path, _, _ = data.version()
    info = dict(data.run("build_info").itertuples(index=False, name=None))
    built = info.get("built_at", "?").replace("T", " ").replace("+00:00", " UTC")
    st.sidebar.caption(f"Database `{path.rsplit('/', 1)[-1]}` · built {built} · extractor {info.get('extractor', '?')}")


def run() -> None:
    # No "Deploy" button or developer menu: `leaderboard serve` passes the same option on its command line (the
    # first page load already has it); this covers `streamlit run app.py` from the next rerun on.
    st.set_option("client.toolbarMode", TOOLBAR_MODE)
    st.set_page_config(page_title="leaderboard", page_icon=":material/leaderboard:", layout="wide")
    pages = [
        st.Page(page_file(name), title=title, icon=icon, url_path=name, default=name == "overview")
        for name, (title, icon) in PAGES.items()
    ]
    nav = st.navigation(pages)
    _sidebar()
    nav.run()
