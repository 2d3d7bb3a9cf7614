"""One paper in, its reported results out: a pure function over the paper's title and abstract.

Per abstract: numbers (numbers.py), vocabulary mentions in one Aho-Corasick pass (vocab.py), sentences; then per
number: non-result rules (filters.py), the evidence that it is a result, its kind (absolute / delta / range),
and its attribution (attribution.py, methods.py). Cue words come from vocab/grammar.csv (grammar.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from leaderboard.extract.attribution import Span, merge_adjacent, spans_from_mentions
from leaderboard.extract.benchmark_paper import give_paper_benchmark, paper_benchmark
from leaderboard.extract.calibration import Calibration
from leaderboard.extract.context import AbstractContext
from leaderboard.extract.efficiency import SpeedLexicon
from leaderboard.extract.filters import quick_non_result
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.leaks import Leaks
from leaderboard.extract.methods import own_method
from leaderboard.extract.metric_forms import MetricForms
from leaderboard.extract.names import NameCapture
from leaderboard.extract.numbers import find_numbers, link_numbers
from leaderboard.extract.open_names import open_names, share_sibling_metric
from leaderboard.extract.reading import Reading, SentenceReader
from leaderboard.extract.sentences import split_sentences
from leaderboard.extract.vocab import CombinedIndex, NormText, Vocabulary, load_vocabulary, norm_key
from leaderboard.models import Paper, Result

_DIGIT = re.compile(r"\d")
NAME = "rules"


class _Lazy:
    """A value computed on first use (the paper's own method name is only needed when a result is found)."""

    __slots__ = ("_fn", "_done", "_value")

    def __init__(self, fn) -> None:
        self._fn, self._done, self._value = fn, False, None

    def get(self):
        if not self._done:
            self._value, self._done = self._fn(), True
        return self._value


VERSION = "0.2"


@dataclass(slots=True)
class Extractor:
    """Rule-based extractor; build once (compiles the vocabulary and the grammar), call `extract` per paper."""

    vocab: Vocabulary
    grammar: Grammar = field(init=False)
    capture: NameCapture = field(init=False)
    names: CombinedIndex = field(init=False)  # metrics, benchmarks and methods, scanned together
    tasks: frozenset[str] = field(init=False)  # task names of the vocabulary and their initials ("NER")
    speed: SpeedLexicon = field(init=False)  # efficiency cue words (efficiency.py)
    leaks: Leaks = field(init=False)  # size and setting cue words (leaks.py)
    forms: MetricForms = field(init=False)  # metric variants, benchmark scores, human preference (metric_forms.py)
    calibration: Calibration = field(init=False)  # rule features -> probability the tuple is right

    def __post_init__(self) -> None:
        self.grammar = Grammar.from_rows(self.vocab.grammar)
        self.capture = NameCapture(self.grammar)
        self.names = CombinedIndex.of((self.vocab.metrics, self.vocab.benchmarks, self.vocab.methods))
        self.tasks = frozenset(_task_names(self.vocab))
        self.speed = SpeedLexicon.of(self.grammar.words)
        self.leaks = Leaks.of(self.grammar.words)
        self.forms = MetricForms.of(self.grammar.words)
        self.calibration = Calibration.load()

    @classmethod
    def default(cls) -> Extractor:
        return cls(load_vocabulary())

    @property
    def name(self) -> str:
        return f"{NAME}/{VERSION}"

    def extract(self, paper: Paper) -> list[Result]:
        text = paper.abstract or ""
        if not _DIGIT.search(text):
            return []
        nums = find_numbers(text)
        if not nums:
            return []
        g = self.grammar
        all_sentences = split_sentences(text)
        sentences = [
            (s0, s1)
            for s0, s1 in all_sentences
            if any(s0 <= n.start < s1 and not quick_non_result(text, n, s0, g) for n in nums)
        ]
        if not sentences:
            return []
        nt = NormText.of(text, sentences)  # names are looked up only in sentences that hold a number
        vocab = self.vocab
        found_metrics, found_benches, found_methods = self.names.find(nt)
        metrics = merge_adjacent(text, spans_from_mentions(text, found_metrics))
        metric_ranges = [(m.start, m.end) for m in metrics]
        benches = [
            b
            for b in spans_from_mentions(text, found_benches)
            if not any(s <= b.start and b.end <= e and (e - s) > (b.end - b.start) for s, e in metric_ranges)
        ]
        spans = [*metric_ranges, *((b.start, b.end) for b in benches)]
        methods = [  # "Inception scores of 262.85", "mean IoU": a model's name inside a metric is not a method
            m
            for m in spans_from_mentions(text, found_methods)
            if not any(s <= m.start and m.end <= e for s, e in spans)
        ]
        names = [(m.start, m.end) for m in (*metrics, *benches, *methods)]
        nums = [n for n in nums if not any(s <= n.start and n.end <= e for s, e in names)]  # "SQuAD 2.0"
        if not nums:
            return []
        own = _Lazy(lambda: own_method(paper.title or "", text, self.grammar, self.tasks))
        links = {lk.first: lk for lk in link_numbers(text, nums)}
        seconds = {lk.second for lk in links.values()}

        def exclude(name: str, own_ok: bool = False) -> bool:
            key = norm_key(name)
            own_name = None if own_ok else own.get()
            return (
                (own_name is not None and key == norm_key(own_name))
                or vocab.methods.lookup(name) is not None
                or vocab.metrics.lookup(name) is not None
                or (key in self.tasks and (name.isupper() or len(key) > 5))  # "93.5 F1 on NER": a task
            )

        title = paper.title or ""
        title_benches = spans_from_mentions(title, vocab.benchmarks.find(title))
        title_benches += self.capture.find(title, 0, len(title), title_benches, exclude)
        carried = [Span(-1, -1, b.name, b.raw, b.entry) for b in title_benches]
        taken = [*benches, *metrics, *methods]
        captures = [self.capture.find(text, s0, s1, taken, exclude) for s0, s1 in sentences]
        captures = [  # open-vocabulary names (open_names.py)
            c + open_names(text, s0, s1, [*benches, *c], exclude, g)
            for c, (s0, s1) in zip(captures, sentences, strict=True)
        ]
        named = [*benches, *(b for c in captures for b in c)]
        held = set(sentences)
        rest = [w for w in all_sentences if w not in held]
        context = AbstractContext(self, text, rest, named, exclude)
        reader = SentenceReader(self, text, nums, links, seconds, metrics, benches, methods, own, carried, context)
        out: list[Result] = []
        for (s0, s1), captured in zip(sentences, captures, strict=True):
            idx = [i for i, n in enumerate(nums) if s0 <= n.start < s1]
            if not idx:
                continue
            rows = share_sibling_metric([self._result(paper, text, rd) for rd in reader.read(s0, s1, idx, captured)])
            rows = self.forms.refine(rows, text)
            out += rows
        bench = paper_benchmark(title, text, g.benchmark_head)  # benchmark_paper.py
        out = give_paper_benchmark(out, bench, vocab.benchmarks.lookup, self.speed.is_speed)
        return [self.calibration.apply(r) for r in out]

    def _result(self, paper: Paper, text: str, r: Reading) -> Result:
        bench, metric = r.benchmark, r.metric
        hib = metric.entry.get("higher_is_better") if metric is not None and metric.entry is not None else ""
        return Result(
            paper_id=paper.paper_id,
            title=paper.title,
            value=r.value,
            value_text=text[r.num.start : r.num.end],
            kind=r.kind,
            method=r.method,
            method_norm=r.method_norm,
            is_own_method=r.is_own,
            benchmark=bench.name if bench else None,
            benchmark_raw=bench.raw if bench else None,
            benchmark_known=bench.known if bench else None,
            subset=r.subset,
            metric=metric.name if metric else None,
            metric_raw=metric.raw if metric and not r.metric_inferred else None,
            unit=r.unit,
            higher_is_better={"true": True, "false": False}.get(hib.lower()),
            value_to=r.value_to,
            spread=r.num.spread,
            qualifier=r.qualifier,
            baseline=r.baseline,
            delta_relative=r.delta_relative,
            improvement=r.improvement,
            evidence=text[r.s0 : r.s1],
            sentence_start=r.s0,
            value_start=r.num.start,
            value_end=r.num.end,
            benchmark_start=bench.start if bench and bench.start >= 0 else None,
            benchmark_end=bench.end if bench and bench.start >= 0 else None,
            metric_start=metric.start if metric and metric.start >= 0 else None,
            metric_end=metric.end if metric and metric.start >= 0 else None,
            confidence=r.confidence,
            extractor=self.name,
            metric_implied=bool(metric is not None and r.metric_inferred),
        )


def _task_names(vocab: Vocabulary) -> set[str]:
    """Keys of the benchmarks' task names ("Named Entity Recognition") and of their initials ("NER")."""
    out: set[str] = set()
    for entry in vocab.benchmarks.entries:
        words = [w for w in entry.get("task").replace("-", " ").split() if w[:1].isupper()]
        if words:
            out.add(norm_key(entry.get("task")))
        if len(words) >= 3:  # two-letter initials ("MR", "CR") are often dataset names too
            out.add("".join(w[0] for w in words).lower())
    return out


__all__ = ["Extractor", "Span"]
