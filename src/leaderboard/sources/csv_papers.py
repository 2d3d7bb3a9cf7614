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


def _has_bad_bytes(values: list[str]) -> bool:
    return any("\udc80" <= ch <= "\udcff" for v in values for ch in v)


class _LineCounter:
    """Feeds lines to csv.reader and counts the "\n" it has consumed (a bare "\r" starts no new line)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.lines = lines
        self.newlines = 0

    def __iter__(self) -> _LineCounter:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.newlines += line.count("\n")
        return line


def read_papers_csv(path: Path) -> Iterator[Paper | Rejected]:
    """Stream papers from a CSV file; the line number reported is the record's first line (by "\n")."""
    source = str(path)
    with open_binary(path) as fh:
        counter = _LineCounter(io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline=""))
        reader = csv.reader(counter)
        header: list[str] | None = None
        while True:
            line = counter.newlines + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield Rejected(source, line, f"malformed CSV: {exc}; rest of the file not read")
                return
            if not row or not any(v.strip() for v in row):
                continue  # blank line
            if header is None:
                header = [c.strip().lower() for c in row]
                if not {"title", "abstract"} <= set(header):
                    shown = truncate(", ".join(header), 200)
                    yield Rejected(source, line, f"CSV header lacks title/abstract columns: [{shown}]")
                    return
                continue
            raw = truncate(",".join(row).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
            if _has_bad_bytes(row):
                yield Rejected(source, line, "not valid UTF-8", raw)
            elif len(row) > len(header):
                yield Rejected(source, line, "row has more fields than the header", raw)
            else:
                yield record_to_paper(dict(zip(header, row, strict=False)), source, line, raw)
    if header is None:
        yield Rejected(source, None, "empty CSV file (no header)")
