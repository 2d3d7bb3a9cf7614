"""Rankings: methods rated across papers (Bradley-Terry, Elo or the capability index) with 95% intervals,
CI-aware ranks, how robust the top is, and the head-to-head heatmap.

The page opens on one benchmark and metric with enough data (rank_default.sql); clearing the benchmarks box
ranks all benchmarks (`?scope=all`). Anything that could take more than a few seconds says how long first:
bootstrap intervals are estimated from the time of the point fit, run behind a progress bar, and ask for a
click when the estimate is over $LB_CONFIRM_SECONDS (settings.confirm_seconds, default 5).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import (
    csv_download,
    internal_url,
    not_available,
    show_table,
    url_multiselect,
    url_selectbox,
    url_toggle,
)
from leaderboard.rank.generic import NOTE_PREFIX as GENERIC_NOTE
from leaderboard.settings import confirm_seconds

ESTIMATORS = {
    "bt": "Bradley-Terry",
    "elo": "Elo (paper-date order)",
    "elo-shuffled": "Elo (order-averaged)",
    "index": "Capability index (across benchmarks)",
}
CHART_METHODS = 40
HEATMAP_METHODS = 15
CONFIRM_ROWS = 300_000  # above this many input rows, ranking waits for a click
ROUNDS = 100
KEPT_BOOTSTRAPS = 4  # bootstrap results a session keeps (they run with a progress bar, outside st.cache_data)
# a bootstrap round costs about this many point fits, per rating model (benchmarks/bench_round_cost.py)
ROUND_COST = {"bt": 0.5, "elo": 1.0, "elo-shuffled": 0.13, "pl": 1.0, "index": 0.2}


@st.cache_data(max_entries=32, show_spinner="Ranking …")
def _rank(ver: tuple, benchmarks: tuple, metrics: tuple, estimator: str, ci: str, cross_paper: bool) -> dict:
    """The ranking, cached per database version and choices (no Streamlit element inside: a cached function
    that updated the page's progress bar could not be replayed on the next hit)."""
    return _compute(benchmarks, metrics, estimator, ci, cross_paper)


def _compute(
    benchmarks: tuple,
    metrics: tuple,
    estimator: str,
    ci: str,
    cross_paper: bool,
    _progress: Callable[[int, int], None] | None = None,
) -> dict:
    """The ranking as the page shows it, with the time it took (`seconds`) and its point fit's (`fit_seconds`)."""
    from leaderboard.rank.api import rank_results

    start = time.perf_counter()
    rows = data.run("rank_input", benchmarks=list(benchmarks), metrics=list(metrics))
    result = rank_results(rows, **rank_options(estimator, ci, cross_paper), progress=_progress)
    return {
        "table": result.table,
        "excluded": result.excluded,
        "pairs": _pair_counts(result.pairs),
        "notes": result.notes,
        "warnings": result.warnings,
        "items": result.items,
        "stability": result.stability,
        "rows": len(rows),
        "seconds": time.perf_counter() - start,
        "fit_seconds": result.fit_seconds,
    }


def rank_options(estimator: str, ci: str, cross_paper: bool) -> dict:
    """The options of `rank_results` for the page's choices (the analytic Bradley-Terry run adds stability)."""
    options: dict = dict(method=estimator, ci=ci, cross_paper=cross_paper, bootstrap_rounds=ROUNDS)
    if estimator == "bt" and ci == "hessian":
        options["stability"] = True
    if estimator == "index":
        options["bootstrap_rounds"] = ROUNDS if ci == "bootstrap" else 0
    return options


def bootstrap_estimate(seconds: float, fit_seconds: float, estimator: str) -> float:
    """Seconds a bootstrap run will take, from the analytic run's time (`seconds`: the query, the comparisons,
    one fit and its intervals, which the bootstrap run repeats or replaces) and its point fit's (`fit_seconds`):
    ROUNDS refits at ROUND_COST point fits each."""
    return seconds + ROUNDS * ROUND_COST.get(estimator, 1.0) * fit_seconds


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
    """Ratings as points with 95% interval error bars, best on top; whole names, one row per method."""
    order = table["method"].tolist()
    axis = alt.Axis(labelOverlap=False, labelLimit=400)
    base = alt.Chart(table).encode(y=alt.Y("method:N", sort=order, title=None, axis=axis))
    scale = "index (standard deviations)" if estimator == "index" else "rating"
    bars = base.mark_rule(strokeWidth=2, color="#9ecae1").encode(
        x=alt.X(
            "ci_lower:Q",
            title=f"{ESTIMATORS.get(estimator, estimator)} {scale} (95% interval)",
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
            alt.Tooltip("rating:Q", format=".2f" if estimator == "index" else ".0f"),
            alt.Tooltip("ci_lower:Q", format=".2f" if estimator == "index" else ".0f"),
            alt.Tooltip("ci_upper:Q", format=".2f" if estimator == "index" else ".0f"),
            "rank",
            "comparisons",
            "papers",
        ],
    )
    return alt.layer(bars, points).properties(height={"step": 24})


def heatmap(counts: pd.DataFrame, methods: list[str]) -> alt.Chart:
    """Share of comparisons the row method won against the column method (ties count half).

    Cells have a fixed size (step), so a component of two methods is two readable cells, not a 20-pixel strip;
    labels are whole names (tooltips too), column labels slanted so they never overlap.
    """
    cells = counts[counts["a"].isin(methods) & counts["b"].isin(methods)].copy()
    cells["win_fraction"] = (cells["wins"] + 0.5 * cells["ties"]) / cells["n"]
    return (
        alt.Chart(cells)
        .mark_rect()
        .encode(
            x=alt.X("b:N", sort=methods, title="against", axis=alt.Axis(labelAngle=-40, labelLimit=260)),
            y=alt.Y("a:N", sort=methods, title="method", axis=alt.Axis(labelOverlap=False, labelLimit=400)),
            color=alt.Color("win_fraction:Q", title="win fraction", scale=alt.Scale(scheme="redblue", domain=[0, 1])),
            tooltip=[
                alt.Tooltip("a:N", title="method"),
                alt.Tooltip("b:N", title="against"),
                alt.Tooltip("win_fraction:Q", format=".2f"),
                alt.Tooltip("n:Q", title="comparisons"),
            ],
        )
        .properties(width={"step": 36}, height={"step": 28})
    )


def _default_scope() -> None:
    """Open on one benchmark and metric with enough data, unless the URL says otherwise."""
    params = st.query_params
    if "benchmarks" in params or params.get("scope") == "all" or "url_benchmarks" in st.session_state:
        return
    default = data.run("rank_default")
    if len(default):
        params["benchmarks"] = [default.iloc[0]["benchmark"]]
        params["metrics"] = [default.iloc[0]["metric"]]


def render() -> None:
    st.title("Rankings")
    st.caption(
        "Every table of results (a paper's own table, or a curated leaderboard's) becomes pairwise comparisons "
        "between its methods; a rating model turns them into one scale. Methods whose 95% intervals overlap "
        "share a rank. The capability index instead fits reported scores across benchmarks."
    )
    try:
        import leaderboard.rank.api  # noqa: F401
    except ImportError:
        not_available("Ranking", "this build has no ranking engine (leaderboard.rank)")
        return
    _default_scope()
    benchmarks_all = data.run("benchmark_options")["benchmark"].tolist()
    c1, c2 = st.columns(2)
    benchmarks = url_multiselect("Benchmarks", benchmarks_all, "benchmarks", container=c1, placeholder="all")
    if benchmarks:
        st.query_params.pop("scope", None)
    else:
        st.query_params["scope"] = "all"
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
        help="The capability index has only bootstrap intervals; 'analytic' shows it without intervals.",
    )
    cross_paper = url_toggle(
        "Compare across papers",
        "cross",
        default=True,
        container=c5,
        help="Also compare results of different papers on the same benchmark, metric and setting",
    )
    if estimator == "index" and len(benchmarks) < 2:
        st.caption("The capability index links several benchmarks: it ranks all of them here.")
        benchmarks, metrics = [], []
    size = int(data.run("rank_input_size", benchmarks=benchmarks, metrics=metrics).iloc[0]["n"])
    if size > CONFIRM_ROWS and not st.button(f"Rank {size:,} results", type="primary"):
        st.info(f"{size:,} results match: narrow the benchmarks or metrics, or press the button to rank them all.")
        return
    out = _run(tuple(benchmarks), tuple(metrics), estimator, ci, cross_paper, size)
    if out is None:
        return
    table: pd.DataFrame = out["table"]
    if table.empty:
        st.info("Nothing to rank: " + " ".join(out["notes"]) if estimator == "index" else "No comparisons: the "
                "chosen results never put two methods side by side on a known metric direction.")  # fmt: skip
        _excluded(out["excluded"])
        return
    table = _component_filter(table)
    _warnings(table, out)
    shown = table.head(CHART_METHODS)
    st.altair_chart(ratings_chart(shown, estimator), width="stretch")
    if len(table) > CHART_METHODS:
        st.caption(f"The chart shows the top {CHART_METHODS} of {len(table)} methods; the table has them all.")
    _table(table, estimator)
    _stability(out.get("stability"))
    if estimator == "index":
        _items(out.get("items"))
    else:
        st.subheader("Head to head")
        top = table["method"].head(HEATMAP_METHODS).tolist()
        st.altair_chart(heatmap(out["pairs"], top), width="content")
        st.caption(f"Row method's share of wins over the column method (ties count half), top {len(top)} methods.")
    with st.expander("How these ratings were computed"):
        for note in out["notes"]:
            st.markdown(f"- {note}")
    _excluded(out["excluded"])


