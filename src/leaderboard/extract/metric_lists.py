"""Metric lists: coordinated numbers take the members of a coordinated metric list ("improves HR@10 and NDCG@10
by 8.2% and 10.5%", "80.1% and 92.3% in mAP and Rank-1"), and coordinated changes the metrics of as many results
before them. The relations only; the assignment is alignment.py's. The rules that run these are in
rules/structure.py."""

from __future__ import annotations

import re
from dataclasses import replace

from leaderboard.extract.alignment import AT_K, PURE_COORD, align, assign, from_readings, name_runs, number_runs
from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading

_IN_METRICS = re.compile(r"\s*(?:%\s*)?(?:[\w\-]+\s+)?(?:in|on|for|of)\s+(?:terms\s+of\s+)?(?:the\s+)?")


def metric_list(a: Abstract, readings: list[Reading], sm: list[Span]) -> None:
    """ "improves HR@10 and NDCG@10 by 8.2% and 10.5%": coordinated numbers bound to the last of a
    coordinated metric list of the same length take its members in order (each such run, when there are several)."""
    text = a.text
    for run in name_runs(text, sm, AT_K):
        run = shared_head(a, list(run))
        metrics_after(a, readings, run)
        group = [r for r in readings if r.metric is run[-1]]
        if any(r.num.start < run[-1].end for r in group):
            continue
        # PARALLEL-NUMBER-RUNS: "precision and recall reach x and y, while on B they are z and w": each run of the
        # numbers bound to the list takes its members in order
        for nums in [group] if _pure_run(text, group) else number_runs(text, group):
            assign(align(nums, run), "metric", "metric.coordinated_metric_list")


def shared_head(a: Abstract, run: list[Span]) -> list[Span]:
    """SHARED-HEAD: coordinated modifiers share the head noun written once after the last ("top-1 and top-5 errors":
    Top-1 Error, not the Top-1 Accuracy "top-1" alone names): a shorter member completed with the last member's
    extra words is the vocabulary's entry for it when there is one (singular head too)."""
    words = run[-1].raw.split()
    out = []
    for m in run[:-1]:
        n = len(m.raw.split())
        head = " ".join(words[n:]) if len(words) > n else ""
        entry = None
        for form in (head, head[:-1] if head.endswith("s") else "") if head else ():
            entry = entry or (a.vocab.metrics.lookup(f"{m.raw} {form}") if form else None)
        out.append(replace(m, name=entry.name, entry=entry) if entry is not None and entry.name != m.name else m)
    return [*out, run[-1]]


def parallel_deltas(a: Abstract, readings: list[Reading]) -> None:
    """ "89.0% rank-1 and 78.5% mAP, outperforming the state of the art by 2.1% and 3.4%": coordinated unbound
    changes after as many absolute results with distinct metrics take those metrics in order."""
    if len(readings) < 4:
        return
    text = a.text
    i = next((j for j, r in enumerate(readings) if r.kind == "delta"), None)
    if i is None or i < 2:
        return
    deltas = [readings[i]]
    for r in readings[i + 1 :]:
        if r.kind != "delta" or not PURE_COORD.fullmatch(text, deltas[-1].span_end, r.num.start):
            break
        deltas.append(r)
    results = readings[i - len(deltas) : i]
    if len(deltas) < 2 or len(results) != len(deltas) or any(r.kind != "absolute" for r in results):
        return
    if any(r.bound for r in deltas) or any(r.metric is None for r in results):
        return
    if len({r.metric.name for r in results}) != len(results):
        return
    pairs = align(deltas, results)
    named = [p for p in pairs if p.number.benchmark is None and p.name.benchmark is not None]
    assign(from_readings(pairs, "metric", flags=False), "metric", "metric.parallel_changes")
    assign(from_readings(named, "benchmark", flags=False), "benchmark", "benchmark.parallel_changes")


def metrics_after(a: Abstract, readings: list[Reading], run: list[Span]) -> None:
    """ "80.1% and 92.3% in mAP and Rank-1": coordinated unbound numbers right before an "in" metric list of
    the same length take its members in order."""
    text = a.text
    before = [r for r in readings if r.span_end <= run[0].start]
    kind = before[-1].kind if before else ""
    group = [r for r in before if r.kind == kind and (not r.bound or r.metric is run[0])][-len(run) :]
    if len(group) != len(run) or not _IN_METRICS.fullmatch(text, group[-1].span_end, run[0].start):
        return
    if _pure_run(text, group):
        assign(align(group, run), "metric", "metric.in_metric_list_after")


def _pure_run(text: str, group: list[Reading]) -> bool:
    """The numbers are joined only by commas and coordinators."""
    return all(PURE_COORD.fullmatch(text, p.span_end, q.num.start) for p, q in zip(group, group[1:], strict=False))
