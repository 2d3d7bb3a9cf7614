"""SQL page: ad-hoc SQL through the sandbox, saved queries with parameters, refusals shown as errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import sql
from tests.test_sandbox import ATTACKS


def test_default_query_runs(app, seed_db: Path) -> None:
    at = app(seed_db, "sql")
    assert at.selectbox[0].value == "(your own SQL)"
    frame = at.dataframe[0].value
    expected = sql(
        seed_db,
        "select benchmark, metric, count(*) as results from results group by all order by results desc limit 20",
    )
    assert frame["results"].tolist() == expected["results"].tolist()
    assert at.query_params["sql"].startswith("SELECT benchmark, metric")
    assert at.get("download_button")[0].proto.label == "Download CSV"


def test_sql_in_the_url_is_run(app, synth_db: Path) -> None:
    at = app(synth_db, "sql", sql="select count(*) as n from papers")
    assert at.text_area[0].value == "select count(*) as n from papers"
    assert at.dataframe[0].value["n"].tolist() == [50]
    at.text_area[0].set_value("select max(value) as v from results where metric = 'FID'")
    at.button[0].click().run()
    assert at.dataframe[0].value["v"].tolist() == [
        sql(synth_db, "select max(value) v from results where metric='FID'")["v"].iloc[0]
    ]
    assert at.query_params["sql"] == "select max(value) as v from results where metric = 'FID'"


PAGE_ATTACKS = [
    "select * from read_csv('/etc/passwd')",
    "select * from read_parquet('x.parquet')",
    "copy results to '/tmp/out.csv'",
    "attach '/tmp/other.duckdb' as other",
    "install httpfs",
    "load httpfs",
    "set enable_external_access = true",
    "pragma version",
    "export database '/tmp/dump'",
]


@pytest.mark.parametrize("attack", PAGE_ATTACKS)
def test_attacks_are_refused_on_the_page(app, seed_db: Path, attack: str) -> None:
    at = app(seed_db, "sql", sql=attack)
    assert not at.dataframe
    assert ATTACKS[attack] in at.error[0].value


def test_saved_query_with_parameters(app, synth_db: Path) -> None:
    at = app(synth_db, "sql", query="benchmark_leaderboard")
    assert at.selectbox[0].value == "benchmark_leaderboard"
    assert [t.label for t in at.text_input] == ["$benchmark", "$metric"]
    assert [t.value for t in at.text_input] == ["CIFAR-10", "FID"]
    expected = sql(
        synth_db, "select method from leaderboard where benchmark='CIFAR-10' and metric='FID' order by position, method"
    )
    assert sorted(at.dataframe[0].value["method"]) == sorted(expected["method"])
    at.text_input[0].set_value("ImageNet")
    at.text_input[1].set_value("Top-1 Accuracy")
    at.button[0].click().run()
    assert at.query_params["p_benchmark"] == "ImageNet" and at.query_params["p_metric"] == "Top-1 Accuracy"
    got = at.dataframe[0].value
    assert got["position"].tolist() == sorted(got["position"].tolist())
    assert len(got) == len(sql(synth_db, "select 1 from leaderboard where benchmark='ImageNet'"))


def test_parameters_from_the_url(app, synth_db: Path) -> None:
    at = app(synth_db, "sql", query="method_results", p_method="Mamba-6")
    assert at.text_input[0].value == "Mamba-6"
    n = len(sql(synth_db, "select 1 from results where method = 'Mamba-6'"))
    assert len(at.dataframe[0].value) == n


def test_row_limit_is_reported(app, seed_db: Path) -> None:
    at = app(seed_db, "sql", sql="select * from range(20000)")
    assert len(at.dataframe[0].value) == 10_000
    assert "stopped at the 10,000-row limit" in at.caption[1].value
