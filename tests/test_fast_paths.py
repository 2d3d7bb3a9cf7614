"""The extractor's C-level fast paths give exactly what the regexes they replace give (same output, less work)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import alignment, alternation, attribution, grammar, numbers, open_names, urls
from leaderboard.extract.names import NameCapture

_NUMBERISH = st.lists(
    st.sampled_from(
        ["7", "0", "12.5", ".5", "-", "+", "$", "%", " ", "x", "a", "GPT-", "1,024", "\u0663", "\uff17", "\u00e9",
         "\u2212", "\u00b1", "e", ".", "/", "3"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
def test_has_digit_is_the_digit_regex(text: str) -> None:
    assert numbers.has_digit(text) == bool(re.search(r"\d", text))


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
def test_number_matches_are_the_number_regex_matches(text: str) -> None:
    got = [m.span() for m in numbers._number_matches(text)]
    assert got == [m.span() for m in numbers._NUMBER.finditer(text)]


def test_digits_of_other_scripts_take_the_regex_path() -> None:
    assert numbers.has_digit("score \u0663") is True  # Arabic-Indic three: a digit for \d, not ASCII
    assert numbers.has_digit("no digits at all, only words") is False
    assert [m.group() for m in numbers._number_matches("up 4.5% and \uff17 then 12")] == ["4.5%", "\uff17", "12"]


def _plain_metric_phrase(heads: list[str]) -> re.Pattern:
    """grammar's metric phrase as it was written: backtracking word runs, a plain alternation of the heads."""
    alt = "|".join(re.escape(h) for h in sorted(set(heads), key=len, reverse=True))
    return re.compile(
        r"(?P<m>(?:[\w\-@/]+\s+){0,3}?(?:[\w@/]+-)?(?:" + alt + "))" + grammar._METRIC_PHRASE_TAIL, re.IGNORECASE
    )


