"""Incremental decoding of the items of a top-level JSON array, one item in memory at a time.

The one JSON-array decoder of the package: the Papers with Code importer (a ~200 MB array of task objects)
and the JSON-array paper reader (sources/jsonl.py) both stream through `iter_items`. It reads the file in
chunks over a sliding window and decodes one top-level item at a time with `json.JSONDecoder.raw_decode`;
the text of decoded items is dropped when more is read, so memory holds the current item's text and objects,
not the file. An item that runs past the end of the window makes the window grow (doubling, so a large item
is re-parsed only a few times) up to `max_item` characters. A document that is a single object (the PwC
format's own example) is one item when `objects` is true. Trailing commas ("[1, 2,]", as in that example)
are tolerated: an item that fails to decode at the end of the file is retried with them removed. An item
that is invalid JSON ends the file with an error (where the next item starts cannot be known).

Bytes that are not UTF-8: by default the file ends there with an error; with `lenient_bytes` they are kept
as lone surrogates, so only the items that contain them are spoilt (`JsonItem.bad_bytes`).
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard.sources.lines import open_binary

CHUNK_BYTES = 1 << 20
MAX_ITEM_CHARS = 64_000_000  # an item larger than this ends the file with an error (memory stays bounded)
_TRAILING_COMMA = re.compile(r'("(?:[^"\\]|\\.)*")|,(\s*[\]}])')


def strip_trailing_commas(text: str) -> str:
    """JSON text with commas before a closing bracket or brace removed (strings left alone)."""
    return _TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), text)


@dataclass(frozen=True, slots=True)
class JsonItem:
    """One top-level item: its 1-based number, the line it starts on, and its value or the decoding error.

    `kind` says what went wrong ("syntax", "nesting", "too_large", "bytes", "start", "empty"), `raw` is the
    item's text (for an error, up to 200 characters from where it starts); for a syntax error `error_line`
    and `error_col` are where in the file the decoder stopped.
    """

    number: int
    line: int
    value: object = None
    error: str | None = None
    raw: str = field(default="", compare=False, repr=False)
    kind: str | None = field(default=None, compare=False, repr=False)
    error_msg: str | None = field(default=None, compare=False, repr=False)
    error_line: int | None = field(default=None, compare=False, repr=False)
    error_col: int | None = field(default=None, compare=False, repr=False)


class _Reader:
    """A sliding text window over a binary file, decoded as UTF-8 (a byte-order mark is dropped)."""

    def __init__(self, fh, chunk: int, lenient_bytes: bool) -> None:
        self.fh = fh
        self.chunk = chunk
        errors = "surrogateescape" if lenient_bytes else "strict"
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")(errors)
        self.buf = ""
        self.pos = 0
        self.buf_off = 0  # characters of the file before buf[0]
        self.line = 1  # line number at self.pos
        self.line_start = 0  # file offset (characters) of the start of that line
        self.eof = False
        self.bytes_read = 0
        self.bad_bytes: str | None = None  # set when the file stops being UTF-8: the text ends there

    def more(self, size: int = 0) -> bool:
        """Append at least one chunk (or `size` bytes) of text, dropping what was consumed; False at the end."""
        if self.eof:
            return False
        data = self.fh.read(max(self.chunk, size))
        self.eof = not data
        if data:  # drop the consumed text (at the end of the file the window stays as it was)
            self.buf_off += self.pos
            self.buf, self.pos = self.buf[self.pos :], 0
        try:
            self.buf += self.decoder.decode(data, final=self.eof)
        except UnicodeDecodeError as exc:
            self.buf += exc.object[: exc.start].decode("utf-8", "ignore")
            offset = self.bytes_read - (len(exc.object) - len(data)) + exc.start
            self.bad_bytes, self.eof = f"not valid UTF-8 at byte {offset}; the rest of the file was not read", True
        self.bytes_read += len(data)
        return bool(data)

    def skip(self, chars: str) -> str | None:
        """Skip the given characters; the next character, or None at the end of the file."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in chars:
                if self.buf[self.pos] == "\n":
                    self.line += 1
                    self.line_start = self.buf_off + self.pos + 1
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return None

    def where(self, at: int) -> tuple[int, int]:
        """(line, column), 1-based, of buf[at] (at >= pos)."""
        nl = self.buf.rfind("\n", self.pos, at)
        line = self.line + self.buf.count("\n", self.pos, at)
        col = at - nl if nl >= 0 else self.buf_off + at - self.line_start + 1
        return line, col

    def consume(self, end: int) -> None:
        nl = self.buf.rfind("\n", self.pos, end)
        if nl >= 0:
            self.line += self.buf.count("\n", self.pos, end)
            self.line_start = self.buf_off + nl + 1
        self.pos = end


