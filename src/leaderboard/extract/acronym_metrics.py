"""ACRONYM-DEFINED-METRIC: "the collision-free ratio (CFR)" defines "CFR" as a metric for the rest of the abstract.

A phrase of up to four words ending in a metric head word (grammar kind `metric_head`) followed by an acronym in
parentheses whose letters the phrase's words spell in order makes every later mention of the acronym a metric
mention ("CFR 91", "a CFR of 91"). Acronyms the vocabulary knows as a metric or benchmark keep their own reading
(the usual rules see them already). The metric is named by the acronym: it is what the result sentences write and
what leaderboards list, and the reference scorer matches an acronym to its long form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container

from leaderboard.extract.attribution import Span

_PAREN_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9]{1,7})\)")
_REACH = 80  # characters before the parenthesis the defining phrase is read in
_EDGE = "\"'`,;:.()[]"


def _spells(words: tuple[str, ...], acr: str) -> bool:
    """Whether the acronym's letters are the initials of the last words (hyphen parts count as words), in order."""
    parts = [p for w in words for p in w.split("-") if p]
    letters = "".join(c for c in acr if c.isalpha()).upper()
    if not letters or len(letters) > len(parts):
        return False
    return "".join(p[0] for p in parts[-len(letters) :]).upper() == letters


def _phrase(words: tuple[str, ...], acr: str) -> tuple[str, ...]:
    """The last words of `words` whose initials spell the acronym."""
    n = sum(c.isalpha() for c in acr)
    for k in range(len(words) - 1, -1, -1):
        if sum(len([p for p in w.split("-") if p]) for w in words[k:]) >= n:
            return words[k:]
    return words


@functools.lru_cache(maxsize=2)
def candidates(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each parenthesised acronym of the text with the (at most four) words right before it."""
    if "(" not in text:
        return ()
    out = []
    for m in _PAREN_ACRONYM.finditer(text):
        words = tuple(w.strip(_EDGE) for w in text[max(0, m.start() - _REACH) : m.start()].split()[-4:])
        if words and all(words):
            out.append((m.group("acr"), words))
    return tuple(out)


def _names_setting(words: tuple[str, ...], settings: tuple[Container[str], ...]) -> bool:
    """Whether the phrase, or its words before the head, ends in a setting ("learning rate", "dropout rate")."""
    low = [w.lower() for w in words]
    ends = [" ".join(low[k:]) for k in range(len(low))] + [" ".join(low[k:-1]) for k in range(len(low) - 1)]
    return any(e in kind for e in ends for kind in settings)


def definitions(
    cands: tuple[tuple[str, tuple[str, ...]], ...],
    heads: Container[str],
    settings: tuple[Container[str], ...],
    known: tuple[Callable[[str], object], ...],
) -> tuple[str, ...]:
    """The acronyms defined by a phrase ending in a metric head that spells them, unknown to the vocabulary and
    naming no setting (grammar kinds `setting_before`, `setting_phrase`: "the learning rate (LR)" is no metric)."""
    out: list[str] = []
    for acr, words in cands:
        if acr in out or words[-1].lower() not in heads or not _spells(words, acr):
            continue
        if _names_setting(_phrase(words, acr), settings):
            continue
        if not any(k(acr) is not None for k in known):
            out.append(acr)
    return tuple(out)


@functools.lru_cache(maxsize=2)
def mentions(text: str, acrs: tuple[str, ...]) -> tuple[Span, ...]:
    """Later mentions of the acronyms (not the definitions in parentheses), as metric spans outside the vocabulary."""
    if not acrs:
        return ()
    pattern = re.compile(r"(?<![\w\-(])(?:" + "|".join(re.escape(a) for a in acrs) + r")(?![\w\-)])")
    return tuple(Span(m.start(), m.end(), m.group(), m.group()) for m in pattern.finditer(text))
