"""BEFORE-AFTER: a transition "from A to B" or "A -> B" reports the new result B and the previous result A as
rows of their own (kind absolute; A is the earlier system's result).

The range row (A..B) stays, as the annotation policy wants; `transition_rows` adds the absolute row for A, and for B
wherever the change-verb rule of details.py did not: arrows ("(52.3 -> 57.8)", "0.79 → 0.84"), later items of a
from-to list ("cut X from 22.4 to 19.7 on A, and from 30.1 to 27.5 on B"), and verbs outside the change lexicon
("climbs from 41.2 to 47.9"). A range written as a spread ("5.3x to 15.2x", "between 10 and 20") has no "from" and
no arrow: it is left alone.

SPREAD-OF-CHANGE: "from A to B" that spans the size of a change is no transition: it is written in points
("from 2.1 to 4.7 points"), follows a comparison verb ("outperforming baselines from 3.2 to 6.8") or a change
noun followed by "ranging" ("gains ranging from 5% to 9%"; "errors drop from 9.1% to 6.4%" is a transition).
Its ends are changes, not two results: no absolute rows.

REVERSED-TRANSITION: "rises to B from A", "to B (from A)" writes the new value first. Both values are read as
absolute rows already; the range row (A..B, read at A) is added as for "from A to B", and A is the earlier
system's result.

INTERRUPTED-TRANSITION: "from A for X to B", "from A (X) to B", "from A m with X to B m" name the earlier system
between the two values, so the number grammar reads no range: both values are absolute rows already; the range row
(A..B, read at A) is added as for "from A to B", and A is X's result.

UP-FROM-AFTER-VALUE: "is 212, down from 305 for X" writes the new value, then the earlier one after "up/down from"
(`UP_FROM_BETWEEN`, read by result.transition_of_named_metric). Both stay absolute rows: the probe sets annotate it
so (probes: two absolute rows; no range row).
"""

from __future__ import annotations

import re

from leaderboard.extract.methods import method_norm
from leaderboard.extract.windows import Windows

_ARROW = re.compile(r"\s*(?:->|\u2192|=>|\u21d2|\u27f6|\\rightarrow|\$\\rightarrow\$|\$\\to\$|\\to)\s*")
_FROM_TO = re.compile(r"\s*(?:%|(?!up\s)[A-Za-z][\w@\-]{0,11})?\s*to\s+")  # "from 30% up to 100%": a spread
# "from 55.1", "from an F1 of 55.1", "from a near-perfect baseline of 99.3%": the value before the transition
_FROM_BEFORE = re.compile(
    r"(?<![\w-])from\s+(?:(?:an?|the|its|their)\s+)?(?:[\w\-]+\s+){0,3}?of\s+[(\[$]?\s*$|(?<![\w-])from\s*[(\[$]?\s*$",
    re.IGNORECASE,
)
_SPREAD_LEAD = re.compile(r"(\branging\s+|\bthat\s+range\s+)?\bfrom\s*[(\[$]?\s*$", re.IGNORECASE)
_CHANGE_UNITS = frozenset({"pp", "points"})
_FROM_WORD = re.compile(r"from", re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?<![\w-])to\s*$", re.IGNORECASE)
# "78.5% of tasks within 15 steps, up from": the rest of the new value's clause, then "up/down from"
UP_FROM_BETWEEN = re.compile(
    r"[^;:.()\[\]]{0,60}?(?:,\s*|\(\s*|\s+)(?:up|down)\s+from\s+(?:(?:an?|the|its|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:of\s+)?",
    re.IGNORECASE,
)
_FROM_BETWEEN = re.compile(r"\s*(?:\(\s*)?from\s+(?:(?:an?|the)\s+)?(?:[\w\-]+\s+){0,2}?(?:of\s+)?", re.IGNORECASE)

# INTERRUPTED-TRANSITION: the gap from the earlier value to the new one: its unit, the earlier system in
# parentheses or after "for"/"with" (group 1 or 2, no clause break), then "to"
_INTERRUPTED_GAP = re.compile(
    r"\s*(?:%|(?!(?:for|with|to)\b)[A-Za-z][\w/\u00b2]{0,8})?\s*"
    r"(?:\(\s*([^()\[\],;:]{1,40}?)\s*\)|(?:for|with)\s+(?:(?:the|an?)\s+)?([^()\[\],;:]{1,60}?))\s+to\s+[(\[$]?\s*",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:]\s")  # compiled at import: the loop never compiles

