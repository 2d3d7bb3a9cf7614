"""Readers for JSON Lines and JSON arrays of paper records, including the arXiv metadata snapshot.

Generic records: `{id, title, abstract}` with optional `date`, `url`, `authors`.
arXiv snapshot records (`id`, `title`, `abstract`, `categories`, `versions`, `update_date`, ...) get their
hard line breaks and indentation normalised, the date from `versions[0].created` (else `update_date`) and
the URL from the id.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path

from leaderboard.models import Paper, Rejected
from leaderboard.sources.lines import open_binary, read_lines
from leaderboard.sources.records import has_surrogates, iso_date, record_to_paper, truncate

MAX_ARRAY_BYTES = 2_000_000_000


@dataclass(frozen=True, slots=True)
class ArxivFilter:
    """Filters applied while streaming the arXiv snapshot (categories prefix-match, e.g. "cs.CL")."""

    categories: tuple[str, ...] = ()
    since: str | None = None  # ISO date; papers first submitted before it are skipped

    def keeps(self, record: dict) -> bool:
        if self.categories:
            cats = record.get("categories")
            if not isinstance(cats, str):
                return False
            have = cats.split()
            if not any(c == f or c.startswith(f + ".") for c in have for f in self.categories):
                return False
        return True


def _arxiv_date(record: dict) -> str | None:
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if isinstance(created, str):
            try:
                return parsedate_to_datetime(created).date().isoformat()
            except (TypeError, ValueError):
                pass
    return iso_date(record.get("update_date"))


def is_arxiv_record(record: object) -> bool:
    """True for a record in the shape of the arXiv metadata snapshot."""
    return isinstance(record, dict) and ("versions" in record or "update_date" in record)


def arxiv_to_paper(
    record: object, source: str, line: int, raw: str | None, filt: ArxivFilter | None = None
) -> Paper | Rejected | None:
    """Normalise one arXiv snapshot record; None when a filter skips it."""
    if not isinstance(record, dict):
        return record_to_paper(record, source, line, raw)
    if filt is not None and not filt.keeps(record):
        return None
    date = _arxiv_date(record)
    if filt is not None and filt.since and (date is None or date < filt.since):
        return None
    paper = record_to_paper(record, source, line, raw)
    if isinstance(paper, Paper):
        paper.published = date
        if isinstance(record.get("id"), str):
            paper.url = f"https://arxiv.org/abs/{record['id'].strip()}"
    return paper


def _convert(record: object, source: str, line: int, raw: str | None, filt: ArxivFilter | None):
    if is_arxiv_record(record):
        return arxiv_to_paper(record, source, line, raw, filt)
    return record_to_paper(record, source, line, raw)


def _decode(text: str) -> tuple[object, str | None]:
    """json.loads that reports failures as a reason instead of raising."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
    except RecursionError:
        return None, "invalid JSON: nesting too deep"


def read_jsonl(path: Path, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """Stream papers from a JSON Lines file (one object per line; blank lines ignored)."""
    source = str(path)
    rejects: list[Rejected] = []
    for lineno, text in read_lines(path, rejects):
        yield from rejects
        rejects.clear()
        if not text.strip():
            continue
        record, error = _decode(text)
        if error:
            yield Rejected(source, lineno, error, truncate(text))
            continue
        out = _convert(record, source, lineno, text, filt)
        if out is not None:
            yield out
    yield from rejects


def _array_items(path: Path) -> Iterator[tuple[int, object | None, str | None, str]]:
    """Incrementally decode the items of a top-level JSON array: (line of the item, value, error, raw).

    Bytes that are not UTF-8 only spoil the items that contain them; a syntax error stops the file (where
    the next item starts cannot be known), and says so.
    """
    with open_binary(path) as fh:
        data = fh.read(MAX_ARRAY_BYTES)
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    decoder = json.JSONDecoder()
    pos = len(text) - len(text.lstrip())
    if not text.strip():
        yield 1, None, "empty file", ""
        return
    if text[pos] != "[":
        yield text.count("\n", 0, pos) + 1, None, f"not a JSON array (starts with {text[pos]!r})", text[pos : pos + 200]
        return
    pos += 1
    line, counted = 1, 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, end = decoder.raw_decode(text, pos)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = (
                "nesting too deep"
                if isinstance(exc, RecursionError)
                else f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}"
            )
            yield line, None, f"invalid JSON in array item: {reason}; rest of the file not read", text[pos : pos + 200]
            return
        raw = text[pos:end]
        if has_surrogates(raw):
            yield line, None, "not valid UTF-8", raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        else:
            yield line, value, None, raw
        pos = end


def read_json_array(path: Path, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """Papers from a JSON array file; the line number reported is the line where the item starts."""
    source = str(path)
    for line, value, error, raw in _array_items(path):
        if error:
            yield Rejected(source, line, error, truncate(raw))
            continue
        out = _convert(value, source, line, raw, filt)
        if out is not None:
            yield out


Reader = Callable[[Path], Iterator[Paper | Rejected]]
