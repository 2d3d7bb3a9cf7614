"""Overview: how much is in the database, the most-reported benchmarks, and search across everything."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import internal_url, link_columns, page_link, show_table, url_text_input, with_links

SEARCH_LIMIT = 25
REJECTED_SQL = "SELECT stage, reason, source_file, line, raw\nFROM rejected\nORDER BY stage, source_file, line"


def benchmarks_chart(top: pd.DataFrame) -> alt.Chart:
    """Horizontal bars: results per benchmark, most reported on top; a click opens the benchmark's page."""
    top = top.assign(
        link=[internal_url("benchmark", benchmark=b, metric=m) for b, m in zip(top.benchmark, top.metric, strict=True)]
    )
    return (
        alt.Chart(top)
        .mark_bar()
        .encode(
            x=alt.X("results:Q", title="results", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("benchmark:N", sort="-x", title=None, axis=alt.Axis(labelOverlap=False, labelLimit=0)),
            color=alt.Color(
                "papers:Q",
                title="papers",
                scale=alt.Scale(scheme="blues"),
                legend=alt.Legend(format="d", tickMinStep=1),
            ),
            href="link:N",
            tooltip=["benchmark", alt.Tooltip("metric", title="top metric"), "results", "papers"],
        )
        .properties(height=max(120, 22 * len(top)))
    )


def render() -> None:
    st.title("Overview")
    st.caption("What the papers in this database report: counts, the busiest benchmarks, and search.")
    counts = data.run("counts").iloc[0]
    cols = st.columns(4)
    for col, name in zip(cols, ("papers", "results", "benchmarks", "methods"), strict=True):
        col.metric(name.capitalize(), f"{int(counts[name]):,}")
    if int(counts["rejected"]):
        page_link(
            "sql",
            f"{int(counts['rejected']):,} input records were rejected while building: see them and why",
            icon=":material/report:",
            sql=REJECTED_SQL,
        )

    q = url_text_input("Search methods, benchmarks and papers", "q", placeholder="e.g. CIFAR-10, ResNet, diffusion")
    if q:
        _search(q)

    st.subheader("Most-reported benchmarks")
    top = data.run("top_benchmarks", limit=20)
    if top.empty:
        st.info("No result in this database names a benchmark yet.")
    else:
        st.altair_chart(benchmarks_chart(top), width="stretch", height=max(160, 26 * len(top)))


def _search(q: str) -> None:
    methods = with_links(data.run("search_methods", q=q, limit=SEARCH_LIMIT))
    benchmarks = data.run("search_benchmarks", q=q, limit=SEARCH_LIMIT)
    benchmarks = with_links(benchmarks.rename(columns={"top_metric": "metric"}))
    papers = with_links(data.run("search_papers", q=q, limit=SEARCH_LIMIT))
    st.caption(f"{len(methods)} methods, {len(benchmarks)} benchmarks, {len(papers)} papers match “{q}”.")
    tabs = st.tabs([f"Methods ({len(methods)})", f"Benchmarks ({len(benchmarks)})", f"Papers ({len(papers)})"])
    with tabs[0]:
        _table(methods, ["method_link", "results", "papers", "benchmarks"], "methods")
    with tabs[1]:
        _table(benchmarks, ["benchmark_link", "metric", "results", "papers"], "benchmarks")
    with tabs[2]:
        _table(papers, ["paper", "published", "results", "url"], "papers")


def _table(df: pd.DataFrame, order: list[str], what: str) -> None:
    if df.empty:
        st.caption(f"No {what} match.")
        return
    show_table(df, column_order=order, column_config=link_columns(df))


if __name__ == "__main__":
    render()
