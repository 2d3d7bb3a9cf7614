"""The engine: the one place that runs the rules, in the ordered chains of chains.py. Per result sentence: build
the frozen `Sentence`, read each number (`_read_number`: metric binding, rejections, unit, qualifier, kind,
evidence), the structure rules before attribution (rules/structure.py: lists and coordination), each reading's
attribution (`_attribute`: benchmark, metric, subset, value, method, baseline, change details, confidence), then the
structure rules after it. The first rule of a chain that decides sets the field, and `Reading.note` records it
(trace, `results.rules`)."""

from __future__ import annotations

from leaderboard.extract import own_score
from leaderboard.extract.attribution import Span, clause_start, generic_head, nearest, unnamed
from leaderboard.extract.before_after import transition_rows
from leaderboard.extract.calibration import evidence_score
from leaderboard.extract.chains import (
    BASELINE,
    BENCHMARK_CARRIED,
    BENCHMARK_IN_SENTENCE,
    CHANGE,
    EVIDENCE,
    METHOD,
    METRIC_BINDING,
    QUALIFIER,
    REJECT,
    SUBSET,
    UNIT,
)
from leaderboard.extract.details import delta_details, transitions
from leaderboard.extract.efficiency_sentence import apply_claim, settle_benchmarks, settle_late
from leaderboard.extract.lists import jointly
from leaderboard.extract.names_around import belongs_to_other, bound_elsewhere, changed_metric, with_split
from leaderboard.extract.pair_names import sentence_names
from leaderboard.extract.rules import baseline as baseline_rules
from leaderboard.extract.rules import benchmark, decide, first, result
from leaderboard.extract.rules.metric import after_attribution, fits, own_score_name, plain_or_points, unit_fits
from leaderboard.extract.rules.structure import AFTER as STRUCTURE_AFTER
from leaderboard.extract.rules.structure import BEFORE as STRUCTURE_BEFORE
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.value_lists import slash_lists, system_lists
from leaderboard.extract.vocab import norm_key


def read_sentence(a: Abstract, s0: int, s1: int, idx: list[int], captured: list[Span]) -> list[Reading]:
    """The readings of one result sentence, in order, plus the extra rows of lists and transitions."""
    sb = sorted([b for b in a.benches if s0 <= b.start < s1] + captured, key=lambda b: b.start)
    sb = sentence_names(a.text, a.vocab.benchmarks, sb, s1, a.g.words.get("part_label"))  # pair_names.py
    sm = system_lists(a, s0, s1, [m for m in a.metrics if s0 <= m.start < s1])
    slash_metric, slash_subset = slash_lists(a, s0, s1, idx, sm)
    s = Sentence(s0, s1, idx, sb, sm, slash_metric, slash_subset)
    readings: list[Reading] = []
    for i in idx:
        prev_link = a.links.get(i - 1)
        if i in a.seconds and prev_link is not None and prev_link.kind == "range":
            continue
        r = _read_number(a, s, i)
        if r is None:
            continue
        if i in slash_subset:
            r.subset = slash_subset[i]
            r.note("subset", "subset.slash_list")
        readings.append(r)
    if not readings:  # no result: nothing to align or attribute, and nothing for the next sentence to carry
        return a.memory.none_read()
    for fn in STRUCTURE_BEFORE:  # rules/structure.py: lists and coordination
        fn(a, s, readings)
    absolute = frozenset([r.num.start for r in readings if r.kind != "delta"])
    every = frozenset([n.start for n in a.nums]) if len(absolute) < len(readings) else absolute
    paired = {id(r) for r in readings if r.benchmark is not None}
    a.memory.bound = {r.metric.start: r for r in readings if r.bound and r.metric is not None}
    for r in readings:
        r.peers = absolute if r.kind != "delta" else every
        _attribute(a, s, r)
    settle_benchmarks(a, readings)  # efficiency_sentence.py
    for fn in STRUCTURE_AFTER:  # rules/structure.py
        fn(a, s, readings)
    after_attribution(a, readings)  # rules/metric.py: metrics that depend on the sentence's other readings
    settle_late(a, readings)  # efficiency_sentence.py: SPEED-AT-OPERATING-POINT for the metrics settled late
    for r in readings:  # after every reading has its method: a compared system's number on another's benchmark
        if (home := baseline_rules.home_of_baseline_metric(a, s, r, readings)) is not None:
            r.benchmark = home
            r.note("benchmark", "benchmark.home_of_baseline_metric")
    a.memory.remember(readings)
    if len(readings) == 1 and id(readings[0]) not in paired:
        readings += jointly(a, readings[0], sb)
    done = transitions(a, readings, s0)
    return readings + transition_rows(readings, done, a, s0)  # before_after.py


