"""PARALLEL-RUN: a nameless run of coordinated numbers after as many named results takes their names in order
(the relation of alignment.py that aligns a run with the results of the parallel clause before it: compared systems,
changes)."""

from __future__ import annotations

import re

from leaderboard.extract.alignment import align, assign, from_readings, number_runs
from leaderboard.extract.pairing import WEAK_METRIC_RULES, WEAK_NAME_RULES
from leaderboard.extract.vocab import norm_key

_JOINED_OR_SLASH = re.compile(r"\s*(?:%\s*)?(?:,|,?\s*and|,?\s*or|&|/)\s*")


def parallel_runs(readings: list, text: str, compare: re.Pattern | None = None) -> list:
    """PARALLEL-RUN: a run of n >= 2 coordinated numbers with no name of its own ("..., compared with 85.0% and
    75.2% for earlier systems", "while the teacher obtains 73.0% and 61.1%") after exactly n numbers of its kind
    with n distinct names takes those names in order, and their metrics where its own were only inferred. A run of
    changes with no absolute run of its own ("45.2 on A and 71.9 on B, improvements of 2.3 and 1.8 mAP") pairs with
    the absolute results before it the same way; after a comparison word (`compare`), the n results right before it
    of any kind ("a 3.4x speedup and a length of 4.6, compared with 2.8x and 3.7"). Returns the readings it named."""
    given: list = []
    order = sorted(readings, key=lambda r: r.num.start)
    for run in number_runs(text, readings, _JOINED_OR_SLASH):  # "x and y", "x / y"
        before = [r for r in order if r.kind == run[0].kind and r.span_end <= run[0].num.start]
        if not before and run[0].kind == "delta":
            before = [r for r in order if r.kind == "absolute" and r.span_end <= run[0].num.start]
        strong = [r.benchmark for r in run if r.rules.get("benchmark") not in WEAK_NAME_RULES]
        # OWN-SCOPE-RUN: a run whose one name is fronted between the results before and the run, and is none of
        # theirs ("...; on B the corresponding numbers are x and y"), keeps it and takes only their metrics
        lo = before[-1].span_end if before else run[0].num.start
        held = {norm_key(p.benchmark.name) for p in before if p.benchmark is not None}
        scoped = {
            id(r.benchmark)
            for r in run
            if r.rules.get("benchmark") == "benchmark.fronted_slot"
            and lo <= r.benchmark.start < run[0].num.start
            and norm_key(r.benchmark.name) not in held
        }
        strong = strong or ([r.benchmark for r in run] if len(scoped) == 1 and not any(r.carried for r in run) else [])
        k = order.index(run[0])
        mixed = order[max(0, k - len(run)) : k]  # "a 3.4x speedup and a length of 4.6, compared with 2.8x and 3.7"
        if (
            len(before) != len(run)
            and compare
            and len(mixed) == len(run)
            and compare.search(text, mixed[-1].span_end, run[0].num.start)
        ):
            before = mixed if all(r.unit == p.unit for r, p in zip(run, mixed, strict=True)) else before
        names = [r.benchmark for r in before]
        # the results before differ by name or, on one benchmark, by metric ("a Dice of x and an HD95 of y, versus
        # z and w for B")
        keys = {(norm_key(p.benchmark.name), p.metric.name if p.metric else "") for p in before if p.benchmark}
        if len(before) != len(run) or None in names or len(keys) != len(run):
            continue
        if strong and [r.benchmark for r in run] != names and not scoped:  # its own names: only the same ones
            continue
        if any(r.unit != p.unit and not _change_unit_of(r, p) for r, p in zip(run, before, strict=True)):
            continue
        # "Hits@10 of 0.556 and 0.601", "with MSE values of x and y": the run wrote its own metric
        lo, theirs = before[-1].span_end, {p.metric.start for p in before if p.metric is not None}
        own_metric = any(
            r.bound
            or (r.metric is not None and lo <= r.metric.start < run[0].num.start and r.metric.start not in theirs)
            for r in run
        )
        pairs = align(run, before)
        if not strong:
            given += assign(from_readings(pairs, "benchmark"), "benchmark", "benchmark.parallel_run", carried=False)
        mine = [
            q
            for q in pairs
            if not own_metric
            and (q.number.metric_inferred or q.number.rules.get("metric") in WEAK_METRIC_RULES)
            and not q.number.bound
            and q.name.metric is not None
            and q.number.metric is not q.name.metric
        ]
        assign(from_readings(mine, "metric"), "metric", "metric.parallel_run")
    return given


def _change_unit_of(change, result) -> bool:
    """A change written in points of a percentage result ("85.0%" ... "by 2.3 points")."""
    return change.kind == "delta" and result.kind == "absolute" and change.unit in {None, "pp", "points"}


__all__ = ["parallel_runs"]
