"""Cheap tests that run before an expensive pattern must hold wherever the pattern matches (same output)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import alternation, filters, open_names

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


_PHRASES = st.lists(
    st.sampled_from(
        [
            "gain*",
            "drop",
            "drops by",
            "Rise",
            "rank",
            "re-rank",
            "top",
            "set",
            "sets",
            "data set",
            "(best)",
            "\u03b5 =",
            "\u03f5 =",
            "\u03f5ta",
            "\u03b5t",
        ]
    ),
    min_size=1,
    max_size=6,
)
_TEXT = st.lists(
    st.sampled_from(["gain", "gains", "drop", "drops  by", "Rise", "RANK", "re-rank", "-", "_", "x", " ", "sets",
                     "data", " set", "(best)", "top-1", "\u212a", "\u017f", ".",
                     "\u03b5", "\u03f5", "\u0395", " =", "t", "ta"]),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_PHRASES, _TEXT)
def test_dispatched_alternation_finds_what_the_plain_one_finds(phrases: list[str], text: str) -> None:
    """alternation.phrase_alternation (first-character dispatch, shared word-start guard) = the plain alternation."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    plain = re.compile("|".join(alternation._phrase_re(p) for p in ordered), re.IGNORECASE)
    fast = re.compile(alternation.phrase_alternation(phrases), re.IGNORECASE)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_phrases_whose_first_characters_fold_together_share_a_branch() -> None:
    """ "\u03b5" and "\u03f5" match the same characters: one dispatched branch (not the undispatched alternation)."""
    alt = alternation.phrase_alternation(["\u03b5 =", "\u03f5 =", "lr"])
    assert alt.startswith("(?-i:[")
    fast = re.compile(alt, re.IGNORECASE)
    assert [m.group() for m in fast.finditer("\u03f5 = 1, \u0395  = 2, LR 3")] == ["\u03f5 =", "\u0395  =", "LR"]


def test_word_start_guard_only_when_every_phrase_opens_with_a_word_character() -> None:
    assert r"])(?<![\w\-].)(?:" in alternation.phrase_alternation(["gain*", "drop"])
    assert r"])(?<![\w\-].)(?:" not in alternation.phrase_alternation(["gain*", "(best)"])
    fast = re.compile(alternation.phrase_alternation(["gain*", "drop"]), re.IGNORECASE)
    assert [m.group() for m in fast.finditer("Gains, re-drop, xdrop and DROP.")] == ["Gains", "DROP"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["Jan", "sept", "MAY", "ma", "y", "\u017fep", "Dec.", " ", "|", "3rd", "th,", "x", "e",
                              "\u00e9"]), max_size=8).map("".join)
)  # fmt: skip
def test_month_stem_test_holds_wherever_a_date_word_matches(near: str) -> None:
    if filters._DATE_WORDS.search(near):
        assert filters._may_name_month(near)


_GRAMMAR: list = []


def _grammar():
    if not _GRAMMAR:
        from leaderboard.extract.grammar import Grammar
        from leaderboard.extract.vocab import load_vocabulary

        _GRAMMAR.append(Grammar.from_rows(load_vocabulary().grammar))
    return _GRAMMAR[0]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(["In", "real", "-world", " world", "online", "live", " ", "  ", "A/B", " test", "trials",
                              "robots", "user", " studies", "in production", "Raters", "x", "\u00e9", "setting", "s"]),
             max_size=10).map("".join)
)  # fmt: skip
def test_own_setting_word_test_gives_the_pattern_answer(text: str) -> None:
    g = _grammar()
    assert g.sets_own(text, 0, len(text)) == (g.own_setting.search(text) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["on the", "hard", "test", " ", "Split", "subset", "track", "x", "\u00e9", "in"]),
                max_size=10).map("".join))  # fmt: skip
def test_subset_head_first_words_precede_every_subset_phrase(text: str) -> None:
    from leaderboard.extract.rules import subset

    g = _grammar()
    if subset._subset_in(g.subset_head.pattern).search(text):
        assert g.may_hold("subset_head", text, 0, len(text))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["up to", "Up  to", "about", "over", "~", "approx.", ">=", "a", "an", "the", "The", " ",
                              "  ", "(", "[", "\n", "x", "more than", "thana", "e", "-", "\u00e9", "\u2248",
                              "at least"]),
             max_size=8).map("".join)
)  # fmt: skip
def test_qualifier_end_is_the_qualifier_search(tail: str) -> None:
    g = _grammar()
    want, got = g.qualifier_before.search(tail), g.qualifier_end(tail)
    assert (got and got.span()) == (want and want.span())


@settings(max_examples=400, deadline=None)
@given(_PHRASES, _TEXT, st.integers(0, 4))
def test_key_words_are_written_wherever_a_phrase_matches(phrases: list[str], text: str, pos: int) -> None:
    """alternation.key_words / may_hold: no key written in ASCII text, no match of the phrases there."""
    fast = re.compile(alternation.phrase_alternation(phrases), re.IGNORECASE)
    if fast.search(text, pos):
        assert alternation.may_hold(alternation.key_words(phrases), text, pos, len(text))


def test_key_words_are_each_phrases_longest_word() -> None:
    assert alternation.key_words(["Full precision", "FP16", "fewer params*"]) == ("fp16", "params", "precision")
    assert alternation.key_words(["\u2248", "about"]) is None  # a phrase not ASCII: only the pattern can tell
    assert not alternation.may_hold(("fp16",), "a 4-bit model vs FP32", 0, 21)
    assert alternation.may_hold(("fp16",), "\u00e9 fp1", 0, 5)  # not ASCII: the pattern decides
