"""Method: every result of one method across papers and benchmarks, where it stands, and its head-to-head record."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import (
    arrow,
    confident_toggle,
    csv_download,
    hidden_caption,
    internal_url,
    link_columns,
    safe_file_name,
    show_table,
    url_selectbox,
    with_links,
)

OPTION_LIMIT = 300
RESULT_LIMIT = 5000
RESULT_COLUMNS = [
    "benchmark_link",
    "subset",
    "metric",
    "value",
    "unit",
    "position",
    "reported_as",
    "paper",
    "published",
    "evidence",
    "url",
]


def render() -> None:
    st.title("Method")
    c1, c2 = st.columns([1, 2])
    q = c1.text_input("Find a method", placeholder="name contains …")
    options = data.run("method_options", q=q, limit=OPTION_LIMIT)
    names = dict(zip(options["method_key"], options["method"], strict=True))
    wanted = st.query_params.get("method")
    if wanted and wanted not in names and not q:
        found = data.run("method_name", method=wanted)
        if found["results"].iloc[0]:
            names = {wanted: found["method"].iloc[0]} | names
    if not names:
        st.info("No method matches." if q else "No result in this database names its method yet.")
        return
    key = url_selectbox(
        "Method", list(names), "method", container=c2, format_func=lambda k: names.get(k, k), strict=True
    )
    if key is None:
        return
    confident_only = confident_toggle()
    results = data.run("method_results", method=key, confident_only=confident_only, limit=RESULT_LIMIT)
    hidden = int(data.run("method_hidden", method=key)["hidden"].iloc[0])
    record = data.run("method_record", method=key)
    st.header(names.get(key, key))
    _headline(results, record)
    st.subheader("Results")
    hidden_caption(hidden, confident_only)
    shown = with_links(results)
    shown["metric"] = [
        f"{m} {arrow(h)}".strip() if isinstance(m, str) else m
        for m, h in zip(shown["metric"], shown["higher_is_better"], strict=True)
    ]
    shown["position"] = [
        f"{int(p)} of {int(n)}" if pd.notna(p) else "" for p, n in zip(shown["position"], shown["entries"], strict=True)
    ]
    config = link_columns(shown) | {
        "reported_as": st.column_config.TextColumn(
            "reported as",
            help="By its own paper, as a baseline, or imported from a curated leaderboard",
        ),
        "position": st.column_config.TextColumn(
            "position", help="Where its best value stands among all methods on that benchmark and metric"
        ),
    }
    order = [c for c in RESULT_COLUMNS if c not in ("unit", "subset", "url") or shown[c].notna().any()]
    show_table(shown, column_order=order, column_config=config)
    csv_download(
        results.drop(columns=["source"]), safe_file_name("method", names.get(key, key)) + ".csv", key="method_csv"
    )
    st.subheader("Wins and losses")
    st.caption("Against every other method reported in the same paper on the same benchmark, metric and setting.")
    if record.empty:
        st.caption("No paper reports this method side by side with another one on a metric of known direction.")
    else:
        record = record.assign(
            method_link=[
                internal_url("method", o, method=k) for o, k in zip(record.opponent, record.method_key, strict=True)
            ]
        )
        config = {"method_link": st.column_config.LinkColumn("opponent", display_text=r"#(.+)$")}
        show_table(
            record, column_config=config, column_order=["method_link", "wins", "losses", "ties", "papers", "benchmarks"]
        )


def _headline(results: pd.DataFrame, record: pd.DataFrame) -> None:
    cols = st.columns(5)
    cols[0].metric("Results", f"{len(results):,}")
    cols[1].metric("Papers", results["paper_id"].nunique())
    cols[2].metric("Benchmarks", results["benchmark"].nunique())
    own = int(results["reported_as"].eq("own method").sum())
    imported = int(results["reported_as"].str.startswith("imported", na=False).sum())
    cols[3].metric(
        "Reported by others",
        f"{int((results['reported_as'] == 'baseline').sum()):,}",
        help=f"Results from papers that use it as a baseline; {own} come from its own papers"
        + (f", {imported} are imported from curated leaderboards" if imported else ""),
    )
    won, lost, tied = (int(record[c].sum()) if len(record) else 0 for c in ("wins", "losses", "ties"))
    cols[4].metric("Record (W–L–T)", f"{won}–{lost}–{tied}")
    firsts = results[results["position"] == 1][["benchmark", "metric"]].drop_duplicates()
    if len(firsts):
        where = ", ".join(f"{b} ({m})" for b, m in firsts.head(8).itertuples(index=False))
        st.success(f"Best reported value on {len(firsts)} benchmark/metric pair(s): {where}.")


if __name__ == "__main__":
    render()
