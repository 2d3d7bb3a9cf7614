"""Value form: the unit a number is written in, and the qualifier before it ("up to", "over")."""

from __future__ import annotations

import re

from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence

_PP_AFTER = re.compile(r"^(?:\s*|[-\u2010\u2011])(?:percentage[\s\-]+points?|pp\b|p\.p\.|%\s*points?)", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"^(?:\s*(?:([\w\-]+)\s+)?|[-\u2010\u2011])(?:points?|pts)\b", re.IGNORECASE)
_SPACED_UNIT = re.compile(r"^\s([A-Za-z]{1,3})\b(?!-)")
_PLUS_INSIDE = re.compile(r"\d\+")
# "3 and 6 points", "2, 4 and 7%": the other members of a coordinated run of bare numbers after this one
_LIST_TAIL = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?\d+(?:\.\d+)?|\s*,?\s+(?:and|or)\s+\d+(?:\.\d+)?)+")
_COORDINATOR = re.compile(r"\b(?:and|or)\b")
_SIGN_AFTER = re.compile(r"^(%|x\b|\u00d7)")


@rule("unit.attached_sign")
def attached_sign(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A unit sign written on the number ("92.0%", "2.5x")."""
    return r.num.unit or None


@rule("unit.written_once_on_range")
def written_once_on_range(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A range that writes its unit once, on its second number ("12-30%", "between 41 and 58%", "2-4x")."""
    return r.num.unit if r.num.unit_from_range else None


@rule("unit.written_once_on_list")
def written_once_on_list(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A run of coordinated bare numbers that writes its unit once, after the last one ("by 3 and 6 points",
    "gains of 2, 4 and 7%", "9 and 12 percentage points"): every member has that unit. A run joined by a bare comma
    is no list ("71.2, 5.4 points above X": a result and its margin)."""
    if r.num.unit or r.num.suffix or r.kind == "range" or r.span_end != r.num.end:
        return None
    tail = _LIST_TAIL.match(r.after)
    if tail is None or _COORDINATOR.search(tail.group()) is None:
        return None  # "its F1 is 71.2, 5.4 points above X": a bare comma joins a margin in apposition, not a list
    rest = r.after[tail.end() :]
    sign = _SIGN_AFTER.match(rest)
    if sign:
        return "%" if sign.group(1) == "%" else "x"
    if _PP_AFTER.match(rest):
        return "pp"
    m = _POINTS_AFTER.match(rest)
    if m is None:
        return None
    entry = a.vocab.metrics.lookup(m.group(1)) if m.group(1) else None
    return "pp" if entry is not None and entry.get("unit") == "%" else "points"


@rule("unit.glued_unit_word")
def glued_unit_word(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A unit word of the grammar glued to the number ("28.9mm", "12ms")."""
    low = r.num.suffix.lower()
    return a.g.words.get("unit_result", {}).get(low) if low else None


@rule("unit.spaced_unit_word")
def spaced_unit_word(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A short unit word of the grammar right after the number and a space ("31 ms")."""
    spaced = _SPACED_UNIT.match(r.after)
    return a.g.words.get("unit_result", {}).get(spaced.group(1).lower()) if spaced else None


@rule("unit.percentage_points")
def percentage_points(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """ "percentage points", "pp" or "% points" right after the number."""
    return "pp" if _PP_AFTER.match(r.after) else None


@rule("unit.points")
def points(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """ "points" after the number: percentage points when the word before names a percentage metric."""
    m = _POINTS_AFTER.match(r.after)
    if m is None:
        return None
    entry = a.vocab.metrics.lookup(m.group(1)) if m.group(1) else None
    return "pp" if entry is not None and entry.get("unit") == "%" else "points"


@rule("qualifier.cue_before")
def cue_before(a: Abstract, s: Sentence, r: Reading) -> tuple[str, tuple[int, int]] | None:
    """A qualifier cue of the grammar right before the number ("up to", "over", "about")."""
    tail = r.before[-a.w.qualifier_before :]
    q = a.g.qualifier_end(tail)
    if q is None:
        return None
    q0, q1 = r.num.start - len(tail) + q.start(), r.num.start - len(tail) + q.end()
    head = r.before[: len(r.before) - (r.num.start - q0)]
    if head[-1:].isspace() and (outer := a.g.qualifier_end(head[-a.w.qualifier_before :])) is not None:
        q = outer  # STACKED-QUALIFIERS: "at least ~16.7%", "up to about 3x": the outer cue bounds, both go
        q0 = r.num.start - (len(r.before) - len(head)) - len(head[-a.w.qualifier_before :]) + outer.start()
    return a.g.value_of("qualifier", q.group(0).strip(" ([").strip()), (q0, q1)


@rule("qualifier.trailing_plus")
def trailing_plus(a: Abstract, s: Sentence, r: Reading) -> tuple[str, tuple[int, int]] | None:
    """A plus sign right after the number and not before a digit ("100+", "80%+", "10+ times")."""
    end, text = r.num.end, a.text
    if text[end : end + 1] == "+" and not text[end + 1 : end + 2].isdigit():
        return "over", (end, end + 1)
    inner = _PLUS_INSIDE.search(text, r.num.start, end)  # "10+ times": the sign is inside the surface
    return ("over", (inner.start() + 1, inner.end())) if inner else None
