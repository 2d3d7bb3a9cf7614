"""Benchmark page: the per benchmark+metric table, the SOTA-over-time step chart, URL round trips."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.helpers import chart_data, charts, layer_data, sql


def expected_sota(db: Path, benchmark: str, metric: str, lower_is_better: bool) -> pd.DataFrame:
    """Record-setting results by paper date, computed independently with pandas."""
    rows = sql(
        db,
        "select r.value, r.method, p.published from results r join papers p using (paper_id) "
        "where benchmark = $b and metric = $m",
        {"b": benchmark, "m": metric},
    )
    score = -rows["value"] if lower_is_better else rows["value"]
    rows = rows.assign(score=score).sort_values(["published", "score"], ascending=[True, False])
    best_per_date = rows.groupby("published", as_index=False).first()
    records, best = [], None
    for r in best_per_date.itertuples():
        if best is None or r.score > best:
            records.append((pd.Timestamp(r.published), r.value, r.method))
            best = r.score
    return pd.DataFrame(records, columns=["published", "value", "method"])


def test_opens_on_the_url_selection(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark", benchmark="CIFAR-10", metric="FID")
    assert [s.value for s in at.selectbox[:2]] == ["CIFAR-10", "FID"]
    assert at.query_params["benchmark"] == "CIFAR-10" and at.query_params["metric"] == "FID"
    table = at.dataframe[0].value
    expected = sql(
        synth_db,
        "select method, min(value) v from results where benchmark='CIFAR-10' and metric='FID' group by 1 order by 2, 1",
    )
    assert table["method"].tolist() == expected["method"].tolist()
    assert table["value"].tolist() == expected["v"].tolist()
    assert table["rank"].tolist() == list(range(1, len(expected) + 1))
    assert set(table["reported_as"]) <= {"own method", "baseline"}
    assert table["paper"].str.match(r"^paper\?paper=syn-\d+#Synthetic%20paper%20\d+").all()
    assert "↓" in at.selectbox[1].format_func("FID")
    summary = at.markdown[0].value
    assert summary.startswith(f"**State of the art:** {expected['method'].iloc[0]} with **{expected['v'].iloc[0]:g}")
    assert "lower is better" in summary
    assert at.get("download_button")[0].proto.label == "Download CSV"


def test_sota_step_chart(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark", benchmark="CIFAR-10", metric="FID")
    (spec,) = charts(at)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["circle", "line", "point", "text", "text", "text", "text"]
    # every record is labelled once, whole; labels in the right half end at their point so they stay in the chart
    data = chart_data(at)
    texts = [(layer, data[layer["data"]["name"]]) for layer in spec["layer"][3:]]
    labelled = sorted(m for _, frame in texts for m in frame["method"])
    assert labelled == sorted(expected_sota(synth_db, "CIFAR-10", "FID", lower_is_better=True)["method"])
    for layer, frame in texts:
        right = layer["mark"]["align"] == "right"
        assert frame["right"].eq(right).all() and (layer["mark"]["dx"] < 0) == right
    line = spec["layer"][1]
    assert line["mark"]["interpolate"] == "step-after"
    assert line["encoding"]["x"] == {"field": "published", "title": "paper date", "type": "temporal"}
    assert line["encoding"]["y"]["field"] == "value" and line["encoding"]["y"]["title"] == "FID ↓"
    steps = layer_data(at, spec, "line")
    expected = expected_sota(synth_db, "CIFAR-10", "FID", lower_is_better=True)
    got = steps[steps["is_sota"]].reset_index(drop=True)
    assert got["value"].tolist() == expected["value"].tolist()
    assert got["method"].tolist() == expected["method"].tolist()
    assert pd.to_datetime(got["published"]).dt.date.tolist() == expected["published"].dt.date.tolist()
    assert got["value"].is_monotonic_decreasing  # FID: every record is lower than the one before
    # the last record is carried to the newest paper so the final step shows
    last_date = sql(
        synth_db,
        "select max(r.published) d from results r join papers p using (paper_id) "
        "where benchmark='CIFAR-10' and metric='FID'",
    )["d"].iloc[0]
    assert pd.Timestamp(steps["published"].max()).date() == pd.Timestamp(last_date).date()


def test_higher_is_better_metric_goes_up(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark", benchmark="ImageNet", metric="Top-1 Accuracy")
    (spec,) = charts(at)
    steps = layer_data(at, spec, "line")
    records = steps[steps["is_sota"]]
    expected = expected_sota(synth_db, "ImageNet", "Top-1 Accuracy", lower_is_better=False)
    assert records["value"].tolist() == expected["value"].tolist()
    assert records["value"].is_monotonic_increasing
    assert spec["layer"][1]["encoding"]["y"]["title"] == "Top-1 Accuracy ↑"
    assert at.dataframe[0].value["value"].iloc[0] == expected["value"].max()


def test_widgets_write_the_url(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark")
    top = sql(
        synth_db, "select benchmark from results where metric is not null group by 1 order by count(*) desc, 1 limit 1"
    )["benchmark"].iloc[0]
    assert at.selectbox[0].value == top and at.query_params["benchmark"] == top
    at.selectbox[0].select("CIFAR-10").run()
    assert at.query_params["benchmark"] == "CIFAR-10"
    metrics = at.selectbox[1].options
    assert sorted(metrics) == ["Accuracy ↑", "FID ↓"]
    at.selectbox[1].select("FID").run()
    assert at.query_params["metric"] == "FID"
    assert at.dataframe[0].value["value"].is_monotonic_increasing


def test_seed_database_without_dates(app, seed_db: Path) -> None:
    at = app(seed_db, "benchmark", benchmark="CIFAR-10", metric="FID")
    table = at.dataframe[0].value
    assert table["value"].tolist() == [2.2]
    assert table["evidence"].iloc[0].startswith("Combined with multiple architectural improvements")
    assert not charts(at)
    assert "No paper date is known" in " ".join(c.value for c in at.caption)


def test_an_unnamed_method_links_to_its_paper(app, seed_db: Path) -> None:
    at = app(seed_db, "benchmark", benchmark="ACM RecSys Challenge 2018", metric="NDCG", confident="0")
    table = at.dataframe[0].value
    assert table["method"].tolist() == ["(unnamed)"]
    link = table["method_link"].iloc[0]
    assert link.startswith("paper?paper=") and link.endswith("#%28unnamed%29")


def test_a_link_to_an_unknown_benchmark_says_so(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark", benchmark="No Such Benchmark", metric="Nope")
    message = "Benchmark “No Such Benchmark” does not exist in this database. Choose one above."
    assert [e.value for e in at.error] == [message]
    assert at.selectbox[0].value is None and len(at.selectbox) == 1  # nothing else is shown as if it were the target
    assert not at.dataframe and not at.markdown
    at.selectbox[0].select("CIFAR-10").run()
    assert not at.error and at.query_params["benchmark"] == "CIFAR-10" and at.selectbox[1].value in ("Accuracy", "FID")


def test_a_link_to_an_unknown_metric_falls_back_with_a_note(app, synth_db: Path) -> None:
    at = app(synth_db, "benchmark", benchmark="CIFAR-10", metric="Nope")
    assert at.selectbox[1].value == at.query_params["metric"] == "Accuracy"
    assert "The link's metric “Nope” is not available here; showing Accuracy ↑." in [c.value for c in at.caption]
