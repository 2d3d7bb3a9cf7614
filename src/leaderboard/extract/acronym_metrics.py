"""ACRONYM-DEFINED-METRIC: "the collision-free ratio (CFR)" defines "CFR" as a metric for the rest of the abstract.

A phrase of up to four words ending in a metric head word (grammar kind `metric_head`) followed by an acronym in
parentheses whose letters the phrase's words spell in order makes every later mention of the acronym a metric
mention ("CFR 91", "an CFR of 91"). Acronyms the vocabulary knows as a metric or benchmark keep their own reading
(the usual rules see them already). The metric is named by the acronym: it is what the result sentences write and
what leaderboards list, and the reference scorer matches an acronym to its long form.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span

# every definition holds this: the cheap test before the phrase pattern
_PAREN_ACRONYM = re.compile(r"\((?P<acr>[A-Z][A-Za-z0-9]{1,7})\)")
_WORDS_BEFORE = re.compile(r"((?:[A-Za-z][\w\-]*\s+){0,3}[A-Za-z][\w\-]*)\s*$")


def _spells(words: list[str], acr: str) -> bool:
    """Whether the acronym's letters are the initials of the words (hyphen parts count as words), in order."""
    parts = [p for w in words for p in w.split("-") if p]
    initials = "".join(p[0] for p in parts).upper()
    letters = "".join(c for c in acr if c.isalpha()).upper()
    return initials == letters or (
        len(letters) >= 2 and initials.endswith(letters) and parts[-len(letters)][0].isalpha()
    )


def _definitions(text: str, heads: tuple[str, ...], known: tuple[Callable[[str], object], ...]) -> tuple[str, ...]:
    """The acronyms the text defines as metrics outside the vocabulary."""
    out: list[str] = []
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group("acr")
        if acr in out or any(k(acr) is not None for k in known):
            continue
        w = _WORDS_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if w is None:
            continue
        words = w.group(1).split()
        if words[-1].lower() not in heads:
            continue
        for k in range(len(words)):
            if _spells(words[k:], acr):
                out.append(acr)
                break
    return tuple(out)


@functools.lru_cache(maxsize=2)
def defined_metric_spans(
    text: str, heads: tuple[str, ...], known: tuple[Callable[[str], object], ...]
) -> tuple[Span, ...]:
    """Later mentions of acronyms the text defines as metrics (not the definitions themselves), as metric spans."""
    if "(" not in text or not _PAREN_ACRONYM.search(text):
        return ()
    acrs = _definitions(text, heads, known)  # `known`: vocabulary look-ups (None: unknown)
    if not acrs:
        return ()
    pattern = re.compile(r"(?<![\w\-(])(?:" + "|".join(re.escape(a) for a in acrs) + r")(?![\w\-)])")
    return tuple(Span(m.start(), m.end(), m.group(), m.group()) for m in pattern.finditer(text))
