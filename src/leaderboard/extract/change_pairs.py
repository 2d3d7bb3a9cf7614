"""CHANGE-ORDERED-PAIR: a "(x vs. y)" pair right after the change it spells out ("improvements on MNLI by +0.9%
(90.2% vs. 91.1%)"). Authors write either side first; the arithmetic tells them apart: the side that is the other
plus the change (its sign, or "+" after an improvement word) is the system that improved, the other is the system
it is compared with (named by the sentence's comparison word: "Compared to X, ...")."""

from __future__ import annotations

import re

from leaderboard.extract.grammar import Grammar
from leaderboard.extract.rules.baseline import baseline_span, cut_to_known_name
from leaderboard.extract.sentence import Abstract, Sentence

_NUM = r"(\d+(?:\.\d+)?)"
_PAIR = re.compile(
    r"([+\-−]?)"
    + _NUM
    + r"\s*(?:%|points?|pp)?\s*\(\s*"
    + _NUM
    + r"\s*%?\s*(?:vs\.?|versus)\s*"
    + _NUM
    + r"\s*%?\s*\)",
    re.IGNORECASE,
)
_BARE_PAIR = re.compile(
    r"\(\s*" + _NUM + r"\s*%?\s*(?:vs\.?|versus)\s*" + _NUM + r"\s*%?(?:\s+[^\s()]{1,12})?\s*\)", re.IGNORECASE
)
_BY_END = re.compile(r"\bby\s+$")
_VS = re.compile(r"\bv(?:s|ersus)\b", re.IGNORECASE)


def _close(a: float, b: float, texts: tuple[str, ...]) -> bool:
    """a == b up to half a unit of the least precise written number."""
    digits = min(len(t.partition(".")[2]) for t in texts)
    return abs(a - b) <= 0.5 * 10**-digits + 1e-9


def _gain_by(text: str, g: Grammar, lo: int, hi: int) -> bool:
    """text[lo:hi] ends in "by" after a change word of the grammar whose direction is up ("improves MNLI by")."""
    by = _BY_END.search(text, lo, hi)
    return by is not None and any(
        g.value_of("change", c.group(0)) in ("up", "better") for c in g.scan("change", text, lo, by.start())
    )


def pair_side(text: str, g: Grammar, s0: int, s1: int, pos: int) -> tuple[bool, tuple[int, int] | None] | None:
    """For the number at `pos` inside such a pair: (is the improved system's, the span naming the other system in
    the sentence or None); None when `pos` is in no such pair or the arithmetic does not fit."""
    if text.find("(", s0, pos) < 0 or not _VS.search(text, max(s0, pos - 12), pos + 16):
        return None  # literal gate: "(" before and "vs"/"versus" around the number
    for m in _PAIR.finditer(text, s0, s1):
        if pos not in (m.start(3), m.start(4)):
            continue
        sign = m.group(1)
        if not sign and not _gain_by(text, g, max(s0, m.start() - 80), m.start()):
            return None
        d, x, y = float(m.group(2)), float(m.group(3)), float(m.group(4))
        d = -d if sign in ("-", "−") else d
        texts = (m.group(2), m.group(3), m.group(4))
        if _close(y - x, d, texts):
            improved = m.start(4)
        elif _close(x - y, d, texts):
            improved = m.start(3)
        else:
            return None
        cmp = g.compare.search(text, s0, m.start())
        other = None
        if cmp is not None:
            other = baseline_span(text, g, cmp.start(), m.start())
        return pos == improved, other
    return _subject_object_pair(text, g, s0, s1, pos)


def _subject_object_pair(text: str, g: Grammar, s0: int, s1: int, pos: int) -> tuple[bool, tuple[int, int]] | None:
    """SUBJECT-OBJECT-PAIR: "we ... surpass X ... (90.9% vs. 90.2%)": the pair follows the order of the clause
    before it, the subject's value first, then the value of the system the verb compares with. Only when the
    clause refers to the paper's own (grammar `own_ref`: "we", "our", "the proposed"), so the first value is its."""
    for m in _BARE_PAIR.finditer(text, s0, s1):
        if pos not in (m.start(1), m.start(2)):
            continue
        verbs = [v for v in g.compare.finditer(text, s0, m.start()) if g.value_of("compare", v.group(0)) == "verb"]
        if not verbs or next(g.scan("own_ref", text, s0, verbs[-1].start()), None) is None:
            return None
        other = baseline_span(text, g, verbs[-1].start(), m.start())
        return (pos == m.start(1), other) if other else None
    return None


def ordered_pair_method(a: Abstract, s: Sentence, pos: int) -> tuple[str | None, bool, tuple[int, int] | None] | None:
    """(method, is the paper's own, span naming it) of the number at `pos` when it is a side of such a pair: the
    improved side is the paper's own system, the other side the system the sentence compares with."""
    side = pair_side(a.text, a.g, s.s0, s.s1, pos)
    if side is None:
        return None
    improved, span = side
    if improved:
        return a.own, True, None
    return (
        (cut_to_known_name(a, " ".join(a.text[span[0] : span[1]].split())), False, span)
        if span
        else (None, False, None)
    )
