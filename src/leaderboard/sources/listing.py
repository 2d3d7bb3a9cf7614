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
from leaderboard.sources.records import record_to_paper, truncate

MIN_ABSTRACT_CHARS = 120
MAX_TITLE_CHARS = 400


def _blocks(path: Path) -> Iterator[tuple[int, str] | Rejected]:
    """Yield (first line number, text) for each run of non-blank lines, joined by spaces.

    An unreadable line (not UTF-8, too long) is yielded as its Rejected in place of the block it is in;
    the block's other lines are dropped with it, so a paper never loads with a line missing.
    """
    rejects: list[Rejected] = []
    start, parts, spoiled = 0, [], False
    for lineno, text in read_lines(path, rejects):
        if rejects:
            yield from rejects
            rejects.clear()
            parts, spoiled = [], True
        if text.strip():
            if not parts and not spoiled:
                start = lineno
            if not spoiled:
                parts.append(text.strip())
        else:
            if parts:
                yield start, " ".join(parts)
            parts, spoiled = [], False
    if rejects:
        yield from rejects
    elif parts:
        yield start, " ".join(parts)


def _looks_like_abstract(text: str) -> bool:
    return len(text) >= MIN_ABSTRACT_CHARS and (". " in text or text.endswith("."))


def read_listing(path: Path) -> Iterator[Paper | Rejected]:
    """Stream papers from a listing file.

    An unreadable line is rejected once and takes its paper with it: a bad title line swallows the
    abstract paragraph after it, a bad abstract line swallows the title waiting for it.
    """
    source = str(path)
    pending: tuple[int, str] | None = None  # a candidate title waiting for its abstract
    seen_paper = False
    skip_abstract = False  # the title of the next abstract was an unreadable line (already rejected)
    for block in _blocks(path):
        if isinstance(block, Rejected):
            yield block
            if pending is None:
                skip_abstract = True
            pending = None
            continue
        lineno, text = block
        if skip_abstract and pending is None and _looks_like_abstract(text):
            skip_abstract = False
            continue
        skip_abstract = False
        if pending is not None and _looks_like_abstract(text) and len(pending[1]) <= MAX_TITLE_CHARS:
            record = {"title": pending[1], "abstract": text}
            yield record_to_paper(record, source, pending[0], raw=pending[1], normalise_ws=False)
            pending, seen_paper = None, True
            continue
        if pending is not None and seen_paper:
            yield Rejected(source, pending[0], "title line with no abstract paragraph after it", truncate(pending[1]))
        pending = (lineno, text)
    if pending is not None and seen_paper:
        yield Rejected(source, pending[0], "title line with no abstract paragraph after it", truncate(pending[1]))
