"""Reading one sentence: which numbers are results, of what kind, and attributed to what.

`SentenceReader.read` turns the sentence's number tokens into `Reading`s; extractor.py makes Results of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaderboard.extract.attribution import (
    GENERIC_HEADS,
    Span,
    bind_metric,
    capture_metric,
    clause_start,
    following_on,
    nearest,
    preceding,
    scored_on,
    subset_near,
    unnamed,
    word_before_of_an,
)
from leaderboard.extract.before_after import after_rows
from leaderboard.extract.details import ReadingDetails
from leaderboard.extract.efficiency import apply_claim, confine_benchmark
from leaderboard.extract.filters import non_result_reason
from leaderboard.extract.lists import ListReading
from leaderboard.extract.names_around import NamesAround
from leaderboard.extract.numbers import Link, Number
from leaderboard.extract.pairing import align_runs
from leaderboard.extract.vocab import Entry, norm_key

_PP_AFTER = re.compile(r"^(?:\s*|[-\u2010\u2011])(?:percentage[\s\-]+points?|pp\b|p\.p\.|%\s*points?)", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"^(?:\s*(?:([\w\-]+)\s+)?|[-\u2010\u2011])(?:points?|pts)\b", re.IGNORECASE)
_SPACED_UNIT = re.compile(r"^\s([A-Za-z]{1,3})\b(?!-)")
_BY_BEFORE = re.compile(r"\bby\s*[(\[]?\s*$", re.IGNORECASE)
_CLOSE_BEFORE = re.compile(r"[^,;:]{0,40}")
_NAME_NUMBER = re.compile(r"(?P<stem>.*[A-Za-z].*?[\s\-']?)(?P<n>\d{2,4})")
_NEXT_NUMBER = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s+(?P<n>\d{2,4})(?![\w%.,]\d|[\w%\-])")


@dataclass(slots=True)
class Reading:
    """One number read as a result, with its attribution."""

    num: Number
    s0: int
    s1: int
    kind: str = "absolute"
    value: float = 0.0
    value_to: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    benchmark: Span | None = None
    metric: Span | None = None
    subset: str | None = None
    method: str | None = None
    method_norm: str | None = None
    is_own: bool | None = None
    baseline: str | None = None
    delta_relative: bool | None = None
    improvement: bool | None = None
    confidence: float = 0.5
    span_end: int = 0
    bound: bool = False
    direction: str = ""
    carried: bool = False
    metric_inferred: bool = False


class SentenceReader(ListReading, ReadingDetails, NamesAround):
    """Reads the sentences of one abstract in order (it remembers the benchmarks of earlier sentences)."""

    def __init__(self, ex, text, nums, links, seconds, metrics, benches, methods, own, title_benches, context) -> None:
        self.g = ex.grammar
        self.speed = ex.speed
        self.leaks = ex.leaks
        self.vocab = ex.vocab
        self.text = text
        self.nums: list[Number] = nums
        self.links: dict[int, Link] = links
        self.seconds: set[int] = seconds
        self.metrics: list[Span] = metrics
        self.benches: list[Span] = benches
        self.methods: list[Span] = methods
        self._own = own
        self.title_benches: list[Span] = title_benches
        self._context = context  # the benchmarks the abstract names outside its result sentences
        self.last_bench: Span | None = None  # the one benchmark of the previous sentence's results
        self.last_metric: dict[str, Span] = {}  # benchmark key -> the one metric its last results were given in
        self._bound: dict[int, Reading] = {}  # metric start -> the number of this sentence that binds it

    @property
    def own(self) -> str | None:
        return self._own.get()

    def remember(self, readings: list[Reading]) -> None:
        names = {norm_key(r.benchmark.name) for r in readings if r.benchmark is not None and not r.carried}
        self.last_bench = None
        if len(names) == 1:
            self.last_bench = next(r.benchmark for r in readings if r.benchmark is not None and not r.carried)
        by_bench: dict[str, Span | None] = {}  # benchmark -> its one metric in this sentence (None: several)
        for r in readings:
            if r.benchmark is not None and r.metric is not None and not r.metric_inferred and r.kind != "delta":
                key = norm_key(r.benchmark.name)
                seen = by_bench.get(key, r.metric)
                by_bench[key] = r.metric if seen is not None and seen.name == r.metric.name else None
        for key, metric in by_bench.items():
            if metric is not None:
                self.last_metric[key] = metric
            else:
                self.last_metric.pop(key, None)

    # -- per sentence -------------------------------------------------------------------------------------
    def read(self, s0: int, s1: int, idx: list[int], captured: list[Span]) -> list[Reading]:
        sb = sorted([b for b in self.benches if s0 <= b.start < s1] + captured, key=lambda b: b.start)
        sb = sorted(sb + self._elliptic_names(sb, s1), key=lambda b: b.start)
        sm = [m for m in self.metrics if s0 <= m.start < s1]
        readings: list[Reading] = []
        slash_metric, slash_subset = self._slash_lists(s0, s1, idx, sm)
        for i in idx:
            prev_link = self.links.get(i - 1)
            if i in self.seconds and prev_link is not None and prev_link.kind == "range":
                continue
            r = self._read_number(i, s0, s1, sm, sb, slash_metric.get(i))
            if r is None:
                continue
            if i in slash_subset:
                r.subset = slash_subset[i]
            readings.append(r)
        self._coordinate(readings)
        self._respectively(readings, sb, sm, s0, s1)
        align_runs(readings, sb, self.text, s0, s1, self.g.training_on)  # pairing.py
        if len(readings) > 1:
            self._subset_list(readings, s0, s1)
        absolute = {r.num.start for r in readings if r.kind != "delta"}
        paired = {id(r) for r in readings if r.benchmark is not None}
        self._bound = {r.metric.start: r for r in readings if r.bound and r.metric is not None}
        for r in readings:
            self._attribute(r, sb, sm, s0, s1, absolute)
            confine_benchmark(r, self.speed, self.g.hardware, self.text)  # efficiency.py
        self._metric_list(readings, sm)
        self._parallel_deltas(readings)
        self._baseline_home(readings)
        self.remember(readings)
        if len(readings) == 1 and id(readings[0]) not in paired:
            readings += self._jointly(readings[0], sb)
        done = self._transitions(readings, s0)
        return readings + done + after_rows(readings, done, self.text, self.nums, s0)  # before_after.py

    def _elliptic_names(self, sb: list[Span], s1: int) -> list[Span]:
        """ "TREC DL 2019 and 2020", "the CoNLL-2005 and 2012 datasets": a bare number coordinated with a name
        ending in a number is the same name with that number."""
        out: list[Span] = []
        for b in sb:
            head = _NAME_NUMBER.fullmatch(b.raw)
            if head is None:
                continue
            pos = b.end
            while True:
                m = _NEXT_NUMBER.match(self.text, pos, s1)
                if m is None or len(m.group("n")) != len(head.group("n")):
                    break
                raw = head.group("stem") + m.group("n")
                entry = self.vocab.benchmarks.lookup(raw)
                if entry is None and b.entry is not None:
                    break
                start = m.start("n")
                out.append(Span(start, m.end("n"), entry.name if entry else raw, m.group("n"), entry))
                pos = m.end("n")
        return out

    def _read_number(self, i: int, s0: int, s1: int, sm: list[Span], sb: list[Span], slash_metric) -> Reading | None:
        text, g, num = self.text, self.g, self.nums[i]
        link = self.links.get(i)
        rng = link if link is not None and link.kind == "range" else None
        span_end = self.nums[rng.second].end if rng else num.end
        metric, side = None, ""
        if num.suffix:
            entry = self.vocab.metrics.lookup(num.suffix)
            if entry is not None:
                metric = Span(num.suffix_start, num.suffix_start + len(num.suffix), entry.name, num.suffix, entry)
                side = "after"
        if metric is None and slash_metric is not None:
            metric, side = slash_metric, "list"
        if metric is None:
            metric, side = bind_metric(text, num, sm, span_end)
            if side == "before" and metric.raw.lower() in GENERIC_HEADS:
                longer = capture_metric(text, num, s0, g)  # "a mean joint error of 28.9mm": not just "error"
                if longer is not None and longer.start < metric.start <= longer.end:
                    metric = longer
        linked = metric is not None and _LINK_WORD.search(text[metric.end : num.start])
        if side == "before" and num.unit is None and num.decimals == 0 and not linked:
            metric, side = None, ""  # "FLOPs 1": a footnote marker, not "FID of 2"
        if metric is None:
            metric = self._captured_metric(num, s0)
            side = "before" if metric is not None else ""
        claim = self.speed.claim(text, num.start, span_end, s0, s1, num.unit)  # efficiency.py
        if claim is None and self.leaks.reason(text, num.start, span_end, s0, s1, num.unit):  # leaks.py
            return None
        if non_result_reason(text, num, s0, g, metric is not None or claim is not None, self.vocab.metrics.lookup):
            return None
        of_data = _OF_DATA.match(text[num.end : num.end + 12])
        if num.unit == "%" and of_data and any(b.start == num.end + of_data.end() for b in sb):
            return None  # "1% of ImageNet": an amount of training data
        if rng and non_result_reason(text, self.nums[rng.second], s0, g, metric is not None, self.vocab.metrics.lookup):
            return None
        c0 = clause_start(text, s0, num.start)
        before = text[max(c0, num.start - 80) : num.start]
        after = text[span_end : min(s1, span_end + 60)]
        r = Reading(num=num, s0=s0, s1=s1, value=num.value, span_end=span_end, metric=metric, bound=metric is not None)
        r.unit = self._unit(num, after, metric)
        if metric is not None and not _unit_fits(metric.entry, r.unit):  # "an error of 31.2 mm": no Error Rate
            r.metric = metric = Span(metric.start, metric.end, metric.raw, metric.raw)
        q = g.qualifier_before.search(before[-30:])
        if q:
            r.qualifier = g.value_of("qualifier", q.group(0).strip(" ([").strip())
        elif text[num.end : num.end + 1] == "+" and not text[num.end + 1 : num.end + 2].isdigit():
            r.qualifier = "over"
        bare_before = before[: q.start() + len(before) - len(before[-30:])] if q else before
        if rng:
            r.kind = "range"
            second = self.nums[rng.second]
            dash = second.signed == "-" and not num.signed and not text[num.end : second.start].strip()
            r.value_to = -second.value if dash else second.value  # "9% -19%": the dash joins, it is no sign
        elif self._is_delta(num, bare_before, after, metric, side):
            r.kind = "delta"
        if claim is not None and apply_claim(r, claim, text, self.vocab.metrics.lookup):
            r.bound = True
        if not self._is_result(r, sm, sb, s0, s1, c0):
            return None
        return r

    def _unit(self, num: Number, after: str, metric: Span | None) -> str | None:
        if num.unit:
            return num.unit
        low = num.suffix.lower()
        if low and low in self.g.words.get("unit_result", {}):
            return self.g.words["unit_result"][low]
        spaced = _SPACED_UNIT.match(after)
        if spaced and spaced.group(1).lower() in self.g.words.get("unit_result", {}):
            return self.g.words["unit_result"][spaced.group(1).lower()]
        if _PP_AFTER.match(after):
            return "pp"
        m = _POINTS_AFTER.match(after)
        if m:
            word = m.group(1)
            entry = self.vocab.metrics.lookup(word) if word else None
            if entry is not None and entry.get("unit") == "%":
                return "pp"
            return "points"
        return None

    def _is_delta(self, num: Number, before: str, after: str, metric: Span | None, side: str) -> bool:
        g = self.g
        if num.signed == "+":
            return True
        if g.delta_noun_after.match(after):
            return True
        if metric is not None and side == "after":
            tail = self.text[metric.end : metric.end + 40]
            if g.delta_noun_after.match(tail):
                return True
        if _BY_BEFORE.search(before) and g.change.search(before):
            return True
        word = word_before_of_an(before)
        return bool(word and g.delta_noun_after.match(" " + word))

    def _is_result(self, r: Reading, sm: list[Span], sb: list[Span], s0: int, s1: int, c0: int) -> bool:
        num, text = r.num, self.text
        if r.unit in {"%", "x", "pp", "points"} or r.bound:
            return True
        if r.kind in {"delta", "range"} and num.decimals > 0:
            return True
        sentence = text[s0:s1]
        verb = self.g.result_verb.search(sentence) is not None
        if r.unit is not None:  # mm, ms, FPS
            return bool(sm) or verb
        if num.decimals == 0:
            return scored_on(text, self.g, num, r.span_end, sb, s0)
        near_metric = nearest(sm, num.start, r.span_end, text, s0, s1, limit=90)
        if near_metric is not None:
            return True
        versus = _VS_AFTER.match(text, r.span_end) or _VS_BEFORE.search(text, max(s0, num.start - 12), num.start)
        return bool(sb) and (  # "outperforms X on MT-Bench (8.99 vs. 8.96)": a compared pair is a result
            verb or versus is not None or following_on(text, sb, r.span_end, s1, lambda a, b: False) is not None
        )

    def _across_sets(self, r: Reading, sb: list[Span], s1: int) -> bool:
        """ "an average of 65.2% across six math benchmarks": a number over several sets, none of them named."""
        m = _ACROSS.match(self.text, r.span_end, s1)
        if m is None or any(m.end() <= b.start < m.end() + 40 for b in sb):
            return False
        return self.g.counts_sets(self.text[m.end() : min(s1, m.end() + 40)])

    # -- attribution ----------------------------------------------------------------------------------------
    def _attribute(self, r: Reading, sb: list[Span], sm: list[Span], s0: int, s1: int, absolute: set[int]) -> None:
        text, g, num = self.text, self.g, r.num
        same_kind = absolute if r.kind != "delta" else {n.start for n in self.nums}

        def nums_between(a: int, b: int) -> bool:  # "A and B on X" is a list; "A and achieves B on X" is not
            if not any(a <= n < b for n in same_kind if n != num.start):
                return False
            return not re.fullmatch(r"[^;]*?\band\b[^;]*", text[a:b]) or g.result_verb.search(text, a, b) is not None

        if r.benchmark is None and r.metric is not None and r.metric.entry is None:
            inside = [b for b in sb if r.metric.start <= b.start and b.end <= r.metric.end]
            if inside:  # "an MT-Bench score of 8.9": the benchmark's own score
                r.benchmark = inside[-1]
                rest = text[inside[-1].end : r.metric.end].strip()
                if not rest or rest.lower() in GENERIC_HEADS:
                    r.metric, r.bound = None, False
        if r.benchmark is None and not self._across_sets(r, sb, s1):
            opened = text.rfind("(", s0, num.start)
            in_parens = opened >= 0 and ")" not in text[opened : num.start]
            before = preceding(sb, opened if in_parens else num.start, s0)
            after = following_on(text, sb, r.span_end, s1, nums_between)
            r.benchmark = (
                (
                    before
                    if before is not None
                    and (
                        (in_parens and _CLOSE_BEFORE.fullmatch(text[before.end : opened]))
                        or _TO_AFTER.fullmatch(text, before.end, num.start)  # "accuracy on X to 84.1%"
                    )
                    else after
                )
                or before
                or nearest(sb, num.start, r.span_end, text, s0, s1, limit=400)
            )
        if r.benchmark is None:
            r.benchmark, r.carried = self._carried(s0, s1)
        if r.metric is None and r.unit != "x":  # "3x faster": a speed-up, not a multiple of a nearby metric
            own = [
                m
                for m in sm
                if not self._belongs_to_other(m, r.benchmark, sb)
                and _fits(m, r)
                and not self._bound_elsewhere(m, r, sb)
            ]
            r.metric = self._changed_metric(r, own, s1) or nearest(own, num.start, r.span_end, text, s0, s1, limit=160)
        if r.metric is None and r.kind != "delta" and r.benchmark is not None:
            last = self.last_metric.get(norm_key(r.benchmark.name))  # "mIoU scores (val: 62.6) on X. ... X (66.3)"
            if last is not None and r.unit in {None, last.entry.get("unit") if last.entry else None}:
                r.metric = last
        if (
            r.benchmark is None
            and r.metric is not None
            and not self.title_benches
            and not g.aggregate.search(text, s0, s1)
        ):
            ctx = self._context.single()  # "tested on the ATLAS dataset. ... achieves DSC = 0.53"
            if ctx is not None:
                r.benchmark, r.carried = ctx, True
        if unnamed(r.metric) and _plain_or_points(r) and r.benchmark and r.benchmark.entry is not None:
            usual = self.vocab.metrics.lookup(r.benchmark.entry.get("metric"))
            if usual is not None and _unit_fits(usual, r.unit) and (r.unit != "pp" or usual.get("unit") == "%"):
                # the usual metric: not named, no offsets
                r.metric = Span(-1, -1, usual.name, "", usual)
                r.metric_inferred = True
        if r.subset is not None and r.benchmark is not None and r.benchmark.entry is not None:
            r.benchmark = self._with_split(r.benchmark, r.subset)
        if r.subset is None:
            r.subset = subset_near(
                text, g, r.benchmark if r.benchmark and r.benchmark.start >= 0 else None, num, s0, s1
            )
        if r.metric is not None and r.kind == "absolute" and r.value < 0:
            low = r.metric.entry.get("min") if r.metric.entry is not None else ""
            if low and float(low) >= 0:
                r.value = -r.value
        self._method(r, s0, s1)
        if r.kind == "delta":
            self._delta_details(r, s0, s1)
        r.confidence = self._confidence(r)


def _fits(metric: Span, r: Reading) -> bool:
    """An absolute percentage is no value of an unbounded non-percentage metric (perplexity); see _unit_fits."""
    e = metric.entry
    if not _unit_fits(e, r.unit):
        return False
    return r.unit != "%" or r.kind != "absolute" or e is None or e.get("unit") == "%" or bool(e.get("max"))


def _plain_or_points(r: Reading) -> bool:
    """A number that may take its benchmark's usual metric: not a speed-up, and a change only in points
    ("improves MMLU by 14.3 points"), not in percent (relative or absolute: unknown)."""
    if r.kind == "delta":
        return r.unit in {"points", "pp"}
    return r.unit != "x"


def _unit_fits(entry: Entry | None, unit: str | None) -> bool:
    """A number in a unit of measure (mm, ms) is no value of a percentage metric."""
    return entry is None or entry.get("unit") != "%" or unit in {None, "%", "pp", "points", "x"}


_LINK_WORD = re.compile(r"[=:]|\bof\b|\bis\b|\bwas\b|\bat\b")
_VS_AFTER = re.compile(r"\s*(?:vs\.?|versus)\s+\d", re.IGNORECASE)
_VS_BEFORE = re.compile(r"\d\s*(?:vs\.?|versus)\s+$", re.IGNORECASE)
_ACROSS = re.compile(r"\s*(?:%\s*)?(?:on\s+average\s+)?(?:across|over|on)\s+")
_TO_AFTER = re.compile(r"\s+to\s+")
_OF_DATA = re.compile(r"\s*of\s+(?:the\s+)?")