def _decode_one(reader: _Reader, decoder: json.JSONDecoder, number: int, max_item: int) -> JsonItem:
    """Decode the value at the reader's position, reading more text until it is complete."""
    line = reader.line
    while True:
        try:
            value, end = decoder.raw_decode(reader.buf, reader.pos)
            if end < len(reader.buf) or reader.eof:  # a number at the very end may go on in the next read
                raw = reader.buf[reader.pos : end]
                reader.consume(end)
                return JsonItem(number, line, value, None, raw)
        except json.JSONDecodeError as exc:
            if len(reader.buf) - reader.pos > max_item:
                return _too_large(reader, number, line, max_item)
            if reader.more(len(reader.buf) - reader.pos):
                continue
            repaired = strip_trailing_commas(reader.buf[reader.pos :])
            try:
                value, end = decoder.raw_decode(repaired)
            except json.JSONDecodeError:
                err_line, err_col = reader.where(exc.pos)
                raw = reader.buf[reader.pos : reader.pos + 200]
                if reader.bad_bytes:
                    return JsonItem(number, line, None, reader.bad_bytes, raw, "bytes")
                error = f"invalid JSON: {exc.msg} (line {err_line})"
                return JsonItem(number, line, None, error, raw, "syntax", exc.msg, err_line, err_col)
            reader.buf_off += reader.pos
            reader.buf, reader.pos = repaired, 0
            reader.consume(end)
            return JsonItem(number, line, value, None, repaired[:end])
        except RecursionError:
            raw = reader.buf[reader.pos : reader.pos + 200]
            return JsonItem(number, line, None, "invalid JSON: nesting too deep", raw, "nesting")
        if len(reader.buf) - reader.pos > max_item:
            return _too_large(reader, number, line, max_item)
        reader.more(len(reader.buf) - reader.pos)  # at the end of the file, the value stands


def _too_large(reader: _Reader, number: int, line: int, max_item: int) -> JsonItem:
    error = f"array item larger than {max_item:,} characters (or unterminated)"
    return JsonItem(number, line, None, error, reader.buf[reader.pos : reader.pos + 200], "too_large")


def iter_items(
    path: Path,
    *,
    chunk: int | None = None,
    lenient_bytes: bool = False,
    objects: bool = True,
    max_item: int | None = None,
) -> Iterator[JsonItem]:
    """Stream the items of a JSON array file (or, when `objects`, the one object of an object file), in order.

    Where the file stops being UTF-8 (unless `lenient_bytes`), the items before are yielded and then one
    item with the error.
    """
    decoder = json.JSONDecoder()
    max_item = MAX_ITEM_CHARS if max_item is None else max_item
    with open_binary(path) as fh:
        reader = _Reader(fh, chunk or CHUNK_BYTES, lenient_bytes)
        first = reader.skip(" \t\r\n")
        if first == "{" and objects:
            yield _decode_one(reader, decoder, 1, max_item)
            return
        if first != "[":
            raw = reader.buf[reader.pos : reader.pos + 200]
            if first is None and not objects:
                error, kind = (reader.bad_bytes, "bytes") if reader.bad_bytes else ("empty file", "empty")
            elif objects:
                error, kind = "not a JSON array or object", "start"
            else:
                error, kind = f"not a JSON array (starts with {first!r})", "start"
            yield JsonItem(1, reader.line, None, error, raw, kind)
            return
        reader.pos += 1
        n = 0
        while True:
            nxt = reader.skip(" \t\r\n,")
            if nxt is None and reader.bad_bytes:
                yield JsonItem(n + 1, reader.line, None, reader.bad_bytes, "", "bytes")
                return
            if nxt is None or nxt == "]":
                return
            n += 1
            item = _decode_one(reader, decoder, n, max_item)
            yield item
            if item.error:
                return
