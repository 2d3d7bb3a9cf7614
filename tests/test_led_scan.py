"""LedScan (a phrase pattern's matches found from first words with str.find) gives exactly `finditer`'s matches."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import open_names
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.vocab import Entry

_ROWS = [
    (r[0], r[1], r[2] if len(r) > 2 else "")
    for r in csv.reader((Path(__file__).parent.parent / "src/leaderboard/vocab/grammar.csv").open(encoding="utf-8"))
    if r and not r[0].startswith("#") and r[0] != "kind"
]
_G = Grammar.from_rows(_ROWS)
_KINDS = ("several_sets", "propose")
# pieces of the phrases, their case variants, word glue and a few non-ASCII characters (the fallback path)
_PIECES = sorted(
    {w for kind in ("benchmark_head", "several_sets", "propose") for p in _G.words.get(kind, {}) for w in p.split()}
)
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.sampled_from(_PIECES).map(str.upper),
        st.sampled_from(_PIECES).map(str.title),
        st.sampled_from([" ", "  ", "\n", "-", "s", "e", "d", ",", ".", "(", "x", "we", "The", "\u00e9", "\u017f"]),
    ),
    max_size=30,
).map("".join)


def _spans(ms) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group()) for m in ms]


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.sampled_from(_KINDS), st.integers(0, 40), st.integers(0, 400))
def test_scan_is_finditer(text: str, kind: str, pos: int, length: int) -> None:
    end = min(len(text), pos + length)
    want = _spans(getattr(_G, kind).finditer(text, pos, end))
    assert _spans(_G.scan(kind, text, pos, end)) == want
    assert _spans(_G.scan(kind, text)) == _spans(getattr(_G, kind).finditer(text))


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.sampled_from((*_KINDS, "any_head")), st.integers(0, 40), st.integers(0, 400))
def test_may_hold_is_false_only_without_a_match(text: str, kind: str, pos: int, length: int) -> None:
    end = min(len(text), pos + length)
    found = any(True for _ in getattr(_G, kind).finditer(text, pos, end))
    assert _G.may_hold(kind, text, pos, end) or not found


def test_may_hold_tests_first_words() -> None:
    assert _G.may_hold("any_head", "on the FooQA Data  set", 0, 22) is True
    assert _G.may_hold("any_head", "on the FooQA Data  set", 0, 15) is False  # "Data" is cut off
    assert _G.may_hold("any_head", "we report 3.5 points more", 0, 25) is False
    assert _G.may_hold("any_head", "\u00e9 no head", 0, 9) is True  # non-ASCII: the pattern decides


def test_scan_finds_heads_and_proposals() -> None:
    text = "We propose FooNet, dubbed F, and test it on two datasets: the BarQA benchmark and a test  set."
    assert [m.group() for m in _G.scan("propose", text)] == ["We propose", "dubbed"]
    assert [m.group() for m in _G.scan("several_sets", text, 0, 60)] == ["datasets"]
    assert _G.led["propose"].keys is not None  # the shipped phrases are plain ASCII: the str.find path is used
    assert [m.group() for m in _G.scan("several_sets", "the \u00e9 datasets")] == ["datasets"]  # non-ASCII: re path
    assert [m.group() for m in _G.scan("any_head", text)] == ["datasets", "benchmark", "test  set"]  # not led: re


_GLUED = st.lists(
    st.sampled_from(["score", "Score", "SCORE", "core", "-", " ", "CLUE", "x1", "Scores", "sc", "ore", "\u00e9", "("]),
    max_size=16,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_GLUED, st.integers(0, 10), st.integers(0, 80))
def test_glued_score_guard_keeps_every_match(text: str, s0: int, length: int) -> None:
    s1 = min(len(text), s0 + length)
    want = [m.span("name") for m in open_names._GLUED_SCORE.finditer(text, s0, s1)]
    got = [(s.start, s.end) for s in open_names.glued_score_names(text, s0, s1, _any_entry)]
    assert got == want


def _any_entry(name: str) -> Entry:
    return Entry(name, ())


def test_glued_score_names_reads_the_glued_name() -> None:
    assert [s.raw for s in open_names.glued_score_names("the CLUEscore and MTEB-Score", 0, 28, _any_entry)] == [
        "CLUE",
        "MTEB",
    ]
    assert open_names.glued_score_names("no such word here", 0, 17, _any_entry) == []
