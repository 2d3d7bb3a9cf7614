"""Incremental decoding of the items of a top-level JSON array, one item in memory at a time.

The Papers with Code dump is one ~200 MB array of task objects. `iter_items` reads it in chunks and decodes
one top-level item at a time with `json.JSONDecoder.raw_decode`, dropping the text of each item once it is
decoded: memory holds the current item's text and objects, not the file. A document that is a single
object (the format's own example) is one item. Trailing commas ("[1, 2,]", as in that example) are
tolerated: an item that fails to decode at the end of the file is retried with them removed. An item
that is invalid JSON ends the file with an error (its text is read to the end of the file first, since
an incomplete item and an invalid one cannot be told apart before that); so do bytes that are not UTF-8.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from leaderboard.sources.lines import open_binary

CHUNK_BYTES = 1 << 20
_TRAILING_COMMA = re.compile(r'("(?:[^"\\]|\\.)*")|,(\s*[\]}])')


def strip_trailing_commas(text: str) -> str:
    """JSON text with commas before a closing bracket or brace removed (strings left alone)."""
    return _TRAILING_COMMA.sub(lambda m: m.group(1) or m.group(2), text)


@dataclass(frozen=True, slots=True)
class JsonItem:
    """One top-level item: its 1-based number, the line it starts on, and its value or the decoding error."""

    number: int
    line: int
    value: object = None
    error: str | None = None


class _Reader:
    """A growing text buffer over a binary file, decoded as UTF-8 (a byte-order mark is dropped)."""

    def __init__(self, fh) -> None:
        self.fh = fh
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buf = ""
        self.pos = 0
        self.line = 1  # line number at self.pos
        self.eof = False
        self.bytes_read = 0
        self.bad_bytes: str | None = None  # set when the file stops being UTF-8: the text ends there

    def more(self, size: int = CHUNK_BYTES) -> bool:
        """Append at least `size` bytes' worth of text; False at the end of the file (or of its UTF-8 part)."""
        if self.eof:
            return False
        data = self.fh.read(size)
        self.eof = not data
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
                self.line += self.buf[self.pos] == "\n"
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.more():
                return None

    def consume(self, end: int) -> None:
        self.line += self.buf.count("\n", self.pos, end)
        self.buf, self.pos = self.buf[end:], 0


def _decode_one(reader: _Reader, decoder: json.JSONDecoder) -> tuple[object, str | None]:
    """Decode the value at the reader's position, reading more text until it is complete."""
    while True:
        try:
            value, end = decoder.raw_decode(reader.buf, reader.pos)
        except json.JSONDecodeError as exc:
            if reader.more(max(CHUNK_BYTES, len(reader.buf) - reader.pos)):
                continue
            repaired = strip_trailing_commas(reader.buf[reader.pos :])
            try:
                value, end = decoder.raw_decode(repaired)
            except json.JSONDecodeError:
                line = reader.line + reader.buf.count("\n", reader.pos, exc.pos)
                return None, reader.bad_bytes or f"invalid JSON: {exc.msg} (line {line})"
            reader.buf, reader.pos = repaired, 0
        except RecursionError:
            return None, "invalid JSON: nesting too deep"
        reader.consume(end)
        return value, None


def iter_items(path: Path) -> Iterator[JsonItem]:
    """Stream the items of a JSON array file (or the one object of an object file), in order.

    Where the file stops being UTF-8, the items before are yielded and then one item with the error.
    """
    decoder = json.JSONDecoder()
    with open_binary(path) as fh:
        reader = _Reader(fh)
        first = reader.skip(" \t\r\n")
        if first == "{":
            value, error = _decode_one(reader, decoder)
            yield JsonItem(1, 1, value, error)
            return
        if first != "[":
            yield JsonItem(1, reader.line, None, "not a JSON array or object")
            return
        reader.pos += 1
        n = 0
        while True:
            nxt = reader.skip(" \t\r\n,")
            if nxt is None and reader.bad_bytes:
                yield JsonItem(n + 1, reader.line, None, reader.bad_bytes)
                return
            if nxt is None or nxt == "]":
                return
            n += 1
            line = reader.line
            value, error = _decode_one(reader, decoder)
            yield JsonItem(n, line, value, error)
            if error:
                return
