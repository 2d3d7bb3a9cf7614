"""Efficiency results on readings: a number's claim applied to its reading, and the passes over a sentence's
readings after attribution (the cue words and the rules that read one number live in efficiency.py).

- SPEED-NOUN-IS-OWN: an efficiency metric another number reports is not lent to a plain number.
- SPEED-COMPARATIVE-ELLIPSIS: "31 ms per chunk, about 3x lower than X": a bare comparative ratio right after an
  efficiency value compares that measure.
- SPEED-NO-BORROW: a measurement in a sentence that names hardware ("on an A100 GPU") gets no benchmark.
- SPEED-AT-OPERATING-POINT: an efficiency result keeps a benchmark only when it is the one benchmark of its
  sentence's task results, or the sentence's fronted scope ("On X, ...").
- SPEED-MEASURED-ON: "speed-ups of 3.6x on X", "a 3.2x wall-clock speedup on X", "the speed-up on X is 2.9x": a
  benchmark joined to the speed value or its noun by "on" (no comparison between) is what the speed is measured on.
- SPEED-OWN-CONJUNCT: an efficiency result in a conjunct of its own (", and latency is 410 ms") after a task result
  of its sentence does not take that result's fronted benchmark.
"""

from __future__ import annotations

import re

from leaderboard.extract.efficiency import SpeedClaim, SpeedLexicon


def apply_claim(r, claim: SpeedClaim, text: str, lookup) -> bool:
    """Give the reading `r` its efficiency metric (SPEED-CUE-AFTER, SPEED-VERB-BY, PROSE-TIME) unless a metric
    written closer to the number already names what it measures. Returns whether the reading is an efficiency
    result (then it counts as a result even without a result verb)."""
    from leaderboard.extract.attribution import Span

    entry = lookup(claim.metric)
    if entry is None and not claim.named_as_written:
        return False
    num = r.num
    gap = min(abs(claim.start - r.span_end), abs(num.start - claim.end))
    if r.metric is not None and r.metric.start >= 0:
        mine = min(abs(r.metric.start - r.span_end), abs(num.start - r.metric.end))
        if mine < gap:
            return False
    name = entry.name if entry is not None else claim.metric
    r.metric = Span(claim.start, claim.end, name, text[claim.start : claim.end], entry)
    if claim.unit is not None and r.unit is None:
        r.unit = claim.unit
    return True


def confine_benchmark(r, speed: SpeedLexicon, hardware: re.Pattern, text: str) -> None:
    """SPEED-NO-BORROW: an efficiency result measured on named hardware, or carried from another sentence into
    one that names hardware, has no benchmark."""
    if r.metric is None or not speed.is_speed(r.metric.name) or r.benchmark is None:
        return
    if hardware.search(text, r.s0, r.s1):
        r.benchmark, r.carried, r.subset = None, False, None


def settle_benchmarks(a, readings: list) -> None:
    """SPEED-NO-BORROW on each reading, then SPEED-AT-OPERATING-POINT over the sentence (run by the engine after
    attribution)."""
    if a.speed is None:
        return
    speed_noun_is_own(readings, a.speed)
    compared_time(readings, a.speed)
    comparative_ellipsis(readings, a.speed, a.text)
    for r in readings:
        confine_benchmark(r, a.speed, a.g.hardware, a.text)
    own_conjunct(readings, a.speed, a.text)
    without_operating_point(readings, a.speed, a.text, a.g)


def settle_late(a, readings: list) -> None:
    """SPEED-AT-OPERATING-POINT again, once the metrics that depend on the sentence's other readings are settled
    ("Decoding throughput grows 4.8x at batch size 64, and ...": the throughput is named by its conjunct only then),
    so a late efficiency result does not keep a benchmark carried from a task result (run by the engine)."""
    if a.speed is not None:
        without_operating_point(readings, a.speed, a.text, a.g)


_CONJUNCT = re.compile(r",\s+(?:and|while|whereas)\s|;\s")


def own_conjunct(readings: list, speed: SpeedLexicon, text: str) -> None:
    """SPEED-OWN-CONJUNCT: "On X it cuts WER by 14%, and first-token latency is 410 ms": the latency is a conjunct
    of its own after the task result, so the fronted X scopes the task result only ("On X the speedup reaches 3.9x"
    and "91.0% on X with only 2.3 ms latency" keep X: no task result, no conjunct between)."""
    for k, r in enumerate(readings):
        if r.benchmark is None or r.rules.get("benchmark") != "benchmark.fronted_slot" or not speed.is_speed(_name(r)):
            continue
        name = r.benchmark.name
        task = next((p for p in reversed(readings[:k]) if _bench(p) == name and not speed.is_speed(_name(p))), None)
        if task is None or not _CONJUNCT.search(text, task.span_end, r.num.start):
            continue
        r.benchmark, r.carried, r.subset = None, False, None
        r.drop("benchmark", "benchmark.speed_own_conjunct", "a conjunct of its own after the task result")


def comparative_ellipsis(readings: list, speed: SpeedLexicon, text: str) -> None:
    """SPEED-COMPARATIVE-ELLIPSIS: "31 ms per chunk, about 3x lower than X", "1,250 sentences/s, 3.4x higher than Y":
    a ratio with no metric of its own, followed by a bare comparative and "than", right after an efficiency value of
    its sentence (no clause mark between) compares that same measure."""
    for prev, r in zip(readings, readings[1:], strict=False):
        if r.metric is not None or r.unit not in {"x", "%"} or prev.metric is None or not speed.is_speed(_name(prev)):
            continue
        if r.num.start - prev.span_end > speed.w.speed_ellipsis_gap or _CLAUSE.search(text, prev.span_end, r.num.start):
            continue
        if speed.ellipsis.match(text, r.span_end, r.s1) is not None:
            r.metric, r.metric_inferred = prev.metric, False
            r.note("metric", "metric.speed_comparative_ellipsis")


