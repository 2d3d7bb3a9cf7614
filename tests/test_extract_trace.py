"""The trace: every result names the rules that decided its fields; the extractor's version follows its rules."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from leaderboard.extract import Extractor
from leaderboard.extract.trace import Trace
from leaderboard.extract.version import rules_version
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper

SENTENCE = "We evaluate on ImageNet. Our model reaches 81.2% top-1 accuracy and 45.1 AP on COCO."


def test_every_field_names_its_rule(extractor: Extractor) -> None:
    first, second = extractor.extract(Paper("p", "T", SENTENCE))
    rules = json.loads(first.rules)
    assert rules["benchmark"] == "benchmark.on_phrase_after"
    assert rules["metric"] == "metric.name_next_to_number"
    assert rules["result"] == "result.score_unit"
    assert rules["unit"] == "unit.attached_sign"
    assert json.loads(second.rules)["result"] == "result.bound_metric"


def test_trace_shows_why_the_number_got_its_benchmark(extractor: Extractor) -> None:
    trace = Trace()
    extractor.extract(Paper("p", "T", SENTENCE), trace)
    start = SENTENCE.index("81.2%")
    about = trace.about((start, start + 5))
    decided = {d.field: d for d in about if not d.declined}
    assert decided["benchmark"].value == "COCO"
    assert SENTENCE[slice(*decided["benchmark"].span)] == "COCO"
    declined = [d for d in about if d.declined and d.field == "benchmark"]
    assert [d.rule for d in declined] == ["benchmark.sentence_before"]
    assert "ImageNet" in declined[0].reason
    assert SENTENCE[slice(*declined[0].span)] == "ImageNet"


def test_trace_keeps_the_reason_a_number_is_no_result(extractor: Extractor) -> None:
    text = "In 2019 we trained 12 models; ours reaches 91.3% accuracy on CIFAR-10."
    trace = Trace()
    extractor.extract(Paper("p", "T", text), trace)
    reasons = {text[d.number[0] : d.number[1]]: d.reason for d in trace.decisions if d.field == "result" and d.declined}
    assert reasons == {"2019": "year", "12": "count or size"}


def test_version_changes_with_the_vocabulary(tmp_path: Path) -> None:
    shipped = rules_version(load_vocabulary())
    extra = tmp_path / "metrics.csv"
    extra.write_text("name,aliases,higher_is_better\nZorbScore,zorb,true\n")
    assert rules_version(load_vocabulary([extra])) != shipped
    assert rules_version(load_vocabulary()) == shipped
    assert Extractor.default().name == f"rules/{shipped}"


def test_every_results_row_names_its_rules(seed_db: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows = con.execute("SELECT rules FROM results").fetchall()
    assert rows
    assert all(json.loads(r[0]) for r in rows)
