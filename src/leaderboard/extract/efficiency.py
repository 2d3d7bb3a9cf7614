"""Efficiency results: speed-ups, latency, throughput and memory claims (grammar kinds `speed_*`, `time_unit`).

Rules (each named after its pattern; the words are data in vocab/grammar.csv):
- SPEED-CUE-AFTER: "4.2x quicker", "40% faster", "3.6x increase in decoding speed", "2x higher throughput": a cue
  word a few words after the number (no clause break or other number between) sets the efficiency metric.
- SPEED-VERB-BY: "accelerates retrieval by 60%", "speeds up training by 2.5x": a speed verb before "by" + number;
  also a speed noun a few words before it ("inference latency falls by 33%", "improves speed by 1.6x").
- PROSE-TIME: "runs in 18 ms", "in under 0.3 seconds", "takes 2.1 s per image": a number with a time unit after
  a time preposition or verb (or before "per <item>"/"latency") is a latency-type result with that unit; a cue
  row without a value gives the metric of the grammar row `default_metric,prose_time,<metric>`.
- FOLD-RATIO: "a 6-fold speedup", "an 11-fold reduction in latency": "N-fold" before a change noun is a ratio
  (unit x), "10-fold cross-validation" stays a setting (the nouns are grammar kind `fold_ratio_noun`).
- TIME-PER-ITEM-BY: "reduced reading time per case by 28%", "labelling time drops by 40%": a "<gerund or -ion noun> time (per
  <item>)" phrase before "by" + number names the measure as written (grammar kind `time_noun_head`).
- COMPARATIVE-ADJECTIVE: "1.9% more accurate", "3 points more precise": a comparative adjective after the number
  names the metric it changes (kind `comparative_metric`; not an efficiency metric).
- SPEED-NO-BORROW: an efficiency result never takes an accuracy metric from an operating-point phrase ("at the
  same accuracy"), and a measurement in a sentence that names hardware ("on an A100 GPU") gets no benchmark.
- SPEED-AT-OPERATING-POINT: an efficiency result keeps a benchmark only when it is the one benchmark the task results
  of its sentence are given on ("83.7% on X with 2.3 ms latency") or the sentence's fronted scope ("On X, ...");
  "40% faster than B on X", a carried benchmark, or one of two benchmarks with results is dropped.
Efficiency metrics are the values of the speed cue kinds plus grammar kind `efficiency_metric` (FPS, Training Time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from leaderboard.errors import UserError
from leaderboard.extract.alternation import compile_role
from leaderboard.extract.windows import Windows

_ABOUT = r"(?:>|over|more\s+than|up\s+to|about|~)?"
_CUED = ("speed_after", "comparative_metric")
_BY_END = re.compile(r"\bby\s*" + _ABOUT + r"\s*$")
_OF_AFTER = re.compile(r"\s+of\b")
# between number and cue: up to three plain words, none holding a digit, none a clause or operating-point word
_GAP = r"(?:[\s)}$]*)(?:(?![\w\-]*\d|(?:and|or|but|while|with|at|than|on|for|when|whereas)\b)[\w\-]{2,}\s+){0,3}?"


@dataclass(frozen=True, slots=True)
class SpeedClaim:
    """The efficiency metric a number reports, the cue that says so, and the unit when written in prose."""

    metric: str
    start: int
    end: int
    unit: str | None = None
    named_as_written: bool = False  # TIME-PER-ITEM-BY: the metric is the phrase itself ("reading time per case")


@dataclass(frozen=True, slots=True)
class SpeedLexicon:
    """Compiled speed cue words of one grammar (build once per extractor)."""

    after: re.Pattern
    comparative: re.Pattern
    verb_by: re.Pattern
    noun_by: re.Pattern
    time_unit: re.Pattern
    time_before: re.Pattern
    time_after: re.Pattern
    values: dict[str, dict[str, str]]
    metrics: frozenset[str]  # lower-cased names of the efficiency metrics
    cue_stems: tuple[str, ...]  # first words of the after-number cues: a cheap test before the patterns
    w: Windows
    budget: re.Pattern  # a setting noun right after the cue ("a 200 ms latency budget"): no claim, a setting
    fold: re.Pattern  # FOLD-RATIO: "-fold" before a change noun ("6-fold speedup", not "5-fold cross-validation")
    time_noun_by: re.Pattern  # TIME-PER-ITEM-BY: "<gerund or -ion noun> time (per <item>) ... by N%"
    ellipsis: re.Pattern  # SPEED-COMPARATIVE-ELLIPSIS: a bare comparative right after a ratio ("3x lower than")
    time_metric: str  # PROSE-TIME's metric when the time cue row has no value (`default_metric,prose_time,<m>`)

    @classmethod
    def of(cls, words: dict[str, dict[str, str]], w: Windows) -> SpeedLexicon:
        def comp(pattern: str, kind: str) -> re.Pattern:
            return compile_role(pattern, words, kind)

        kinds = (
            *("speed_after", "speed_verb", "speed_noun", "time_unit", "time_before", "time_after"),
            *("comparative_metric", "time_noun_head"),
        )
        values = {k: words.get(k, {}) for k in kinds}
        speed = [k for k in kinds if k not in {"time_unit", "comparative_metric", "time_noun_head"}]
        named = words.get("efficiency_metric", {})
        time_metric = words.get("default_metric", {}).get("prose_time", "").strip()
        if not time_metric:
            raise UserError("grammar.csv: no row 'default_metric,prose_time,<metric>' (the metric of a prose time)")
        metrics = frozenset([*(v.lower() for k in speed for v in values[k].values() if v), *named, time_metric.lower()])
        return cls(
            after=comp(r"^" + _GAP + r"(?P<cue>ALT)", "speed_after"),
            comparative=comp(r"^\s*(?:points?\s+|pp\s+)?(?P<cue>ALT)", "comparative_metric"),
            verb_by=comp(rf"(?P<cue>ALT)\b[^.;:\d]{{0,{w.speed_verb_to_by}}}?\bby\s*" + _ABOUT + r"\s*$", "speed_verb"),
            noun_by=comp(r"(?<![\w\-])(?P<cue>ALT)\s+(?:[a-z]+\s+){0,3}?by\s*" + _ABOUT + r"\s*$", "speed_noun"),
            time_unit=comp(r"\s?(?P<cue>ALT)", "time_unit"),
            time_before=comp(r"(?P<cue>ALT)\s*(?:only|just|about|around|approximately|~|<)?\s*$", "time_before"),
            time_after=comp(r"\s*(?:[\w\-]+\s+){0,2}?(?P<cue>ALT)", "time_after"),
            values=values,
            metrics=metrics,
            cue_stems=tuple(sorted({p.split()[0].lower().rstrip("*") for k in _CUED for p in values[k]})),
            w=w,
            budget=comp(r"\s*(?:ALT)\b", "setting_noun_after"),
            time_noun_by=comp(
                r"(?<![\w\-])(?P<cue>[a-z]+(?:ing|ion)\s+(?:ALT)(?:\s+per\s+[a-z]+)?)\s+(?:[a-z]+\s+){0,3}?by\s*"
                + _ABOUT
                + r"\s*$",
                "time_noun_head",
            ),
            fold=comp(r"[-\u2010\u2011 ]fold\b(?=\s+(?:[a-z\-]+\s+)?(?:ALT)\b)", "fold_ratio_noun"),
            ellipsis=comp(r"\s*(?:ALT)\s+(?:than|compared|relative|over)\b", "ratio_comparative"),
            time_metric=time_metric,
        )

    def claim(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        """The efficiency claim of the number at [start, end) (end after a range), or None. SPEED-BUDGET: a cue
        followed by a setting noun ("at a 200 ms latency budget", "a 2x speedup target") makes no claim."""
        c = self._claim(text, start, end, s0, s1, unit)
        if c is not None and c.end > end and self.budget.match(text, c.end, s1) is not None:
            return None
        return c

    def _claim(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        after = text[end : min(s1, end + self.w.speed_cue_after)]
        low = after.lower()
        cued = any(w in low for w in self.cue_stems)
        m = self.after.match(after) if cued else None
        if m is not None:
            name = self.values["speed_after"].get(m.group("cue").lower(), "") or _stem(self.values["speed_after"], m)
            return SpeedClaim(name, end + m.start("cue"), end + m.end("cue"))
        m = self.comparative.match(after) if cued else None
        if m is not None:
            name = self.values["comparative_metric"].get(" ".join(m.group("cue").lower().split()), "")
            return SpeedClaim(name, end + m.start("cue"), end + m.end("cue"))
        before = text[max(s0, start - self.w.speed_by_before) : start]
        by = unit in {"%", "x"} and _BY_END.search(before) is not None
        m, kind = (self.verb_by.search(before), "speed_verb") if by else (None, "")
        if m is None and by:
            m, kind = self.noun_by.search(before), "speed_noun"  # "inference latency falls by 33%"
        if m is None and by and (t := self.time_noun_by.search(before)) is not None:
            off = start - len(before)  # "reduced reading time per case by 28%": the phrase names the measure
            return SpeedClaim(" ".join(t.group("cue").split()), off + t.start("cue"), off + t.end("cue"), None, True)
        if m is not None:
            cue = " ".join(m.group("cue").lower().split())
            name = self.values[kind].get(cue, "") or _stem(self.values[kind], m)
            off = start - len(before)
            return SpeedClaim(name, off + m.start("cue"), off + m.end("cue"))
        return self._prose_time(text, start, end, s0, s1, unit)

    def _prose_time(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        u = self.time_unit.match(text, end, s1)
        if u is not None:
            if _OF_AFTER.match(text, u.end()):
                return None  # "10 minutes of speech": an amount of data
            unit = self.values["time_unit"].get(u.group("cue").lower(), unit)
            end = u.end()
        elif unit not in set(self.values["time_unit"].values()):
            return None
        before = text[max(s0, start - self.w.time_cue_before) : start]
        m = self.time_before.search(before)
        if m is not None:
            off = start - len(before)
            name = self.values["time_before"].get(" ".join(m.group("cue").lower().split()), "") or self.time_metric
            return SpeedClaim(name, off + m.start("cue"), off + m.end("cue"), unit)
        a = self.time_after.match(text, end, s1)
        if a is not None:
            name = self.values["time_after"].get(" ".join(a.group("cue").lower().split()), "") or self.time_metric
            return SpeedClaim(name, a.start("cue"), a.end("cue"), unit)
        return None

    def fold_ratios(self, text: str, nums: list) -> list:
        """FOLD-RATIO: "a 6-fold speedup", "an 11-fold reduction in latency": a whole number written with "-fold" is a
        ratio (unit x) when a change noun follows (grammar kind `fold_ratio_noun`); "10-fold cross-validation" stays
        a setting. The number's span takes in "-fold"."""
        if "fold" not in text:
            return nums
        out = []
        for n in nums:
            m = self.fold.match(text, n.end) if n.unit is None and not n.suffix and not n.decimals else None
            out.append(replace(n, end=m.end(), unit="x") if m is not None else n)
        return out

    def is_speed(self, metric_name: str | None) -> bool:
        """An efficiency metric: a named one, or a time measure named as written ("reading time per case")."""
        if metric_name is None:
            return False
        low = metric_name.lower()
        return low in self.metrics or low.split(" per ")[0].rsplit(" ", 1)[-1] in self.values["time_noun_head"]