def _run(benchmarks: tuple, metrics: tuple, estimator: str, ci: str, cross_paper: bool, size: int) -> dict | None:
    """The ranking; bootstrap runs say how long they take first, and show a progress bar."""
    args = (data.version(), benchmarks, metrics, estimator, ci, cross_paper)
    try:
        if ci != "bootstrap":
            return _rank(*args)
        done = st.session_state.setdefault("rank_bootstraps", {})  # this session's bootstrap runs, newest last
        if args in done:
            return done[args]
        point = _rank(data.version(), benchmarks, metrics, estimator, "hessian", cross_paper)
        estimate = max(1.0, bootstrap_estimate(point["seconds"], point["fit_seconds"], estimator))
        confirmed = st.session_state.setdefault("rank_confirmed", set())
        if estimate > confirm_seconds() and args not in confirmed:
            st.info(f"Bootstrap intervals here take about {estimate:.0f} s ({ROUNDS} refits of {size:,} results).")
            if not st.button(f"Compute bootstrap intervals (about {estimate:.0f} s)", type="primary"):
                st.caption("Until then, the analytic intervals:")
                return point
            confirmed.add(args)
        bar = st.progress(0.0, text=f"Bootstrap: about {estimate:.0f} s")

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=f"Bootstrap round {done} of {total} (about {estimate:.0f} s in all)")

        out = _compute(benchmarks, metrics, estimator, ci, cross_paper, progress)
        bar.empty()
        done[args] = out
        while len(done) > KEPT_BOOTSTRAPS:
            done.pop(next(iter(done)))
        return out
    except (MemoryError, ValueError) as exc:  # the engine's limits: say so instead of failing the page
        st.error(f"Ranking failed on {size:,} results ({exc}). Narrow the benchmarks or metrics.")
        return None


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
        if GENERIC_NOTE in note:  # "Random" or "Ours" of one paper is not that of another
            st.caption(f"{note}.")
    for line in out.get("warnings", ()):
        st.warning(line[0].upper() + line[1:] + ".")
    alone = table[table["self_reported_only"].astype(bool)]
    if len(alone):
        names = ", ".join(alone["method"].head(12)) + (" …" if len(alone) > 12 else "")
        st.warning(f"{len(alone)} method(s) are rated only from their own papers (self-reported only): {names}.")
    one_sided = table[table["only_wins"].astype(bool) | table["only_losses"].astype(bool)]
    if len(one_sided):
        st.caption(f"{len(one_sided)} method(s) only ever won or only ever lost: their ratings are weakly pinned.")


