"""Cue phrases as regular expressions the engine scans quickly: one alternation per grammar role.

A plain alternation of many phrases, each opening with a word-start lookbehind, has no literal prefix, so `re`
tries every branch at every position. The forms here open with a case-sensitive set of every possible first
character (which `re` skips to in C) and dispatch on that character to the phrases that start with it, in their
original order: the same matches as the plain alternation (hypothesis tests in tests/test_fast_paths.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable


def _phrase_re(phrase: str) -> str:
    """Regex for one phrase: case-insensitive words, '*' = any word ending, flexible inner spaces."""
    star = phrase.endswith("*")
    body = phrase[:-1] if star else phrase
    out = r"\s+".join(re.escape(w) for w in body.split())
    if star:
        out += r"[\w\-]*"
    if body[:1].isalnum():
        out = r"(?<![\w\-])" + out
    if star or body[-1:].isalnum():
        out += r"(?![\w])"
    return out


NEVER = re.compile(r"(?!x)x")  # matches nothing: a role whose cue words the grammar leaves empty


_CHARS = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)  # the BMP, to enumerate case folds


def plain_alternation(phrases: list[str]) -> str:
    """The phrases as one alternation, longest first: words split by any spaces, '*' = any word ending, and no
    word character right after a phrase (case as the enclosing pattern says)."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        star = p.endswith("*")
        body = r"\s+".join(re.escape(w) for w in p.rstrip("*").split())
        parts.append(body + (r"[\w\-]*" if star else r"(?![\w])"))
    return "|".join(parts)


def _role_alternation(phrases: list[str], word_start: bool = False) -> str:
    """`plain_alternation` for a case-insensitive pattern, as one group dispatched on the first character when it
    can be (as `phrase_alternation`): the same matches, without trying every phrase at every position. With
    `word_start`, the group stands for `(?<![\\w\\-])(?:ALT)`: no word character or hyphen before it."""
    fast = _dispatched(sorted(set(phrases), key=len, reverse=True), word_start)
    if fast is not None:
        return fast
    return (_WORD_START if word_start else "") + f"(?:{plain_alternation(phrases)})"


_WORD_START = r"(?<![\w\-])"


def _dispatched(ordered: list[str], word_start: bool) -> str | None:
    """`_role_alternation`'s phrases (`ordered`) grouped by their first character; None when they cannot be.
    The word-start guard, when asked for, is tested right after the first character: `(?<![\\w\\-].)` there
    looks at the same character as `(?<![\\w\\-])` before it, but keeps the set first (which `re` skips to)."""
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        words = phrase.rstrip("*").split()
        if not words or len(words[0][0].lower()) != 1:
            return None
        first = words[0][0]
        if _folds(first) != _folds(first.lower()):
            return None
        rest = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        groups.setdefault(_fold_key(first, groups), []).append(
            rest + (r"[\w\-]*" if phrase.endswith("*") else r"(?![\w])")
        )
    dispatch = _dispatch(groups)
    if dispatch is None:
        return None
    guard = r"(?<![\w\-].)" if word_start else ""
    return f"(?:(?-i:[{dispatch[0]}]){guard}(?:{dispatch[1]}))"


@functools.lru_cache(maxsize=512)
def _folds(c: str) -> frozenset[str]:
    """The characters `c` matches case-insensitively."""
    return frozenset(re.findall(re.escape(c), _CHARS, re.IGNORECASE))


folds = _folds  # public: tail_cues.py asks which characters fold to ASCII


def _fold_key(first: str, groups: dict[str, list[str]]) -> str:
    """The group of phrases starting with `first`: `first` lowered, or the group whose first character folds to the
    same characters ("\u03b5" and "\u03f5" both match "\u0395"): one branch tries both in their written order, as the
    plain alternation does at a position either can start at."""
    low = first.lower()
    if low not in groups:
        folds = _folds(low)
        low = next((k for k in groups if _folds(k) == folds), low)
    return low


def _dispatch(groups: dict[str, list[str]], guard: Callable[[str], str] = lambda first: "") -> tuple[str, str] | None:
    """One branch `(?<=c)GUARD(?:rest|...)` per first character `c` (keys: lower-case) and the set of every character
    those branches start with, case-folded; None when two first characters fold together (then no dispatch gives
    the plain alternation's matches). `phrase_alternation`, `_dispatched` and `literal_alternation` build on it."""
    seen: set[str] = set()
    branches = []
    for first, rests in groups.items():
        folds = _folds(first)
        if folds & seen or first not in folds:
            return None
        seen |= folds
        branches.append(f"(?<={re.escape(first)}){guard(first)}(?:{'|'.join(rests)})")
    return "".join(re.escape(c) for c in sorted(seen)), "|".join(branches)


