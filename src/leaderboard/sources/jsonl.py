"""Readers for JSON Lines and JSON arrays of paper records, including the arXiv metadata snapshot.

Generic records: `{id, title, abstract}` with optional `date`, `url`, `authors`.
arXiv snapshot records (`id`, `title`, `abstract`, `categories`, `versions`, `update_date`, ...) get their
hard line breaks and indentation normalised, the date from `versions[0].created` (else `update_date`) and
the URL from the id.

Both readers stream: JSON Lines a block of lines at a time (`decode_block` turns a block into records, in
whichever process it runs), JSON arrays an item at a time over a sliding buffer.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path

from leaderboard.models import Paper, Rejected
from leaderboard.sources.lines import LineBlock, block_lines, open_binary, read_blocks
from leaderboard.sources.records import iso_date, record_to_paper, truncate

MAX_ARRAY_BYTES = 2_000_000_000
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
    record: object, source: str, line: int, raw: str | None, filt: ArxivFilter | None = None
) -> Paper | Rejected | None:
    """Normalise one arXiv snapshot record; None when a filter skips it."""
    if not isinstance(record, dict):
        return record_to_paper(record, source, line, raw)
    if filt is not None and not filt.keeps(record):
        return None
    date_ = _arxiv_date(record)
    if filt is not None and filt.since and (date_ is None or date_ < filt.since):
        return None
    paper = record_to_paper(record, source, line, raw)
    if isinstance(paper, Paper):
        paper.published = date_
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
        return None, f"invalid JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return None, "invalid JSON: nesting too deep"


def decode_line(text: str, source: str, lineno: int, filt: ArxivFilter | None = None) -> Paper | Rejected | None:
    """One JSON Lines line to a Paper, a Rejected with the reason, or None (blank, or skipped by a filter)."""
    if not text.strip() or (filt is not None and filt.skips_raw(text)):
        return None
    record, error = _decode(text)
    if error:
        return Rejected(source, lineno, error, truncate(text))
    return _convert(record, source, lineno, text, filt)


def decode_block(block: LineBlock, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """The records of a block of JSON Lines, in order, with the rejected lines among them."""
    rejects: list[Rejected] = []
    for lineno, text in block_lines(block, rejects):
        yield from rejects
        rejects.clear()
        out = decode_line(text, block.source, lineno, filt)
        if out is not None:
            yield out
    yield from rejects


def read_jsonl(path: Path, filt: ArxivFilter | None = None) -> Iterator[Paper | Rejected]:
    """Stream papers from a JSON Lines file (one object per line; blank lines ignored)."""
    for block in read_blocks(path):
        yield from decode_block(block, filt)


class _ArrayText:
    """A sliding window of a JSON array file's text: read more on demand, drop what was consumed."""

    def __init__(self, path: Path, chunk: int) -> None:
        self.fh = open_binary(path)
        self.chunk = chunk
        self.decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self.text = ""
        self.pos = 0  # next unconsumed character of text
        self.consumed = 0  # bytes handed to the decoder so far
        self.eof = False

    def more(self, at_least: int = 0) -> bool:
        """Append at least one chunk (or `at_least` bytes) of text; False at the end of the file."""
        if self.eof:
            return False
        data = self.fh.read(max(self.chunk, at_least))
        self.eof = not data
        pending = len(self.decoder.getstate()[0])
        try:
            new = self.decoder.decode(data, final=self.eof)
        except UnicodeDecodeError as exc:
            exc.start += self.consumed - pending
            raise
        self.consumed += len(data)
        self.text = self.text[self.pos :] + new
        self.pos = 0
        return bool(data) or bool(new)

    def skip(self, chars: str) -> str | None:
        """Skip `chars`; the next character (None at the end of the file)."""
        while True:
            while self.pos < len(self.text) and self.text[self.pos] in chars:
                self.pos += 1
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.more():
                return None

    def close(self) -> None:
        self.fh.close()


def _truncated(exc: Exception, text: str) -> bool:
    """Whether a decode error may only mean that the item goes on past the end of the window."""
    if not isinstance(exc, json.JSONDecodeError):
        return False
    return exc.pos >= len(text) - 16 or exc.msg.startswith("Unterminated string")


def _array_items(path: Path, chunk: int = ARRAY_READ_BYTES) -> Iterator[tuple[int, object | None, str | None, str]]:
    """Incrementally decode the items of a top-level JSON array: (item number, value, error, raw).

    An item is decoded from the window; when it runs past the window's end the window grows (doubling, so
    a large item is re-parsed only a few times) up to MAX_ARRAY_ITEM_CHARS. Decoding stops at the first
    invalid item: an array cannot be resynchronised after one.
    """
    decoder = json.JSONDecoder()
    buf = _ArrayText(path, chunk)
    try:
        if buf.skip(" \t\r\n\ufeff") != "[":
            yield 1, None, "not a JSON array (expected '[')", buf.text[buf.pos : buf.pos + 200]
            return
        buf.pos += 1
        n = 0
        while buf.skip(" \t\r\n,") not in (None, "]"):
            n += 1
            while True:
                error = None
                try:
                    value, end = decoder.raw_decode(buf.text, buf.pos)
                    if end < len(buf.text) or buf.eof:  # a number at the very end may go on in the next read
                        break
                except (json.JSONDecodeError, RecursionError) as exc:
                    error = f"invalid JSON in array item: {exc}"
                    if not _truncated(exc, buf.text) or buf.eof:
                        yield n, None, error, buf.text[buf.pos : buf.pos + 200]
                        return
                if len(buf.text) - buf.pos > MAX_ARRAY_ITEM_CHARS:
                    error = f"array item larger than {MAX_ARRAY_ITEM_CHARS:,} characters (or unterminated)"
                    yield n, None, error, buf.text[buf.pos : buf.pos + 200]
                    return
                if not buf.more(at_least=len(buf.text) - buf.pos):
                    yield n, None, error or "truncated array", buf.text[buf.pos : buf.pos + 200]
                    return
            yield n, value, None, buf.text[buf.pos : end]
            buf.pos = end
    finally:
        buf.close()


def read_json_array(
    path: Path, filt: ArxivFilter | None = None, chunk: int = ARRAY_READ_BYTES
) -> Iterator[Paper | Rejected]:
    """Papers from a JSON array file, streamed; the line number reported is the item's 1-based index."""
    source = str(path)
    try:
        for n, value, error, raw in _array_items(path, chunk):
            if error:
                yield Rejected(source, n, error, truncate(raw))
                continue
            out = _convert(value, source, n, raw, filt)
            if out is not None:
                yield out
    except UnicodeDecodeError as exc:
        yield Rejected(source, None, f"not valid UTF-8 at byte {exc.start}")


Reader = Callable[[Path], Iterator[Paper | Rejected]]
