"""One paper in, its reported results out: a pure function over the paper's title and abstract."""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaderboard.extract.numbers import Number, find_numbers
from leaderboard.extract.sentences import split_sentences
from leaderboard.extract.vocab import Mention, Vocabulary, load_vocabulary
from leaderboard.models import Paper, Result

NAME = "rules"
VERSION = "0.1"

_TITLE_METHOD = re.compile(r"^\s*([A-Z][\w\-+.]*(?:\s[A-Z0-9][\w\-+.]*){0,2})\s*:")


def _nearest(mentions: list[Mention], num: Number) -> Mention | None:
    best, best_d = None, 10**9
    for m in mentions:
        d = num.start - m.end if m.end <= num.start else m.start - num.end
        d = d + 5 if m.start >= num.end else d  # prefer a mention before the number ("FID of 2.20")
        if d < best_d:
            best, best_d = m, d
    return best


def own_method(title: str) -> str | None:
    """The paper's method name from a title like "TinaFace: Strong but Simple Baseline"."""
    m = _TITLE_METHOD.match(title)
    return m.group(1) if m else None


@dataclass(slots=True)
class Extractor:
    """Rule-based extractor; build once (compiles the vocabulary), call `extract` per paper."""

    vocab: Vocabulary

    @classmethod
    def default(cls) -> Extractor:
        return cls(load_vocabulary())

    @property
    def name(self) -> str:
        return f"{NAME}/{VERSION}"

    def extract(self, paper: Paper) -> list[Result]:
        text = paper.abstract
        method = own_method(paper.title)
        out: list[Result] = []
        for s_start, s_end in split_sentences(text):
            sentence = text[s_start:s_end]
            metrics = self.vocab.metrics.find(sentence)
            benchmarks = self.vocab.benchmarks.find(sentence)
            for num in find_numbers(sentence):
                if not metrics and num.unit != "%":
                    continue
                if num.unit is None and float(num.value).is_integer() and 1900 <= num.value <= 2100:
                    continue
                metric = _nearest(metrics, num)
                bench = _nearest(benchmarks, num)
                if metric is None and bench is None:
                    continue
                out.append(self._result(paper, text, s_start, sentence, num, metric, bench, method))
        return out

    def _result(self, paper, text, s_start, sentence, num, metric, bench, method) -> Result:
        hib = metric.entry.get("higher_is_better") if metric else ""
        return Result(
            paper_id=paper.paper_id,
            title=paper.title,
            value=abs(num.value) if num.unit == "%" else num.value,
            value_text=sentence[num.start : num.end],
            unit=num.unit,
            method=method,
            method_norm=method.lower() if method else None,
            is_own_method=True if method else None,
            benchmark=bench.entry.name if bench else None,
            benchmark_raw=sentence[bench.start : bench.end] if bench else None,
            benchmark_known=True if bench else None,
            metric=metric.entry.name if metric else None,
            metric_raw=sentence[metric.start : metric.end] if metric else None,
            higher_is_better={"true": True, "false": False}.get(hib),
            evidence=sentence,
            sentence_start=s_start,
            value_start=s_start + num.start,
            value_end=s_start + num.end,
            benchmark_start=s_start + bench.start if bench else None,
            benchmark_end=s_start + bench.end if bench else None,
            metric_start=s_start + metric.start if metric else None,
            metric_end=s_start + metric.end if metric else None,
            confidence=0.5,
            extractor=self.name,
        )
