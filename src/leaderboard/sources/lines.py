"""Streaming line reader shared by the text-based formats: bytes in, decoded lines out, bad lines kept.

Files are read in blocks of whole lines (`read_blocks`), so a block can be handed to another process and
decoded there (`block_lines`); `read_lines` is the same two steps in one process.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from leaderboard.models import Rejected
from leaderboard.sources.records import truncate

MAX_LINE_BYTES = 4_000_000
BLOCK_BYTES = 1 << 20


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading bytes, transparently gunzipping `.gz` files."""
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


@dataclass(frozen=True, slots=True)
class LineBlock:
    """Whole lines of a file: `data` starts at line `first_line` (1-based); `nbytes` of the file read for it.

    `nbytes` counts bytes on disk (compressed bytes for a .gz file), so progress can be measured against the
    file's size. `too_long` lists the lines before `first_line` that were dropped for exceeding the line limit,
    as (line number, length without the newline).
    """

    source: str
    first_line: int
    data: bytes
    nbytes: int = 0
    too_long: tuple[tuple[int, int], ...] = ()


class _Tell:
    """Bytes consumed from the file on disk, for a plain or gzipped file."""

    def __init__(self, path: Path) -> None:
        self.raw = path.open("rb")
        self.fh: BinaryIO = gzip.GzipFile(fileobj=self.raw) if path.suffix == ".gz" else self.raw  # type: ignore

    def position(self) -> int:
        return self.raw.tell()

    def close(self) -> None:
        self.fh.close()
        self.raw.close()


def read_blocks(path: Path, size: int = BLOCK_BYTES, max_line: int = MAX_LINE_BYTES) -> Iterator[LineBlock]:
    """Stream a file as blocks of about `size` bytes that end on a line break (the last one may not).

    Memory stays bounded: a line longer than `max_line` is skipped while it is read and only reported.
    """
    source = str(path)
    reader = _Tell(path)
    try:
        line, pos = 1, 0
        parts: list[bytes] = []  # the start of an unfinished line
        held = 0  # bytes in parts
        skipping = 0  # > 0 while discarding an over-long line: its length so far
        too_long: list[tuple[int, int]] = []
        while True:
            data = reader.fh.read(size)
            if not data:
                break
            if skipping:
                cut = data.find(b"\n")
                if cut < 0:
                    skipping += len(data)
                    continue
                too_long.append((line, skipping + cut))
                line, skipping, data = line + 1, 0, data[cut + 1 :]
            cut = data.rfind(b"\n")
            if cut < 0:
                parts.append(data)
                held += len(data)
                if held > max_line:
                    skipping, parts, held = held, [], 0
                continue
            block = b"".join([*parts, data[: cut + 1]]) if parts else data[: cut + 1]
            parts, held = ([data[cut + 1 :]], len(data) - cut - 1) if cut + 1 < len(data) else ([], 0)
            now = reader.position()
            yield LineBlock(source, line, block, now - pos, tuple(too_long))
            line += block.count(b"\n")
            pos, too_long = now, []
        if skipping:
            too_long.append((line, skipping))
        tail = b"".join(parts)
        end = reader.position()
        if tail or too_long or end > pos:
            yield LineBlock(source, line, tail, end - pos, tuple(too_long))
    finally:
        reader.close()


def block_lines(block: LineBlock, rejects: list[Rejected], max_line: int = MAX_LINE_BYTES) -> Iterator[tuple[int, str]]:
    """Yield (line number, text without the newline) for each line of a block that is valid UTF-8.

    Lines that are not UTF-8, or absurdly long, are appended to `rejects` instead and skipped, so one bad
    line never stops the rest of the file from loading. A UTF-8 byte-order mark on line 1 is dropped.
    """
    for n, length in block.too_long:  # lines dropped while reading; they come before the block's lines
        rejects.append(Rejected(block.source, n, _too_long(length, max_line)))
    raws = block.data.split(b"\n")
    if raws and raws[-1] == b"":
        raws.pop()
    lineno = block.first_line
    for raw in raws:
        if len(raw) > max_line:
            rejects.append(Rejected(block.source, lineno, _too_long(len(raw), max_line)))
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                reason = f"not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})"
                rejects.append(Rejected(block.source, lineno, reason, truncate(raw.decode("utf-8", "replace"))))
            else:
                if lineno == 1 and text.startswith("\ufeff"):
                    text = text[1:]
                yield lineno, text.rstrip("\r")
        lineno += 1


def _too_long(length: int, limit: int) -> str:
    return f"line is {length:,} bytes (limit {limit:,})"


def read_lines(path: Path, rejects: list[Rejected]) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, text without the newline) for every line that is valid UTF-8 (see block_lines)."""
    for block in read_blocks(path):
        yield from block_lines(block, rejects)


def file_size(path: Path) -> int:
    """Size on disk (0 when it cannot be read), for progress against bytes read."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0