_HEADS = st.lists(
    st.sampled_from(["score", "scores", "rate", "Recall", "AUC", "s", "\u017fum", "F-measure"]), min_size=1
)
_BEFORE = st.lists(
    st.sampled_from(
        ["an", " ", "  ", "R-", "precision", "score", "SCORES", "rate", "recall", "auc", "\u017fcore", "F-measure",
         "of", "is", "=", ":", "(top-1)", "about", "up to", "[", "$", "-", "/", "@", "x", "\u212a", ",", "."]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_HEADS, _BEFORE)
def test_metric_phrase_is_the_backtracking_pattern(heads: list[str], before: str) -> None:
    """Possessive word runs, dispatched heads and the head-and-link test find what the plain pattern finds."""
    phrase, end = grammar._metric_phrase(heads)
    want = _plain_metric_phrase(heads).search(before)
    got = phrase.search(before) if end.search(before) else None
    assert (got and (got.span(), got.group("m"))) == (want and (want.span(), want.group("m")))


def test_literal_alternation_dispatches_on_the_first_character() -> None:
    alt = alternation.literal_alternation(["scores", "score", "rate"])
    assert alt.startswith("(?-i:[RSrs\u017f])")  # the long s folds to "s"
    assert [m.group() for m in re.finditer(alt, "Scores, RATE, \u017fcore", re.IGNORECASE)] == [
        "Scores",
        "RATE",
        "\u017fcore",
    ]


def _plain_role(phrases: list[str]) -> str:
    """alternation.plain_alternation as it was written: every phrase tried at every position."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.rstrip("*").split())
        parts.append(body + (r"[\w\-]*" if p.endswith("*") else r"(?![\w])"))
    return "|".join(parts)


_ROLE_PHRASES = st.lists(
    st.sampled_from(["faster", "fast*", "speed up", "Smaller", "(x)", "\u212aB", "kb", "size", "s", "ratio of*"]),
    min_size=1,
    max_size=6,
)
_ROLE_TEXT = st.lists(
    st.sampled_from(["faster", "FAST", "fastest", "speed  up", "speedup", "smaller", "(x)", "kb", "KB", "\u212ab",
                     "size", "sizes", "ratio of", "ratio ofs", " ", "-", "x", "\u017f", "7", "."]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_ROLE_PHRASES, _ROLE_TEXT)
def test_dispatched_role_alternation_is_the_plain_one(phrases: list[str], text: str) -> None:
    """compile_role's dispatched alternation finds what the plain one finds, inside role patterns too (with the
    word-start guard moved after the first character when the pattern opens with it)."""
    words = {"k": dict.fromkeys(phrases, "")}
    patterns = (
        r"(?P<cue>ALT)",
        r"(?<![\w\-])(?:ALT)\s*$",
        r"(?<![\w\-])(?P<cue>ALT)\s+(?:[a-z]+\s+){0,3}?by\s*$",
        r"^\s*(?:[\w\-]+\s+){0,2}?(?P<cue>ALT)",
    )
    for pattern in patterns:
        fast = alternation.compile_role(pattern, words, "k")
        plain = re.compile(pattern.replace("ALT", _plain_role(phrases)), re.IGNORECASE)
        for pos in range(min(len(text), 3) + 1):
            want = [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)]
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos)] == want


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["on", "in", "On", "In", "ON", "x", "the", " ", "  ", "-", "\u00e9", "o", "n", "("]),
                max_size=14).map("".join), st.integers(0, 6))  # fmt: skip
def test_on_anchor_is_the_word_boundary_pattern(text: str, pos: int) -> None:
    capture = NameCapture(grammar.Grammar.from_rows([]))
    plain = re.compile(r"\b(?:on|in|On)\s+(?:the\s+)?")
    want = [(m.start() + 1, m.end()) for m in plain.finditer(text, pos)]  # the anchor's match starts at the "n"
    assert [m.span() for m in capture.on_anchor.finditer(text, pos + 1)] == want


_URLISH = st.lists(
    st.sampled_from(["http", "HTTPS", "ht\u017fp", " :", "://", "www.", "WWW.", ".com", ".AI", ".\u0131o", "x", " ",
                     "/", "a.b", ".net", "s", ":", "w", "."]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_URLISH, st.integers(0, 5))
def test_url_hints_are_the_lookahead_patterns(text: str, pos: int) -> None:
    hint = re.compile(r"(?=[:.wW])(?:://|www\.|\.(?:com|org|io|net|ai)\b)", re.IGNORECASE)
    start = re.compile(r"(?=[hHwW.])(?:https?\s*:|www\.|\.(?:com|org|io|net|ai))", re.IGNORECASE)
    for fast, plain in ((urls.URL_HINT, hint), (urls.URL_START, start)):
        assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


_CLAUSES = st.lists(
    st.sampled_from(["while", "whereas", "Whereas", "awhile", "whiles", ",", ", ", ",  and ", "and", "which ", ";",
                     ":", " ", "x", "respectively", "RESPECTIVELY", "irrespectively", "\u00e9"]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_CLAUSES, st.integers(0, 5))
def test_clause_break_and_respectively_are_the_word_boundary_patterns(text: str, pos: int) -> None:
    clause = re.compile(r"[;:]|,\s+(?:and\s+|but\s+|while\s+|whereas\s+|which\s+)|\bwhile\b|\bwhereas\b")
    respectively = re.compile(r"\brespectively\b", re.IGNORECASE)
    for fast, plain in ((attribution._CLAUSE_BREAK, clause), (alignment.RESPECTIVELY, respectively)):
        assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in plain.finditer(text, pos)]


def test_own_name_cue_keeps_its_word_boundary() -> None:
    g = grammar.Grammar.from_rows([("own_name_before", "our model", ""), ("own_name_before", "termed", "")])
    assert not g.own_name_before.pattern.startswith(r"\b")
    found = [m.group() for m in g.own_name_before.finditer("Our model, determed, termed X, xour model, -termed")]
    assert found == ["Our model", "termed"]
    odd = grammar.Grammar.from_rows([("own_name_before", "(ours)", "")])
    assert odd.own_name_before.pattern.startswith(r"\b")


_PREPOSITIONS = st.lists(
    st.sampled_from(["on", "of", "for", "in", "using", "with", "from", "On", "xon", "-in", " ", "  ", "the ", "V2",
                     "v1", "X", "7", "a", "\u00e9"]),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_PREPOSITIONS, st.integers(0, 4))
def test_version_hint_is_the_word_boundary_pattern(text: str, pos: int) -> None:
    version = re.compile(r"\b(?:on|for|in)\s+(?:the\s+)?[Vv]\d")
    fast = open_names._HAS_VERSION
    assert [m.span() for m in fast.finditer(text, pos)] == [m.span() for m in version.finditer(text, pos)]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["on", "for", "in", "On", "xon", "-in", "\u00e9n", " ", "  ", "the ", "V2", "v1", "2.1",
                              "12", "7", "%", ",5", ".", "a", "_"]), max_size=12).map("".join),
    st.integers(0, 4),
)  # fmt: skip
def test_bare_version_slot_is_the_word_boundary_pattern(text: str, pos: int) -> None:
    bare = re.compile(r"\b(?:on|for|in)\s+(?:the\s+)?(?P<v>[vV]?\d{1,2}(?:\.\d{1,2})?)(?![\w%]|[.,]\d)")
    fast = open_names._ON_BARE_VERSION
    want = [(m.span(), m.span("v")) for m in bare.finditer(text, pos)]
    assert [(m.span(), m.span("v")) for m in fast.finditer(text, pos)] == want


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["the", "The", "their", "its", "a", "an", "An", "our", "this", "that", "xthe", " ", "  ",
                              "gap", "drop", "widens", "further", "to", "at", "only", "and", "-", "\u0130ts", "\u00e9"
                              ]), max_size=12).map("".join)
)  # fmt: skip
def test_subject_verb_before_is_the_word_boundary_pattern(before: str) -> None:
    from leaderboard.extract.rules import kind

    fast = kind._SUBJECT_VERB_BEFORE
    opening = r"(?i:[tioa])(?<!\w.)(?i:(?<=t)(?:he|heir|his|hat)|(?<=i)ts|(?<=o)ur|(?<=a)(?:|n))"
    assert fast.pattern.startswith(opening)
    plain = re.compile(r"\b(?i:the|its|their|our|this|that|a|an)" + fast.pattern[len(opening) :])
    want, got = plain.search(before), fast.search(before)
    assert (got and (got.span(), got.group(1))) == (want and (want.span(), want.group(1)))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(["of", "=", ":", "is", "was", "reaches", "xof", "-is", " ", "  ", "F1", "(", "$", "[",
                              "score", "\u00e9", "r", "w", "o"]), max_size=10).map("".join)
)  # fmt: skip
def test_metric_link_end_is_the_word_boundary_pattern(before: str) -> None:
    plain = re.compile(r"(?:\bof|=|:|\bis|\bwas|\breaches)\s*(?:\w+\s+){0,2}?[(\[]?\$?\s*$")
    want, got = plain.search(before), attribution._LINK_END.search(before)
    assert (got and got.span()) == (want and want.span())


_DIMENSIONISH = st.lists(
    st.sampled_from(["1024", "7", " ", "x", "X", "\u00d7", "$", "\\times", "\\time", "s", "a", "\n", "-", "\u00e9"]),
    max_size=10,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_DIMENSIONISH, st.integers(0, 40))
def test_times_before_never_misses_a_dimension_before(text: str, start: int) -> None:
    found = numbers._DIMENSION_BEFORE.search(text, max(0, start - 12), start) is not None
    assert not found or numbers._times_before(text, start)
    assert numbers._times_before("an image of 1024 x ", 19) and not numbers._times_before("up 4.5 points to ", 17)


def test_short_forms_are_tried_in_sorted_order() -> None:
    shorts = frozenset({"Pets", "Cars", "Food", "Aircraft"})
    assert open_names._in_order(shorts) == ("Aircraft", "Cars", "Food", "Pets")


def test_folded_characters_are_not_ascii() -> None:
    """NormText.of skips the search for them in ASCII text."""
    from leaderboard.extract import normtext

    assert not any(c.isascii() for c in normtext._FOLD_CHARS)
    assert set(normtext._FOLD) == {ord(c) for c in normtext._FOLD_CHARS}


_SENTENCE_END = st.lists(
    st.sampled_from(["e.g", "et al", "Fig", "figs", "No", "vs", "al", "x", " ", ".", "(", "\u017f", "Eq", "1", "ab"]),
    max_size=6,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_SENTENCE_END, st.integers(0, 8))
def test_abbreviation_test_is_the_abbreviation_search(text: str, back: int) -> None:
    from leaderboard.extract import sentences

    text += "."
    end = len(text)
    pos = max(0, end - back - 1)
    assert sentences._abbreviation(text, pos, end) == bool(sentences._ABBREV.search(text, pos, end))
