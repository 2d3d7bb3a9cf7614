"""Scoring LaTeX table reading against a table gold file (`leaderboard evaluate --gold tests/data/latex/gold.jsonl`).

Gold (scripts/latex_gold.py writes it): one line per table of an excerpt in `papers/` beside the gold file,
{file, table, split, is_result, cells: [{row, col, value, method, benchmark, metric, subset}] | reason}.
Predictions are the `latex` reader's absolute results with their cell records, matched to gold cells by
(file, table, row, column). Four levels: value; + method; + benchmark; + metric. Names match as in the abstract
scorer (case, spacing and punctuation ignored, vocabulary aliases, one name containing the other); a gold name
left empty (the paper does not say) is not scored. Precision counts every prediction from the gold papers, so a
number read from a table the gold calls non-result is a false positive. Skipping: the share of non-result
tables that gave no results. Scores are given for all papers and per split (tune / check, fixed by paper).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard.extract.matching import names_match
from leaderboard.extract.vocab import Vocabulary, load_vocabulary
from leaderboard.models import Result
from leaderboard.normalise import lookup
from leaderboard.sources.latex import read_latex
from leaderboard.tables.records import LatexTable, ResultCell

LEVELS = ("value", "value+method", "value+method+benchmark", "value+method+benchmark+metric")


@dataclass(slots=True)
class Counts:
    """Matches per level, predictions and gold cells; non-result tables skipped of all."""

    matched: list[int] = field(default_factory=lambda: [0] * len(LEVELS))
    predicted: int = 0
    gold: int = 0
    skipped: int = 0
    non_result: int = 0
    result_tables_lost: int = 0

    def prf(self, level: int) -> tuple[float, float, float]:
        m = self.matched[level]
        p = m / self.predicted if self.predicted else 0.0
        r = m / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _value_ok(gold: float, pred: float) -> bool:
    return abs(gold - pred) <= 1e-9 * max(1.0, abs(gold))


def _levels(cell: dict, r: Result, vocab: Vocabulary) -> list[bool]:
    value = _value_ok(cell["value"], r.value)
    method = value and names_match(cell["method"], r.method, None, None, loose=False)
    bench = method and (
        cell["benchmark"] is None or names_match(cell["benchmark"], r.benchmark, r.subset, _lk(vocab, "b"), False)
    )
    metric = bench and (cell["metric"] is None or names_match(cell["metric"], r.metric, None, _lk(vocab, "m"), False))
    return [value, method, bench, metric]


def _lk(vocab: Vocabulary, kind: str):
    index = vocab.benchmarks if kind == "b" else vocab.metrics
    return lambda name: lookup(index, name)


def _predictions(path: Path) -> tuple[dict[tuple, Result], dict[int, int]]:
    """Absolute results by (table, row, column) and results per table number."""
    results: dict[str, Result] = {}
    cells: dict[tuple, Result] = {}
    per_table: dict[int, int] = {}
    for item in read_latex(path):
        if isinstance(item, Result) and item.kind == "absolute":
            results[item.result_id] = item
        elif isinstance(item, ResultCell) and item.result_id in results:
            cells[(item.table_number, item.row_index, item.column_index)] = results[item.result_id]
        elif isinstance(item, LatexTable):
            per_table[item.table_number] = per_table.get(item.table_number, 0) + item.results
    return cells, per_table


def score(gold_path: Path, vocab: Vocabulary | None = None) -> dict[str, Counts]:
    """Counts for all papers and per split."""
    vocab = vocab or load_vocabulary()
    lines = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    by_file: dict[str, list[dict]] = {}
    for rec in lines:
        by_file.setdefault(rec["file"], []).append(rec)
    out = {"all": Counts(), "tune": Counts(), "check": Counts()}
    for file, recs in by_file.items():
        preds, per_table = _predictions(gold_path.parent / "papers" / file)
        for name in ("all", recs[0]["split"]):
            _add(out[name], recs, preds, per_table, vocab)
    return out


def _add(c: Counts, recs: list[dict], preds: dict, per_table: dict[int, int], vocab: Vocabulary) -> None:
    c.predicted += len(preds)
    for rec in recs:
        if not rec["is_result"]:
            c.non_result += 1
            c.skipped += per_table.get(rec["table"], 0) == 0
            continue
        c.result_tables_lost += per_table.get(rec["table"], 0) == 0
        for cell in rec["cells"]:
            c.gold += 1
            r = preds.get((rec["table"], cell["row"], cell["col"]))
            if r is None:
                continue
            for i, ok in enumerate(_levels(cell, r, vocab)):
                c.matched[i] += ok


def format_report(counts: dict[str, Counts], source: str) -> str:
    """A fixed-width report: P/R/F1 per level and split, and the skip rate of non-result tables."""
    out = [f"table gold {source}"]
    for split, c in counts.items():
        out.append(f"[{split}] {c.gold} gold cells, {c.predicted} predicted")
        for i, level in enumerate(LEVELS):
            p, r, f = c.prf(i)
            out.append(f"  {level:<32} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        rate = c.skipped / c.non_result if c.non_result else 0.0
        out.append(f"  non-result tables skipped {c.skipped}/{c.non_result} ({rate:.0%}); "
                   f"result tables with no results {c.result_tables_lost}")  # fmt: skip
    return "\n".join(out)


def is_table_gold(first_lines: Iterable[str]) -> bool:
    """Whether a gold file is a table gold (its records name a file and a table)."""
    for line in first_lines:
        if line.strip():
            rec = json.loads(line)
            return isinstance(rec, dict) and {"file", "table", "is_result"} <= rec.keys()
    return False
