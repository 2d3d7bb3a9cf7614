"""Reader for CSV files of papers with (at least) `id,title,abstract` columns."""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from leaderboard.models import Paper, Rejected
from leaderboard.sources.lines import open_binary
from leaderboard.sources.records import record_to_paper, truncate

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _has_bad_bytes(row: dict) -> bool:
    return any(isinstance(v, str) and any("\udc80" <= ch <= "\udcff" for ch in v) for v in row.values())


def read_papers_csv(path: Path) -> Iterator[Paper | Rejected]:
    """Stream papers from a CSV file; the line number reported is the record's first physical line."""
    source = str(path)
    with open_binary(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        columns = {c.strip().lower() for c in (reader.fieldnames or [])}
        if not {"title", "abstract"} <= columns:
            yield Rejected(source, 1, f"CSV header lacks title/abstract columns: {sorted(columns)}")
            return
        start = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejected(source, start, f"malformed CSV: {exc}")
                return
            row = {(k or "").strip().lower(): v for k, v in row.items()}
            raw = ",".join(str(v) for v in row.values() if v is not None)
            if _has_bad_bytes(row):
                yield Rejected(source, start, "not valid UTF-8", truncate(raw.encode("utf-8", "replace").decode()))
            elif None in row:
                yield Rejected(source, start, "row has more fields than the header", truncate(raw))
            else:
                yield record_to_paper(row, source, start, raw)
            start = reader.line_num + 1
