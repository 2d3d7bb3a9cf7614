"""Benchmark: the leaderboard of one benchmark + metric (+ setting), who reports it, and SOTA over time."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import (
    arrow,
    confident_toggle,
    csv_download,
    hidden_caption,
    imported_from,
    link_columns,
    safe_file_name,
    show_table,
    url_selectbox,
    with_links,
)

TABLE_LIMIT = 1000
CHART_SAMPLE = 2000
TABLE_COLUMNS = [
    "rank",
    "method_link",
    "value",
    "unit",
    "reported_as",
    "reports",
    "third_party",
    "paper",
    "published",
    "evidence",
    "url",
]


def sota_chart(frame: pd.DataFrame, metric: str, higher_is_better: bool) -> alt.LayerChart:
    """Step line (step-after) through the record-setting results by paper date, over a sample of all results."""
    sota = frame[frame["is_sota"]].copy()
    last = frame["published"].max()
    if not sota.empty and last > sota["published"].max():
        # carry the current record to the newest paper so the last step is visible
        sota = pd.concat([sota, sota.tail(1).assign(published=last, is_sota=False)], ignore_index=True)
    y = alt.Y("value:Q", title=f"{metric} {arrow(higher_is_better)}", scale=alt.Scale(zero=False))
    x = alt.X("published:T", title="paper date")
    tooltip = ["method", "value", alt.Tooltip("published:T", title="date"), "title"]
    others = (
        alt.Chart(frame[~frame["is_sota"]])
        .mark_circle(size=28, color="#bbbbbb", opacity=0.6)
        .encode(x=x, y=y, tooltip=tooltip)
    )
    line = alt.Chart(sota).mark_line(interpolate="step-after", color="#1f77b4", strokeWidth=2).encode(x=x, y=y)
    records = frame[frame["is_sota"]]
    points = alt.Chart(records).mark_point(filled=True, size=70, color="#1f77b4").encode(x=x, y=y, tooltip=tooltip)
    # Record labels, whole: left of the point in the chart's right half so they stay inside it, and alternately
    # above and below the line so neighbouring records do not print over each other.
    middle = frame["published"].min() + (frame["published"].max() - frame["published"].min()) / 2
    records = records.assign(right=records["published"] > middle, below=[i % 2 == 1 for i in range(len(records))])
    labels = [
        alt.Chart(records[(records["right"] == right) & (records["below"] == below)])
        .mark_text(align="right" if right else "left", dx=-6 if right else 6, dy=12 if below else -8, fontSize=11)
        .encode(x=x, y=y, text="method:N", tooltip=tooltip)
        for right in (False, True)
        for below in (False, True)
    ]
    return alt.layer(others, line, points, *labels).properties(height=360)


def _setting_label(setting: str) -> str:
    subset, unit = setting.split("|", 1)
    parts = [subset or "all / unspecified subset"] + ([f"unit {unit}"] if unit else [])
    return " · ".join(parts)


def render() -> None:
    st.title("Benchmark")
    options = data.run("benchmark_options")
    if options.empty:
        st.info("No result in this database names both a benchmark and a metric yet.")
        return
    c1, c2, c3 = st.columns([2, 2, 2])
    benchmark = url_selectbox("Benchmark", options["benchmark"].tolist(), "benchmark", container=c1, strict=True)
    if benchmark is None:
        return
    metrics = data.run("metric_options", benchmark=benchmark)
    metric = url_selectbox(
        "Metric",
        metrics["metric"].tolist(),
        "metric",
        container=c2,
        format_func=lambda m: f"{m} {arrow(metrics.set_index('metric').higher_is_better.get(m))}".strip(),
    )
    settings = data.run("setting_options", benchmark=benchmark, metric=metric)
    keys = [f"{s}|{u}" for s, u in zip(settings["subset"], settings["unit"], strict=True)]
    setting = url_selectbox(
        "Setting",
        keys,
        "setting",
        container=c3,
        format_func=_setting_label,
        help="Results are compared only within one subset (split, shots, resolution) and unit.",
    )
    if setting is None:
        st.info(f"No absolute {metric} result on {benchmark}.")
        return
    subset, unit = setting.split("|", 1)
    confident_only = confident_toggle()
    params = {"benchmark": benchmark, "metric": metric, "subset": subset, "unit": unit}
    hidden = int(data.run("benchmark_hidden", **params)["hidden"].iloc[0])
    params["confident_only"] = confident_only
    table = data.run("benchmark_table", **params, limit=TABLE_LIMIT)
    if table.empty:
        hidden_caption(hidden, confident_only)
        st.info(f"Every {metric} result on {benchmark} in this setting is below the confidence threshold.")
        return
    _summary(table, benchmark, metric)
    hidden_caption(hidden, confident_only)
    _leaderboard(table, benchmark, metric)
    _sota(params, metric, table)


def _summary(table: pd.DataFrame, benchmark: str, metric: str) -> None:
    hib = table["higher_is_better"].dropna()
    direction = None if hib.empty else bool(hib.iloc[0])
    if direction is None:
        st.warning(f"The direction of {metric} is unknown, so methods are listed but not ranked.")
        return
    top = table.iloc[0]
    st.markdown(
        f"**State of the art:** {top['method']} with **{top['value_text'] or top['value']}** {metric} "
        f"{arrow(direction)} on {benchmark}, {provenance(top)}. "
        f"{len(table)} methods ranked; {'higher' if direction else 'lower'} is better."
    )


def provenance(top: pd.Series) -> str:
    """Where the best value comes from and who else reports it, in words."""
    reports = int(top["reports"])
    others = f"{reports} paper(s) in the database report this method here"
    imported = imported_from(top.get("source"))
    if imported and pd.isna(top["is_own_method"]):
        return f"imported from {imported}, not read from a paper — {others}"
    who = "its own paper" if top["reported_as"] == "own method" else "a paper that used it as a baseline"
    sure = (
        f"reported by {reports} paper(s), {int(top['third_party'])} of them third parties"
        if int(top["third_party"])
        else "**self-reported only**: no other paper in the database reports it as a baseline"
    )
    return f"from {who} — {sure}"


def _leaderboard(table: pd.DataFrame, benchmark: str, metric: str) -> None:
    shown = with_links(table)
    hib = table["higher_is_better"].dropna()
    value_label = f"{metric} {arrow(hib.iloc[0]) if not hib.empty else ''}".strip()
    config = link_columns(shown) | {
        "value": st.column_config.NumberColumn(value_label, format="%g"),
        "reports": st.column_config.NumberColumn("papers", help="Papers that report this method here"),
        "third_party": st.column_config.NumberColumn(
            "3rd-party",
            help="Of those, papers that report it as a baseline (not their own method)",
        ),
        "reported_as": st.column_config.TextColumn(
            "best value from",
            help="The paper's own method, a baseline in that paper, or a row imported from a curated leaderboard",
        ),
    }
    order = [c for c in TABLE_COLUMNS if c not in ("unit", "url", "rank") or shown[c].notna().any()]
    show_table(shown, column_order=order, column_config=config)
    export = table.drop(columns=["method_key", "source", "is_own_method"]).rename(
        columns={"reports": "papers", "third_party": "third_party_papers"}
    )
    csv_download(export, safe_file_name("leaderboard", benchmark, metric) + ".csv", key="benchmark_csv")


def _sota(params: dict, metric: str, table: pd.DataFrame) -> None:
    st.subheader("State of the art over time")
    hib = table["higher_is_better"].dropna()
    if hib.empty:
        st.caption("Needs the metric's direction.")
        return
    frame = data.run("sota_over_time", **params, sample=CHART_SAMPLE)
    if frame.empty:
        st.caption("No paper date is known for these results, so there is no timeline.")
        return
    frame["published"] = pd.to_datetime(frame["published"])
    st.altair_chart(sota_chart(frame, metric, bool(hib.iloc[0])), width="stretch", height=380)
    records = frame[frame["is_sota"]]
    st.caption(
        f"{len(records)} record(s) by paper date; grey dots: {int((~frame['is_sota']).sum())} other results"
        + (f" (a sample of {CHART_SAMPLE})" if (~frame["is_sota"]).sum() >= CHART_SAMPLE else "")
        + "."
    )


if __name__ == "__main__":
    render()
