"""Overview page: counts, the most-reported-benchmarks chart, search, and following a rebuilt database."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.helpers import chart_data, charts, sql


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_counts_match_the_database(app, seed_db: Path) -> None:
    at = app(seed_db)
    counts = sql(seed_db, "select count(*) r, count(distinct benchmark) b from results").iloc[0]
    assert at.title[0].value == "Overview"
    assert metrics(at)["Papers"] == "72"
    assert metrics(at)["Results"] == f"{int(counts['r']):,}"
    assert metrics(at)["Benchmarks"] == str(int(counts["b"]))


def test_most_reported_benchmarks_chart(app, synth_db: Path) -> None:
    at = app(synth_db)
    assert metrics(at) == {"Papers": "50", "Results": "400", "Benchmarks": "15", "Methods": "12"}
    (spec,) = charts(at)
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "results"
    assert spec["encoding"]["y"]["field"] == "benchmark" and spec["encoding"]["y"]["sort"] == "-x"
    assert spec["encoding"]["href"]["field"] == "link"
    (data,) = chart_data(at).values()
    expected = sql(synth_db, "select benchmark, count(*) n from results group by 1 order by 2 desc, 1")
    assert data["benchmark"].tolist() == expected["benchmark"].tolist()
    assert data["results"].tolist() == expected["n"].tolist()
    assert data["link"].iloc[0].startswith("benchmark?benchmark=")


def test_search_finds_methods_benchmarks_and_papers(app, synth_db: Path) -> None:
    at = app(synth_db, "overview", q="mamba")
    assert at.text_input[0].value == "mamba"
    methods_tab, benchmarks_tab, papers_tab = at.tabs
    expected = sql(synth_db, "select distinct method from results where lower(method) like '%mamba%' order by 1")
    assert sorted(methods_tab.dataframe[0].value["method"]) == expected["method"].tolist() == ["Mamba-5", "Mamba-6"]
    assert [c.value for c in benchmarks_tab.caption] == ["No benchmarks match."]
    titles = papers_tab.dataframe[0].value["title"].tolist()
    assert titles and all("mamba" in t.lower() for t in titles)
    at.text_input[0].set_value("CIFAR").run()
    assert at.query_params["q"] == "CIFAR"
    assert at.tabs[1].dataframe[0].value["benchmark"].tolist() == ["CIFAR-10"]


def test_follows_a_rebuilt_database_without_restart(app, seed_db: Path, synth_db: Path, tmp_path: Path) -> None:
    live = tmp_path / "live.duckdb"
    shutil.copy(seed_db, live)
    at = app(live)
    assert metrics(at)["Papers"] == "72"
    tmp = tmp_path / "live.duckdb.tmp"
    shutil.copy(synth_db, tmp)
    os.replace(tmp, live)  # what an atomic `leaderboard build` does
    at.run()
    assert metrics(at)["Papers"] == "50"
