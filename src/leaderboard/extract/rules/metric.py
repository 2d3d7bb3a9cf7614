"""Metric: the measure a number is given in. Binding rules read the metric written on or next to the number; each
returns (span, side) with side "after", "before" or "list" (where the metric is written), or declines."""

from __future__ import annotations

import re

from leaderboard.extract import (
    acronym_metrics,
    change_measure,
    compared_metrics,
    judged_share,
    metric_after,
    metric_list_head,
    metric_restated,
    metric_same,
    metric_units,
    metric_usual,
    own_score,
    share_verbs,
    speed_activity,
    sub_scores,
    value_siblings,
)
from leaderboard.extract.attribution import Span, bind_metric, capture_metric, generic_head
from leaderboard.extract.compared_metrics import unit_fits
from leaderboard.extract.details import captured_metric
from leaderboard.extract.metric_forms import canonical, split_pattern
from leaderboard.extract.rules import rule
from leaderboard.extract.rules.solved_count import metric_of_count
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

_LINK_WORD = re.compile(r"[=:]|\bof\b|\bis\b|\bwas\b|\bat\b")
_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)")
_WORDS = re.compile(r"[^\W_]+")
Bound = tuple[Span, str]
# the binding rules in the order the engine tries them (the first that binds wins)
BINDING = (
    "metric.glued_suffix",
    "metric.slash_list",
    "metric.name_before_each_value",
    "metric.unknown_acronym_after",
    "metric.name_next_to_number",
    "metric.acronym_defined",
    "metric.phrase_before",
)