def compared_time(readings: list, speed: SpeedLexicon) -> None:
    """SPEED-COMPARED-TIME: a compared system's time ("..., versus 41 minutes for X") measures what the earlier
    efficiency time of its sentence in the same unit measures ("trains in 7.5 minutes": Training Time)."""
    for k, r in enumerate(readings):
        m = r.metric
        if (
            m is None
            or r.rules.get("metric") != "metric.efficiency_cue"
            or " ".join(m.raw.lower().split()) not in speed.compared_words
        ):
            continue
        prev = next((p for p in reversed(readings[:k]) if p.unit == r.unit and speed.is_speed(_name(p))), None)
        if prev is not None and prev.metric is not None and prev.metric.name != m.name:
            r.metric = prev.metric
            r.note("metric", "metric.speed_compared_time")


def speed_noun_is_own(readings: list, speed: SpeedLexicon) -> None:
    """SPEED-NOUN-IS-OWN: an efficiency metric another number of the sentence reports by its own cue or phrase ("a
    throughput of 1,250 sentences/s") is not lent to a plain number as its nearest metric ("..., at 88.1 GLUE")."""
    owned = {_name(r) for r in readings if r.bound or r.rules.get("metric") == "metric.efficiency_cue"}
    for r in readings:
        m = r.metric
        if m is None or r.rules.get("metric") != "metric.nearest_in_sentence" or not speed.is_speed(m.name):
            continue
        if m.name in owned and r.unit is None:
            r.metric = None
            r.drop("metric", "metric.speed_noun_is_own", "the efficiency metric belongs to another number")


_CLAUSE = re.compile(r"[;:.]\s")


def without_operating_point(readings: list, speed: SpeedLexicon, text: str, g) -> None:
    """SPEED-AT-OPERATING-POINT: an efficiency result keeps a benchmark only when it is the one benchmark the task
    results of its sentence are given on ("83.7% accuracy on X with only 2.3 ms latency"), or the benchmark that
    scopes the whole sentence ("On X, ...", "On X the speedup reaches ..."). A speed claim on its own ("40% faster
    than B on X", "scales to X and yields 141x acceleration") does not measure the benchmark, and with results on
    two benchmarks ("77.1 mIoU on A and 73.8 on B, and runs in 86 ms, 2.4 times faster than C") the speed belongs to
    neither."""
    if not any(r.benchmark is not None and r.metric is not None and speed.is_speed(r.metric.name) for r in readings):
        return
    tasks = {r.benchmark.name for r in readings if r.benchmark is not None and not speed.is_speed(_name(r))}
    for r in readings:
        if r.benchmark is None or not speed.is_speed(_name(r)) or _scopes_sentence(text, r.benchmark, r.s0):
            continue
        if r.rules.get("benchmark") == "benchmark.fronted_slot":
            continue  # "On X the speedup reaches 3.9x": a fronted slot scopes its clause, comma or not
        if r.benchmark.name in tasks and len(tasks) == 1:
            continue
        if measured_on(r, text, g):
            r.note("benchmark", "benchmark.speed_measured_on", (r.benchmark.start, r.benchmark.end))
        else:
            r.benchmark, r.carried, r.subset = None, False, None
            why = "not the one benchmark of its sentence's results"
            r.drop("benchmark", "benchmark.speed_without_operating_point", why)


_ON_AFTER = re.compile(r"\s*(?:[A-Za-z][\w\-]*\s+){0,3}?on\s+(?:the\s+)?", re.IGNORECASE)
_ON_BEFORE = re.compile(r"\s+on\s+(?:the\s+)?", re.IGNORECASE)
_LINK_TO_VALUE = re.compile(r"(?:\s+[a-z]+){1,3}\s+", re.IGNORECASE)


def measured_on(r, text: str, g) -> bool:
    """SPEED-MEASURED-ON (see the module docstring): the benchmark right after the value ("3.6x on X", "3.2x
    wall-clock speedup on X") with no comparison word between, or right after the value's own metric noun with a
    short link to the value ("the speed-up on X is still 2.9x")."""
    b, m = r.benchmark, r.metric
    if b.start >= r.span_end:
        return _ON_AFTER.fullmatch(text, r.span_end, b.start) is not None and not g.compare.search(
            text, r.span_end, b.start
        )
    return (
        m is not None
        and 0 <= m.end <= b.start < b.end <= r.num.start
        and _ON_BEFORE.fullmatch(text, m.end, b.start) is not None
        and _LINK_TO_VALUE.fullmatch(text, b.end, r.num.start) is not None
    )


_SCOPE_BEFORE = re.compile(r"\s*(?:on|for|across)\s+(?:the\s+)?", re.IGNORECASE)
_SCOPE_AFTER = re.compile(r"(?:\s+[a-z][a-z\-]*){0,3}\s*,\s")


def _scopes_sentence(text: str, b, s0: int) -> bool:
    """ "On X, ...", "For the X benchmark, ...": the benchmark opens its sentence in a fronted phrase."""
    return (
        b.start >= s0
        and _SCOPE_BEFORE.fullmatch(text, s0, b.start) is not None
        and _SCOPE_AFTER.match(text, b.end) is not None
    )


def _bench(r) -> str | None:
    return r.benchmark.name if r.benchmark is not None else None


def _name(r) -> str | None:
    return r.metric.name if r.metric is not None else None
