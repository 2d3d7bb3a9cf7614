"""Metric forms a canonical metric name would collapse, applied to the rows of one sentence (grammar kinds
`metric_modifier`, `human_eval`, `preference`).

Rules:
- METRIC-AT-K: "F1@50", "average recall@5", "mAP at tIoU=0.5", "pass^1": an "@k" (or an IoU threshold) written
  right after the metric mention, or the k written in a mention of a metric the vocabulary names "...^k", is kept;
  the metric is the written phrase with its suffix ("recall@5" is not "AR", "F1@50" is not "F1", "mAP at tIoU=0.5"
  is "mAP@0.5", "pass^1" is "Pass^1"); leaks.py drops the threshold itself (SETTING-PHRASE).
- METRIC-AT-OPERATING-POINT: "TPR at 1% FPR", "recall at 90% precision": a metric read at a percentage of another
  metric is one metric mention named "<metric>@<k>%<other>" as written ("TPR@1%FPR"); leaks.py drops the operating
  point itself (THRESHOLD-AT, grammar kind `threshold_noun`).
- METRIC-HEAD-MODIFIER: "joint goal accuracy", "entity-level F1": a modifier word right before the metric mention
  that makes it another measure is kept ("joint goal Accuracy"); so is any word with a granularity suffix
  ("field-level F1", "pixel-wise accuracy"; METRIC-GRANULARITY-MODIFIER, grammar kind `metric_modifier_suffix`).
- BENCHMARK-SCORE: "0.52 T2I-CompBench", "a SuperGLUE score of 88.1": a number written right before a benchmark
  name, or a "<benchmark> score of" right before the number, reports that benchmark's own score: metric
  "<benchmark> score". The benchmark mention then belongs to that number and is taken from the sentence's other
  numbers ("7.12 FID and 0.52 T2I-CompBench": the FID gets no benchmark).
- METRIC-EVALUATIVE-ADJECTIVE: "a superior overall score of 71.8", "strong accuracy of 88%": praise written before a
  metric phrase outside the vocabulary is not part of the metric's name.
- SETTING-NOT-METRIC: "trained in mixed precision", "against full precision": a metric name that ends a numeric
  format phrase (grammar kind `numeric_setting`) names the format, not a measure; it is no metric mention.
- METRIC-PARAPHRASE: "when region overlap and boundary accuracy are averaged": a metric described in words
  (grammar kind `metric_paraphrase`, value: the metric) is a mention of that metric; its words name no other metric.
- SHARE-OF-REFERENCE: "keeps 94% of the teacher's quality", "81.5% of the reference quality", "96% of
  FooNet's accuracy", "keeps 98% of its original accuracy": a share of a reference system's measure (kinds
  `reference_model` and `reference_head`, value: the metric, default "relative score"; a system's own reference
  setting after "its": kind `own_reference_setting`) is a relative score, not the measure itself.
- METRIC-PHRASE-CANONICAL: "a test set error of 3.1%", "a top-1 test error of 21.5%", "a mean error of": a metric
  phrase outside the vocabulary with the split it was measured on or an average over runs (grammar kind
  `metric_split_word`) is the vocabulary's metric of the phrase without those words (Error Rate, Top-1 Error), not
  a raw phrase nor the metric of its first word (rules/metric.py uses `canonical` too).
- HUMAN-PREFERENCE: a percentage in a sentence about human raters' preference ("raters preferred ours in 64%")
  without benchmark or metric: benchmark "human evaluation", metric "human preference (win rate)".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from leaderboard.extract.alignment import AT_K as _AT_K
from leaderboard.extract.alternation import compile_role, plain_alternation
from leaderboard.extract.attribution import Span
from leaderboard.extract.vocab import Entry
from leaderboard.extract.windows import Windows
from leaderboard.models import Result

_AT_THRESHOLD = re.compile(  # "mAP at tIoU=0.5", "AP at an IoU threshold of 0.7", "AP at 0.5 IoU"
    r"\s+at\s+(?:an?\s+|the\s+)?(?:t?IoU\s*(?:threshold\s*)?(?:of\s+|=\s*|:\s*)?(?P<k>0?\.\d+|[1-9]\d?)\b"
    r"|(?P<k2>0?\.\d+)\s+t?IoU\b)",
    re.IGNORECASE,
)
_K_WRITTEN = re.compile(r"[@^]\s?(\d+)")  # the k written in a mention of a metric named "...@k" / "...^k"
_OPERATING_POINT = re.compile(r"\s*(?:at|@)\s*(?:an?\s+)?(?P<k>\d+(?:\.\d+)?)\s*%\s*", re.IGNORECASE)
_SCORE_BEFORE = re.compile(
    r"[\s\-]?score\s*(?:\([^()]{1,10}\)\s*)?(?:of|=|:|is|was)?\s*(?:about|~)?\s*$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class MetricForms:
    """Compiled cue words of one grammar."""

    modifier: re.Pattern
    evaluative: re.Pattern
    human: re.Pattern
    preference: re.Pattern
    modifier_before: int  # Windows.metric_modifier_before
    setting: re.Pattern  # a numeric format ending in a metric's name ("mixed precision")
    setting_ends: frozenset[str]  # the last words of those phrases: a cheap test before the pattern
    described: re.Pattern  # a metric described in words (METRIC-PARAPHRASE)
    described_cues: tuple[str, ...]  # the first two words of those phrases, lower case: a cheap test first
    share: re.Pattern  # a share of a reference system's measure (SHARE-OF-REFERENCE)
    values: dict[str, dict[str, str]]  # the metric of each paraphrase (`metric_paraphrase`, `reference_head`)
    split_words: re.Pattern  # the split a metric was measured on ("test set", "validation")
    granular: re.Pattern  # "<word>-level", "<word>-wise" right before a metric mention (METRIC-GRANULARITY-MODIFIER)
    granular_cues: tuple[str, ...]  # the suffixes themselves ("-level"): a cheap test first

    @classmethod
    def of(cls, words: dict[str, dict[str, str]], w: Windows) -> MetricForms:
        def comp(pattern: str, kind: str) -> re.Pattern:
            return compile_role(pattern, words, kind)

        return cls(
            modifier=comp(r"(?<![\w\-])(?P<mod>ALT)[\s\-]+$", "metric_modifier"),
            evaluative=comp(r"(?:(?:ALT)[\s\-]+)+(?=\S)", "evaluative_adjective"),
            human=comp(r"(?<![\w\-])(?:ALT)(?![\w])", "human_eval"),
            preference=comp(r"(?<![\w\-])(?:ALT)(?![\w])", "preference"),
            modifier_before=w.metric_modifier_before,
            setting=comp(r"(?<![\w\-])(?:ALT)$", "numeric_setting"),
            setting_ends=frozenset(p.split()[-1].split("-")[-1] for p in words.get("numeric_setting", {})),
            described=_described(words),
            described_cues=tuple(sorted({" ".join(p.split()[:2]) for p in words.get("metric_paraphrase", {})})),
            share=_share(words),
            values={k: words.get(k, {}) for k in ("metric_paraphrase", "reference_head")},
            split_words=split_pattern(frozenset(words.get("metric_split_word", {}))),
            granular=_granular(tuple(words.get("metric_modifier_suffix", {}))),
            granular_cues=tuple(words.get("metric_modifier_suffix", {})),
        )

    def mentions(self, text: str, metrics: list[Span], lookup: Callable[[str], Entry | None]) -> list[Span]:
        """The metric mentions of `text` with SETTING-NOT-METRIC, METRIC-PARAPHRASE and SHARE-OF-REFERENCE applied."""
        reach = self.modifier_before
        metrics = [
            m
            for m in metrics
            if m.raw.lower() not in self.setting_ends or not self.setting.search(text[max(0, m.start - reach) : m.end])
        ]
        metrics = [canonical(m, self.split_words, lookup) if " " in m.raw else m for m in metrics]
        metrics = _operating_points(text, metrics)
        found = [self._paraphrased(m, lookup) for m in self.share.finditer(text)]
        low = text.lower()
        if any(c in low for c in self.described_cues):
            found += [self._paraphrased(m, lookup) for m in self.described.finditer(text)]
        if not found:
            return metrics
        kept = [m for m in metrics if not any(p.start < m.end and m.start < p.end for p in found)]
        return sorted([*kept, *found], key=lambda m: m.start)

    def _paraphrased(self, m: re.Match, lookup: Callable[[str], Entry | None]) -> Span:
        if m.groupdict().get("words") is not None:
            name = self.values["metric_paraphrase"].get(" ".join(m.group("words").lower().split()), "")
        else:
            head = m.groupdict().get("head") or m.groupdict().get("head2") or ""
            name = self.values["reference_head"].get(" ".join(head.lower().split()), "relative score")
        entry = lookup(name)
        raw = m.group(0).lstrip()
        start = m.end() - len(raw)
        return Span(start, m.end(), entry.name if entry is not None else name, raw, entry)

    def refine(
        self, rows: list[Result], text: str, lookup: Callable[[str], Entry | None] | None = None
    ) -> list[Result]:
        """The sentence's rows with the rules applied (`lookup`: the metric vocabulary, to name a variant)."""
        rows = [self._variant(r, text, lookup) for r in rows]
        rows, owned = _benchmark_scores(rows, text)
        out = []
        for r in rows:
            if owned.get(r.benchmark_start) not in (None, id(r)) and r.benchmark_start is not None:
                r = replace(r, benchmark=None, benchmark_raw=None, benchmark_known=None, benchmark_start=None,
                            benchmark_end=None)  # fmt: skip
            out.append(self._human(r, text))
        return out

    def _variant(self, r: Result, text: str, lookup: Callable[[str], Entry | None] | None = None) -> Result:
        if r.metric is None or r.metric_start is None or r.metric_end is None:
            return r
        praise = self.evaluative.match(r.metric) if r.metric == r.metric_raw else None
        if praise is not None:  # METRIC-EVALUATIVE-ADJECTIVE: "a superior overall score of 71.8" is an overall score
            rest = r.metric[praise.end() :]
            entry = lookup(rest) if lookup is not None else None
            name = entry.name if entry is not None else rest
            r = replace(r, metric=name, metric_raw=rest, metric_start=r.metric_start + praise.end())
        k = _K_WRITTEN.search(text, r.metric_start, r.metric_end) if r.metric.endswith(("^k", "@k")) else None
        if k is not None and k.end() == r.metric_end:  # METRIC-AT-K: "a pass^1 of 48.2" is Pass^1, not Pass^k
            return replace(r, metric=r.metric[:-1] + k.group(1))
        at = _AT_K.match(text, r.metric_end)
        if at is not None and "@" not in r.metric:
            raw = text[r.metric_start : r.metric_end] + at.group(0).replace(" ", "")
            return replace(r, metric=raw, metric_raw=raw, metric_end=at.end())
        at = _AT_THRESHOLD.match(text, r.metric_end)
        if at is not None and "@" not in r.metric:  # METRIC-AT-K: the threshold written out
            name = f"{r.metric}@{at.group('k') or at.group('k2')}"
            return replace(r, metric=name, metric_raw=text[r.metric_start : at.end()], metric_end=at.end())
        lo = max(0, r.metric_start - self.modifier_before)
        mod = self.modifier.search(text, lo, r.metric_start)
        if mod is None and any(x in text[lo : r.metric_start] for x in self.granular_cues):
            mod = self.granular.search(text, lo, r.metric_start)  # METRIC-GRANULARITY-MODIFIER: "field-level F1"
        if mod is not None:
            phrase = f"{mod.group('mod')} {r.metric}"
            entry = lookup(text[mod.start() : r.metric_end]) if lookup is not None else None
            phrase = entry.name if entry is not None else phrase  # "mask AP" is the vocabulary's Mask AP
            return replace(r, metric=phrase, metric_raw=text[mod.start() : r.metric_end], metric_start=mod.start())
        return r

    def _human(self, r: Result, text: str) -> Result:
        if r.benchmark is not None or r.metric is not None or r.unit != "%":
            return r
        s0 = r.sentence_start or 0
        s1 = s0 + len(r.evidence)
        if self.human.search(text, s0, s1) and self.preference.search(text, s0, s1):
            return replace(r, benchmark="human evaluation", benchmark_known=False, metric="human preference (win rate)")
        return r