@rule("metric.glued_suffix")
def glued_suffix(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """A metric name glued to the number ("92.1AP")."""
    num = r.num
    entry = a.vocab.metrics.lookup(num.suffix) if num.suffix else None
    if entry is None:
        return None
    return Span(num.suffix_start, num.suffix_start + len(num.suffix), entry.name, num.suffix, entry), "after"


@rule("metric.slash_list")
def slash_list(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """Numbers "a/b/c" paired in order with a metric list "x/y/z" of the same length."""
    metric = s.slash_metrics.get(r.i)
    return (metric, "list") if metric is not None else None


_ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_VALUE_NEXT = re.compile(r"\s*[:=]?\s*[-+\u2212]?\d")


@rule("metric.name_before_each_value")
def name_before_each_value(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """In a list whose items write their metric right before their number ("DINO 0.712, CLIP-I 0.823 and CLIP-T
    0.311"), a number takes the metric right before it, not the next item's metric that follows it."""
    text, num = a.text, r.num
    before = next((m for m in reversed(s.metrics) if m.end <= num.start), None)
    if before is None or text[before.end : num.start].strip() not in ("", ":", "="):
        return None
    after = next((m for m in s.metrics if m.start >= r.span_end), None)
    if after is None or not _ITEM_GAP.fullmatch(text, r.span_end, after.start):
        return None
    return (before, "before") if _VALUE_NEXT.match(text, after.end) else None


@rule("metric.name_next_to_number")
def name_next_to_number(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """A metric name right after the number ("92.1 AP") or before it with a linking word ("an FID of 2.20"); a lone
    generic head before it ("error") grows to its whole phrase; a bare whole number with no link is a footnote."""
    text, num = a.text, r.num
    metric, side = bind_metric(text, num, s.metrics, r.span_end, a.w)
    if metric is None:
        return None
    if side == "before" and generic_head(a.g, metric.raw):
        longer = capture_metric(text, num, s.s0, a.g)  # "a mean joint error of 28.9mm": not just "error"
        if longer is not None and longer.start < metric.start <= longer.end:
            split = split_pattern(a.g.exact.get("metric_split_word", frozenset()))
            metric = canonical(longer, split, a.vocab.metrics.lookup)  # "a test set error of": still Error Rate
            if metric.entry is not None and metric.entry.get("unit") == "%" and num.unit != "%":
                metric = longer  # "a mean error of 1.3 degrees" is no Error Rate
    linked = _LINK_WORD.search(text[metric.end : num.start])
    if side == "before" and num.unit is None and num.decimals == 0 and not linked:
        return None  # "FLOPs 1": a footnote marker, not "FID of 2"
    return metric, side


@rule("metric.name_after_modifier")
def name_after_modifier(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """A metric written after the number behind a modifier that makes it another measure ("43.2 mask AP",
    "48.3 entity-level F1", "97.1% slot accuracy"); metric_forms.py keeps the modifier in the name."""
    mods = a.g.words.get("metric_modifier", {})
    after = next((m for m in s.metrics if m.start >= r.span_end), None)
    if after is None or after.start - r.span_end > a.w.metric_bind_after:
        return None
    gap = " ".join(a.text[r.span_end : after.start].lower().split())
    return (after, "after") if gap in mods else None


@rule("metric.acronym_defined")
def acronym_defined(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """An acronym the abstract defines as a metric ("the goal reaching rate (GRR)") next to the number ("GRR 77",
    "a GRR of 77"): a metric outside the vocabulary named by its acronym (extract/acronym_metrics.py)."""
    mine = s.memo.get("acronym_metrics")
    if mine is None:  # once per sentence
        s.memo["acronym_metrics"] = mine = _acronym_metrics(a, s)
    if not mine:
        return None
    metric, side = bind_metric(a.text, r.num, mine, r.span_end, a.w)
    return (metric, side) if metric is not None else None


def _acronym_metrics(a: Abstract, s: Sentence) -> list[Span]:
    """The sentence's mentions of acronyms the abstract defines as metrics (extract/acronym_metrics.py)."""
    cands = acronym_metrics.candidates(a.text)  # cached per abstract: the cheap test
    if not cands:
        return []
    words = a.g.words
    settings = (words.get("setting_before", {}), words.get("setting_phrase", {}))
    known = (a.vocab.metrics.lookup, a.vocab.benchmarks.lookup)
    acrs = acronym_metrics.definitions(cands, words.get("metric_head", {}), settings, known)
    return [m for m in acronym_metrics.mentions(a.text, acrs) if s.s0 <= m.start < s.s1]


@rule("metric.phrase_before")
def phrase_before(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """A metric phrase outside the vocabulary before the number ("an R-precision of 0.22", "a return of 3,200")."""
    metric = captured_metric(a, r.num, s.s0)
    return (metric, "before") if metric is not None else None


@rule("metric.unknown_acronym_after")
def unknown_acronym_after(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """An acronym outside the vocabulary right after a number with decimals, ending its phrase ("58.4 TQS and
    61.0 IDR"): the number's metric (extract/metric_after.py)."""
    metric = metric_after.unknown_acronym(a, r)
    return (metric, "after") if metric is not None else None


@rule("metric.shared_by_coordinated_numbers")
def shared_by_coordinated_numbers(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """Numbers joined by "and"/"or"/commas share the metric written after the last one ("0.9% and 2.5% mIoU")."""
    text, num, nums = a.text, r.num, a.nums
    k, last = r.i, r.num
    while k + 1 < len(nums) and nums[k + 1].start < s.s1:
        nxt = nums[k + 1]
        if nxt.unit != num.unit or not _COORDINATOR.fullmatch(text, last.end, nxt.start):
            break
        k, last = k + 1, nxt
    if last is num:
        return None
    metric, side = bind_metric(text, last, s.metrics, last.end, a.w)
    return (metric, "list") if metric is not None and side == "after" else None


@rule("metric.score_named_by_benchmark")
def score_named_by_benchmark(a: Abstract, s: Sentence, r: Reading) -> Bound | None:
    """A score named after its benchmark before the number ("a FooBench score of 71.8", "its FooBench rating stays
    at 6.2"): that benchmark's own score, even when another metric noun follows later (extract/own_score.py)."""
    metric = own_score.score_phrase(a, s, r)
    return (metric, "before") if metric is not None else None


def own_score_name(rest: str, bench: Span) -> str | None:
    """metric.score_named_by_benchmark, for a metric phrase holding a benchmark name: "<benchmark> score" when the
    rest of the phrase (`rest`, lower case) is "score" ("a CLUEscore of") or the name itself ends in it."""
    if rest in {"score", "scores"} or not rest and bench.raw.lower().endswith("score"):
        return f"{bench.name} score"
    return None


# -- fit of a metric to a number (used by the engine when it attributes a metric) ---------------------------------
def fits(m: Span, r: Reading) -> bool:
    """An absolute percentage is no value of an unbounded non-percentage metric (perplexity); see unit_fits."""
    e = m.entry
    if not unit_fits(e, r.unit):
        return False
    return r.unit != "%" or r.kind != "absolute" or e is None or e.get("unit") == "%" or bool(e.get("max"))


def plain_or_points(r: Reading) -> bool:
    """A number that may take its benchmark's usual metric: not a speed-up, and a change only in points
    ("improves MMLU by 14.3 points") or in no unit ("the gain is +2.2": in the metric's own units), not in percent
    (relative or absolute: unknown)."""
    if r.kind == "delta":
        return r.unit in {"points", "pp", None}
    return r.unit != "x"


# -- passes over a sentence's readings (run by the engine after attribution) --------------------------------------
def same_family(a: Abstract, one: str, other: str) -> bool:
    """Two metric names measure the same kind of thing: the words of one are among the other's ("Box AP" and "AP",
    "Recall@5" and "Recall") or grammar kind `metric_family` gives them one family ("mAP" and "AP")."""
    w1, w2 = set(_WORDS.findall(one.lower())), set(_WORDS.findall(other.lower()))
    if not w1 or not w2 or w1 <= w2 or w2 <= w1:
        return True
    family = a.g.words.get("metric_family", {})
    return family.get(one.lower(), norm_key(one)) == family.get(other.lower(), norm_key(other))


def usual_of_other_family(a: Abstract, readings: list[Reading]) -> None:
    """metric.usual_of_other_family: in a list whose items write their metric after their number ("52.4 AP on A,
    45.0 box AP on B and 71.3% on C"), an item with no metric of its own borrows none from a sibling on another
    benchmark when its own benchmark's usual metric is of another family: it takes that usual metric (implied).
    A benchmark used for several tasks (grammar kind `multi_task_benchmark`: COCO) may take the sibling's metric."""
    owner = {p.metric.start: p for p in readings if p.bound and p.side == "after" and p.metric is not None}
    for r in readings:
        m, bench = r.metric, r.benchmark
        if m is None or r.bound or r.metric_inferred or bench is None or bench.entry is None:
            continue
        other = owner.get(m.start)
        if other is None or other is r or other.benchmark is None or m.end > r.num.start:
            continue
        if norm_key(other.benchmark.name) == norm_key(bench.name) or not plain_or_points(r):
            continue
        usual = own_score.usual_span(a, bench, r.unit)
        if usual is None or same_family(a, usual.name, m.name) or not unit_fits(usual.entry, r.unit):
            continue
        if bench.entry.name.lower() in a.g.words.get("multi_task_benchmark", {}):
            continue  # "68.2% R@1 on Flickr30K and 49.1% on COCO": COCO is retrieval data too
        r.metric, r.metric_inferred = usual, True
        r.note("metric", "metric.usual_of_other_family")


def usual_for_loose_word(a: Abstract, readings: list[Reading]) -> None:
    """metric.usual_for_loose_word: a bare "accuracy" on a benchmark whose usual metric is a localisation or
    overlap measure (grammar kind `loose_accuracy_for`: AP, mIoU, PQ) is the loose word for that measure ("a
    superior accuracy of 55.2 on COCO" is AP), unless it is written as a percentage of correct answers."""
    loose = a.g.words.get("loose_accuracy_for", {})
    for r in readings:
        m, bench = r.metric, r.benchmark
        if m is None or m.entry is None or m.raw.lower() != "accuracy" or r.unit == "%":
            continue
        if bench is None or bench.entry is None:
            continue
        usual = a.vocab.metrics.lookup(bench.entry.get("metric"))
        if usual is None or usual.name.lower() not in loose or not plain_or_points(r):
            continue
        r.metric, r.metric_inferred = Span(-1, -1, usual.name, "", usual), True
        r.note("metric", "metric.usual_for_loose_word")


def after_attribution(a: Abstract, readings: list[Reading]) -> None:
    """The metric passes over a sentence's attributed readings, in order (each notes its own rule)."""
    change_measure.of_change_verb(a, readings)  # metric.of_change_verb
    share_verbs.of_share_verb(a, readings)  # metric.of_share_verb
    judged_share.of_judged_quality(a, readings)  # metric.of_judged_quality
    compared_metrics.of_parallel_compared_list(a, readings)  # metric.of_parallel_compared_list
    compared_metrics.of_compared_value(a, readings)  # metric.of_compared_value
    compared_metrics.of_compared_system(a, readings)  # metric.of_compared_system
    usual_of_other_family(a, readings)
    metric_after.head_noun_after(a, readings)  # metric.head_noun_after
    usual_for_loose_word(a, readings)
    metric_usual.named_as_usual(a, readings)  # metric.named_as_usual
    metric_usual.of_parallel_benchmark(a, readings)  # metric.of_parallel_benchmark
    metric_list_head.of_list_head(a, readings)  # metric.of_list_head
    value_siblings.metric_of_sibling(a, readings)  # metric.of_coordinated_sibling
    metric_of_count(a, readings)  # metric.of_items_solved
    metric_restated.restated_in_parentheses(a, readings)  # metric.restated_in_parentheses
    speed_activity.named_by_activity(a, readings)  # metric.speed_named_by_activity
    speed_activity.ratio_of_speed_noun(a, readings)  # metric.ratio_of_speed_noun
    metric_same.same_as_before(a, readings)  # metric.same_as_before
    metric_units.of_unit(a, readings)  # metric.usual_in_own_unit, metric.of_unit_named_earlier
    sub_scores.labelled_in_parenthesis(a, readings)  # metric.sub_score_label
    sub_scores.dimension_after_benchmark(a, readings)  # metric.dimension_of_benchmark
    metric_same.one_in_abstract(a, readings)  # metric.one_in_abstract
