"""ACRONYM-DEFINED-METRIC (extract/acronym_metrics.py): which parenthesised acronyms define a metric."""

from __future__ import annotations

from leaderboard.extract.acronym_metrics import defined_metric_spans

HEADS = ("rate", "ratio", "score", "return")


def _unknown(name: str) -> None:
    return None


def _knows_wer(name: str) -> object | None:
    return object() if name == "WER" else None


def test_defined_acronym_later_mentions_are_metric_spans() -> None:
    text = "We track the pallet drop rate (PDR). Our arm keeps PDR at 2.5 and 91 PDR overall."
    spans = defined_metric_spans(text, HEADS, (_unknown,))
    assert [(s.name, text[s.start : s.end]) for s in spans] == [("PDR", "PDR"), ("PDR", "PDR")]
    assert spans[0].start == text.index("PDR at")


def test_hyphenated_phrase_spells_acronym() -> None:
    text = "We use the off-road return (ORR); the policy reaches ORR 310."
    assert [s.name for s in defined_metric_spans(text, HEADS, (_unknown,))] == ["ORR"]


def test_no_metric_head_or_letters_that_do_not_fit_define_nothing() -> None:
    assert defined_metric_spans("We build the Harbor Lane corpus (HLC). HLC 4 is new.", HEADS, (_unknown,)) == ()
    assert defined_metric_spans("the mean pick rate (QXZ). QXZ 4 holds.", HEADS, (_unknown,)) == ()


def test_vocabulary_acronym_keeps_its_own_reading() -> None:
    text = "We report the word error rate (WER). Ours gets WER 4.1."
    assert defined_metric_spans(text, ("rate",), (_knows_wer,)) == ()
