"""Importer for hand-curated results in CSV: one reported number per row.

Columns (header names case-insensitive): `benchmark`, `metric`, `value` required; `paper_id` or `title` (or
neither: then the paper id follows sources.imported's rule), `method`, `subset`, `unit`, `higher_is_better`
(true/false, yes/no, 1/0, higher/lower), `source_url`, `date` (YYYY-MM-DD), `task`, `note` optional.
`value` is read like a Papers with Code cell ("92.4%", "85.3 ± 0.2", "1,234"). A bad row becomes one
`rejected` row (stage "import") with file, line and every problem found; the other rows still load.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary, load_vocabulary
from leaderboard.models import Paper, Rejected, Result, ResultExtra, stable_id
from leaderboard.normalise import clean_name, join_subsets
from leaderboard.sources.cells import CellValue, parse_cell
from leaderboard.sources.imported import Namer, Names, PaperRef, arxiv_id, imported_result, paper_ref, source_tag
from leaderboard.sources.lines import open_binary
from leaderboard.sources.records import truncate

EXTRACTOR = "csv-import/1"
REQUIRED = ("benchmark", "metric", "value")
_BOOLEANS = {"true": True, "yes": True, "1": True, "higher": True, "false": False, "no": False, "0": False}
_BOOLEANS["lower"] = False
Item = Paper | Result | ResultExtra | Rejected


def parse_bool(text: str) -> bool | None | str:
    """True/False for a boolean cell, None for an empty one, the text itself when it is not a boolean."""
    key = text.strip().lower()
    if not key:
        return None
    return _BOOLEANS.get(key, text)


def parse_date(text: str) -> str | None | ValueError:
    """An ISO date for a date cell, None for an empty one, the ValueError when it is not a real date."""
    if not text.strip():
        return None
    try:
        return datetime.fromisoformat(text.strip()).date().isoformat()
    except ValueError as exc:
        return exc


def read_results_csv(path: Path, vocab: Vocabulary | None = None) -> Iterator[Item]:
    """Stream the results (and their papers) of a results CSV; bad rows become Rejected with the reason."""
    namer = Namer(vocab or load_vocabulary())
    source = source_tag("csv", path)
    seen_papers: set[str] = set()
    counts: dict[tuple, int] = {}
    with open_binary(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="replace", newline="")
        reader = csv.DictReader(text)
        columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
        missing = [c for c in REQUIRED if c not in columns]
        if missing:
            reason = f"results CSV header lacks {', '.join(missing)} (has: {', '.join(columns) or 'nothing'})"
            yield Rejected(str(path), 1, reason, stage="import")
            return
        line = reader.line_num + 1
        while True:
            try:
                raw_row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejected(str(path), line, f"malformed CSV: {exc}", stage="import")
                return
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw_row.items() if k is not None}
            raw = truncate(",".join(str(v) for v in raw_row.values() if isinstance(v, str)))
            if None in raw_row:
                yield Rejected(str(path), line, "row has more fields than the header", raw, stage="import")
            elif any(row.values()):
                yield from _row(path, source, namer, row, line, raw, seen_papers, counts)
            line = reader.line_num + 1


def _problems(row: dict[str, str]) -> tuple[list[str], CellValue | None, bool | None, str | None]:
    problems = []
    cell = None
    if not row.get("value"):
        problems.append("missing value")
    else:
        parsed = parse_cell(row["value"])
        if isinstance(parsed, CellValue):
            cell = parsed
        else:
            problems.append(f"non-numeric value ({parsed.reason})")
    problems += [f"missing {c}" for c in ("benchmark", "metric") if not row.get(c)]
    hib = parse_bool(row.get("higher_is_better", ""))
    if isinstance(hib, str):
        problems.append(f"bad boolean in higher_is_better: {hib!r} (expected true/false)")
    day = parse_date(row.get("date", ""))
    if isinstance(day, ValueError):
        problems.append(f"bad date {row['date']!r} (expected YYYY-MM-DD)")
    return problems, cell, hib if isinstance(hib, bool) else None, day if isinstance(day, str) else None


def _paper(row: dict[str, str], day: str | None, method: str | None, line: int) -> PaperRef:
    url = row.get("source_url") or None
    title = row.get("title") or None
    given = row.get("paper_id")
    if given:
        return PaperRef(arxiv_id(given) or given, title, url, day, True)
    return paper_ref(url, title, method, day, f"line {line}")


def _row(path, source, namer: Namer, row, line, raw, seen_papers, counts) -> Iterator[Item]:
    problems, cell, hib, day = _problems(row)
    if problems or cell is None:
        yield Rejected(str(path), line, "; ".join(problems), raw, stage="import")
        return
    model = clean_name(row.get("method", "")) or None
    ref = _paper(row, day, model, line)
    if ref.record and ref.paper_id not in seen_papers:
        seen_papers.add(ref.paper_id)
        yield ref.paper(str(path), line)
    bench, metric = namer.benchmark(row["benchmark"]), namer.metric(row["metric"])
    if hib is not None:
        metric = metric._replace(higher_is_better=hib)
    task_q = namer.task([row["task"]], bench) if row.get("task") else None
    subset = join_subsets(task_q, bench.subset, row.get("subset") or None, metric.subset)
    names = Names(namer.method(model) if model else None, bench, row["benchmark"], metric, row["metric"], subset)
    key = (source, ref.paper_id, model, row["benchmark"], row.get("subset"), row["metric"])
    counts[key] = counts.get(key, 0) + 1
    rid = stable_id(*key, counts[key] - 1)
    where = f"line {line}"
    evidence = f"{path.name}: {where}: {model or 'unnamed method'} on {row['benchmark']}, {row['metric']} = {cell.text}"
    result = imported_result(ref, names, cell, source=source, extractor=EXTRACTOR, evidence=evidence, result_id=rid)
    result.unit = row.get("unit") or result.unit
    yield result
    note = " ".join(p for p in (row.get("note"), cell.note) if p) or None
    yield ResultExtra(rid, source, str(path), where, row.get("task") or None, row["benchmark"], ref.title, ref.url,
                      ref.date, note=note)  # fmt: skip