def _operating_points(text: str, metrics: list[Span]) -> list[Span]:
    """METRIC-AT-OPERATING-POINT: "TPR at 1% FPR" as one mention "TPR@1%FPR" (with the first metric's entry)."""
    if "%" not in text:
        return metrics
    out: list[Span] = []
    k = 0
    while k < len(metrics):
        m = metrics[k]
        nxt = metrics[k + 1] if k + 1 < len(metrics) else None
        at = _OPERATING_POINT.fullmatch(text, m.end, nxt.start) if nxt is not None and nxt.start > m.end else None
        if at is None or nxt is None:
            out.append(m)
            k += 1
            continue
        name = f"{m.raw}@{at.group('k')}%{nxt.raw}".replace(" ", "")
        out.append(Span(m.start, nxt.end, name, text[m.start : nxt.end], m.entry))
        k += 2
    return out


@functools.lru_cache(maxsize=8)
def split_pattern(phrases: frozenset[str]) -> re.Pattern:
    """The split words of METRIC-PHRASE-CANONICAL (grammar kind `metric_split_word`) as one pattern."""
    if not phrases:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w\-])(?:" + plain_alternation(list(phrases)) + r")(?![\w\-])\s*", re.IGNORECASE)


def canonical(m: Span, split: re.Pattern, lookup: Callable[[str], Entry | None]) -> Span:
    """METRIC-PHRASE-CANONICAL: the mention as the vocabulary's metric of its words without split words, when they
    name one ("test set error" is Error Rate, "top-1 test error" Top-1 Error); else unchanged."""
    bare = split.sub("", m.raw).strip()
    if not bare or bare == m.raw.strip() or lookup(m.raw) is not None:
        return m  # "mean average precision" is a name as written
    entry = lookup(bare)
    if entry is None or entry is m.entry:
        return m
    return Span(m.start, m.end, entry.name, m.raw, entry)


