"""The method rules read their cue words from the grammar: a result verb between a comparison word and a number
makes the number the paper's own, unless the phrase names a standing (grammar value `standing`)."""

from __future__ import annotations

import json
from pathlib import Path

from leaderboard.extract import Extractor
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper

TEXT = "Our reader gets 77.5% EM on HotpotQA, compared to the SOTA EM of 74.1%."


def _method_of(extractor: Extractor, number: str) -> tuple[str | None, bool | None, str]:
    start = TEXT.index(number)
    rows = [r for r in extractor.extract(Paper("m", "", TEXT)) if r.value_start == start]
    assert len(rows) == 1
    return rows[0].method, rows[0].is_own_method, json.loads(rows[0].rules).get("method", "")


def test_a_standing_phrase_names_the_compared_system(extractor: Extractor) -> None:
    assert _method_of(extractor, "74.1%") == ("SOTA", False, "method.compared_system")


def test_without_the_standing_value_the_phrase_is_a_result_verb(tmp_path: Path) -> None:
    extra = tmp_path / "grammar.csv"
    extra.write_text("kind,phrase,value\nresult_verb,sota,\n", encoding="utf-8")  # the user's row comes first
    plain = Extractor(load_vocabulary([extra]))
    assert _method_of(plain, "74.1%") == (None, True, "method.own_reference")


def test_a_verb_spelled_like_a_stylised_model_name_is_no_method(extractor: Extractor) -> None:
    """ "beats" is a verb, "BEATs" the audio model: a stylised name written in lower case names no method."""
    for text, number in (
        ("The pruned tagger beats Flair by 1.7 points on CoNLL-2003.", "1.7"),
        ("On ESC-50, BEATs reaches 98.1% accuracy.", "98.1"),
    ):
        rows = [r for r in extractor.extract(Paper("v", "", text)) if r.value_text.startswith(number)]
        assert len(rows) == 1
        assert rows[0].method == (None if text.startswith("The pruned") else "BEATs")
