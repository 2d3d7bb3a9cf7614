"""Reader for the papers-listing text format of the shipped seed.

A few header lines, then per paper: a title line, a blank line, an abstract paragraph, a blank line.
Blocks are runs of non-blank lines; a paper is a short block (the title) followed by a long one (the
abstract). Header blocks before the first paper are skipped; a title with no abstract is rejected.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from leaderboard.models import Paper, Rejected
from leaderboard.sources.lines import read_lines
from leaderboard.sources.records import record_to_paper

MIN_ABSTRACT_CHARS = 120
MAX_TITLE_CHARS = 400


def _blocks(path: Path, rejects: list[Rejected]) -> Iterator[tuple[int, str]]:
    """Yield (first line number, text) for each run of non-blank lines, joined by spaces."""
    start, parts = 0, []
    for lineno, text in read_lines(path, rejects):
        if text.strip():
            if not parts:
                start = lineno
            parts.append(text.strip())
        elif parts:
            yield start, " ".join(parts)
            parts = []
    if parts:
        yield start, " ".join(parts)


def _looks_like_abstract(text: str) -> bool:
    return len(text) >= MIN_ABSTRACT_CHARS and (". " in text or text.endswith("."))


def read_listing(path: Path) -> Iterator[Paper | Rejected]:
    """Stream papers from a listing file."""
    source = str(path)
    rejects: list[Rejected] = []
    pending: tuple[int, str] | None = None  # a candidate title waiting for its abstract
    seen_paper = False
    for lineno, text in _blocks(path, rejects):
        yield from rejects
        rejects.clear()
        if pending is not None and _looks_like_abstract(text) and len(pending[1]) <= MAX_TITLE_CHARS:
            record = {"title": pending[1], "abstract": text}
            yield record_to_paper(record, source, pending[0], raw=pending[1], normalise_ws=False)
            pending, seen_paper = None, True
            continue
        if pending is not None and seen_paper:
            yield Rejected(source, pending[0], "title line with no abstract paragraph after it", pending[1])
        pending = (lineno, text)
    yield from rejects
    if pending is not None and seen_paper:
        yield Rejected(source, pending[0], "title line with no abstract paragraph after it", pending[1])