_NEVER = r"(?!x)x"


def _granular(suffixes: tuple[str, ...]) -> re.Pattern:
    """METRIC-GRANULARITY-MODIFIER: a word joined to a granularity suffix (grammar kind `metric_modifier_suffix`:
    "-level", "-wise") right before a metric mention names the unit it is measured on ("field-level F1",
    "pixel-wise accuracy"), a modifier that makes it another measure, like the listed `metric_modifier` words."""
    if not suffixes:
        return re.compile(_NEVER)
    alt = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    return re.compile(r"(?<![\w\-])(?P<mod>[A-Za-z][a-z]+(?:" + alt + r"))[\s\-]+$")


def _described(words: dict[str, dict[str, str]]) -> re.Pattern:
    """METRIC-PARAPHRASE: the described metrics (group `words`)."""
    phrases = list(words.get("metric_paraphrase", {}))
    alt = plain_alternation(phrases) if phrases else _NEVER
    return re.compile(r"(?<![\w\-])(?P<words>" + alt + r")(?![\w\-])", re.IGNORECASE)


def _share(words: dict[str, dict[str, str]]) -> re.Pattern:
    """SHARE-OF-REFERENCE (groups `head`, `head2`); it opens with the literal " of" so the scan skips to it."""
    refs = list(words.get("reference_model", {}))
    heads = plain_alternation(list(words.get("reference_head", {}) or {"score": ""}))
    named = r"(?:" + (plain_alternation(refs) if refs else _NEVER) + r")(?:['\u2019]s)?"
    return re.compile(
        r" of(?i:\s+(?:(?:the|its|their|a)\s+)?(?:"
        + named
        + r"|(?-i:[A-Z][\w.\-]*\w)(?:\s+model)?['\u2019]s)"  # "of BERT-base's performance"
        + r"\s+(?P<head>"
        + heads
        + r")"
        + r"|\s+(?:its|their)\s+(?:"  # "keeps 98% of its original accuracy": the system's own reference setting
        + (plain_alternation(list(words.get("own_reference_setting", {}))) or _NEVER)
        + r")\s+(?P<head2>"
        + heads
        + r"))(?![\w\-])"
    )


def _benchmark_scores(rows: list[Result], text: str) -> tuple[list[Result], dict[int | None, int]]:
    """BENCHMARK-SCORE; returns the rows and {benchmark mention start: id of the row that owns it}."""
    out, owned = [], {}
    for r in rows:
        if r.benchmark is None or r.benchmark_start is None or r.benchmark_end is None or r.value_end is None:
            out.append(r)
            continue
        after = r.benchmark_start >= r.value_end and not text[r.value_end : r.benchmark_start].strip()
        metric_after = r.metric_start is not None and (  # "85.5% ImageNet top-1 accuracy": the metric is written
            r.metric_start == r.value_end + 1 or 0 <= r.metric_start - r.benchmark_end <= 3
        )
        before = (
            r.value_start is not None
            and r.benchmark_end <= r.value_start
            and _SCORE_BEFORE.fullmatch(text, r.benchmark_end, r.value_start) is not None
        )
        if (after and not metric_after) or before:
            r = replace(r, metric=f"{r.benchmark} score", metric_raw=None, metric_start=None, metric_end=None,
                        metric_implied=False, higher_is_better=True)  # fmt: skip
            owned[r.benchmark_start] = id(r)
        out.append(r)
    return out, owned


__all__ = ["MetricForms"]
