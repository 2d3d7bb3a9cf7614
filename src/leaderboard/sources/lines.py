"""Streaming line reader shared by the text-based formats: bytes in, decoded lines out, bad lines kept."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from leaderboard.models import Rejected
from leaderboard.sources.records import truncate

MAX_LINE_BYTES = 4_000_000


def open_binary(path: Path) -> BinaryIO:
    """Open a file for reading bytes, transparently gunzipping `.gz` files."""
    if path.suffix == ".gz":
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_lines(path: Path, rejects: list[Rejected]) -> Iterator[tuple[int, str]]:
    """Yield (1-based line number, text without the newline) for every line that is valid UTF-8.

    Lines that are not UTF-8, or absurdly long, are appended to `rejects` instead and skipped, so one bad
    line never stops the rest of the file from loading. A UTF-8 byte-order mark on line 1 is dropped.
    """
    with open_binary(path) as fh:
        for lineno, raw in enumerate(fh, start=1):
            if len(raw) > MAX_LINE_BYTES:
                rejects.append(Rejected(str(path), lineno, f"line is {len(raw):,} bytes (limit {MAX_LINE_BYTES:,})"))
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                reason = f"not valid UTF-8 (byte {exc.start}: {raw[exc.start : exc.start + 1]!r})"
                rejects.append(Rejected(str(path), lineno, reason, truncate(raw.decode("utf-8", "replace"))))
                continue
            if lineno == 1 and text.startswith("\ufeff"):
                text = text[1:]
            yield lineno, text.rstrip("\r\n")
