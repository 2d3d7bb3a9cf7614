"""Cheap tests that run before an expensive pattern must hold wherever the pattern matches (same output)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import open_names

_PIECES = st.sampled_from(
    ["Kestrel", "Legal", "KLC", "(", ")", "(KLC)", "(Hg2)", " ", "  ", "corpus", "data set", "the", "A", "7b", "-",
     "x1", ",", "."]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=16).map("".join))
def test_acronym_paren_precedes_every_acronym_head_match(text: str) -> None:
    if open_names._ACRONYM_HEAD.search(text):
        assert open_names._ACRONYM_PAREN.search(text)


def test_acronym_head_names_with_and_without_the_anchor() -> None:
    def never(name: str) -> bool:
        return False

    heads = re.compile(r"corpus|database|benchmark")
    text = "We release the Harbor Gesture (HG) database and the Quill (QL) set; scores (Top-1) rise."
    got = [s.name for s in open_names.acronym_head_names(text, 0, len(text), heads, never)]
    assert got == ["Harbor Gesture (HG)"]
    assert open_names.acronym_head_names("No acronym (here) corpus.", 0, 25, heads, never) == []
