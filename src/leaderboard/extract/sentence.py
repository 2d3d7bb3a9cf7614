"""The records the rules read: one abstract's facts (`Abstract`), one result sentence (`Sentence`), what earlier
sentences decided (`Memory`), and the per-number `Reading` that rules fill in.

`Abstract` and `Sentence` are frozen: rules read them, only the engine builds them. A `Reading` is the one thing
rules change, and every change goes through `Reading.note` so the trace and `results.rules` see it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from leaderboard.extract.attribution import Span
from leaderboard.extract.context import AbstractContext
from leaderboard.extract.efficiency import SpeedLexicon
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.leaks import Leaks
from leaderboard.extract.numbers import Link, Number
from leaderboard.extract.trace import Trace
from leaderboard.extract.vocab import Vocabulary, norm_key
from leaderboard.extract.windows import Windows

T = TypeVar("T")


class Lazy(Generic[T]):
    """A value computed on first use (the paper's own method name is only needed when a result is found)."""

    __slots__ = ("_fn", "_done", "_value")

    def __init__(self, fn: Callable[[], T]) -> None:
        self._fn: Callable[[], T] = fn
        self._done = False
        self._value: T | None = None

    def get(self) -> T:
        if not self._done:
            self._value, self._done = self._fn(), True
        return self._value  # type: ignore[return-value]  # set by the call above


@dataclass(slots=True)
class Memory:
    """What the earlier sentences of the abstract decided (read by the rules that carry names forward)."""

    last_bench: Span | None = None  # the one benchmark of the previous sentence's results
    last_metric: dict[str, Span] = field(default_factory=dict)  # benchmark key -> its one metric so far
    bound: dict[int, Reading] = field(default_factory=dict)  # metric start -> the number of this sentence binding it
    unit_metric: dict[str, Span | None] = field(default_factory=dict)  # unit of measure -> its one written metric
    written: dict[str, Span] = field(default_factory=dict)  # metric name -> its first mention on a result so far

    def none_read(self) -> list[Reading]:
        """A sentence without results (what `remember` keeps of no readings): no bound metric, no benchmark to carry
        on; its readings, none."""
        self.bound, self.last_bench = {}, None
        return []

    def remember(self, readings: list[Reading]) -> None:
        """Keep the one benchmark of this sentence's results, and each benchmark's one metric."""
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
        for r in readings:
            if r.metric is not None and not r.metric_inferred and r.metric.start >= 0:
                self.written.setdefault(r.metric.name, r.metric)
        for r in readings:  # "a PSNR of 29.84 dB": dB is PSNR in this abstract (None once two metrics share it)
            if r.unit and r.metric is not None and not r.metric_inferred and r.metric.start >= 0:
                seen = self.unit_metric.setdefault(r.unit.lower(), r.metric)
                if seen is not None and seen.name != r.metric.name:
                    self.unit_metric[r.unit.lower()] = None


@dataclass(frozen=True, slots=True)
class Abstract:
    """One abstract as the rules see it: text, numbers and their links, vocabulary mentions, and context."""

    text: str
    g: Grammar
    w: Windows  # how far rules look (grammar.csv rows of kind `window`)
    vocab: Vocabulary
    nums: list[Number]
    links: dict[int, Link]  # index of a first number -> its link to the next (range, list)
    seconds: set[int]  # indexes of the second numbers of links
    metrics: list[Span]
    benches: list[Span]
    methods: list[Span]
    title_names: Lazy[list[Span]]  # benchmarks named in the title (offsets -1), scanned when a rule first asks
    context: AbstractContext  # the benchmarks of the number-free sentences
    own_name: Lazy[str | None]  # the paper's own method name
    memory: Memory  # the only mutable part: what earlier sentences decided
    trace: Trace | None = None
    speed: SpeedLexicon | None = None  # efficiency cue words (efficiency.py)
    leaks: Leaks | None = None  # size and setting cue words (leaks.py)
    method_keys: dict[str, str | None] = field(default_factory=dict)  # name -> its method_norm (the extractor's)
    own_is_data: Lazy[bool] | None = None  # whether the paper's own name is the dataset it introduces

    @property
    def own(self) -> str | None:
        return self.own_name.get()

    @property
    def title_benches(self) -> list[Span]:
        return self.title_names.get()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence holding numbers: its window [s0, s1), the indexes of its numbers, and its names in order."""

    s0: int
    s1: int
    idx: list[int]
    benches: list[Span]  # vocabulary and captured benchmarks, with elliptic ones ("TREC DL 2019 and 2020")
    metrics: list[Span]
    slash_metrics: dict[int, Span]  # number index -> its metric in a slash list ("1.9/3.9 WER/CER")
    slash_subsets: dict[int, str]  # number index -> its split in a slash list ("on test-clean/test-other")
    memo: dict[str | int, object] = field(default_factory=dict)  # facts computed on first use (int: per number)

    def has(self, a: Abstract, cue: str) -> bool:
        """Whether the grammar's pattern `cue` ("result_verb", "aggregate", "this_ref") occurs in the sentence."""
        hit = self.memo.get(cue)
        if hit is None:
            hit = self.memo[cue] = getattr(a.g, cue).search(a.text[self.s0 : self.s1]) is not None
        return hit  # type: ignore[return-value]


@dataclass(slots=True)
class Reading:
    """One number read as a result, with its attribution; `rules` says which rule decided each field."""

    num: Number
    s0: int
    s1: int
    i: int = -1  # the number's index in Abstract.nums
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
    side: str = ""  # where its bound metric is written: "after", "before", "list" or ""
    before: str = ""  # the clause before the number (up to 80 characters), without a qualifier cue
    after: str = ""  # the sentence after the number's text (up to 60 characters)
    peers: frozenset[int] = frozenset()  # starts of the sentence's numbers of the same kind (lists)
    rules: dict[str, str] = field(default_factory=dict)  # field -> the rule that decided it
    trace: Trace | None = None

    def note(self, fld: str, rule: str, span: tuple[int, int] | None = None) -> None:
        """Record that `rule` decided `fld` (its current value), justified by `span` (default: the value's own)."""
        self.rules[fld] = rule
        if self.trace is not None:
            value = getattr(self, fld, True)
            if span is None and getattr(value, "start", -1) >= 0:
                span = (value.start, value.end)
            self.trace.decided((self.num.start, self.num.end), rule, fld, value, span)

    def drop(self, fld: str, rule: str, reason: str) -> None:
        """Record that `rule` removed `fld`'s earlier decision (the field is already cleared)."""
        self.rules.pop(fld, None)
        if self.trace is not None:
            self.trace.declined((self.num.start, self.num.end), rule, fld, reason)

    def copy_rules(self) -> dict[str, str]:
        return dict(self.rules)

    def at_end(self, num: Number, unit: str | None, rules: dict[str, str]) -> Reading:
        """This range reading as an absolute reading of one of its ends (`num`), with no change details."""
        return replace(
            self,
            num=num,
            kind="absolute",
            value=num.value,
            value_to=None,
            span_end=num.end,
            unit=num.unit or unit or self.unit,
            qualifier=None,
            baseline=None,
            delta_relative=None,
            improvement=None,
            rules=rules,
        )
