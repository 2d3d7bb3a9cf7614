"""Paper page: the abstract with marked numbers linked to their rows, the rows, and reporting a wrong number."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.helpers import sql

SCORE_SDE = "t-73dfef0b31a0"


def test_abstract_marks_every_number(app, seed_db: Path) -> None:
    at = app(seed_db, "paper", paper=SCORE_SDE)
    assert at.header[0].value == "Score-Based Generative Modeling through Stochastic Differential Equations"
    abstract, table = (h.proto.body for h in at.get("html"))
    rows = sql(
        seed_db,
        "select value_text, value_start from results where paper_id = $p order by value_start",
        {"p": SCORE_SDE},
    )
    for n, text in enumerate(rows["value_text"], start=1):
        assert f'href="#lb-r-{n}"' in abstract
        assert f">{text}</a><sup>{n}</sup>" in abstract
        assert f'<tr id="lb-r-{n}"><td>{n}</td><td>{text}</td>' in table
    assert 'class="lb-bench"' in abstract and ">CIFAR-10</span>" in abstract
    assert abstract.count("<a ") == len(rows) == 3


def test_results_and_download(app, seed_db: Path) -> None:
    at = app(seed_db, "paper", paper=SCORE_SDE)
    frame = at.dataframe[0].value
    assert frame["metric"].tolist() == ["Inception Score", "FID", "Bits/dim"]
    assert frame["value"].tolist() == [9.89, 2.2, 2.99]
    assert at.get("download_button")[0].proto.label == "Download CSV"


def test_report_a_wrong_number_writes_the_curation_file(app, seed_db: Path, tmp_path: Path) -> None:
    curation = tmp_path / "curation.csv"
    at = app(seed_db, "paper", env={"LB_CURATION": str(curation)}, paper=SCORE_SDE)
    rid = sql(seed_db, "select result_id from results where paper_id = $p and metric = 'Bits/dim'", {"p": SCORE_SDE})[
        "result_id"
    ].iloc[0]
    at.radio[0].set_value("fix").run()
    row, field = at.selectbox[1], at.selectbox[2]
    row.select(rid)
    field.select("metric")
    at.text_input[1].set_value("NLL (bits/dim)")
    at.text_input[2].set_value("the paper calls it likelihood")
    at.button[0].click().run()
    assert "Saved: fix" in at.success[0].value
    with curation.open() as fh:
        written = list(csv.DictReader(fh))
    assert [(r["action"], r["result_id"], r["field"], r["value"], r["note"]) for r in written] == [
        ("fix", rid, "metric", "NLL (bits/dim)", "the paper calls it likelihood")
    ]
    at.radio[0].set_value("reject").run()
    at.selectbox[1].select(rid)
    at.button[0].click().run()
    with curation.open() as fh:
        assert [r["action"] for r in csv.DictReader(fh)] == ["fix", "reject"]


def test_invalid_correction_is_refused_with_its_reason(app, seed_db: Path, tmp_path: Path) -> None:
    curation = tmp_path / "curation.csv"
    at = app(seed_db, "paper", env={"LB_CURATION": str(curation)}, paper=SCORE_SDE)
    at.radio[0].set_value("add").run()
    at.text_input[1].set_value("not a number")
    at.text_input[2].set_value("CIFAR-10")
    at.text_input[3].set_value("FID")
    at.button[0].click().run()
    assert at.error[0].value.startswith("Not saved:")
    assert not curation.exists() or len(curation.read_text().splitlines()) <= 1


def test_synthetic_paper_marks_benchmark_and_metric(app, synth_db: Path) -> None:
    at = app(synth_db, "paper", paper="syn-7")
    abstract, _ = (h.proto.body for h in at.get("html"))
    assert abstract.count('class="lb-num') == 8
    assert abstract.count('class="lb-metric"') == 8
    assert "published 2013-" in at.caption[0].value
