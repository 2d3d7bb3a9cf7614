"""`leaderboard evaluate` on the project's judged gold kinds: an exhaustive folder or a recall-only tuple file.

Runs the extractor in-process on the gold's abstracts and scores it with the judging rules (refscore.py): value
precision/recall, per-field accuracy, tuple F1, counts per class of error, and a reliability table of the
`confidence` column (per band: rows, share whose tuple is right) with its expected calibration error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from leaderboard.extract.refscore import Names, Tally, exhaustive, recall_figures, recall_only
from leaderboard.models import Paper, Result

BANDS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 1.0001)


@dataclass(frozen=True, slots=True)
class GoldRun:
    """One scored gold set: its kind, figures and the tally they came from."""

    kind: str  # "exhaustive" | "recall"
    papers: int
    figures: dict[str, float]
    tally: Tally


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_judged_gold(path: Path) -> bool:
    """An exhaustive gold folder, or a recall-only file of per-paper tuples."""
    if path.is_dir():
        return (path / "abstracts.jsonl").exists() and (path / "results.jsonl").exists()
    first = path.read_text(encoding="utf-8").lstrip()[:4000].split("\n", 1)[0]
    return '"tuples"' in first and '"abstract"' in first


def run_gold(path: Path, extract) -> GoldRun:
    """Score `extract` (Paper -> list[Result]) on the gold at `path`."""
    names, tally = Names.load(), Tally()
    if path.is_dir():
        abstracts = _rows(path / "abstracts.jsonl")
        gold, non = _group(_rows(path / "results.jsonl")), {}
        if (path / "non_results.jsonl").exists():
            non = _group(_rows(path / "non_results.jsonl"))
        for a in abstracts:
            pid = str(a["id"])
            preds = extract(Paper(paper_id=pid, title=a.get("title") or "", abstract=a.get("abstract") or ""))
            exhaustive(names, preds, gold.get(pid, []), non.get(pid, []), tally)
        return GoldRun("exhaustive", len(abstracts), tally.figures(), tally)
    rows = _rows(path)
    for r in rows:
        paper = Paper(paper_id=str(r["paper_id"]), title=r.get("title") or "", abstract=r.get("abstract") or "")
        recall_only(names, extract(paper), r, tally)
    return GoldRun("recall", len(rows), recall_figures(tally), tally)


def _group(rows: Iterable[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(str(r["id"]), []).append(r)
    return out


def reliability(pairs: list[tuple[Result, bool]]) -> list[tuple[float, float, int, float | None]]:
    """Per confidence band [lo, hi): (lo, hi, rows, share of rows whose tuple is right)."""
    out = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        inband = [ok for r, ok in pairs if lo <= (r.confidence or 0.0) < hi]
        out.append((lo, min(hi, 1.0), len(inband), sum(inband) / len(inband) if inband else None))
    return out


def calibration_error(probs: list[float], right: list[bool], bins: int = 10) -> float:
    """Expected calibration error: over equal-width probability bins, the row-weighted |mean p - precision|."""
    total, n = 0.0, len(probs)
    for b in range(bins):
        inbin = [(p, ok) for p, ok in zip(probs, right, strict=True) if min(int(p * bins), bins - 1) == b]
        if inbin:
            gap = sum(p for p, _ in inbin) / len(inbin) - sum(ok for _, ok in inbin) / len(inbin)
            total += len(inbin) / n * abs(gap)
    return total


def format_gold_run(run: GoldRun, source: str, misses: int = 0) -> str:
    t = run.tally
    lines = [f"gold: {source}  [{run.kind} gold; {run.papers} papers, {t.clear} gold results, {t.predicted} rows]"]
    lines += [f"{k:28s} {v:.3f}" for k, v in run.figures.items()]
    if run.kind == "exhaustive":
        lines.append("per field (of value-matched clear gold): benchmark / metric accuracy above")
    lines.append("errors by class:")
    lines += [f"  {k:34s} {n}" for k, n in t.errors.most_common()]
    lines += [f"  - {d}" for d in t.details[:misses]]
    if t.correct:
        confident = [ok for r, ok in t.correct if getattr(r, "confident", False)]
        judged = "" if run.kind == "exhaustive" else ", of the rows matched to a gold tuple by value"
        lines.append(f"reliability (confidence band: rows, tuple precision{judged}):")
        for lo, hi, n, p in reliability(t.correct):
            lines.append(f"  [{lo:.2f}, {hi:.2f})  {n:4d}  " + ("-" if p is None else f"{p:.3f}"))
        probs, right = [r.confidence or 0.0 for r, _ in t.correct], [ok for _, ok in t.correct]
        lines.append(f"expected calibration error (10 bins): {calibration_error(probs, right):.3f}")
        if confident:
            share = sum(confident) / t.clear if t.clear else 0.0
            lines.append(
                f"confident rows: {len(confident)}, tuple precision {sum(confident) / len(confident):.3f}, "
                f"right ones cover {share:.3f} of the clear gold results"
            )
    return "\n".join(lines)


__all__ = ["GoldRun", "calibration_error", "format_gold_run", "is_judged_gold", "reliability", "run_gold"]
