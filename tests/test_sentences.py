"""split_sentences: boundaries in one regex pass, the same spans as trying the boundary after each mark."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract.sentences import _ABBREV, _BOUNDARY, _boundaries, split_sentences

_AFTER_MARK = re.compile(r"(?<=[.!?])(?:\s+(?=[A-Z(\[\"'\u201c])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,}\b))")


def reference(text: str) -> list[tuple[int, int]]:
    """The earlier implementation: every mark found, then the boundary pattern tried right after it."""
    spans, start = [], 0
    for p in re.finditer(r"[.!?]", text):
        m = _AFTER_MARK.match(text, p.end())
        if m is None or m.start() <= start or _ABBREV.search(text, max(start, m.start() - 8), m.start()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def test_boundaries_abbreviations_and_glued_sentences() -> None:
    text = "Fig. 2 shows gains, e.g. on Foo. Scores rise!Then (b) holds.The parser wins? Yes ... ok"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == [
        "Fig. 2 shows gains, e.g. on Foo.",
        "Scores rise!",
        "Then (b) holds.",
        "The parser wins?",
        "Yes ... ok",
    ]


_PIECES = st.sampled_from(
    [".", "!", "?", " ", "  ", "\n", "A", "The", "ab", "abc", "word", "Word", "e.g", "et al", "Fig", "(", "[", '"',
     "'", "\u201c", "1", "2.5", "x", "\x1c", "\u2009", "\u200b"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_same_spans_as_trying_each_mark(text: str) -> None:
    assert split_sentences(text) == reference(text)


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_mark_boundaries_are_the_boundary_matches(text: str) -> None:
    assert [m.span() for m in _boundaries(text)] == [m.span() for m in _BOUNDARY.finditer(text)]


def test_mark_boundaries_merge_by_position() -> None:
    text = "Up 5.1 points! Then? Both.Done. Fine."
    assert [text[m.start()] for m in _boundaries(text)] == ["!", "?", ".", "."]
