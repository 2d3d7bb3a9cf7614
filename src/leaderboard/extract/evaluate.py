"""Scoring the extractor against gold annotations: pure functions, used by `leaderboard evaluate`.

Two gold formats, detected by their fields:
- per-number ("seed gold"): one line per number token {title, start, end, text, is_result, benchmark, metric, ...};
  exhaustive, so it gives precision and recall. Predictions are matched by the offsets of the number.
- per-paper ("dev"): {paper_id, title, abstract, tuples: [{dataset, metric, score}]}; recall-only (the gold
  lists some results of each abstract, not all). Predictions are matched by value within the paper.

Three levels: value; value + benchmark; value + benchmark + metric. Names match loosely: case, spacing and
punctuation are ignored, a vocabulary alias counts as its canonical name, and one name may contain the other
("WIDER Face (Hard)" vs "WIDER FACE" with subset "hard"). Values match as written or scaled by 100
("0.924" vs "92.4%"), within the rounding of the predicted text (gold 0.635% vs text 0.64%).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard.extract.matching import first_float, names_match, value_matches
from leaderboard.models import Paper, Result, title_paper_id

LEVELS = ("value", "value+benchmark", "value+benchmark+metric")


@dataclass(slots=True)
class GoldItem:
    """One gold result: where (paper, and offsets for per-number gold), its value and its names."""

    paper_key: str
    value: float | None
    score_text: str
    benchmark: str | None
    metric: str | None
    start: int | None = None
    end: int | None = None
    value_to: float | None = None
    text: str = ""


@dataclass(slots=True)
class GoldSet:
    """A parsed gold file: papers to extract from, gold results, non-result spans and the format."""

    fmt: str  # "seed" | "dev"
    papers: list[Paper] = field(default_factory=list)
    items: list[GoldItem] = field(default_factory=list)
    non_results: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass(slots=True)
class LevelScore:
    tp_pred: int
    n_pred: int | None  # None when the gold is recall-only
    tp_gold: int
    n_gold: int

    @property
    def precision(self) -> float | None:
        return None if self.n_pred is None else (self.tp_pred / self.n_pred if self.n_pred else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Report:
    fmt: str
    levels: dict[str, LevelScore]
    misses: list[str]
    false_positives: list[str]
    n_papers: int


# -- loading -------------------------------------------------------------------------------------------------
def detect_format(first: dict) -> str:
    if "tuples" in first and "abstract" in first:
        return "dev"
    if {"start", "end", "is_result"} <= set(first):
        return "seed"
    raise ValueError("unknown gold format: expected a per-paper 'tuples' record or a per-number line")


def load_gold(lines: Iterable[str], papers: Iterable[Paper] = ()) -> GoldSet:
    """Parse a gold file's lines; per-number gold needs the papers (title -> abstract) it annotates."""
    rows = [json.loads(ln) for ln in lines if ln.strip()]
    if not rows:
        raise ValueError("empty gold file")
    fmt = detect_format(rows[0])
    gs = GoldSet(fmt)
    if fmt == "dev":
        for n, row in enumerate(rows):
            key = str(row.get("paper_id") or n)
            gs.papers.append(Paper(key, row.get("title") or "", row.get("abstract") or ""))
            for t in row.get("tuples") or []:
                score = str(t.get("score", ""))
                gs.items.append(GoldItem(key, first_float(score), score, t.get("dataset"), t.get("metric")))
        return gs
    by_title = {" ".join(p.title.split()): p for p in papers}
    wanted: dict[str, Paper] = {}
    for row in rows:
        title = " ".join(row["title"].split())
        paper = by_title.get(title)
        if paper is None:
            raise ValueError(f"gold title not found among the papers given: {row['title'][:80]!r}")
        key = paper.paper_id or title_paper_id(title)
        wanted.setdefault(key, paper)
        if row.get("is_result"):
            gs.items.append(
                GoldItem(
                    key,
                    row.get("value"),
                    row.get("text", ""),
                    row.get("benchmark"),
                    row.get("metric"),
                    row["start"],
                    row["end"],
                    row.get("value_to"),
                    row.get("text", ""),
                )  # fmt: skip
            )
        else:
            gs.non_results.setdefault(key, []).append((row["start"], row["end"]))
    gs.papers = [*wanted.values(), *[p for p in by_title.values() if p.paper_id not in wanted]]
    return gs


# -- scoring -------------------------------------------------------------------------------------------------
def _overlaps(r: Result, item: GoldItem) -> bool:
    return r.value_start is not None and r.value_start < (item.end or 0) and (item.start or 0) < (r.value_end or 0)


