"""Numbers written as lists: coordination ("by 3.9% AP, 5.1% Recall"), "respectively" lists, number lists before
an "on" list of names, split lists, and one number stated for several benchmarks ("on A and B"). These decide which
runs align; the assignment is alignment.py's. Metric lists are in metric_lists.py, value lists written "a/b" or
"a%-b" in value_lists.py; the rules that run these are in rules/structure.py."""

from __future__ import annotations

import re
from dataclasses import replace

from leaderboard.extract.alignment import (
    NAMES_JOINED,
    PURE_COORD,
    RESPECTIVELY,
    align,
    assign,
    by_name,
    direct_at,
    fits,
    name_runs,
    number_runs,
    without,
)
from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading
from leaderboard.extract.vocab import norm_key

_COORD_WORD = re.compile(r",|\band\b|/|\bor\b")
_CLAUSE_MARK = re.compile(r"[;:.]")
_JOINED = NAMES_JOINED  # "A and the in-house B"
# "24.6% and 51.1% relative success rate on A and B": the numbers' metric phrase may stand before the "on" list
_ON_AFTER_METRIC = re.compile(r"\s*(?:%\s*)?(?:(?!(?:and|or|while|but)\b)[\w\-@]+\s+)*?(?:on|in)\s+(?:the\s+)?")
# "on the challenging A and B", "on the Hard protocol of A and B": words of the slot before the names
_LOWER_WORDS = re.compile(r"(?:[a-z][a-z\-]*\s+){0,2}|(?:[A-Za-z][a-z\-]*\s+){1,2}of\s+(?:the\s+)?")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*")
_LIST_BEFORE = re.compile(
    r"(?<![\w\-])(?P<list>[\w\-]+(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*/\s*)[\w\-]+)+)\s+$"
)
_ELLIPTIC_ON = re.compile(r"\s*(?:%\s*)?(?:(?:points?|pts|pp)\s+)?(?:on|in)\b")  # "... and 5.4 points on B"

_TO_WORD = re.compile(r"(?<!up )\bto\b")  # compiled at import: the loop never compiles
_COMMA_OR_AND_END = re.compile(r"(?:,|\band)\s*$")
_ON_OR_IN = re.compile(r"\bon\b|\bin\b")


def jointly(a: Abstract, r: Reading, sb: list[Span]) -> list[Reading]:
    """A single number stated for "A and B" (no "respectively"): one more row for each other member."""
    if r.benchmark is None or r.carried or r.benchmark not in sb:
        return []
    run = next((n for n in name_runs(a.text, sb) if any(b is r.benchmark for b in n)), ())
    extra = []
    for b in run:
        if b is not r.benchmark and norm_key(b.name) != norm_key(r.benchmark.name):
            more = replace(r, benchmark=b, confidence=round(max(0.05, r.confidence - 0.1), 3), rules=r.copy_rules())
            more.note("benchmark", "benchmark.coordinated_names")
            extra.append(more)
    if extra:
        r.confidence = round(max(0.05, r.confidence - 0.1), 3)
    return extra


def coordinate(a: Abstract, readings: list[Reading]) -> None:
    """ "by 3.9% AP, 5.1% Recall and 0.8% MR": coordinated numbers share the kind and 'up to' of the first; a
    change word after the last of a pure list makes every member a change ("0.3, 0.5 and 0.4 more than X")."""
    pairs = list(zip(readings, readings[1:], strict=False))
    for prev, cur in reversed(pairs):  # from the last: the change word may follow the whole list
        gap = a.text[prev.span_end : cur.num.start]
        # "which is 5.6% and 2.6% higher"; not an appositive margin in another unit ("52.7%, 1.1 points below X")
        # "is 64.9, 5.5 ahead of X": a bare comma before a change that names its own comparison is a margin too
        margin = gap.strip() == "," and (prev.unit != cur.unit or cur.rules.get("kind") == "kind.change_noun_after")
        pure = PURE_COORD.fullmatch(gap)
        if prev.kind == "absolute" and cur.kind == "delta" and pure and not cur.num.signed and not margin:
            prev.kind = "delta"
            prev.note("kind", "kind.coordinated_with_change")
    for prev, cur in pairs:
        gap = a.text[prev.span_end : cur.num.start]
        if (
            not coordination_gap(gap, a.w.coordination_before, a.w.coordination_after)
            or a.g.result_verb.search(gap)
            or _TO_WORD.search(gap)
        ):
            continue
        signed_only = prev.num.signed == "+" and not cur.num.signed  # "49.4 (+1.0), 60.2 (+0.6)"
        # "a 15% reduction on A and 12% on B": the second number repeats the first's frame with its own "on"
        elliptic = (
            not cur.bound
            and cur.unit == prev.unit
            and _COMMA_OR_AND_END.search(gap) is not None
            and direct_at(a.text, cur.span_end) is not None
            and _ELLIPTIC_ON.match(a.text, cur.span_end, cur.span_end + 16) is not None
        )
        if (
            prev.kind == "delta"
            and cur.kind == "absolute"
            and not signed_only
            and (elliptic or not _ON_OR_IN.search(gap))
            and not a.g.compare.search(gap)  # "4.0 points above X, and 65.2% on B": the change closed with its baseline
        ):
            cur.kind = "delta"
            cur.note("kind", "kind.coordinated_with_change")
        if prev.qualifier == "up to" and cur.qualifier is None and cur.kind == prev.kind == "delta":
            cur.qualifier = prev.qualifier
            cur.note("qualifier", "qualifier.coordinated_up_to")


def coordination_gap(gap: str, before: int, after: int) -> bool:
    """The gap between two numbers holds a coordinator (",", "and", "or", "/") at most `before` characters in and
    at most `after` characters before the second number, and no clause mark (";", ":", ".")."""
    if _CLAUSE_MARK.search(gap):
        return False
    return any(m.start() <= before and len(gap) - m.end() <= after for m in _COORD_WORD.finditer(gap))