def _read_number(a: Abstract, s: Sentence, i: int) -> Reading | None:
    """One number: its bound metric, whether it is a result, its unit, qualifier and kind."""
    text, num, trace = a.text, a.nums[i], a.trace
    link = a.links.get(i)
    rng = link if link is not None and link.kind == "range" else None
    span_end = a.nums[rng.second].end if rng else num.end
    r = Reading(num=num, s0=s.s0, s1=s.s1, value=num.value, span_end=span_end, trace=trace, i=i)
    if trace is None and result.rejected_even_if_bound(a, s, r):
        return None  # REJECT would decline it whatever metric binds it (untraced: no decision to show)
    bound, rule = first(METRIC_BINDING, a, s, r)
    if bound is not None:
        r.metric, r.side, r.bound = bound[0], bound[1], True
    claim = a.speed.claim(text, num.start, span_end, s.s0, s.s1, num.unit) if a.speed is not None else None
    leak = a.leaks if claim is None else None  # untraced, asked last: a number with no evidence never asks it
    if leak is not None and trace is not None and leak.reason(text, num.start, span_end, s.s0, s.s1, num.unit):
        return None  # leaks.py: a size ratio or a setting
    if claim is not None and apply_claim(r, claim, text, a.vocab.metrics.lookup):  # efficiency_sentence.py
        r.note("metric", "metric.efficiency_cue")
        bound = None  # the cue's metric replaced the bound one
    why, rule_no = first(REJECT, a, s, r)
    if why:
        if trace is not None:
            trace.declined((num.start, num.end), rule_no, "result", why)
        return None
    if bound is not None:
        r.note("metric", rule)
    c0 = clause_start(text, s.s0, num.start)
    r.before = text[max(c0, num.start - a.w.clause_before) : num.start]
    r.after = text[span_end : min(s.s1, span_end + a.w.sentence_after)]
    at = (num.start, span_end)
    r.unit, rule = first(UNIT, a, s, r)
    if rule:
        r.note("unit", rule, at)
    if claim is not None and claim.unit is not None and r.unit is None:
        r.unit = claim.unit  # "in under 0.3 seconds"
    if r.metric is not None and not unit_fits(r.metric.entry, r.unit):  # "an error of 31.2 mm": no Error Rate
        r.metric = Span(r.metric.start, r.metric.end, r.metric.raw, r.metric.raw)
        r.note("metric", "metric.unit_excludes_percentage_metric")
    q, rule = first(QUALIFIER, a, s, r)
    if q is not None:
        r.qualifier = q[0]
        r.note("qualifier", rule, q[1])
        if rule == "qualifier.cue_before":
            r.before = r.before[: len(r.before) - (num.start - q[1][0])]  # the kind rules read what precedes it
    if rng:
        second = a.nums[rng.second]
        dash = second.signed == "-" and not num.signed and not text[num.end : second.start].strip()
        r.kind, r.value_to = "range", -second.value if dash else second.value  # "9% -19%": the dash joins
        r.note("kind", "kind.linked_range", at)
    else:
        changed, rule = first(CHANGE, a, s, r)
        r.kind = "delta" if changed else "absolute"
        r.note("kind", rule or "kind.plain_value", at)
    _, rule = first(EVIDENCE, a, s, r)
    if not rule and claim is not None and claim.unit is not None and r.metric is not None:
        rule = "result.prose_time"  # efficiency.py: "runs in 18 ms", "in under 0.3 seconds"
    if not rule or (trace is None and leak and leak.reason(text, num.start, span_end, s.s0, s.s1, num.unit)):
        if trace is not None:
            trace.declined((num.start, num.end), "result.no_evidence", "result", "no unit, metric, change or benchmark")
        return None  # (or untraced, leaks.py's reason: the rules since read the number only, nothing records them)
    r.note("result", rule, at)
    return r


