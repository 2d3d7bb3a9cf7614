"""Sentence structure: rules over all the readings of one sentence that align coordinated numbers with
coordinated names, metrics, splits and changes. The procedures that decide which runs align live in lists.py,
metric_lists.py, pairing.py and parallel_runs.py; the one assignment that pairs them is alignment.py's.

A structure rule is `fn(a: Abstract, s: Sentence, readings: list[Reading]) -> None`: unlike a per-number rule it
sees the whole sentence, sets the fields its alignment decides and notes itself on every reading it changed (the
trace and `results.rules`). The engine runs the two ordered chains at the end of this module: BEFORE attribution
(lists that decide a field outright) and AFTER it (corrections, and lists that need the attributed metrics).
"""

from __future__ import annotations

import re

from leaderboard.extract import lists, metric_lists, pairing
from leaderboard.extract.alignment import Pair, align, assign, from_readings, number_runs
from leaderboard.extract.names_around import anaphor_to_sentence_before, fronted_anaphor, subject_anaphor
from leaderboard.extract.parallel_runs import parallel_runs
from leaderboard.extract.rules import Chain, rule
from leaderboard.extract.rules.result import SCORE_UNITS
from leaderboard.extract.sentence import Abstract, Reading, Sentence


@rule("kind.coordinated_with_change")
def coordinated_with_change(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Coordinated numbers share the kind and "up to" of a change ("by 3.9% AP, 5.1% Recall and 0.8% MR")."""
    lists.coordinate(a, readings)


@rule("benchmark.respectively_list")
def respectively_list(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """With "respectively", numbers take the names (and metrics) of the list, in order, within each kind."""
    lists.respectively(a, readings, s.benches, s.metrics, s.s0, s.s1)


@rule("benchmark.paired_on_list")
def paired_on_list(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Coordinated numbers right before an "on" list of as many names take them in order ("x and y on A and B")."""
    if readings:
        lists.paired_lists(a, readings, s.benches)


@rule("benchmark.aligned_coordination")
def aligned_coordination(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A run of coordinated numbers takes the coordinated name run of its length that frames it, in order."""
    pairing.align_runs(readings, s.benches, a.text, s.s0, s.s1, a.g.training_on)


@rule("benchmark.slash_pairs")
def slash_pairs(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Numbers "x/y" take the names of a slash list "A/B" of their length in order ("On SST-2/QNLI: 92.4/89.9")."""
    if len(readings) >= 2 and len(s.benches) >= 2:
        pairing.align_slash_runs(readings, s.benches, a.text, s.s0, s.s1, a.g.training_on)


@rule("benchmark.list_anaphor")
def list_anaphor(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """ "on the latter" after a number, "; the latter yields" before it: the last / first member of the name list."""
    words = a.g.words.get("list_anaphor", {})
    pairs = pairing.list_anaphor(readings, s.benches, a.text, s.s1, words, a.w.anaphor_after_number)
    assign(pairs, "benchmark", "benchmark.list_anaphor", carried=False)
    runs = pairing.name_runs(a.text, s.benches) if len(s.benches) > 1 else []
    subject = a.g.words.get("subject_anaphor", {})
    for r in subject_anaphor(readings, runs, a.text, s.s0, subject) if runs and subject else ():
        r.note("benchmark", "benchmark.list_anaphor")
    low = a.text[s.s0 : s.s1].lower() if words else ""
    written = any(w in low for w in words)  # both rules below need an anaphor word in the sentence
    if not runs and written:
        for r in anaphor_to_sentence_before(a, readings, s.s0, s.s1, words):
            r.note("benchmark", "benchmark.list_anaphor")
        before = a.context.listed_before(s.s0) if subject else []  # "We test A and B. The latter yields 6.1%"
        for r in subject_anaphor(readings, [before] if len(before) > 1 else [], a.text, s.s0, subject):
            r.carried = True
            r.note("benchmark", "benchmark.list_anaphor")
    # "On the former it reaches x", "x on A and y on B, ahead of X on the former by z"
    for r in fronted_anaphor(a, readings, s.s0, runs, words, s.benches) if written else ():
        r.note("benchmark", "benchmark.list_anaphor")


@rule("benchmark.list_in_sentence_before")
def list_in_sentence_before(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Values of a sentence naming no dataset that points back ("on the two datasets", "respectively") take the
    names of the sentence before, in order, when there are as many (context.py)."""
    if s.benches or len(readings) < 2:
        return
    text = a.text
    main = [
        r
        for r in readings
        if r.kind != "delta" and text.rfind("(", s.s0, r.num.start) <= text.rfind(")", s.s0, r.num.start)
    ]
    names = a.context.list_for_values(s.s0, s.s1, [r.num.start for r in main])  # empty or one per value
    pairs = [p for p in align(main, names) if p.number.benchmark is None]
    assign(pairs, "benchmark", "benchmark.list_in_sentence_before", carried=True)


@rule("subset.split_list_before_head")
def split_list_before_head(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A list of split words before a plural head ("on the dev and eval sets") gives as many numbers their splits."""
    if len(readings) > 1:
        lists.subset_list(a, readings, s.s0, s.s1)


@rule("benchmark.own_conjunct_name")
def own_conjunct_name(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """In coordinated conjuncts each opened by a name ("on A from x to y, and on B ..."), a number keeps its own."""
    reach, training = a.w.conjunct_name_to_value, a.g.training_on
    pairs = pairing.own_conjuncts(readings, s.benches, a.text, s.s1, reach, training=training, quiet=s.metrics)
    assign(pairs, "benchmark", "benchmark.own_conjunct_name", carried=False)


@rule("metric.own_conjunct_metric")
def own_conjunct_metric(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """In coordinated conjuncts each opened by a metric ("FID from x to y and IS from z to w"), a number keeps it;
    a conjunct ends at a comparison word ("an HD95 of 11.3 mm, versus 17.2 mm for B")."""
    reach = a.w.conjunct_name_to_value
    pairs = pairing.own_conjuncts(readings, s.metrics, a.text, s.s1, reach, "metric", a.g.compare)
    assign(pairs, "metric", "metric.own_conjunct_metric", inferred=False)


def _paren_around(text: str, s0: int, pos: int) -> tuple[int, int] | None:
    """The parenthesis [open, close) holding `pos` within the sentence, when it is closed; None outside one."""
    o = text.rfind("(", s0, pos)
    if o < 0 or text.rfind(")", o, pos) >= 0:
        return None
    c = text.find(")", pos)
    return (o, c + 1) if c >= 0 else None


@rule("metric.outside_parenthesis_aside")
def outside_parenthesis_aside(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A metric named in a parenthesised aside for a number inside it ("62.4 (route completion 91.3%, infraction
    score 0.69), compared to 53.5 for X") is not the nearest metric of a number outside the aside: that number takes
    the nearest metric of the sentence outside any aside."""
    text = a.text
    for r in readings:
        m = r.metric
        if m is None or r.bound or r.rules.get("metric") != "metric.nearest_in_sentence" or m.start < 0:
            continue
        aside = _paren_around(text, s.s0, m.start)
        if aside is None or aside[0] <= r.num.start < aside[1]:
            continue
        if not any(o is not r and o.bound and o.metric is m and aside[0] <= o.num.start < aside[1] for o in readings):
            continue
        free = [x for x in s.metrics if x.start >= 0 and _paren_around(text, s.s0, x.start) is None]
        best = min(free, key=lambda x: abs(r.num.start - x.end) if x.end <= r.num.start else 10**6, default=None)
        if best is not None and best.end <= r.num.start:
            r.metric, r.metric_inferred = best, False
            r.note("metric", "metric.outside_parenthesis_aside")


@rule("benchmark.slash_shared")
def slash_shared(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """The members of a slash list of numbers share the name the last one takes from its "on" phrase."""
    assign(pairing.slash_shared(readings, a.links), "benchmark", "benchmark.slash_shared", carried=False)


@rule("benchmark.parallel_run")
def parallel_run(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A nameless run of n coordinated numbers after exactly n named numbers of its kind takes their names."""
    parallel_runs(readings, a.text, a.g.compare)


@rule("metric.coordinated_metric_list")
def coordinated_metric_list(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Coordinated numbers and a coordinated metric list of the same length pair in order ("HR and NDCG by x and y")."""
    metric_lists.metric_list(a, readings, s.metrics)


@rule("metric.parallel_changes")
def parallel_changes(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """Coordinated changes after as many absolute results with distinct metrics take those metrics in order."""
    metric_lists.parallel_deltas(a, readings)


_OPEN_PAREN = re.compile(r"\s*(?:(?!and\b|or\b|on\b|in\b)[A-Za-z][\w\-@]*\s*){0,2}\(\s*")


_PAREN_OPEN = re.compile(r"[^;:()]{0,40}\(\s*")  # "... and 88.6 on B (": the last result's own words
_CLAUSE_MARK = re.compile(r"[;:]|\.\s")


def _change_runs(text: str, readings: list[Reading]) -> list[Pair]:
    """The (change, its result) pairs of a parenthesis of n >= 2 coordinated changes right after n coordinated
    results."""
    if len(readings) < 4:
        return []
    order = sorted(readings, key=lambda r: r.num.start)
    pairs: list[Pair] = []
    for chg in number_runs(text, readings):
        k = order.index(chg[0])
        res = order[max(0, k - len(chg)) : k]
        if chg[0].kind != "delta" or len(res) != len(chg) or any(r.kind == "delta" for r in res):
            continue
        if _PAREN_OPEN.fullmatch(text, res[-1].span_end, chg[0].num.start) and not _CLAUSE_MARK.search(
            text, res[0].span_end, res[-1].num.start
        ):
            pairs += align(chg, res)
    return pairs


@rule("benchmark.parenthesised_change_run")
def parenthesised_change_run(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A parenthesis of n coordinated changes right after n coordinated results ("reach 71.2 and 64.0 (+1.3 and
    +0.8)") pairs them in order: each change takes its result's benchmark, and its metric when it has none."""
    for p in _change_runs(a.text, readings):
        _result_change(p, "parenthesised_change_run")


@rule("benchmark.parenthesised_change")
def parenthesised_change(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A change in a parenthesis right after a result ("71.5 (-0.4) on B", "84.0 (+2.3)") is that result's change:
    it takes the result's benchmark, and its metric when it has none of its own."""
    order = sorted(readings, key=lambda r: r.num.start)
    in_runs = {id(p.number) for p in _change_runs(a.text, readings)}
    for prev, cur in zip(order, order[1:], strict=False):
        if (
            cur.kind != "delta"
            or prev.kind == "delta"
            or id(cur) in in_runs
            or not _OPEN_PAREN.fullmatch(a.text, prev.span_end, cur.num.start)
        ):
            continue
        _result_change(Pair(cur, prev), "parenthesised_change")


def _result_change(p: Pair, pattern: str) -> None:
    """`p.number` is the change of result `p.name`: its benchmark, its metric when unbound, and a drop's magnitude."""
    cur, prev = p.number, p.name
    if prev.benchmark is not None and cur.benchmark is not prev.benchmark:
        assign(from_readings([p], "benchmark"), "benchmark", f"benchmark.{pattern}")
    if not cur.bound and prev.metric is not None and cur.metric is not prev.metric:
        assign(from_readings([p], "metric"), "metric", f"metric.{pattern}")
    if cur.value < 0:  # "(-0.4)": the change is a drop of 0.4, its value the magnitude as written
        cur.value, cur.direction = -cur.value, "down"
        cur.note("value", "value.magnitude_of_signed_change")
        hib = cur.metric.entry.get("higher_is_better").lower() if cur.metric and cur.metric.entry else ""
        if hib in {"true", "false"}:
            cur.improvement = hib == "false"
            cur.note("improvement", "value.magnitude_of_signed_change")


def _fits(entry, unit: str, value: float) -> bool:
    """A metric entry that can be written in `unit` and reach `value` (its unit and max columns)."""
    own, top = entry.get("unit"), entry.get("max")
    if own and own != unit:
        return False
    try:
        return not top or value <= float(top)
    except ValueError:
        return True


@rule("metric.same_unit_sibling")
def same_unit_sibling(a: Abstract, s: Sentence, readings: list[Reading]) -> None:
    """A number in a unit of measure whose unbound metric cannot be written in that unit or reach its value
    ("40.12 dB PSNR and 0.958 SSIM on A and 39.84 dB on B": not SSIM) takes the metric of the nearest earlier
    number of its sentence in the same unit that fits it."""
    for k, r in enumerate(readings):
        if r.unit is None or r.unit in SCORE_UNITS or r.bound or r.metric is None or r.metric.entry is None:
            continue
        if _fits(r.metric.entry, r.unit, r.value):
            continue
        for p in reversed(readings[:k]):
            if p.unit == r.unit and p.metric is not None and p.metric.entry is not None:
                if _fits(p.metric.entry, r.unit, r.value):
                    r.metric, r.metric_inferred = p.metric, False
                    r.note("metric", "metric.same_unit_sibling")
                break


BEFORE: Chain = (
    coordinated_with_change,
    respectively_list,
    paired_on_list,
    aligned_coordination,
    slash_pairs,
    list_anaphor,
    list_in_sentence_before,
    split_list_before_head,
)
AFTER: Chain = (
    outside_parenthesis_aside,
    own_conjunct_name,
    own_conjunct_metric,
    slash_shared,
    parallel_run,
    coordinated_metric_list,
    parallel_changes,
    same_unit_sibling,
    parenthesised_change_run,
    parenthesised_change,
)