def compile_role(pattern: str, words: dict[str, dict[str, str]], kind: str) -> re.Pattern:
    """`pattern` with ALT standing for the cue words of `kind`, case-insensitive (NEVER when it has none). A pattern
    opening with the word-start guard `(?<![\\w\\-])` right before ALT gets it inside the dispatched alternation."""
    phrases = list(words.get(kind, {}))
    if not phrases:
        return NEVER
    for opening in ("(?:ALT)", "(?P<cue>ALT)", "(?P<mod>ALT)"):
        if pattern.startswith(_WORD_START + opening):
            alt = _role_alternation(phrases, word_start=True)
            return re.compile(pattern[len(_WORD_START) :].replace("ALT", alt, 1), re.IGNORECASE)
    return re.compile(pattern.replace("ALT", _role_alternation(phrases)), re.IGNORECASE)


def phrase_alternation(phrases: list[str]) -> str:
    """The phrases as one alternation, longest first; in a form the regex engine can scan quickly.

    A plain alternation of ~100 phrases that each open with a lookbehind has no literal prefix, so `re` tries every
    branch at every position. The equivalent form here opens with a case-sensitive set of every possible first
    character (which `re` uses to skip positions) and then dispatches on that character to the phrases that begin
    with it, in their original order. Phrases with different first characters cannot match at the same position, so
    the first branch that matches, and the match, are those of the plain alternation. When every phrase opens with
    a word character, their shared word-start guard is also tested once, before the dispatch.
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    plain = "|".join(_phrase_re(p) for p in ordered)
    groups: dict[str, list[str]] = {}
    firsts: set[str] = set()
    for phrase in ordered:
        star = phrase.endswith("*")
        body = phrase[:-1] if star else phrase
        words = body.split()
        if not words or body[0] != words[0][0] or len(body[0].lower()) != 1:
            return plain
        first = words[0][0]
        rest = re.escape(words[0][1:]) + "".join(r"\s+" + re.escape(w) for w in words[1:])
        if star:
            rest += r"[\w\-]*"
        if star or body[-1:].isalnum():
            rest += r"(?![\w])"
        groups.setdefault(_fold_key(first, groups), []).append(rest)
        firsts.add(first)
    if any(_folds(c) != _folds(c.lower()) for c in firsts):
        return plain
    dispatch = _dispatch(groups, lambda first: r"(?<![\w\-].)" if first.isalnum() else "")
    if dispatch is None:
        return plain
    # when every phrase opens with a word character, the word-start guard goes right after the first character
    # too: positions inside a word are then dropped before the dispatch tries its branches (1.5-2.7x faster)
    guard = r"(?<![\w\-].)" if all(f.isalnum() for f in firsts) else ""
    return f"(?-i:[{dispatch[0]}]){guard}(?:{dispatch[1]})"


def key_words(phrases: list[str]) -> tuple[str, ...] | None:
    """One word of each phrase, lowered (its longest; of a "*" phrase, a written one): a case-insensitive pattern
    needing one of the phrases matches ASCII text only where one of these is written (`may_hold`). None when a
    phrase is not ASCII or has no word (then only the pattern can tell)."""
    split = [p.rstrip("*").lower().split() for p in phrases]
    if not all(p.isascii() for p in phrases) or not all(split):
        return None
    return tuple(sorted({max(words, key=len) for words in split}))


def may_hold(keys: tuple[str, ...] | None, text: str, pos: int, endpos: int) -> bool:
    """False only when text[pos:endpos] is ASCII and holds none of `keys` (`key_words`): a few C-level `in` tests
    where `re` would try its pattern at every position."""
    seg = text[pos:endpos]
    return keys is None or not seg.isascii() or holds_key(keys, seg.lower())


def holds_key(keys: tuple[str, ...] | None, low: str) -> bool:
    """Whether the lowered ASCII text `low` holds one of `keys` (True for None: only the pattern can tell)."""
    return keys is None or any(map(low.__contains__, keys))


def literal_alternation(literals: list[str]) -> str:
    """Plain literals (case-insensitive, no word guards) as one alternation in the order given, dispatched on the
    first character like `phrase_alternation`: the same matches, but a position tries only the literals that can start
    there instead of every one ("score|scores|rate|..." at each position of a window)."""
    plain = "|".join(re.escape(x) for x in literals)
    groups: dict[str, list[str]] = {}
    for x in literals:
        if not x or len(x[0].lower()) != 1 or _folds(x[0]) != _folds(x[0].lower()):
            return plain
        groups.setdefault(_fold_key(x[0], groups), []).append(re.escape(x[1:]))
    dispatch = _dispatch(groups)
    return plain if dispatch is None else f"(?-i:[{dispatch[0]}])(?:{dispatch[1]})"
