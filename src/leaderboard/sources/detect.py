"""Pick the reader for a path: by extension and a peek at the content; `--format` overrides."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from leaderboard.errors import UserError
from leaderboard.models import Paper, Rejected, Result
from leaderboard.sources.csv_papers import read_papers_csv
from leaderboard.sources.jsonl import ArxivFilter, read_json_array, read_jsonl
from leaderboard.sources.lines import open_binary
from leaderboard.sources.listing import read_listing

Item = Paper | Result | Rejected
Reader = Callable[[Path], Iterator[Item]]

SKIPPED_NAMES = {"README.md", "LICENSE", "NOTICE"}


def _readers(filt: ArxivFilter) -> dict[str, Reader]:
    """Every known format name and its reader. Importers register here too."""
    from leaderboard.sources import importers

    readers: dict[str, Reader] = {
        "listing": read_listing,
        "jsonl": partial(read_jsonl, filt=filt),
        "arxiv": partial(read_jsonl, filt=filt),
        "json": partial(read_json_array, filt=filt),
        "csv": read_papers_csv,
    }
    readers.update(importers.READERS)
    return readers


FORMATS = ("listing", "jsonl", "arxiv", "json", "csv", "pwc", "results-csv")


def _peek(path: Path, size: int = 65536) -> bytes:
    with open_binary(path) as fh:
        return fh.read(size)


def detect_format(path: Path) -> str:
    """Guess a file's format from its name and first bytes."""
    name = path.name.lower().removesuffix(".gz")
    head = _peek(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".csv") or name.endswith(".tsv"):
        first = head.split(b"\n", 1)[0].decode("utf-8", "replace").lower()
        cols = {c.strip().strip('"') for c in first.split(",")}
        if "abstract" in cols:
            return "csv"
        if {"value", "metric"} <= cols or {"value", "benchmark"} <= cols:
            return "results-csv"
        return "csv"
    if name.endswith(".json") or head[:1] in (b"[", b"{"):
        if head[:1] == b"{":
            return "jsonl"  # the arXiv snapshot is JSON Lines despite its .json name
        if head[:1] == b"[" and _looks_like_pwc(head):
            return "pwc"
        return "json"
    return "listing"


def _looks_like_pwc(head: bytes) -> bool:
    text = head.decode("utf-8", "replace")
    return '"datasets"' in text and '"task"' in text


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand directories (sorted, recursively) into files; missing paths are a user error."""
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name not in SKIPPED_NAMES and not child.name.startswith("."):
                    yield child
        elif path.is_file():
            yield path
        else:
            raise UserError(f"{path}: no such file or directory")


def source_files(
    paths: Iterable[Path], fmt: str | None = None, filt: ArxivFilter | None = None
) -> Iterator[tuple[Path, str, Reader]]:
    """Every file of the sources with its format name and reader (detected, or forced by `fmt`)."""
    readers = _readers(filt or ArxivFilter())
    if fmt is not None and fmt not in readers:
        raise UserError(f"unknown format '{fmt}' (known: {', '.join(sorted(readers))})")
    for path in iter_files(paths):
        name = fmt or detect_format(path)
        yield path, name, readers[name]


def read_sources(paths: Iterable[Path], fmt: str | None = None, filt: ArxivFilter | None = None) -> Iterator[Item]:
    """Stream every record of every source, each file with its detected (or forced) reader."""
    for path, _name, reader in source_files(paths, fmt, filt):
        yield from reader(path)
