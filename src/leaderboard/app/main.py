"""Dashboard entry: page setup and the first page (results listing)."""

from __future__ import annotations

import streamlit as st

from leaderboard.app import data


def run() -> None:
    st.set_page_config(page_title="leaderboard", layout="wide")
    st.title("leaderboard")
    counts = data.query(
        "SELECT (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM results) AS results"
    ).iloc[0]
    c1, c2 = st.columns(2)
    c1.metric("Papers", int(counts["papers"]))
    c2.metric("Results", int(counts["results"]))
    df = data.query(
        "SELECT benchmark, metric, method, value, unit, kind, title, evidence FROM results "
        "ORDER BY benchmark NULLS LAST, metric, value DESC LIMIT 1000"
    )
    st.dataframe(df, width="stretch", hide_index=True)
