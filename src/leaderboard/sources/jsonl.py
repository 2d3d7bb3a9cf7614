"""Readers for JSON Lines and JSON arrays of paper records, including the arXiv metadata snapshot.

Generic records: `{id, title, abstract}` with optional `date`, `url`, `authors`.
arXiv snapshot records (`id`, `title`, `abstract`, `categories`, `versions`, `update_date`, ...) get their
hard line breaks and indentation normalised, the date from `versions[0].created` (else `update_date`) and
the URL from the id.

Both readers stream: JSON Lines a block of lines at a time (`decode_block` turns a block into records, in
whichever process it runs), JSON arrays an item at a time over a sliding buffer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

import orjson

from leaderboard.models import Paper, Rejected
from leaderboard.sources import jsonstream
from leaderboard.sources.lines import LineBlock, block_lines, read_blocks
from leaderboard.sources.records import has_surrogates, iso_date, json_escapes, record_to_paper, truncate

MAX_ARRAY_ITEM_CHARS = 64_000_000  # an array item larger than this is rejected (memory stays bounded)
ARRAY_READ_BYTES = 1 << 20

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}
# The snapshot's own `created` format, e.g. "Mon, 2 Apr 2007 19:18:42 GMT"; anything else takes the slow path.
_SNAPSHOT_CREATED = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) "
    r"\d{2}:\d{2}:\d{2} GMT"
)
_CATEGORIES_VALUE = re.compile(r'"categories"\s*:\s*"([^"\\]*)"')


@dataclass(frozen=True, slots=True)
class ArxivFilter:
    """Filters applied while streaming the arXiv snapshot (categories prefix-match, e.g. "cs.CL")."""

    categories: tuple[str, ...] = ()
    since: str | None = None  # ISO date; papers first submitted before it are skipped

    def keeps_categories(self, cats: object) -> bool:
        if not self.categories:
            return True
        if not isinstance(cats, str):
            return False
        return any(c == f or c.startswith(f + ".") for c in cats.split() for f in self.categories)

    def keeps(self, record: dict) -> bool:
        return self.keeps_categories(record.get("categories"))

    def skips_raw(self, line: str) -> bool:
        """True when a raw snapshot line is certainly filtered out by category, decided without decoding it.

        Reads the `categories` value straight from the text (JSON keeps quotes inside strings escaped, so an
        unescaped `"categories":` is a key). Lines it cannot judge cheaply (no such key, escapes in the
        value, not in the snapshot's shape) return False and are decoded and filtered as usual.
        """
        if not self.categories:
            return False
        at = line.find('"categories"')
        while at >= 0:
            if at == 0 or line[at - 1] != "\\":
                m = _CATEGORIES_VALUE.match(line, at)
                if m:
                    shaped = '"update_date"' in line or '"versions"' in line
                    return shaped and not self.keeps_categories(m.group(1))
            at = line.find('"categories"', at + 1)
        return False


def _created_date(created: str) -> str | None:
    m = _SNAPSHOT_CREATED.fullmatch(created)
    try:
        if m:
            return date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1))).isoformat()
        return parsedate_to_datetime(created).date().isoformat()
    except (TypeError, ValueError):
        return None


def _arxiv_date(record: dict) -> str | None:
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        created = versions[0].get("created")
        if isinstance(created, str):
            found = _created_date(created)
            if found is not None:
                return found
    return iso_date(record.get("update_date"))


def is_arxiv_record(record: object) -> bool:
    """True for a record in the shape of the arXiv metadata snapshot."""
    return isinstance(record, dict) and ("versions" in record or "update_date" in record)


def arxiv_to_paper(
    record: object, source: str, line: int, raw: str | None, filt: ArxivFilter | None = None, escaped: bool = True
) -> Paper | Rejected | None:
    """Normalise one arXiv snapshot record; None when a filter skips it (`escaped`: see `record_to_paper`)."""
    if not isinstance(record, dict):
        return record_to_paper(record, source, line, raw)
    if filt is not None and not filt.keeps(record):
        return None
    date_ = _arxiv_date(record)
    if filt is not None and filt.since and (date_ is None or date_ < filt.since):
        return None
    paper = record_to_paper(record, source, line, raw, escaped=escaped)
    if isinstance(paper, Paper):
        paper.published = date_
        if isinstance(record.get("id"), str):
            paper.url = f"https://arxiv.org/abs/{record['id'].strip()}"
    return paper


def _convert(record: object, source: str, line: int, raw: str | None, filt: ArxivFilter | None, escaped: bool = True):
    if is_arxiv_record(record):
        return arxiv_to_paper(record, source, line, raw, filt, escaped)
    return record_to_paper(record, source, line, raw, escaped=escaped)


def loads(text: str) -> object:
    """`json.loads(text)`, by orjson where it agrees (about twice as fast on snapshot records).

    orjson refuses what the standard library accepts beyond strict JSON (NaN, Infinity, numbers out of a
    double's range, lone surrogate escapes, deeper nesting): those lines, and every invalid one, are decoded by
    `json` again, so what is accepted and how a failure is worded stay the same. orjson reads an integer beyond
    64 bits as a float; the only field where that changes anything is a record's id (an int is an id, a float
    is rejected), so a float id is decoded by `json` again too (tests/test_decode_fast.py compares the two).
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)
    if type(value) is dict and (type(value.get("id")) is float or type(value.get("paper_id")) is float):
        return json.loads(text)
    return value


