"""Rankings page: ratings with 95% intervals, CI-aware ranks, the win-fraction heatmap, filters in the URL."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from leaderboard.rank.api import rank_results
from tests.helpers import chart_data, charts, layer_data, run_cli, sql


def engine(db: Path, benchmarks: list[str] | None = None, method: str = "bt") -> pd.DataFrame:
    rows = sql(
        db,
        "select r.*, p.published from results r left join papers p using (paper_id) "
        "where r.method is not null and r.benchmark is not null",
    )
    if benchmarks:
        rows = rows[rows["benchmark"].isin(benchmarks)]
    return rank_results(rows, method=method, ci="hessian").table


def test_bradley_terry_table_matches_the_engine(app, synth_db: Path) -> None:
    at = app(synth_db, "rankings", scope="all")
    assert at.selectbox[0].value == "bt" and at.query_params["estimator"] == "bt"
    table = at.dataframe[0].value
    expected = engine(synth_db)
    assert table["method"].tolist() == expected["method"].tolist()
    assert table["rating"].round(6).tolist() == expected["rating"].round(6).tolist()
    assert table["rank"].tolist() == expected["rank"].tolist()
    assert (table["ci_lower"] <= table["rating"]).all() and (table["rating"] <= table["ci_upper"]).all()
    # CI-aware ties: a method is ranked below another only when the intervals do not overlap
    for row in table.itertuples():
        above = table[(table["ci_lower"] > row.ci_upper) & (table["component"] == row.component)]
        assert row.rank == 1 + len(above)


def test_ratings_chart_has_interval_error_bars(app, synth_db: Path) -> None:
    at = app(synth_db, "rankings", scope="all")
    ratings, heat = charts(at)
    rule, point = ratings["layer"]
    assert rule["mark"]["type"] == "rule"
    assert rule["encoding"]["x"]["field"] == "ci_lower" and rule["encoding"]["x2"]["field"] == "ci_upper"
    assert point["mark"]["type"] == "point" and point["encoding"]["x"]["field"] == "rating"
    assert "95% interval" in rule["encoding"]["x"]["title"]
    data = layer_data(at, ratings, "point")
    assert data["method"].tolist() == engine(synth_db)["method"].tolist()
    assert heat["mark"]["type"] == "rect"
    assert heat["encoding"]["color"]["field"] == "win_fraction"
    assert heat["encoding"]["color"]["scale"]["domain"] == [0, 1]


def test_heatmap_win_fractions_are_consistent(app, synth_db: Path) -> None:
    at = app(synth_db, "rankings", scope="all")
    (cells,) = chart_data(at, 1).values()
    cells = cells.set_index(["a", "b"])
    for (a, b), row in cells.iterrows():
        assert 0 <= row["win_fraction"] <= 1
        mirror = cells.loc[(b, a)]
        assert mirror["n"] == row["n"]
        assert abs(mirror["win_fraction"] + row["win_fraction"] - 1) < 1e-9


def test_self_reported_only_warning(app, synth_db: Path) -> None:
    at = app(synth_db, "rankings", scope="all")
    expected = engine(synth_db)
    alone = expected[expected["self_reported_only"].astype(bool)]["method"].tolist()
    assert alone  # the newest methods have no third-party paper yet
    warning = " ".join(w.value for w in at.warning)
    assert f"{len(alone)} method(s) are rated only from their own papers" in warning
    assert all(m in warning for m in alone)


def test_filters_and_estimator_round_trip(app, synth_db: Path) -> None:
    at = app(synth_db, "rankings", benchmarks=["CIFAR-10", "ImageNet"], estimator="elo")
    assert at.multiselect[0].value == ["CIFAR-10", "ImageNet"]
    assert at.selectbox[0].value == "elo"
    expected = engine(synth_db, ["CIFAR-10", "ImageNet"], method="elo")
    assert at.dataframe[0].value["method"].tolist() == expected["method"].tolist()
    at.selectbox[0].select("bt").run()
    assert at.query_params["estimator"] == "bt"
    at.multiselect[0].unselect("ImageNet").run()
    assert at.query_params["benchmarks"] == "CIFAR-10"
    assert at.dataframe[0].value["method"].tolist() == engine(synth_db, ["CIFAR-10"])["method"].tolist()


def test_disconnected_components_warn_and_filter(app, synth_db: Path) -> None:
    # two benchmarks no paper shares give two components
    pairs = sql(synth_db, "select benchmark, list(distinct paper_id) p from results group by 1")
    papers = dict(zip(pairs["benchmark"], pairs["p"].map(set), strict=True))
    names = sorted(papers)
    lone = next((a, b) for a in names for b in names if a < b and not papers[a] & papers[b])
    methods = sql(synth_db, "select benchmark, list(distinct method) m from results group by 1")
    meth = dict(zip(methods["benchmark"], methods["m"].map(set), strict=True))
    if meth[lone[0]] & meth[lone[1]]:
        return  # shared methods would connect them through cross-paper comparisons
    at = app(synth_db, "rankings", benchmarks=list(lone))
    assert any("disconnected components" in w.value for w in at.warning)
    assert at.selectbox[2].label == "Component"


def test_seed_database_ranks_within_disconnected_components(app, seed_db: Path) -> None:
    at = app(seed_db, "rankings", scope="all")
    # the same five components as `leaderboard rank` on this database (rows without a benchmark compare methods
    # within their paper); one is the cross-paper pair on RewardBench accuracy: "92.0%" and a bare "94.1"
    assert at.warning[0].value.startswith("5 disconnected components: ranks are within a component, never across.")
    cli = run_cli("rank", "--db", str(seed_db))
    assert "5 disconnected components" in cli.stdout + cli.stderr
    assert at.selectbox[2].label == "Component" and at.selectbox[2].value == "0"
    table = at.dataframe[0].value
    assert set(table["component"]) == {0} and len(table) == 2


def test_opens_on_the_benchmark_and_metric_with_the_most_methods(app, leaderboards_db: Path) -> None:
    at = app(leaderboards_db, "rankings")
    # SQuAD2.0 compares the most methods; its two metrics tie on methods, the alphabetically first opens
    assert at.multiselect[0].value == ["SQuAD2.0"] and at.multiselect[1].value == ["Exact Match"]
    assert at.query_params["benchmarks"] == "SQuAD2.0" and "scope" not in at.query_params
    table = at.dataframe[0].value
    rows = sql(leaderboards_db, "select r.*, p.published, e.uses_additional_data from results r left join papers p "
               "using (paper_id) left join result_extras e using (result_id) where r.method is not null")  # fmt: skip
    expected = rank_results(rows, benchmark="SQuAD2.0", metric="Exact Match").table
    assert table["method"].tolist() == expected["method"].tolist()
    assert table["rank"].nunique() >= 10  # one curated leaderboard: its intervals separate top from bottom
    # the robustness of the top: drop-k and top-10 persistence
    assert at.subheader[0].value == "How robust is the top?"
    assert "is on top. Removing **1** paper(s)" in at.markdown[0].value
    persistence = at.dataframe[1].value
    assert len(persistence) == 10 and persistence["method"].tolist() == expected["method"].head(10).tolist()
    at.multiselect[0].set_value([]).run()  # clearing the box ranks every benchmark, and the URL says so
    assert at.query_params["scope"] == "all" and "benchmarks" not in at.query_params


def test_heatmap_cells_keep_their_size_for_a_small_component(app, seed_db: Path) -> None:
    at = app(seed_db, "rankings", scope="all")
    _, heat = charts(at)
    assert heat["width"] == {"step": 36} and heat["height"] == {"step": 28}
    assert heat["encoding"]["x"]["axis"]["labelAngle"] == -40
    assert heat["encoding"]["y"]["axis"]["labelLimit"] == 400


def test_capability_index_across_benchmarks(app, leaderboards_db: Path) -> None:
    at = app(leaderboards_db, "rankings", estimator="index")
    assert at.selectbox[0].value == "index"
    table = at.dataframe[0].value
    assert abs(table["rating"].mean()) < 1e-6 and abs(table["rating"].std(ddof=0) - 1) < 1e-6  # standardised
    items = at.dataframe[1].value
    assert set(items["benchmark"]) == {"SQuAD1.1", "SQuAD2.0"}
    assert {"slope", "difficulty"} <= set(items.columns)


def test_slow_bootstrap_says_how_long_first(app, leaderboards_db: Path) -> None:
    at = app(leaderboards_db, "rankings", env={"LB_CONFIRM_SECONDS": "0"}, ci="bootstrap")  # every one is slow
    info = at.info[0].value
    assert info.startswith("Bootstrap intervals here take about ") and "100 refits" in info
    assert at.button[0].label.startswith("Compute bootstrap intervals (about ")
    assert at.dataframe[0].value["method"].iloc[0] == "FPNet (ensemble)"  # meanwhile: the analytic intervals
    at.button[0].click().run()
    assert not at.exception
    notes = " ".join(e.value for e in at.markdown)
    assert "100 bootstrap rounds, resampling" in notes


def test_a_bootstrap_under_the_threshold_runs_without_a_click(app, leaderboards_db: Path) -> None:
    at = app(leaderboards_db, "rankings", env={"LB_CONFIRM_SECONDS": "3600"}, ci="bootstrap")
    assert not at.info and not at.button
    notes = " ".join(e.value for e in at.markdown)
    assert "100 bootstrap rounds, resampling" in notes


@pytest.mark.parametrize(("value", "expected"), [("0", 0.0), ("12.5", 12.5), ("soon", 5.0), ("-3", 5.0), ("", 5.0)])
def test_confirm_seconds_from_the_environment(monkeypatch, value: str, expected: float) -> None:
    from leaderboard.settings import confirm_seconds

    monkeypatch.setenv("LB_CONFIRM_SECONDS", value)
    assert confirm_seconds() == expected


def test_compare_across_papers_lives_in_the_url(app, synth_db: Path) -> None:
    """A shared link with cross-paper comparisons off opens with them off (it used to turn them back on)."""
    at = app(synth_db, "rankings", scope="all", cross="0")
    assert at.toggle[0].label == "Compare across papers" and at.toggle[0].value is False
    at.toggle[0].set_value(True).run()
    assert "cross" not in at.query_params  # the default is left out of the URL
    at.toggle[0].set_value(False).run()
    assert at.query_params["cross"] == "0"