def paired_lists(a: Abstract, readings: list[Reading], sb: list[Span]) -> None:
    """ "1.9% and 3.9% WER on test-clean and test-other": a list of numbers followed by an "on" list of as
    many names pairs them in order, as "respectively" would."""
    # "64.2% and 52.1% on MMLU and GSM8K, and a pass@1 of 37.8% on HumanEval": the run ends before "a pass@1"
    for group in number_runs(a.text, readings, _JOINED):
        pair_run(a, list(group), sb)


def pair_run(a: Abstract, group: list[Reading], sb: list[Span]) -> None:
    """One run of coordinated numbers of a kind and the "on" list of names right after it."""
    text = a.text
    end = group[-1].span_end
    on = _ON_AFTER_METRIC.match(text, end, min(len(text), end + a.w.number_run_to_on_list))
    if on is None:
        return
    # "on the challenging A and B": lower-case words may stand between the preposition and the names
    head = next((b for b in sb if b.start >= on.end() and _LOWER_WORDS.fullmatch(text, on.end(), b.start)), None)
    run = next((n for n in name_runs(text, sb) if n[0] is head), ())
    pairs = [p for p in align(group, run) if p.number.benchmark is not p.name]  # "respectively" may have given it
    assign(pairs, "benchmark", "benchmark.paired_on_list")


def respectively(a: Abstract, readings: list[Reading], sb: list[Span], sm: list[Span], s0: int, s1: int) -> None:
    """Pair numbers with the names of a "respectively" list, in order, within each kind."""
    if not RESPECTIVELY.search(a.text, s0, s1) or not readings:
        return
    first = readings[0].num.start
    names = [b for b in sb if b.start >= first - a.w.respectively_names_before]
    carried = not sb  # "We test on A and B. Our model reaches 83.9% and 81.1%, respectively."
    if carried:
        names = a.context.listed_before(s0)
    unbound_metrics = [m for m in sm if not any(r.metric is m for r in readings)]
    # a number with its own "on X" right after it is not part of the list ("86.4% on MMLU ..., while B
    # reaches 68.9% and 29.9%, respectively")
    direct: dict[int, Span] = {}
    for r in readings:
        at = direct_at(a.text, r.span_end)
        hit = next((i for i, b in enumerate(sb) if b.start == at), None)
        if hit is None:
            continue
        listed = hit + 1 < len(sb) and _JOINED.fullmatch(a.text[sb[hit].end : sb[hit + 1].start])
        if not listed:
            direct[id(r)] = sb[hit]
    for kind in ("absolute", "delta", "range"):
        group = [r for r in readings if r.kind == kind and id(r) not in direct]
        last = group[-1].num.start if group else -1  # "..., respectively, and 55.1% on GSM8K": not listed
        own = [direct[id(r)] for r in readings if r.kind == kind and id(r) in direct and r.num.start > last]
        if group and any(b.start > group[0].num.start for b in without(names, own)):
            names = [b for b in names if b.start > group[0].num.start]  # the list after the numbers
        listed, before = without(names, own), carried
        if group and not fits(group, listed):
            owned = [direct[id(r)] for r in readings if r.kind == kind and id(r) in direct]
            listed = by_name(names, owned) if fits(group, by_name(names, owned)) else listed
            if not carried and not fits(group, listed) and not by_name(names, owned):
                # every name here has its own value: "We test on A, B and C. It reaches x on A and y and z on the
                # other two, respectively": the list of the sentence before, without A
                earlier = by_name(a.context.listed_before(s0), owned)
                listed, before = (earlier, True) if fits(group, earlier) else (listed, before)
        if len(listed) >= 2 and group and not fits(group, listed):
            group = _run_before_respectively(a.text, group, len(listed), a.w.respectively_after_run, s0, s1)
        assign(align(group, listed, share=True), "benchmark", "benchmark.respectively_list", carried=before)
        unbound = [r for r in group if not r.bound]
        assign(align(unbound, unbound_metrics), "metric", "metric.respectively_list")


def _run_before_respectively(text: str, group: list[Reading], n: int, reach: int, s0: int, s1: int) -> list[Reading]:
    """RESPECTIVELY-RUN: when a kind has more numbers than the list can share out ("on A from x to y and on B to z,
    with averages of u and v, respectively"), the coordinated run of n numbers that ends right before
    "respectively" is the one it distributes; [] when there is none."""
    word = RESPECTIVELY.search(text, s0, s1)
    runs = [run for run in number_runs(text, group) if len(run) == n]
    if word is None or not runs or not 0 <= word.start() - runs[-1][-1].span_end <= reach:
        return []
    return runs[-1] if _CLAUSE_MARK.search(text, runs[-1][-1].span_end, word.start()) is None else []


def subset_list(a: Abstract, readings: list[Reading], s0: int, s1: int) -> None:
    """ "On the dev and eval sets, our system achieves WERs of 35.1% and 38.2%": a list of split words before
    a plural head gives as many numbers of one kind their splits, in order."""
    text, g = a.text, a.g
    for h in g.subset_list_head.finditer(text, s0, s1):
        m = _LIST_BEFORE.search(text, max(s0, h.start() - a.w.split_list_before_head), h.start())
        words = _LIST_SEP.split(m.group("list")) if m else []
        if len(words) < 2 or not all(g.subset.fullmatch(w) for w in words):
            continue
        group = [r for r in readings if r.kind == readings[0].kind]
        if len(group) == len(readings) and all(r.subset is None for r in group):
            values = [g.value_of("subset", w) or w for w in words]
            assign(align(group, values), "subset", "subset.split_list_before_head")
        return
