"""`leaderboard explain`: each number, the rules that fired (field, value, span) and the rules that declined."""

from __future__ import annotations

from pathlib import Path

import duckdb
from click.testing import CliRunner

from leaderboard.cli import cli
from tests.helpers import run_cli

SENTENCE = "We evaluate on ImageNet. Our model reaches 81.2% top-1 accuracy and 45.1 AP on COCO."


def _explain(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(cli, ["explain", *args])
    return res.exit_code, res.output


def test_explain_shows_why_a_number_got_its_benchmark() -> None:
    code, out = _explain(SENTENCE)
    assert code == 0
    block = out.split("45.1 [68:72]")[0]
    assert block.startswith("81.2% [43:48]\n")
    assert "benchmark=COCO" in block
    assert 'benchmark   COCO                     benchmark.on_phrase_after  "COCO" [79:83]' in block
    assert "benchmark.sentence_before: not reached: benchmark.on_phrase_after decided first; it would give" in block
    assert '"ImageNet" [15:23]' in block


def test_explain_gives_the_reason_a_number_is_not_a_result() -> None:
    code, out = _explain("Trained in 2019 on 12 benchmarks, our model reaches 73.4% accuracy on MMLU.")
    assert code == 0
    assert "2019 [11:15]\n  not a result:\n    result      result.non_result_pattern: year" in out
    assert "12 [19:21]\n  not a result:\n    result      result.non_result_pattern: count or size" in out


def test_explain_needs_text_or_paper_id() -> None:
    proc = run_cli("explain")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: explain: give either TEXT or --paper-id ID (with --db)"


def test_explain_a_paper_of_the_database(seed_db: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        paper_id, start, end, rules = con.execute(
            "SELECT paper_id, value_start, value_end, rules FROM results ORDER BY paper_id, value_start LIMIT 1"
        ).fetchone()
    proc = run_cli("explain", "--paper-id", paper_id, "--db", str(seed_db))
    assert proc.returncode == 0, proc.stderr
    assert f"[{start}:{end}]\n  result: " in proc.stdout
    assert "note: the database was built with" not in proc.stdout
    missing = run_cli("explain", "--paper-id", "no-such-paper", "--db", str(seed_db))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"error: {seed_db}: no paper with id 'no-such-paper'"


def test_explain_shows_the_method_and_baseline_rules_that_fired_and_declined() -> None:
    code, out = _explain("Our tagger gets 93.1 F1 on OntoNotes, compared with 91.4% for Flair.")
    assert code == 0
    own, compared = out.split("91.4% [52:57]")
    assert "is_own_method=True" in own
    assert 'method      -                        method.own_reference  "Our" [0:3]' in own
    assert "method      method.compared_system: did not match (The compared system's own number" in own
    assert 'method      Flair                    method.compared_system  "Flair" [62:67]' in compared
    assert "method=Flair, is_own_method=False" in compared
    assert "rules that declined" not in compared
    code, out = _explain("Our tagger gets 93.1 F1 on OntoNotes, 2.2 F1 more than Flair, and 1.7 more on WNUT-17.")
    two, one = out.split("2.2 [38:41]")[1].split("1.7 [")
    assert "baseline    Flair                    baseline.after_comparison_word" in two
    assert "baseline    baseline.after_comparison_word: did not match (The system named after a comparison" in one