def _stability(result) -> None:
    """How robust the top is: drop-k and how often the top 10 stay top 10 with one paper left out."""
    if result is None:
        return
    st.subheader("How robust is the top?")
    dropped = ", ".join(result.dropped)
    then = f"puts **{result.new_top}** on top instead" if result.new_top else "leaves nothing to rank"
    st.markdown(f"**{result.top_method}** is on top. Removing **{result.drop_k}** paper(s) ({dropped}) {then}.")
    shown = result.persistence.rename(columns={"stays_top10": "stays in the top 10"})
    config = {"stays in the top 10": st.column_config.ProgressColumn(format="percent", min_value=0, max_value=1)}
    show_table(shown, column_config=config)
    st.caption(
        f"Share of the {result.papers} leave-one-paper-out refits in which each of the top 10 stays in the top 10."
    )


def _items(items: pd.DataFrame | None) -> None:
    if items is None or items.empty:
        return
    st.subheader("Benchmarks in the index")
    show_table(items.round(3))
    st.caption("Slope: how sharply a benchmark separates methods; difficulty: the ability at which a method scores "
               "half marks (both on the index's scale).")  # fmt: skip


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
    digits = "%.2f" if estimator == "index" else "%.0f"
    config = {
        "method_link": st.column_config.LinkColumn("method", display_text=r"#(.+)$", width="large"),
        "rating": st.column_config.NumberColumn("index" if estimator == "index" else "rating", format=digits),
        "ci_lower": st.column_config.NumberColumn("95% low", format=digits),
        "ci_upper": st.column_config.NumberColumn("95% high", format=digits),
        "self_reported_only": st.column_config.CheckboxColumn("self-reported only"),
    }
    show_table(shown, column_order=cols, column_config=config)
    csv_download(table, f"rankings-{estimator}.csv", key="rankings_csv")


def _excluded(excluded: pd.DataFrame) -> None:
    if excluded is not None and len(excluded):
        with st.expander(f"{len(excluded)} benchmark/metric group(s) left out"):
            show_table(excluded)


if __name__ == "__main__":
    render()