def _attribute(a: Abstract, s: Sentence, r: Reading) -> None:
    """A reading's benchmark, metric, subset, sign, method and change details, in this order."""
    text, num, s0, s1, sb, sm = a.text, r.num, s.s0, s.s1, s.benches, s.metrics
    if r.benchmark is None and r.metric is not None and r.metric.entry is None:
        inside = [b for b in sb if r.metric.start <= b.start and b.end <= r.metric.end]
        if inside:  # "an MT-Bench score of 8.9": the benchmark's own score
            r.benchmark = inside[-1]
            r.note("benchmark", "benchmark.inside_metric_phrase")
            rest = text[inside[-1].end : r.metric.end].strip(" -").lower()
            if (own := own_score_name(rest, inside[-1])) is not None:  # "a CLUEscore of 71.8": no later metric
                r.metric = Span(r.metric.start, r.metric.end, own, r.metric.raw)
                r.note("metric", "metric.score_named_by_benchmark")
            elif not rest or generic_head(a.g, rest):
                r.metric, r.bound = None, False
                r.drop("metric", "benchmark.inside_metric_phrase", "the phrase is the benchmark's own score")
    if r.benchmark is None and not benchmark.across_unnamed_sets(a, s, r):
        r.benchmark, rule = first(BENCHMARK_IN_SENTENCE, a, s, r)
        if rule:
            r.note("benchmark", rule)
    elif r.benchmark is None and r.trace is not None:
        why = "a number over several unnamed sets"
        r.trace.declined((num.start, num.end), "benchmark.across_unnamed_sets", "benchmark", why)
    if r.benchmark is None:
        r.benchmark, rule = first(BENCHMARK_CARRIED, a, s, r)
        if rule:
            r.carried = True
            r.note("benchmark", rule)
    elif r.trace is not None:  # only when tracing: what the carried rules would have said
        r.trace.not_reached((num.start, num.end), "benchmark", r.rules, first(BENCHMARK_CARRIED, a, s, r))
    if r.metric is None and r.unit != "x":  # "3x faster": a speed-up, not a multiple of a nearby metric
        own = [
            m
            for m in sm
            if not belongs_to_other(a, m, r.benchmark, sb) and fits(m, r) and not bound_elsewhere(a, m, r, sb)
        ]
        r.metric = changed_metric(a, r, own, s1)
        if r.metric is not None:
            r.note("metric", "metric.change_noun_in_of")
        else:
            r.metric = nearest(own, num.start, r.span_end, text, s0, s1, a.w.metric_nearest, a.w)
            if r.metric is not None:
                r.note("metric", "metric.nearest_in_sentence")
    if r.metric is None and r.kind != "delta" and r.benchmark is not None:
        last = a.memory.last_metric.get(norm_key(r.benchmark.name))  # "mIoU (val: 62.6) on X. ... X (66.3)"
        if last is not None and r.unit in {None, last.entry.get("unit") if last.entry else None}:
            r.metric = last
            r.note("metric", "metric.last_given_for_benchmark")
    if r.benchmark is None and (single := benchmark.single_in_abstract(a, s, r)) is not None:
        r.benchmark, r.carried = single, True
        r.note("benchmark", "benchmark.single_in_abstract")
    if unnamed(r.metric, a.g) and plain_or_points(r) and r.benchmark and r.benchmark.entry is not None:
        usual = own_score.usual_span(a, r.benchmark, r.unit)  # the usual metric: not named, no offsets
        if usual is not None and unit_fits(usual.entry, r.unit) and (r.unit != "pp" or usual.entry.get("unit") == "%"):
            r.metric = usual
            r.metric_inferred = True
            r.note("metric", "metric.usual_of_benchmark")
    if r.subset is not None and r.benchmark is not None and r.benchmark.entry is not None:
        split = with_split(a, r.benchmark, r.subset)
        if split is not r.benchmark:
            r.benchmark = split
            r.note("benchmark", "benchmark.entry_of_split")
    if r.subset is None:
        r.subset, rule = first(SUBSET, a, s, r)
        if rule:
            r.note("subset", rule)
    if r.metric is not None and r.kind == "absolute" and r.value < 0:
        low = r.metric.entry.get("min") if r.metric.entry is not None else ""
        if low and float(low) >= 0:
            r.value = -r.value
            r.note("value", "value.dash_before_nonnegative_metric")
    decide(METHOD, "method", a, s, r)
    if r.kind == "delta":
        decide(BASELINE, "baseline", a, s, r)
        delta_details(a, r, s0, s1)
    r.confidence = evidence_score(a, r)
    r.note("confidence", "confidence.evidence_score")
