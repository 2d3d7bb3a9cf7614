"""Rankings: methods rated across papers (Bradley-Terry or Elo) with 95% intervals, CI-aware ranks and warnings."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import csv_download, internal_url, not_available, url_multiselect, url_selectbox

ESTIMATORS = {"bt": "Bradley-Terry", "elo": "Elo (paper-date order)", "elo-shuffled": "Elo (order-averaged)"}
CHART_METHODS = 40
HEATMAP_METHODS = 15
CONFIRM_ROWS = 300_000  # above this many input rows, ranking waits for a click


@st.cache_data(max_entries=32, show_spinner="Ranking …")
def _rank(ver: tuple, benchmarks: tuple, metrics: tuple, estimator: str, ci: str, cross_paper: bool) -> dict:
    from leaderboard.rank.api import rank_results

    rows = data.run("rank_input", benchmarks=list(benchmarks), metrics=list(metrics))
    result = rank_results(rows, method=estimator, ci=ci, cross_paper=cross_paper, bootstrap_rounds=100)
    return {
        "table": result.table,
        "excluded": result.excluded,
        "pairs": _pair_counts(result.pairs),
        "notes": result.notes,
        "rows": len(rows),
    }


def _pair_counts(pairs: pd.DataFrame) -> pd.DataFrame:
    """Outcomes per ordered pair of methods: wins of `a` over `b`, ties, comparisons."""
    if pairs.empty:
        return pd.DataFrame(columns=["a", "b", "wins", "ties", "n"])
    score = pairs["winner"].map({"model_a": 1.0, "model_b": 0.0}).fillna(0.5)
    both = pd.concat(
        [
            pd.DataFrame({"a": pairs["model_a"], "b": pairs["model_b"], "s": score}),
            pd.DataFrame({"a": pairs["model_b"], "b": pairs["model_a"], "s": 1.0 - score}),
        ],
        ignore_index=True,
    )
    both = both.assign(wins=(both["s"] == 1.0).astype(int), ties=(both["s"] == 0.5).astype(int), n=1)
    return both.groupby(["a", "b"], as_index=False)[["wins", "ties", "n"]].sum()


def ratings_chart(table: pd.DataFrame, estimator: str) -> alt.LayerChart:
    """Ratings as points with 95% interval error bars, best on top."""
    order = table["method"].tolist()
    base = alt.Chart(table).encode(y=alt.Y("method:N", sort=order, title=None, axis=alt.Axis(labelOverlap=False)))
    bars = base.mark_rule(strokeWidth=2, color="#9ecae1").encode(
        x=alt.X(
            "ci_lower:Q",
            title=f"{ESTIMATORS.get(estimator, estimator)} rating (95% interval)",
            scale=alt.Scale(zero=False),
        ),
        x2="ci_upper:Q",
    )
    points = base.mark_point(filled=True, size=60).encode(
        x="rating:Q",
        color=alt.Color(
            "self_reported_only:N",
            title="self-reported only",
            scale=alt.Scale(domain=[False, True], range=["#1f77b4", "#d62728"]),
        ),
        tooltip=[
            "method",
            alt.Tooltip("rating:Q", format=".0f"),
            alt.Tooltip("ci_lower:Q", format=".0f"),
            alt.Tooltip("ci_upper:Q", format=".0f"),
            "rank",
            "comparisons",
            "papers",
        ],
    )
    return alt.layer(bars, points).properties(height=max(140, 24 * len(table)))


def heatmap(counts: pd.DataFrame, methods: list[str]) -> alt.Chart:
    """Share of comparisons the row method won against the column method (ties count half)."""
    cells = counts[counts["a"].isin(methods) & counts["b"].isin(methods)].copy()
    cells["win_fraction"] = (cells["wins"] + 0.5 * cells["ties"]) / cells["n"]
    return (
        alt.Chart(cells)
        .mark_rect()
        .encode(
            x=alt.X("b:N", sort=methods, title="against"),
            y=alt.Y("a:N", sort=methods, title="method", axis=alt.Axis(labelOverlap=False)),
            color=alt.Color("win_fraction:Q", title="win fraction", scale=alt.Scale(scheme="redblue", domain=[0, 1])),
            tooltip=[
                alt.Tooltip("a:N", title="method"),
                alt.Tooltip("b:N", title="against"),
                alt.Tooltip("win_fraction:Q", format=".2f"),
                alt.Tooltip("n:Q", title="comparisons"),
            ],
        )
        .properties(height=max(160, 24 * len(methods)))
    )


def render() -> None:
    st.title("Rankings")
    st.caption(
        "Every paper's table of results becomes pairwise comparisons between the methods it reports; a rating "
        "model turns them into one scale. Methods whose 95% intervals overlap share a rank."
    )
    try:
        import leaderboard.rank.api  # noqa: F401
    except ImportError:
        not_available("Ranking", "this build has no ranking engine (leaderboard.rank)")
        return
    benchmarks_all = data.run("benchmark_options")["benchmark"].tolist()
    c1, c2 = st.columns(2)
    benchmarks = url_multiselect("Benchmarks", benchmarks_all, "benchmarks", container=c1, placeholder="all")
    metrics_all = data.run("metric_names", benchmarks=benchmarks)["metric"].tolist()
    metrics = url_multiselect("Metrics", metrics_all, "metrics", container=c2, placeholder="all")
    c3, c4, c5 = st.columns(3)
    estimator = url_selectbox(
        "Rating model", list(ESTIMATORS), "estimator", container=c3, format_func=ESTIMATORS.__getitem__
    )
    ci = url_selectbox(
        "Interval",
        ["hessian", "bootstrap"],
        "ci",
        container=c4,
        format_func={"hessian": "analytic (Hessian)", "bootstrap": "bootstrap over papers"}.get,
    )
    cross_paper = c5.toggle(
        "Compare across papers",
        value=True,
        help="Also compare results of different papers on the same benchmark, metric and setting",
    )
    size = int(data.run("rank_input_size", benchmarks=benchmarks, metrics=metrics).iloc[0]["n"])
    if size > CONFIRM_ROWS and not st.button(f"Rank {size:,} results", type="primary"):
        st.info(f"{size:,} results match: narrow the benchmarks or metrics, or press the button to rank them all.")
        return
    try:
        out = _rank(data.version(), tuple(benchmarks), tuple(metrics), estimator, ci, cross_paper)
    except (MemoryError, ValueError) as exc:  # the engine's limits: say so instead of failing the page
        st.error(f"Ranking failed on {size:,} results ({exc}). Narrow the benchmarks or metrics.")
        return
    table: pd.DataFrame = out["table"]
    if table.empty:
        st.info("No comparisons: the chosen results never put two methods side by side on a known metric direction.")
        _excluded(out["excluded"])
        return
    table = _component_filter(table)
    _warnings(table, out)
    shown = table.head(CHART_METHODS)
    st.altair_chart(ratings_chart(shown, estimator), width="stretch", height=max(160, 26 * len(shown)))
    if len(table) > CHART_METHODS:
        st.caption(f"The chart shows the top {CHART_METHODS} of {len(table)} methods; the table has them all.")
    _table(table, estimator)
    st.subheader("Head to head")
    top = table["method"].head(HEATMAP_METHODS).tolist()
    st.altair_chart(heatmap(out["pairs"], top), width="stretch", height=max(200, 30 * len(top)))
    st.caption(f"Row method's share of wins over the column method (ties count half), top {len(top)} methods.")
    _excluded(out["excluded"])


def _component_filter(table: pd.DataFrame) -> pd.DataFrame:
    sizes = table.groupby("component")["method"].size()
    if len(sizes) == 1:
        return table
    labels = {str(c): f"component {c} ({n} methods)" for c, n in sizes.items()}
    chosen = url_selectbox(
        "Component",
        list(labels),
        "component",
        format_func=labels.get,
        help="Methods never compared, even indirectly, are in different components.",
    )
    return table[table["component"].astype(str) == chosen]


def _warnings(table: pd.DataFrame, out: dict) -> None:
    for note in out["notes"]:
        if "disconnected" in note:
            st.warning(f"{note}. Pick a component above; ratings of different components are not comparable.")
    alone = table[table["self_reported_only"].astype(bool)]
    if len(alone):
        names = ", ".join(alone["method"].head(12)) + (" …" if len(alone) > 12 else "")
        st.warning(f"{len(alone)} method(s) are rated only from their own papers (self-reported only): {names}.")
    one_sided = table[table["only_wins"].astype(bool) | table["only_losses"].astype(bool)]
    if len(one_sided):
        st.caption(f"{len(one_sided)} method(s) only ever won or only ever lost: their ratings are weakly pinned.")


def _table(table: pd.DataFrame, estimator: str) -> None:
    shown = table.copy()
    shown["method_link"] = [internal_url("method", m, method=m.lower()) for m in shown["method"]]
    cols = [
        "rank",
        "method_link",
        "rating",
        "ci_lower",
        "ci_upper",
        "comparisons",
        "papers",
        "benchmarks",
        "wins",
        "losses",
        "ties",
        "self_reported_only",
        "component",
    ]
    config = {
        "method_link": st.column_config.LinkColumn("method", display_text=r"#(.+)$"),
        "rating": st.column_config.NumberColumn(format="%.0f"),
        "ci_lower": st.column_config.NumberColumn("95% low", format="%.0f"),
        "ci_upper": st.column_config.NumberColumn("95% high", format="%.0f"),
        "self_reported_only": st.column_config.CheckboxColumn("self-reported only"),
    }
    st.dataframe(shown, hide_index=True, column_order=cols, column_config=config, width="stretch")
    csv_download(table, f"rankings-{estimator}.csv", key="rankings_csv")


def _excluded(excluded: pd.DataFrame) -> None:
    if excluded is not None and len(excluded):
        with st.expander(f"{len(excluded)} benchmark/metric group(s) left out"):
            st.dataframe(excluded, hide_index=True, width="stretch")


if __name__ == "__main__":
    render()