def _levels_ok(item: GoldItem, r: Result, lookups: tuple[Callable, Callable], loose: bool) -> tuple[bool, bool, bool]:
    bench = names_match(item.benchmark, r.benchmark, r.subset, lookups[0], loose)
    if not bench and item.benchmark and r.benchmark_raw:
        bench = names_match(item.benchmark, r.benchmark_raw, r.subset, lookups[0], loose)
    # per-number gold names only metrics the text names: compare with the metric the extractor found named
    named = r.metric if (loose or r.metric_raw) else None
    metric = names_match(item.metric, named, None, lookups[1], loose)
    return True, bench, bench and metric


def score(gold: GoldSet, predictions: dict[str, list[Result]], lookups: tuple[Callable, Callable]) -> Report:
    """Score predictions (paper key -> results) against the gold at the three levels."""
    tp_gold = dict.fromkeys(LEVELS, 0)
    tp_pred = dict.fromkeys(LEVELS, 0)
    misses: list[str] = []
    fps: list[str] = []
    abstracts = {p.paper_id: p for p in gold.papers}
    seed = gold.fmt == "seed"
    for item in gold.items:
        preds = predictions.get(item.paper_key, [])
        cands = [r for r in preds if _overlaps(r, item)] if seed else [r for r in preds if value_matches(item.value, r)]
        best = (False, False, False)
        for r in cands:
            ok = _levels_ok(item, r, lookups, loose=not seed)
            best = tuple(a or b for a, b in zip(best, ok, strict=True))
        for level, ok in zip(LEVELS, best, strict=True):
            tp_gold[level] += ok
        if not best[2]:
            got = "; ".join(f"{r.value_text} [{r.benchmark} | {r.metric}]" for r in cands) or "nothing"
            title = abstracts[item.paper_key].title[:60] if item.paper_key in abstracts else item.paper_key
            misses.append(f"{title}: {item.score_text} [{item.benchmark} | {item.metric}] -> got {got}")
    n_pred = None
    if seed:
        n_pred = 0
        by_paper: dict[str, list[GoldItem]] = {}
        for item in gold.items:
            by_paper.setdefault(item.paper_key, []).append(item)
        for key, preds in predictions.items():
            groups: dict[int | None, list[Result]] = {}
            for r in preds:
                groups.setdefault(r.value_start, []).append(r)
            for rows in groups.values():
                n_pred += 1
                items = [it for it in by_paper.get(key, []) if _overlaps(rows[0], it)]
                best = (False, False, False)
                for it in items:
                    for r in rows:
                        ok = _levels_ok(it, r, lookups, loose=False)
                        best = tuple(a or b for a, b in zip(best, ok, strict=True))
                for level, ok in zip(LEVELS, best, strict=True):
                    tp_pred[level] += ok
                if not best[0]:
                    r = rows[0]
                    fps.append(f"{abstracts[key].title[:60] if key in abstracts else key}: {r.value_text} "
                               f"[{r.benchmark} | {r.metric}] in: ...{r.evidence[:140]}")  # fmt: skip
    levels = {lv: LevelScore(tp_pred[lv], n_pred, tp_gold[lv], len(gold.items)) for lv in LEVELS}
    return Report(gold.fmt, levels, misses, fps, len(gold.papers))


def format_report(report: Report, source: str, misses: int = 0) -> str:
    """The table `leaderboard evaluate` prints."""
    kind = "per-number gold (precision and recall)" if report.fmt == "seed" else "per-paper gold (recall only)"
    n_gold = next(iter(report.levels.values())).n_gold
    lines = [
        f"gold: {source}  [{kind}; {report.n_papers} papers, {n_gold} gold results]",
        f"{'level':26} {'precision':>9} {'recall':>7} {'f1':>6}   tp/pred   tp/gold",
    ]
    for level, s in report.levels.items():
        p = "-" if s.precision is None else f"{s.precision:.3f}"
        f = "-" if s.f1 is None else f"{s.f1:.3f}"
        pred = "-" if s.n_pred is None else f"{s.tp_pred}/{s.n_pred}"
        lines.append(f"{level:26} {p:>9} {s.recall:>7.3f} {f:>6}   {pred:>7}   {s.tp_gold}/{s.n_gold}")
    if misses:
        lines.append(f"misses (not matched at value+benchmark+metric), first {misses} of {len(report.misses)}:")
        lines += [f"  - {m}" for m in report.misses[:misses]]
        if report.fmt == "seed":
            lines.append(f"false positives (no gold result at that number), first {misses} of "
                         f"{len(report.false_positives)}:")  # fmt: skip
            lines += [f"  - {m}" for m in report.false_positives[:misses]]
    return "\n".join(lines)


def run(gold_path: Path, extractor, papers: Iterable[Paper] = ()) -> Report:
    """Load a gold file, extract every paper it covers, and score."""
    gold = load_gold(gold_path.read_text(encoding="utf-8").splitlines(), papers)
    predictions = {p.paper_id: extractor.extract(p) for p in gold.papers}
    v = extractor.vocab
    return score(gold, predictions, (v.benchmarks.lookup, v.metrics.lookup))