# EARLIER-SYSTEM-OF-TRANSITION: the earlier value's system, named right after it ("from 0.52 mm/day for a
# diffusion baseline to 0.37", "up from 11.9 for a vision-only policy") or after the new value by a comparison
# word ("from 0.41 to 0.49 against the production model", "from 41% to 73% over Octo")
_NOT_UNIT = r"(?!(?:for|to|over|against|relative|versus|vs|compared|than|and|or|on|in|at|with|while|from)\b)"
_FOR_SYSTEM = re.compile(r"\s*(?:%|" + _NOT_UNIT + r"[A-Za-z][\w/\u00b2]{0,8})?\s*for\s+(?:(?:the|an?)\s+)?")
_UNIT_GAP = re.compile(r"\s*(?:%|" + _NOT_UNIT + r"[A-Za-z][\w/\u00b2]{0,8})?\s*")
_ARTICLE = re.compile(r"\s*(?:(?:the|an?)\s+)?")
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w\-+.]*[\w+](?:\s+[A-Z0-9][\w\-+.]*[\w+])*)\s*(?:[.;)]|$)")
_SYSTEM_STOP = re.compile(
    r"\s+(?:to|on|in|with|while|and|at|across|when|which|by|under|without|despite)\b|[,;:()\[\]]|\.(?:\s|$)|$"
)


def transition_rows(readings: list, done: list, a, s0: int) -> list:
    """The new-value rows of details.transitions (`done`) and the absolute rows `after_rows` adds, without the
    rows of ranges that are spreads of a change (`a`: the Abstract)."""
    text, nums, g = a.text, a.nums, a.g
    spreads = {r.span_end for r in readings if r.kind == "range" and spread_of_change(r, text, s0, g)}
    kept = [d for d in done if d.num.end not in spreads]
    rows = [*kept, *after_rows([r for r in readings if r.span_end not in spreads], kept, text, nums, s0, g)]
    rows += reversed_rows(readings, text, s0, g)
    rows += interrupted_rows(readings, text, s0, g)
    for row in rows:  # the earlier systems named: their identity key, as every method has
        if row.is_own is False and row.method is not None and row.method_norm is None:
            row.method_norm = a.method_keys.setdefault(row.method, method_norm(row.method, a.vocab.methods.lookup))
    for r in readings:
        if r.span_end in spreads and r.trace is not None:
            why = "a spread of a change (points, after a comparison verb or a change noun), not a before and after"
            r.trace.declined((r.num.start, r.num.end), "kind.before_after", "kind", why)
    return rows


def spread_of_change(r, text: str, s0: int, g) -> bool:
    """A "from A to B" range whose ends are both sizes of a change (see the module docstring)."""
    lead = _SPREAD_LEAD.search(text, max(s0, r.num.start - Windows.read(g, "spread_lead_before")), r.num.start)
    if lead is None or (r.value_to is not None and r.value_to < r.value):
        return False  # a spread is written from its low end; "lowers the gap from 9.4 to 2.1 points" is a change
    if r.unit in _CHANGE_UNITS:
        return True
    before = text[max(s0, lead.start() - Windows.read(g, "spread_cue_before")) : lead.start()]
    last_clause = _CLAUSE_BREAK.split(before)[-1]
    words = last_clause.split()
    if lead.group(1) and words and g.delta_noun_after.match(" " + words[-1]):  # "gains ranging from"
        return True
    return any(g.value_of("compare", m.group(0)) == "verb" for m in g.compare.finditer(last_clause))


def spread_range(r, text: str, s0: int, g) -> bool:
    """A range read as the spread of one quantity ("between 0.9 and 1.7", "2 to 5 points above X"), not a before
    and after ("from 0.53 to 0.61", "0.42 -> 0.08"): written from its low end without "from" or an arrow, or a
    spread of a change."""
    if r.kind != "range" or (r.value_to is not None and r.value_to < r.value):
        return False
    if _ARROW.match(text, r.num.end) is not None:
        return False
    if not _FROM_BEFORE.search(text, max(s0, r.num.start - Windows.read(g, "from_before_transition")), r.num.start):
        return True
    return spread_of_change(r, text, s0, g)


def after_rows(readings: list, done: list, text: str, nums: list, s0: int, g) -> list:
    """Absolute readings of both values of each before->after transition, where not already read."""
    have = {r.num.start for r in (*readings, *done) if r.kind == "absolute"}
    reach = Windows.read(g, "from_before_transition")
    handled = {r.num.start for r in done}
    out = []
    for r in readings:
        if r.kind != "range" or r.num.signed:
            continue
        second = next((n for n in nums if n.end == r.span_end and n.start > r.num.end), None)
        if second is None or second.signed:
            continue
        gap_is_arrow = _ARROW.fullmatch(text, r.num.end, second.start) is not None
        from_to = _FROM_TO.fullmatch(text, r.num.end, second.start) is not None and bool(
            _FROM_BEFORE.search(text, max(s0, r.num.start - reach), r.num.start)
        )
        if not (gap_is_arrow or from_to or second.start in handled):
            continue
        for num in (second, r.num):
            if num.start not in have:
                have.add(num.start)
                row = _absolute(r, num, second.unit)
                if num is r.num and r.is_own is not False:  # the value before is the earlier system's
                    row.method, row.method_norm, row.is_own = None, None, False
                    _name_earlier(row, text, g, r.num.end, second.end)
                    row.note("method", "method.before_of_transition", (r.num.start, r.span_end))
                out.append(row)
    return out


