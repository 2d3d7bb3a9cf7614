"""Names around a reading: the benchmark carried from earlier sentences, the metric a change noun names, a
metric that belongs to another benchmark or number, and the vocabulary entry of another split."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from leaderboard.extract.attribution import GENERIC_HEADS, Span, capture_metric
from leaderboard.extract.vocab import norm_key

if TYPE_CHECKING:
    from leaderboard.extract.reading import Reading

_IN_OF = re.compile(r"\s+(?:in|of)\s")
_NO_BREAK = re.compile(r"[^,;.()]{0,40}")
_ARTICLE_END = re.compile(r"\ban?\s+$")  # "and an accuracy of 55.1%": a measure of its own number


class NamesAround:
    """Mixin of SentenceReader: the names a reading takes from around its number."""

    def _changed_metric(self, r: Reading, own: list[Span], s1: int) -> Span | None:
        """ "a 75% reduction in both the number of parameters": the metric a change noun names after "in"/"of"."""
        if r.kind != "delta":
            return None
        dm = self.g.delta_noun_after.match(self.text[r.span_end : min(s1, r.span_end + 60)])
        end = r.span_end + dm.end() if dm else 0
        if dm is None or not _IN_OF.match(self.text, end):
            return None
        return next((m for m in own if m.start >= end and _NO_BREAK.fullmatch(self.text, end, m.start)), None)

    def _belongs_to_other(self, metric: Span, bench: Span | None, sb: list[Span]) -> bool:
        """ "HumanEval pass@1": a metric written right after (or overlapping the end of: "AlpacaEval 2.0 LC win rate")
        another benchmark's name is that benchmark's."""
        for b in sb:
            if b is not bench and b.start < metric.start <= b.end + 2 and (bench is None or b.name != bench.name):
                return True
        return False

    def _bound_elsewhere(self, metric: Span, r: Reading, sb: list[Span]) -> bool:
        """ "64.2% on MMLU and a pass@1 of 37.8% on HumanEval": a metric another number binds by its own phrase is
        not shared back ("an accuracy of 55.1%", or across this number's own benchmark), nor with a number that has
        its own "a score of", nor with a plain number when it binds a percentage, nor forward across a result verb
        to another benchmark with another usual metric."""
        other = self._bound.get(metric.start)
        if other is None or other is r:
            return False
        if metric.start >= r.span_end and (
            (metric.end <= other.num.start and _ARTICLE_END.search(self.text, r.span_end, metric.start))
            or any(r.span_end <= b.start and b.end <= metric.start for b in sb)
        ):
            return True
        if _other_usual(r, other, metric) and self.g.result_verb.search(self.text, metric.end, r.num.start):
            return True  # "a 45.6% success rate on X and resolves 23.3% of issues on Y": Y's own usual metric
        if other.unit == "%" and r.unit is None:
            return True  # "a 71.3% win rate on X and 8.4 on Y": a percentage is not shared with a plain number
        head = capture_metric(self.text, r.num, r.s0, self.g, generic=True)  # "a score of", "an MT-Bench score of"
        return head is not None and head.raw.split()[-1].lower() in GENERIC_HEADS

    def _with_split(self, bench: Span, subset: str) -> Span:
        """ "LibriSpeech test-clean/test-other": the entry of the other split when the vocabulary has one."""
        words = bench.name.split()
        if len(words) < 2 or not self.g.subset.fullmatch(words[-1]) or words[-1].lower() == subset.lower():
            return bench
        entry = self.vocab.benchmarks.lookup(" ".join([*words[:-1], subset]))
        return Span(bench.start, bench.end, entry.name, bench.raw, entry) if entry is not None else bench

    def _carried(self, s0: int, s1: int) -> tuple[Span | None, bool, str]:
        """The one benchmark of the earlier sentences, or the paper's own dataset for "this benchmark"; with the
        rule that chose it."""
        sentence = self.text[s0:s1]
        if self.g.this_ref.search(sentence) and self.own:
            own = Span(-1, -1, self.own, self.own, self.vocab.benchmarks.lookup(self.own))
            return own, True, "benchmark.this_benchmark_is_own"
        if self.g.aggregate.search(sentence):
            return None, False, ""
        before = self._context.right_before(s0, self.g.counts_sets)  # "We evaluate on X. We reach 81.2%."
        titled = len({norm_key(b.name) for b in self.title_benches}) == 1
        if before is not None and (before.known or not titled):  # a name outside the vocabulary yields to
            return before, True, "benchmark.sentence_before"  # the title's known one ("the ACM ... Challenge 2018")
        if self.last_bench is not None:
            return self.last_bench, True, "benchmark.previous_results"
        if titled:
            return self.title_benches[0], True, "benchmark.title"
        return None, False, ""


def _other_usual(r: Reading, other: Reading, metric: Span) -> bool:
    """The number's benchmark is not the other number's, and its usual metric is not `metric`."""
    bench, theirs = r.benchmark, other.benchmark
    if bench is None or bench.entry is None or theirs is None or norm_key(theirs.name) == norm_key(bench.name):
        return False
    usual = bench.entry.get("metric")
    return bool(usual) and usual != metric.name