def _stem(values: dict[str, str], m: re.Match) -> str:
    cue = m.group("cue").lower()
    for phrase, value in sorted(values.items(), key=lambda pv: len(pv[0]), reverse=True):
        if phrase.endswith("*") and cue.startswith(phrase[:-1]):
            return value
    return ""


__all__ = ["SpeedClaim", "SpeedLexicon"]


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
    comparative_ellipsis(readings, a.speed, a.text)
    for r in readings:
        confine_benchmark(r, a.speed, a.g.hardware, a.text)
    without_operating_point(readings, a.speed, a.text)


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


def without_operating_point(readings: list, speed: SpeedLexicon, text: str) -> None:
    """SPEED-AT-OPERATING-POINT: an efficiency result keeps a benchmark only when it is the one benchmark the task
    results of its sentence are given on ("83.7% accuracy on X with only 2.3 ms latency"), or the benchmark that
    scopes the whole sentence ("On X, ..."). A speed claim on its own ("40% faster than B on X", "scales to X and
    yields 141x acceleration") does not measure the benchmark, and with results on two benchmarks ("77.1 mIoU on A
    and 73.8 on B, and runs in 86 ms, 2.4 times faster than C") the speed belongs to neither."""
    if not any(r.benchmark is not None and r.metric is not None and speed.is_speed(r.metric.name) for r in readings):
        return
    tasks = {r.benchmark.name for r in readings if r.benchmark is not None and not speed.is_speed(_name(r))}
    for r in readings:
        if r.benchmark is None or not speed.is_speed(_name(r)) or _scopes_sentence(text, r.benchmark, r.s0):
            continue
        if r.benchmark.name not in tasks or len(tasks) > 1:
            r.benchmark, r.carried, r.subset = None, False, None
            why = "not the one benchmark of its sentence's results"
            r.drop("benchmark", "benchmark.speed_without_operating_point", why)


_SCOPE_BEFORE = re.compile(r"\s*(?:on|for|across)\s+(?:the\s+)?", re.IGNORECASE)
_SCOPE_AFTER = re.compile(r"(?:\s+[a-z][a-z\-]*){0,3}\s*,\s")


def _scopes_sentence(text: str, b, s0: int) -> bool:
    """ "On X, ...", "For the X benchmark, ...": the benchmark opens its sentence in a fronted phrase."""
    return (
        b.start >= s0
        and _SCOPE_BEFORE.fullmatch(text, s0, b.start) is not None
        and _SCOPE_AFTER.match(text, b.end) is not None
    )


def _name(r) -> str | None:
    return r.metric.name if r.metric is not None else None