def _decode(text: str) -> tuple[object, str | None]:
    """json.loads that reports failures as a reason instead of raising."""
    try:
        return loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}"
    except RecursionError:
        return None, "invalid JSON: nesting too deep"


def decode_line(
    text: str, source: str, lineno: int, filt: ArxivFilter | None = None, utf8: bool = False
) -> Paper | Rejected | None:
    """One JSON Lines line to a Paper, a Rejected with the reason, or None (blank, or skipped by a filter).

    `utf8=True` says `text` was decoded strictly from UTF-8 (it holds no surrogate): then a line without a
    `\\u` escape cannot decode to a NUL or a lone surrogate, and its strings are not searched for them.
    """
    if not text or text.isspace() or (filt is not None and filt.skips_raw(text)):
        return None
    record, error = _decode(text)
    if error:
        return Rejected(source, lineno, error, truncate(text))
    return _convert(record, source, lineno, text, filt, not utf8 or json_escapes(text))


def decode_block(block: LineBlock, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """The records of a block of JSON Lines, in order, with the rejected lines among them."""
    rejects: list[Rejected] = []
    for lineno, text in block_lines(block, rejects):
        yield from rejects
        rejects.clear()
        out = decode_line(text, block.source, lineno, filt, utf8=True)
        if out is not None:
            yield out
    yield from rejects


def read_jsonl(path: Path, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """Stream papers from a JSON Lines file (one object per line; blank lines ignored)."""
    for block in read_blocks(path):
        yield from decode_block(block, filt)


def _item_error(item: jsonstream.JsonItem) -> str:
    """The reason a JSON array item is rejected, as the paper readers word it."""
    if item.kind == "syntax":
        where = f"{(item.error_msg or '').removesuffix(' at')} at line {item.error_line} column {item.error_col}"
        return f"invalid JSON in array item: {where}; rest of the file not read"
    if item.kind == "nesting":
        return "invalid JSON in array item: nesting too deep; rest of the file not read"
    return item.error or "invalid JSON"


def read_json_array(
    path: Path, filt: ArxivFilter | None = None, chunk: int = ARRAY_READ_BYTES
) -> Iterator[Paper | Rejected]:
    """Papers from a JSON array file, streamed item by item (sources/jsonstream.py).

    The line number reported is the line where the item starts. Bytes that are not UTF-8 only spoil the
    items that contain them; a syntax error stops the file (where the next item starts cannot be known).
    """
    source = str(path)
    items = jsonstream.iter_items(path, chunk=chunk, lenient_bytes=True, objects=False, max_item=MAX_ARRAY_ITEM_CHARS)
    for item in items:
        if item.error:
            yield Rejected(source, item.line, _item_error(item), truncate(_printable(item.raw)))
            continue
        if has_surrogates(item.raw):
            yield Rejected(source, item.line, "not valid UTF-8", truncate(_printable(item.raw)))
            continue
        out = _convert(item.value, source, item.line, item.raw, filt)
        if out is not None:
            yield out


def _printable(raw: str) -> str:
    """Text with undecodable bytes (kept as lone surrogates) shown as U+FFFD."""
    return raw.encode("utf-8", "surrogateescape").decode("utf-8", "replace") if has_surrogates(raw) else raw


Reader = Callable[[Path], Iterator[Paper | Rejected]]
