"""ACRONYM-DEFINED-METRIC (extract/acronym_metrics.py): which parenthesised acronyms define a metric."""

from __future__ import annotations

from leaderboard.extract.acronym_metrics import candidates, definitions, mentions

HEADS = frozenset({"rate", "ratio", "score", "return"})
SETTINGS = (frozenset({"learning rate", "dropout"}),)


def _unknown(name: str) -> None:
    return None


def _knows_wer(name: str) -> object | None:
    return object() if name == "WER" else None


def _defined(text: str, known=(_unknown,)) -> tuple[str, ...]:
    return definitions(candidates(text), HEADS, SETTINGS, known)


def test_defined_acronym_later_mentions_are_metric_spans() -> None:
    text = "We track the pallet drop rate (PDR). Our arm keeps PDR at 2.5 and 91 PDR overall."
    spans = mentions(text, _defined(text))
    assert [(s.name, text[s.start : s.end]) for s in spans] == [("PDR", "PDR"), ("PDR", "PDR")]
    assert spans[0].start == text.index("PDR at")


def test_hyphenated_phrase_spells_acronym() -> None:
    assert _defined("We use the off-road return (ORR); the policy reaches ORR 310.") == ("ORR",)


def test_no_metric_head_or_letters_that_do_not_fit_define_nothing() -> None:
    assert _defined("We build the Harbor Lane corpus (HLC). HLC 4 is new.") == ()
    assert _defined("the mean pick rate (QXZ). QXZ 4 holds.") == ()
    assert candidates("no parenthesis at all 4.2") == ()


def test_vocabulary_acronym_keeps_its_own_reading() -> None:
    assert _defined("We report the word error rate (WER). Ours gets WER 4.1.", (_knows_wer,)) == ()


def test_setting_phrase_defines_no_metric() -> None:
    assert _defined("We tune the learning rate (LR); an LR of 0.01 works.") == ()
    assert _defined("We lower the dropout rate (DR) to 0.1. DR 0.1 helps.") == ()
    assert _defined("We track the task completion rate (TCR): TCR 64.") == ("TCR",)