def reversed_rows(readings: list, text: str, s0: int, g=None) -> list:
    """The range rows of "to B from A" transitions (see the module docstring); A's reading becomes the earlier
    system's."""
    out: list = []
    if len(readings) < 2 or _FROM_WORD.search(text, s0, max(r.span_end for r in readings)) is None:
        return out
    plain = sorted((r for r in readings if r.kind == "absolute" and not r.num.signed), key=lambda r: r.num.start)
    for new, old in zip(plain, plain[1:], strict=False):
        if not _TO_BEFORE.search(text, max(s0, new.num.start - 8), new.num.start):
            continue
        if not _FROM_BETWEEN.fullmatch(text, new.span_end, old.num.start) or new.unit != old.unit:
            continue
        row = old.at_end(old.num, old.unit, old.copy_rules())
        row.kind, row.value_to = "range", new.value
        row.method, row.method_norm, row.is_own = new.method, new.method_norm, new.is_own  # the transition's system
        row.note("kind", "kind.reversed_transition", (new.num.start, old.num.end))
        if old.is_own is not False:
            old.method, old.method_norm, old.is_own = None, None, False
            _name_earlier(old, text, g, old.num.end, None)
            old.note("method", "method.before_of_transition", (new.num.start, old.num.end))
        out.append(row)
    return out


def interrupted_rows(readings: list, text: str, s0: int, g) -> list:
    """The range rows of "from A for X to B" transitions (INTERRUPTED-TRANSITION, see the module docstring); A's
    reading becomes X's."""
    out: list = []
    plain = sorted((r for r in readings if r.kind == "absolute" and not r.num.signed), key=lambda r: r.num.start)
    reach = Windows.read(g, "from_before_transition")
    for old, new in zip(plain, plain[1:], strict=False):
        gap = _INTERRUPTED_GAP.fullmatch(text, old.span_end, new.num.start)
        if gap is None or (old.unit or new.unit) != (new.unit or old.unit):
            continue
        name = gap.group(1) or gap.group(2)
        if len(name.split()) > Windows.read(g, "baseline_words"):
            continue
        if not _FROM_BEFORE.search(text, max(s0, old.num.start - reach), old.num.start):
            continue
        row = old.at_end(old.num, old.unit, old.copy_rules())
        row.kind, row.value_to = "range", new.value
        row.method, row.method_norm, row.is_own = new.method, new.method_norm, new.is_own  # the transition's system
        row.note("kind", "kind.interrupted_transition", (old.num.start, new.num.end))
        if old.is_own is not False or old.method is None:
            span = gap.span(1) if gap.group(1) else gap.span(2)
            old.method, old.method_norm, old.is_own = " ".join(name.split()), None, False
            old.note("method", "method.before_of_transition", span)
        out.append(row)
    return out


def _absolute(r, num, unit: str | None):
    """The range reading `r` as an absolute reading of one of its ends."""
    row = r.at_end(num, unit, r.copy_rules())
    row.note("kind", "kind.before_after", (r.num.start, r.span_end))
    return row


def earlier_system(text: str, g, end: int, new_end: int | None) -> tuple[int, int] | None:
    """EARLIER-SYSTEM-OF-TRANSITION: the offsets of the system whose value ends at `end` (the earlier value of a
    transition whose new value ends at `new_end`, if any), named right after it by "for", or after the new value
    by a comparison word that is no verb; at most `baseline_words` words."""
    m = _FOR_SYSTEM.match(text, end)
    if m is None and new_end is not None:
        cmp = g.compare.match(text, _UNIT_GAP.match(text, new_end).end())
        if cmp is not None and cmp.group(0).lower() != "from" and g.value_of("compare", cmp.group(0)) != "verb":
            m = _ARTICLE.match(text, cmp.end())
    if m is None:
        return None
    p0 = m.end()
    stop = _SYSTEM_STOP.search(text, p0)
    p1 = stop.start() if stop else len(text)
    words = text[p0:p1].split()
    if not words or len(words) > Windows.read(g, "baseline_words") or not text[p0].isalnum():
        return None
    named = _APPOSED_NAME.match(text, p1)  # "for the strongest open baseline, UI-TARS-7B.": the name itself
    return named.span(1) if named else (p0, p1)


def _name_earlier(row, text: str, g, end: int, new_end: int | None) -> None:
    """The earlier value's row is the earlier system's: named when the sentence names it (`earlier_system`)."""
    span = earlier_system(text, g, end, new_end)
    if span is not None:
        row.method, row.method_norm, row.is_own = " ".join(text[span[0] : span[1]].split()), None, False


__all__ = [
    "UP_FROM_BETWEEN",
    "after_rows",
    "earlier_system",
    "interrupted_rows",
    "reversed_rows",
    "spread_of_change",
    "transition_rows",
]
