"""One paper in, its reported results out: a pure function over the paper's title and abstract.

Per abstract: numbers (numbers.py), vocabulary mentions in one Aho-Corasick pass (vocab.py), sentences; then per
number: non-result rules (filters.py), the evidence that it is a result, its kind (absolute / delta / range),
and its attribution (attribution.py, methods.py). Cue words come from vocab/grammar.csv (grammar.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from leaderboard.extract.attribution import Span, merge_adjacent, spans_from_mentions
from leaderboard.extract.benchmark_paper import (
    described_as_benchmark,
    give_paper_benchmark,
    modifier_heads,
    paper_benchmark,
)
from leaderboard.extract.calibration import Calibration
from leaderboard.extract.candidates import holding_candidates, inside_known, inside_names, none_kept, trace_quick
from leaderboard.extract.combined_index import CombinedIndex
from leaderboard.extract.context import AbstractContext
from leaderboard.extract.efficiency import SpeedLexicon
from leaderboard.extract.engine import read_sentence
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.latex_names import unwrap_latex
from leaderboard.extract.leaks import Leaks
from leaderboard.extract.methods import own_method
from leaderboard.extract.metric_forms import MetricForms
from leaderboard.extract.model_names import ModelNames
from leaderboard.extract.names import NameCapture
from leaderboard.extract.numbers import find_numbers, has_digit, link_numbers, share_range_units
from leaderboard.extract.open_names import open_names, share_sibling_metric
from leaderboard.extract.sentence import Abstract, Lazy, Memory, Reading
from leaderboard.extract.sentences import split_sentences
from leaderboard.extract.short_mentions import expand_short_mentions
from leaderboard.extract.task_aliases import by_task
from leaderboard.extract.trace import Trace
from leaderboard.extract.version import rules_version
from leaderboard.extract.vocab import NormText, Vocabulary, load_vocabulary, norm_key
from leaderboard.extract.windows import Windows
from leaderboard.models import Paper, Result

NAME = "rules"


@dataclass(slots=True)
class Extractor:
    """Rule-based extractor; build once (compiles the vocabulary and the grammar), call `extract` per paper."""

    vocab: Vocabulary
    grammar: Grammar = field(init=False)
    capture: NameCapture = field(init=False)
    names: CombinedIndex = field(init=False)  # metrics, benchmarks and methods, scanned together
    tasks: frozenset[str] = field(init=False)  # task names of the vocabulary and their initials ("NER")
    name: str = field(init=False)  # "rules/<hash of the rules' code and the vocabulary>"
    windows: Windows = field(init=False)  # how far the rules look (grammar.csv)
    speed: SpeedLexicon = field(init=False)  # efficiency cue words (efficiency.py)
    leaks: Leaks = field(init=False)  # size and setting cue words (leaks.py)
    forms: MetricForms = field(init=False)  # metric variants, benchmark scores, human preference (metric_forms.py)
    calibration: Calibration = field(init=False)  # rule features -> probability the tuple is right
    models: ModelNames = field(init=False)  # model families with size codes: not benchmarks (model_names.py)
    method_keys: dict[str, str | None] = field(init=False, compare=False, repr=False)  # name -> method_norm

    def __post_init__(self) -> None:
        self.grammar = Grammar.from_rows(self.vocab.grammar)
        self.capture = NameCapture(self.grammar)
        self.windows = Windows.of(self.grammar)
        self.names = CombinedIndex.of((self.vocab.metrics, self.vocab.benchmarks, self.vocab.methods))
        self.tasks = frozenset(_task_names(self.vocab))
        self.name = f"{NAME}/{rules_version(self.vocab)}"
        self.speed = SpeedLexicon.of(self.grammar.words, self.windows)
        self.leaks = Leaks.of(self.grammar.words, self.windows)
        self.forms = MetricForms.of(self.grammar.words, self.windows)
        self.models = ModelNames.of(self.grammar.exact, self.vocab.methods.entries)
        self.calibration = Calibration.load()
        self.method_keys = {}

    @classmethod
    def default(cls) -> Extractor:
        return cls(load_vocabulary())

    def extract(self, paper: Paper, trace: Trace | None = None) -> list[Result]:
        """The paper's results; with a `trace`, every rule decision (and every declined number) is recorded in it."""
        text = paper.abstract or ""
        if not has_digit(text):
            return []
        nums = self.speed.fold_ratios(text, find_numbers(text))  # efficiency.py: "a 6-fold speedup"
        if not nums:
            return []
        g = self.grammar
        if trace is None and none_kept(text, nums, g):
            return []  # candidates.py: no sentence can hold a candidate, whatever the sentence split
        all_sentences = split_sentences(text)
        sentences = holding_candidates(text, nums, all_sentences, g)
        if trace is not None:
            trace_quick(trace, text, nums, [w for w in all_sentences if w not in sentences], g)
        if not sentences:
            return []
        nt = NormText.of(text, sentences)  # names are looked up only in sentences that hold a number
        vocab = self.vocab
        found_metrics, found_benches, found_methods = self.names.find(nt)
        metrics = merge_adjacent(text, spans_from_mentions(text, found_metrics), self.windows)
        metrics = self.forms.mentions(text, metrics, vocab.metrics.lookup)  # metric_forms.py: paraphrases, settings
        metric_ranges = [(m.start, m.end) for m in metrics]
        benches = [
            b
            for b in spans_from_mentions(text, found_benches)
            if not any(s <= b.start and b.end <= e and (e - s) > (b.end - b.start) for s, e in metric_ranges)
        ]
        if ambiguous := g.words.get("alias_by_task"):  # task_aliases.py: "WSJ" in a parsing abstract
            benches = by_task(text, benches, ambiguous, vocab.benchmarks.lookup)
        reach = self.windows.latex_open_before
        benches = unwrap_latex(text, benches, vocab.benchmarks.lookup, reach)  # latex_names.py: "$\\text{X}_{2.0}$"
        spans = [*metric_ranges, *((b.start, b.end) for b in benches)]
        methods = [  # "Inception scores of 262.85", "mean IoU": a model's name inside a metric is not a method
            m
            for m in spans_from_mentions(text, found_methods)
            if not any(s <= m.start and m.end <= e for s, e in spans)
        ]
        names = [(m.start, m.end) for m in (*metrics, *benches, *methods)]
        inside = inside_names(nums, names)  # "SQuAD 2.0"
        if inside:
            gone = {id(n) for n in inside}  # by identity: `in` compared each Number field by field
            nums = [n for n in nums if id(n) not in gone]
            for n in inside if trace is not None else ():
                trace.declined((n.start, n.end), "result.inside_a_name", "result", "part of a vocabulary name")
        if not nums:
            return []
        own = Lazy(lambda: own_method(paper.title or "", text, self.grammar, self.tasks))
        found_links = link_numbers(text, nums)
        nums = share_range_units(nums, found_links)  # "12-30%": the first number takes the unit written once
        links = {lk.first: lk for lk in found_links}
        seconds = {lk.second for lk in links.values()}

        title = paper.title or ""
        bench = Lazy(lambda: paper_benchmark(title, text, g.benchmark_head))  # benchmark_paper.py
        # OWN-NAME-IS-DATASET: the paper's own name, described with a benchmark head ("a corpus dubbed X"), is a dataset
        data = Lazy(lambda: own.get() is not None and described_as_benchmark(own.get(), text, g.benchmark_head))

        def exclude(name: str, own_ok: bool = False) -> bool:
            key = norm_key(name)
            own_name = None if own_ok else own.get()
            if own_name is not None and (bench.get() == own_name or data.get()):
                own_name = None  # "CRAG -- Comprehensive RAG Benchmark": the paper's artefact is a benchmark
            return (
                (own_name is not None and key == norm_key(own_name))
                or vocab.methods.lookup(name) is not None
                or vocab.metrics.lookup(name) is not None
                or self.models.is_model(name)
                or (  # "93.5 F1 on NER": a task, unless the abstract defines it for a dataset ("the ... (RR) dataset")
                    key in self.tasks
                    and (name.isupper() or len(key) > 5)
                    and not described_as_benchmark(name, text, g.benchmark_head)
                )
            )

        carried = Lazy(lambda: self._title_benches(title, bench, exclude))  # only results read it: scanned then
        taken = [*benches, *metrics, *methods]
        captures = [self.capture.find(text, s0, s1, taken, exclude) for s0, s1 in sentences]
        captures = [  # open-vocabulary names (open_names.py)
            c + open_names(text, s0, s1, [*benches, *c], exclude, g, vocab.benchmarks.lookup)
            for c, (s0, s1) in zip(captures, sentences, strict=True)
        ]
        if any(b.entry is None and b.raw.isalnum() for c in captures for b in c):  # short_mentions.py
            captures = expand_short_mentions(text, captures, lambda x, y: self._known_at(text, x, y))
        named = [*benches, *(b for c in captures for b in c)]
        held = set(sentences)
        rest = [w for w in all_sentences if w not in held]
        context = AbstractContext((vocab.benchmarks, self.capture, g), text, rest, named, exclude)
        if len(self.method_keys) > 20_000:  # bounded: a worker reads millions of abstracts
            self.method_keys.clear()
        a = Abstract(
            text,
            g,
            self.windows,
            vocab,
            nums,
            links,
            seconds,
            metrics,
            benches,
            methods,
            carried,
            context,
            own,
            Memory(),
            trace,
            self.speed,
            self.leaks,
            self.method_keys,
            Lazy(lambda: own.get() is not None and (bench.get() == own.get() or data.get())),
        )
        out: list[Result] = []
        for (s0, s1), captured in zip(sentences, captures, strict=True):
            idx = [i for i, n in enumerate(nums) if s0 <= n.start < s1 and not inside_known(n, captured)]
            if not idx:
                continue
            rows = share_sibling_metric(
                [self._result(paper, text, rd) for rd in read_sentence(a, s0, s1, idx, captured)]
            )
            out += self.forms.refine(rows, text, vocab.metrics.lookup)  # metric_forms.py
        if not out:
            return out  # no row to give the paper's benchmark to (its title is parsed only for a row)
        training = frozenset(g.words.get("training_on", ()))
        out = give_paper_benchmark(out, bench.get(), vocab.benchmarks.lookup, self.speed.is_speed, training)
        return self.calibration.apply_all(out)

    def _title_benches(self, title: str, bench: Lazy[str | None], exclude) -> list[Span]:
        """The benchmarks the title names, as carried names (offsets -1): its head name when none is known."""
        found = spans_from_mentions(title, self.vocab.benchmarks.find(title))
        modifiers = modifier_heads(self.grammar.benchmark_head, title)
        found += [  # COMPOUND-MODIFIER-HEAD: not "Pruning Task" nor "Vectors" in "Pruning Task Vectors"
            b
            for b in self.capture.find(title, 0, len(title), found, exclude)
            if not any(h0 < b.end and b.start <= h1 + 1 for h0, h1 in modifiers)
        ]
        if bench.get() is not None and found and all(b.entry is None for b in found):
            entry = self.vocab.benchmarks.lookup(bench.get())  # the title's head name, not its descriptive subtitle
            return [Span(-1, -1, entry.name if entry else bench.get(), bench.get(), entry)]
        return [Span(-1, -1, b.name, b.raw, b.entry) for b in found]

    def _known_at(self, text: str, start: int, end: int) -> list[Span]:
        """The vocabulary benchmarks mentioned in text[start:end]."""
        return spans_from_mentions(text, self.vocab.benchmarks.find(NormText.of(text, [(start, end)])))

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
            rules=_rules_json(r.rules),
            metric_implied=bool(metric is not None and r.metric_inferred),
        )


def _rules_json(rules: dict[str, str]) -> str:
    """`rules` as a JSON object with sorted keys (field and rule names are plain identifiers: no escaping)."""
    return "{" + ",".join([f'"{k}":"{v}"' for k, v in sorted(rules.items())]) + "}"


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
