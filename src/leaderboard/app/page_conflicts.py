"""Conflicts: the same method, benchmark and metric reported with values that disagree, and where each comes from."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import (
    confident_toggle,
    csv_download,
    hidden_caption,
    link_columns,
    not_available,
    show_table,
    url_selectbox,
    with_links,
)

LIMIT = 5000
ALL = "(all benchmarks)"
COLUMNS = [
    "method",
    "benchmark",
    "subset",
    "metric",
    "unit",
    "min_value",
    "max_value",
    "spread",
    "n_papers",
    "n_sources",
    "sources",
]


def render() -> None:
    st.title("Conflicts")
    st.caption(
        "The same method on the same benchmark, metric and subset, reported by several papers or sources with "
        "values that disagree beyond the precision they are written at."
    )
    if "conflicts" not in data.relations():
        not_available("Conflicts", "this database has no `conflicts` view (it comes with the importers' build)")
        return
    counts = data.run("conflict_benchmarks")
    if counts.empty:
        st.success("No conflicting reports in this database.")
        return
    options = [ALL, *counts["benchmark"].dropna().tolist()]
    benchmark = url_selectbox(
        "Benchmark", options, "benchmark", format_func=lambda b: b if b == ALL else f"{b} ({_count(counts, b)})"
    )
    confident_only = confident_toggle()
    table = data.run("conflicts", benchmark="" if benchmark == ALL else benchmark, limit=LIMIT)
    if "spread" not in table and {"min_value", "max_value"} <= set(table.columns):
        table["spread"] = table["max_value"] - table["min_value"]
    if "spread" in table:
        table = table.sort_values("spread", ascending=False, kind="stable")
    st.caption(f"{len(table):,} conflict(s){' (first ' + str(LIMIT) + ')' if len(table) >= LIMIT else ''}.")
    order = [c for c in COLUMNS if c in table.columns]
    selection = show_table(
        table,
        column_order=order,
        column_config={"sources": st.column_config.TextColumn("sources", width="large")},
        on_select="rerun",
        selection_mode="single-row",
        key="conflicts_table",
    )
    csv_download(table, "conflicts.csv", key="conflicts_csv")
    rows = selection.selection.rows if selection is not None else []
    if rows and "result_ids" in table:
        _members(table.iloc[rows[0]], confident_only)
    elif "result_ids" in table:
        st.caption("Select a row to see the reports it is made of.")


def _count(counts: pd.DataFrame, benchmark: str) -> int:
    return int(counts.loc[counts["benchmark"] == benchmark, "conflicts"].iloc[0])


def _members(conflict: pd.Series, confident_only: bool) -> None:
    st.subheader(f"{conflict.get('method')} on {conflict.get('benchmark')} ({conflict.get('metric')})")
    ids = str(conflict["result_ids"])
    members = with_links(data.run("conflict_members", result_ids=ids, confident_only=confident_only))
    hidden_caption(int(data.run("conflict_hidden", result_ids=ids)["hidden"].iloc[0]), confident_only)
    order = ["value", "unit", "source", "paper", "published", "evidence"]
    show_table(members, column_order=order, column_config=link_columns(members))


if __name__ == "__main__":
    render()
