"""Is it a result? Rules that reject a number (they return the reason) and rules that accept it (the evidence)."""

from __future__ import annotations

import re

from leaderboard.extract.alignment import PURE_COORD, RESPECTIVELY
from leaderboard.extract.attribution import clause_start, following_on, nearest, scored_on
from leaderboard.extract.before_after import UP_FROM_BETWEEN
from leaderboard.extract.compared_values import compared_named_value as named_value
from leaderboard.extract.filters import fronted_condition, non_result_reason, share_tail
from leaderboard.extract.pairing import name_runs
from leaderboard.extract.rules import rule
from leaderboard.extract.rules.rate_evidence import rate_of_items  # noqa: F401
from leaderboard.extract.rules.solved_count import count_of_items_solved  # noqa: F401
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.value_siblings import sibling_is_result

_VS_AFTER = re.compile(r"\s*(?:vs\.?|versus)\s+\d", re.IGNORECASE)
_VS_BEFORE = re.compile(r"\d\s*(?:vs\.?|versus)\s+$", re.IGNORECASE)
_OF_DATA = re.compile(r"\s*of\s+(?:the\s+)?")
# between two items of a share run: "% of <name> [up to three words], and " (the name is checked against benchmarks)
_SHARE_ITEM_GAP = re.compile(r"\s*of\s+(?:the\s+)?(?P<name>[^,;:()]{1,60}?)\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
# "80.2 on A, 63.5 on the B set and ": items "<number> on <name>" joined by commas / "and", ending a coordinator
_ITEMS_BEFORE = re.compile(
    r"(?:(?<![\w.])\d[\d.,]*\s*%?\s+(?:on|in)\s+(?:the\s+)?[^,;:()]{1,60}?(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,8}$"
)
_ON_AFTER = re.compile(r"\s+(?:on|in)\s+(?:the\s+)?")
# "242 (baseline 238)", "1,498 on MME (teacher: 1,530)": a number, then within its clause an opening parenthesis,
# a label and maybe a colon
_LABELLED = re.compile(r"\d[^()\d;:]{0,40}\(\s*(?P<label>[A-Za-z][\w\s.\-]{0,30}?)\s*:?\s*$")
_WORDS_BEFORE = re.compile(r"(\w+)\W+(?:(\w+)\W+)?$")
_FROM_JUST_BEFORE = re.compile(r"(?<![\w-])from\s*[(\[]?\s*$", re.IGNORECASE)
_UP_FROM_BEFORE = re.compile(
    r"(?<![\w-])(?:up|down)\s+from\s+(?:(?:an?|the|its|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:of\s+)?$", re.IGNORECASE
)
_TO_END = re.compile(r"(?<![\w-])to\s+(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)
_AT_END = re.compile(r"(?<![\w-])(\w+)\s+at\s+(?:about\s+|around\s+|~\s*)?$", re.IGNORECASE)
_CHANGE_TO_GAP = re.compile(r"\s*(?:by\s+[^,;:()]{1,30}?\s*)?", re.IGNORECASE)
SCORE_UNITS = frozenset({"%", "x", "pp", "points"})


# -- rejections: a reason, or None -----------------------------------------------------------------------------
@rule("result.non_result_pattern")
def non_result_pattern(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A year, date, size, count, setting, list marker, citation or version by the words around it (filters.py)."""
    if r.metric is not None and f"reason@{r.num.start}" in s.memo:  # asked already by rejected_even_if_bound
        return s.memo[f"reason@{r.num.start}"]  # type: ignore[return-value]
    return non_result_reason(a.text, r.num, s.s0, a.g, r.metric is not None, a.vocab.metrics.lookup)


def rejected_even_if_bound(a: Abstract, s: Sentence, r: Reading) -> bool:
    """Whether `non_result_pattern` rejects the number even with a metric bound to it: without one its reasons
    only grow (filters.non_result_reason), so the engine may skip reading a number it will reject anyway."""
    why = s.memo[f"reason@{r.num.start}"] = non_result_reason(a.text, r.num, s.s0, a.g, True, a.vocab.metrics.lookup)
    return bool(why)


@rule("result.share_of_named_data")
def share_of_named_data(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A percentage "of" a named dataset right after it is an amount of data, not a score; after a verb that
    counts items solved ("resolves 38.2% of SWE-bench Lite issues", grammar `share_verb`) it is a score."""
    num = r.num
    if num.unit != "%":
        return None
    end = num.end + share_tail(a.text[num.end : num.end + a.w.data_after_share + 30])  # "10% or 20% of A"
    of_data = _OF_DATA.match(a.text[end : end + a.w.data_after_share])
    if of_data and any(b.start == end + of_data.end() for b in s.benches):
        if _after_share_verb(a, s.s0, num.start) or _coordinated_share(a, s, num.start):
            return None
        return "a percentage of a named dataset (data amount)"
    return None


def _coordinated_share(a: Abstract, s: Sentence, start: int) -> bool:
    """COORDINATED-SHARE: the percentage continues a run of "N% of <benchmark>" items (or of bare percentages)
    whose first follows a share verb ("resolves 49.6% of A and 38.0% of B", "solves 31.5% and 22.8% of A")."""
    text = a.text
    prev = [n for n in (a.nums[i] for i in s.idx) if n.end <= start]
    while prev:
        p = prev.pop()
        gap = _SHARE_ITEM_GAP.fullmatch(text, p.end, start)
        joint = PURE_COORD.fullmatch(text, p.end, start) is not None  # "solves 31.5% and 22.8% of A"
        if p.unit != "%" or not (joint or (gap is not None and any(b.start == gap.start("name") for b in s.benches))):
            return False
        if _after_share_verb(a, s.s0, p.start):
            return True
        start = p.start
    return False


def _after_share_verb(a: Abstract, s0: int, start: int) -> bool:
    """A share verb ("solves", "resolves") right before `start`, or before one qualifier ("solves only")."""
    m = _WORDS_BEFORE.search(a.text, max(s0, start - 30), start)
    if m is None:
        return False
    verbs, last = a.g.words.get("share_verb", {}), m.group(2) or m.group(1)
    if last.lower() in verbs:
        return True
    return bool(m.group(2)) and m.group(2).lower() in a.g.words.get("share_adverb", {}) and m.group(1).lower() in verbs


@rule("result.non_result_range_end")
def non_result_range_end(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A range whose second number is no result ("from 7B to 70B") is none either."""
    if r.span_end == r.num.end:  # no range: the reading ends with its own number
        return None
    second = next(n for n in a.nums if n.end == r.span_end)
    why = non_result_reason(a.text, second, s.s0, a.g, r.metric is not None, a.vocab.metrics.lookup)
    return f"range end: {why}" if why else None


@rule("result.fronted_condition")
def fronted_condition_rule(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A number in a sentence-opening condition phrase without a metric or benchmark ("With a guidance weight of
    3.0, FID is 2.31"): the setting the later result is measured under (filters.fronted_condition)."""
    if r.bound or not fronted_condition(a.text, s.s0, s.s1, r.num, [*s.metrics, *s.benches], a.g.words):
        return None
    return "condition in a sentence-opening phrase (setting)"


REJECTING = (
    *("result.non_result_pattern", "result.share_of_named_data"),
    *("result.non_result_range_end", "result.fronted_condition"),
)


# -- evidence: True, or None ------------------------------------------------------------------------------------
@rule("result.score_unit")
def score_unit(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number in a unit of scores: %, x, percentage points, points."""
    return r.unit in SCORE_UNITS


@rule("result.bound_metric")
def bound_metric(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number bound to a metric by its phrase ("92.1 AP", "an FID of 2.20")."""
    return r.bound


@rule("result.decimal_change_or_range")
def decimal_change_or_range(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change or a range written with decimals."""
    return r.kind in {"delta", "range"} and r.num.decimals > 0


@rule("result.measure_unit_with_metric_or_verb")
def measure_unit_with_metric_or_verb(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number in a unit of measure (mm, ms, FPS) in a sentence with a metric or a result verb."""
    return r.unit is not None and (bool(s.metrics) or s.has(a, "result_verb"))


@rule("result.whole_number_scored_on")
def whole_number_scored_on(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A whole number right after a result verb and right before "on <benchmark>"."""
    num = r.num
    return r.unit is None and num.decimals == 0 and scored_on(a.text, a.g, num, r.span_end, s.benches, s.s0)


def _plain_decimal(r: Reading) -> bool:
    return r.unit is None and r.num.decimals > 0


@rule("result.metric_nearby")
def metric_nearby(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal with a metric close by in its sentence."""
    if not _plain_decimal(r):
        return False
    return nearest(s.metrics, r.num.start, r.span_end, a.text, s.s0, s.s1, a.w.metric_nearby, a.w) is not None


@rule("result.benchmark_and_result_verb")
def benchmark_and_result_verb(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal in a sentence that names a benchmark and has a result verb."""
    return _plain_decimal(r) and bool(s.benches) and s.has(a, "result_verb")


@rule("result.compared_pair")
def compared_pair(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal compared with another ("8.99 vs. 8.96") in a sentence that names a benchmark."""
    if not _plain_decimal(r) or not s.benches:
        return False
    num, text = r.num, a.text
    vs = _VS_BEFORE.search(text, max(s.s0, num.start - a.w.vs_before), num.start)
    return bool(_VS_AFTER.match(text, r.span_end) or vs)


@rule("result.on_benchmark_after")
def on_benchmark_after(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal followed by "on/in/for <benchmark>"."""
    if not _plain_decimal(r) or not s.benches:
        return False
    return following_on(a.text, s.benches, r.span_end, s.s1, lambda x, y: False, a.w) is not None


@rule("result.listed_after_results")
def listed_after_results(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain number that continues a list of "<number> on <benchmark>" items after a result verb and has its
    own "on <benchmark>" ("achieves 80.2 on A, 63.5 on B and 1,612 on C"): a result like the items before it."""
    num, text = r.num, a.text
    if r.unit is not None or r.kind != "absolute":
        return False
    on = _ON_AFTER.match(text, r.span_end)
    if on is None or not any(b.start == on.end() for b in s.benches):
        return False
    items = _ITEMS_BEFORE.search(text, max(s.s0, num.start - a.w.listed_items_before), num.start)
    if items is None:
        return False
    head = text[max(s.s0, items.start() - a.w.scored_verb_before) : items.start()]
    return any(not head[m.end() :].strip() for m in a.g.result_verb.finditer(head))


@rule("result.respectively_run")
def respectively_run(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal in a run of coordinated numbers, in a sentence that says "respectively" and lists as many
    benchmark names ("On A and B, ... raises these to 72.4 and 65.1, respectively"): one of the listed results."""
    if r.unit is not None or r.num.decimals == 0 or not RESPECTIVELY.search(a.text, s.s0, s.s1):
        return False
    nums = [a.nums[i] for i in s.idx]
    k = next((j for j, n in enumerate(nums) if n.start == r.num.start), None)
    if k is None:
        return False
    lo = hi = k
    while lo > 0 and PURE_COORD.fullmatch(a.text, nums[lo - 1].end, nums[lo].start):
        lo -= 1
    while hi + 1 < len(nums) and PURE_COORD.fullmatch(a.text, nums[hi].end, nums[hi + 1].start):
        hi += 1
    run = hi - lo + 1
    return run >= 2 and any(len(names) == run for names in name_runs(a.text, s.benches))


@rule("result.labelled_comparison")
def labelled_comparison(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number in a parenthesis right after another number, labelled by the system it belongs to (grammar
    `comparison_label`: "FVD of 242 (baseline 238)", "(teacher: 71)"): the compared system's result."""
    lo = max(s.s0, r.num.start - a.w.listed_items_before)
    if a.text.find("(", lo, r.num.start) < 0:
        return False  # the pattern needs a "(": the cheap test first
    m = _LABELLED.search(a.text, lo, r.num.start)
    return m is not None and m.group("label").lower() in a.g.words.get("comparison_label", {})


@rule("result.compared_named_value")
def compared_named_value(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number a comparison word gives as a named system's own, in a sentence that names a metric ("compared
    with 26 meV for Uni-Mol", "below GraphCast (326)"; compared_values.py)."""
    return r.kind == "absolute" and named_value(a.text, a.g, s.s0, r.num.start, r.span_end, bool(s.metrics))


@rule("result.transition_of_named_metric")
def transition_of_named_metric(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain number at an end of a before-after transition ("lowers FVD from 305 to 212", "its FVD is 212, down
    from 305") after a metric named in its sentence: a result, even when whole."""
    num, text = r.num, a.text
    if r.unit is not None or num.signed or num.suffix:
        return False
    if not (r.bound or any(m.end <= num.start for m in s.metrics)):
        return False
    if r.kind == "range":
        c0 = clause_start(text, s.s0, num.start)
        return bool(_FROM_JUST_BEFORE.search(text, max(c0, num.start - 12), num.start)) and bool(
            a.g.change.search(text, c0, num.start)
        )
    after = UP_FROM_BETWEEN.match(text, r.span_end, s.s1)
    if after is not None and text[after.end() : after.end() + 1].isdigit():
        return True
    lo = max(s.s0, num.start - 40)
    return "from" in text[lo : num.start].lower() and _UP_FROM_BEFORE.search(text, lo, num.start) is not None


@rule("result.end_value_of_change")
def end_value_of_change(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain decimal after "to" that ends a change verb's phrase ("the average rises to 71.3", "improves by 2.1
    points to 64.0"), or after "at" right after a verb that holds a level (grammar `level_verb`: "stays at 7.6"),
    in a sentence that names a metric or a benchmark: the level the measure reaches."""
    if not _plain_decimal(r) or r.kind != "absolute" or not (s.metrics or s.benches):
        return False
    text, start = a.text, r.num.start
    c0 = clause_start(text, s.s0, start)
    at = _AT_END.search(text, max(c0, start - 30), start)
    if at is not None:
        return at.group(1).lower() in a.g.words.get("level_verb", {})
    to = _TO_END.search(text, max(c0, start - 16), start)
    if to is None:
        return False
    return any(  # the verb's own phrase: nothing, or its size ("by 2.1 points"), between it and "to"
        a.g.value_of("change", m.group(0)) and _CHANGE_TO_GAP.fullmatch(text, m.end(), to.start())
        for m in a.g.change.finditer(text, c0, to.start())
    )


@rule("result.coordinated_sibling")
def coordinated_sibling(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A bare decimal joined ("and", a comma, "vs.", ", whereas X reaches") to an earlier result of the same form
    (RESULT-BY-COORDINATED-SIBLING, value_siblings.py)."""
    own = (score_unit, metric_nearby, benchmark_and_result_verb, on_benchmark_after, compared_pair)
    return sibling_is_result(a, s, r, lambda *x: any(f(*x) for f in own), lambda *x: bool(non_result_pattern(*x)))
