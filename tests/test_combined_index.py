"""One automaton pass over ASCII text finds what the two passes (one per case mode) find: CombinedIndex, NameIndex."""

from __future__ import annotations

import functools

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract.combined_index import CombinedIndex
from leaderboard.extract.vocab import Entry, NameIndex, NormText


@functools.cache
def _index() -> CombinedIndex:
    """Three small indexes with case-sensitive acronyms, case-folded names, stylised names and shared keys."""
    kinds = (
        [Entry("MAP", ("mAP",), case_sensitive=True), Entry("Accuracy", ("acc",)), Entry("Word Error Rate", ("WER",))],
        [Entry("QuuxBench", ("Quux-Bench",)), Entry("ZOO", (), case_sensitive=True), Entry("map", ("Mapset",))],
        [Entry("FlimNet", ()), Entry("ZOO", ("Zoo-1",)), Entry("MultiPLE", ())],
    )
    indexes = []
    for entries in kinds:
        ix = NameIndex()
        for e in entries:
            ix.add(e)
        ix.compile()
        indexes.append(ix)
    return CombinedIndex.of(tuple(indexes))


_WORDS = st.sampled_from(
    ["MAP", "mAP", "map", "Map", "acc", "ACC", "accuracy", "WER", "wer", "word error rate", "QuuxBench", "quux-bench",
     "ZOO", "zoo", "Zoo-1", "zoo 1", "mapset", "FlimNet", "flimnet", "multiple", "MultiPLE", " ", "-", ".", "s", "x",
     "1", "\u212a", "\u00e9"]
)  # fmt: skip


def _spans(found):
    return [[(m.start, m.end, m.entry.name) for m in f] for f in found]


@settings(max_examples=600, deadline=None)
@given(st.lists(_WORDS, max_size=12).map("".join))
def test_one_pass_finds_what_two_passes_find(text: str) -> None:
    ix = _index()
    nt = NormText.of(text)
    assert _spans(ix.find(nt)) == _spans(ix._find_twice(nt))


def test_one_pass_cases() -> None:
    ix = _index()
    text = "A mAP of 3 on QuuxBench and ZOO, not zoo; multiple FlimNet runs."
    found = _spans(ix.find(NormText.of(text)))
    assert found == [
        [(2, 5, "MAP")],
        [(2, 5, "map"), (14, 23, "QuuxBench"), (28, 31, "ZOO")],
        [(28, 31, "ZOO"), (51, 58, "FlimNet")],  # an all-caps acronym matches only as written
    ]
    assert ix.auto_both is not None


@settings(max_examples=600, deadline=None)
@given(st.lists(_WORDS, max_size=12).map("".join), st.integers(0, 2))
def test_single_index_one_pass_finds_what_two_passes_find(text: str, which: int) -> None:
    ix = _index().indexes[which]
    nt = NormText.of(text)
    assert _spans([ix.find(nt)]) == _spans([ix._find_twice(nt)])
