"""Word lists that lived in rule modules are grammar data now (vocab/grammar.csv): a row of a user grammar file
(`--vocab my_cues.csv`) extends each of them, and the rule that reads the list follows it. Sentences written for
these tests; each is extracted with the shipped grammar and with one user row more."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper

# kind, the user's row's phrase, the sentence, (field, value with the shipped grammar, value with the user row)
CASES = [
    (
        "number_filler",  # other_subjects.py: "barely" only qualifies the number, so the subject is found
        "barely",
        "While veteran clinicians reach barely 61.4% on the KelpScan test, our tagger reaches 70.2%.",
        ("method", None, "veteran clinicians"),
    ),
    (
        "change_adverb",  # change_measure.py: "steadily" is no object of "climbs"
        "steadily",
        "On KelpSet, frond coverage climbs steadily from 0.52 to 0.61.",
        ("metric", "steadily", "frond coverage"),
    ),
    (
        "function_word",  # change_measure.py: "amid" opens a phrase, which is no part of the measure
        "amid",
        "On KelpSet, frond coverage amid storms climbs from 0.52 to 0.61.",
        ("metric", "frond coverage amid storms", "frond coverage"),
    ),
    (
        "generic_metric_head",  # attribution.py: a lone "tally" names no metric; the benchmark's usual one stands
        "tally",
        "OrcaNet achieves a tally of 81.2% on CIFAR-10.",
        ("metric", "tally", "Accuracy"),
    ),
    (
        "compared_after",  # methods.py: a name after "beside" is the system compared with, not the subject
        "beside",
        "Set against prior work, the margin beside HeronNet reaches 3.1 points on CIFAR-10.",
        ("method", "HeronNet", None),
    ),
    (
        "own_reference_setting",  # metric_forms.py: a share of the system's own unpruned accuracy
        "unpruned",
        "The pruned OrcaNet keeps 97.5% of its unpruned accuracy on KelpSet.",
        ("metric", "Accuracy", "relative accuracy"),
    ),
    (
        "time_measure_word",  # speed_activity.py: a time whose cue holds the word keeps its generic metric
        "takes",
        "Sampling 32 members takes 2.6 s on one GPU.",
        ("metric", "Sampling time (latency)", "Latency"),
    ),
]
BASE = "kind,phrase,value\nmetric_head,tally,\n"  # "tally" a metric head in both runs: only the generic row differs


def _first(ex: Extractor, text: str, field: str) -> object:
    found = ex.extract(Paper("w", "", text))
    assert found, text
    return getattr(found[0], field)


@pytest.fixture(scope="module")
def extractors(tmp_path_factory: pytest.TempPathFactory) -> tuple[Extractor, Extractor]:
    folder: Path = tmp_path_factory.mktemp("cues")
    (folder / "base.csv").write_text(BASE, encoding="utf-8")
    rows = "".join(f"{kind},{phrase},\n" for kind, phrase, _, _ in CASES)
    (folder / "user.csv").write_text(BASE + rows, encoding="utf-8")
    return Extractor(load_vocabulary([folder / "base.csv"])), Extractor(load_vocabulary([folder / "user.csv"]))


@pytest.mark.parametrize(("kind", "phrase", "text", "expect"), CASES, ids=[c[0] for c in CASES])
def test_a_user_row_extends_a_moved_word_list(extractors, kind, phrase, text, expect) -> None:
    shipped, extended = extractors
    field, before, after = expect
    assert _first(shipped, text, field) == before
    assert _first(extended, text, field) == after


def test_the_moved_lists_are_shipped_grammar_rows() -> None:
    kinds = {kind for kind, _, _ in load_vocabulary().grammar}
    moved = {"number_filler", "subject_opener", "function_word", "change_adverb", "time_measure_word"}
    moved |= {"generic_metric_head", "own_reference_setting", "generic_split_word", "compared_after"}
    assert moved <= kinds


def test_a_user_window_row_narrows_a_moved_window(tmp_path: Path) -> None:
    text = "In a sorting trial, trained experts achieve 53.7% on KelpScan, while our tagger reaches 70.2%."
    narrow = tmp_path / "narrow.csv"
    narrow.write_text("kind,phrase,value\nwindow,other_subject_before,12\n", encoding="utf-8")
    assert _first(Extractor(load_vocabulary()), text, "method") == "trained experts"
    assert _first(Extractor(load_vocabulary([narrow])), text, "method") is None  # only "achieve" is in reach
