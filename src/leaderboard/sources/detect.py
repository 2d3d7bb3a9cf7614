"""Pick the reader for a path: by extension and a peek at the content; `--format` overrides."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from leaderboard.errors import UserError
from leaderboard.extract.vocab import Vocabulary
from leaderboard.models import Paper, Rejected, Result, ResultExtra
from leaderboard.sources.csv_papers import read_papers_csv
from leaderboard.sources.jsonl import ArxivFilter, read_json_array, read_jsonl
from leaderboard.sources.latex import is_latex_name, looks_like_latex, read_latex
from leaderboard.sources.lines import open_binary
from leaderboard.sources.listing import read_listing

Item = Paper | Result | ResultExtra | Rejected
Reader = Callable[[Path], Iterator[Item]]

SKIPPED_NAMES = {"README.md", "LICENSE", "NOTICE"}


def _readers(filt: ArxivFilter, vocab: Vocabulary | None = None) -> dict[str, Reader]:
    """Every known format name and its reader. Importers register here too (they name things by `vocab`)."""
    from leaderboard.sources import importers

    readers: dict[str, Reader] = {
        "listing": read_listing,
        "jsonl": partial(read_jsonl, filt=filt),
        "arxiv": partial(read_jsonl, filt=filt),
        "json": partial(read_json_array, filt=filt),
        "csv": read_papers_csv,
        "latex": partial(read_latex, vocab=vocab),
    }
    readers.update({name: partial(reader, vocab=vocab) for name, reader in importers.READERS.items()})
    return readers


FORMATS = ("listing", "jsonl", "arxiv", "json", "csv", "pwc", "results-csv", "latex")
# What source_files calls a file whose format was only guessed: "listing" is detect_format's fallback for text
# nothing else fits, "binary" a file that is not text. Such a file in a folder that loads nothing is a stray.
GUESSED_FORMATS = frozenset({"listing", "binary"})


def _peek(path: Path, size: int = 65536) -> bytes:
    with open_binary(path) as fh:
        return fh.read(size)


def detect_format(path: Path) -> str:
    """Guess a file's format from its name and first bytes."""
    if is_latex_name(path):
        return "latex"
    name = path.name.lower().removesuffix(".gz")
    head = _peek(path).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:2] == b"\x1f\x8b" or looks_like_latex(head):
        return "latex"  # arXiv's e-print download: a gzipped tarball or .tex without an extension
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
            if _PWC_OBJECT.match(head) and _looks_like_pwc(head):
                return "pwc"  # one task object, as in the format's own example
            return "jsonl"  # the arXiv snapshot is JSON Lines despite its .json name
        if head[:1] == b"[" and _looks_like_pwc(head):
            return "pwc"
        return "json"
    return "listing"


_PWC_OBJECT = re.compile(rb'^\{\s*"(?:task|categories|description|subtasks|datasets|synonyms|source_link)"\s*:')


def _looks_like_pwc(head: bytes) -> bool:
    text = head.decode("utf-8", "replace")
    return '"datasets"' in text and any(k in text for k in ('"task"', '"sota"', '"subdatasets"'))


_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")
BINARY_SHARE = 0.05  # share of control bytes above which a file's head is binary data, not text


def looks_binary(head: bytes) -> bool:
    """A file head that is binary data (an image, an executable), not text with a stray control byte."""
    return bool(head) and len(head) - len(head.translate(None, _CONTROL)) > BINARY_SHARE * len(head)


def _skipped(child: Path, skip: set[Path]) -> bool:
    """Files a folder walk leaves out: hidden files, READMEs, databases (with their WAL and temp files)."""
    name = child.name
    return name in SKIPPED_NAMES or name.startswith(".") or ".duckdb" in name or child.resolve() in skip


def iter_files(paths: Iterable[Path], skip: Iterable[Path] = ()) -> Iterator[Path]:
    """Expand directories (sorted, recursively) into files; missing paths are a user error.

    A folder walk skips `skip` (the build's own curation file) and anything that looks like a database,
    so a build of a folder that also holds its database never reads the database, or itself, as papers.
    """
    skipped = {Path(s).resolve() for s in skip}
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not _skipped(child, skipped):
                    yield child
        elif path.is_file():
            yield path
        else:
            raise UserError(f"{path}: no such file or directory")


READ_ERRORS = (OSError, EOFError, zlib.error)  # unreadable file, truncated or corrupt .gz
UNREADABLE = "cannot read file: "  # how the reason of a file-level read error starts


def unreadable(path: Path, exc: BaseException) -> Rejected:
    """The one Rejected of a file that cannot be read (any further); records read before it are kept."""
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc) or type(exc).__name__
    return Rejected(str(path), None, f"{UNREADABLE}{reason}; records after this point not read")


def _one(item: Item) -> Reader:
    return lambda _path: iter([item])


def _guarded(reader: Reader) -> Reader:
    """`reader`, with a read error turned into one Rejected after the records read before it."""

    def read(path: Path) -> Iterator[Item]:
        try:
            yield from reader(path)
        except READ_ERRORS as exc:
            yield unreadable(path, exc)

    return read


def source_files(
    paths: Iterable[Path],
    fmt: str | None = None,
    filt: ArxivFilter | None = None,
    vocab: Vocabulary | None = None,
    skip: Iterable[Path] = (),
) -> Iterator[tuple[Path, str, Reader]]:
    """Every file of the sources with its format name and reader (detected, or forced by `fmt`).

    The readers never raise on a bad file: a file that cannot be read (permissions, a corrupt or truncated
    .gz) or has no reader for its detected format reads as one Rejected. A folder walk skips `skip`.
    """
    readers = _readers(filt or ArxivFilter(), vocab)
    if fmt is not None and fmt not in readers:
        raise UserError(f"unknown format '{fmt}' (known: {', '.join(sorted(readers))})")
    for path in iter_files(paths, skip):
        try:
            name = fmt or detect_format(path)
            binary = name != "latex" and looks_binary(_peek(path))  # a tarball or a figure of a LaTeX source
        except READ_ERRORS as exc:
            yield path, "unreadable", _one(unreadable(path, exc))
            continue
        if binary:
            yield path, "binary", _one(Rejected(str(path), None, "not a text file (binary data)"))
            continue
        if name not in readers:
            yield path, name, _one(Rejected(str(path), None, f"detected format '{name}' has no reader; use --format"))
            continue
        yield path, name, _guarded(readers[name])


def read_sources(
    paths: Iterable[Path],
    fmt: str | None = None,
    filt: ArxivFilter | None = None,
    vocab: Vocabulary | None = None,
    skip: Iterable[Path] = (),
) -> Iterator[Item]:
    """Stream every record of every source, each file with its detected (or forced) reader.

    `vocab` names imported benchmarks, metrics and methods; importers load the shipped one when it is None.
    A file that cannot be read (permissions, a corrupt or truncated .gz) becomes one Rejected and the
    build goes on with the next file; records read before the failure are kept.
    """
    for path, _name, reader in source_files(paths, fmt, filt, vocab, skip):
        yield from reader(path)
