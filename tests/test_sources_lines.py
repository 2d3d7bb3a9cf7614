"""Reading files as blocks of whole lines: boundaries, line numbers, over-long lines, bytes read, .gz."""

from __future__ import annotations

import gzip
from pathlib import Path

from leaderboard.models import Rejected
from leaderboard.sources.lines import block_lines, read_blocks, read_lines


def lines_of(path: Path, size: int, max_line: int = 4_000_000) -> tuple[list[tuple[int, str]], list[Rejected]]:
    rejects: list[Rejected] = []
    out = []
    for block in read_blocks(path, size=size, max_line=max_line):
        out.extend(block_lines(block, rejects, max_line=max_line))
    return out, rejects


def test_blocks_end_on_line_breaks_whatever_the_read_size(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    text = "".join(f"line {i} " + "x" * (i % 7) + "\n" for i in range(1, 101))
    path.write_text(text + "last without newline", encoding="utf-8")
    expected = [(i, f"line {i} " + "x" * (i % 7)) for i in range(1, 101)] + [(101, "last without newline")]
    for size in (1, 5, 13, 64, 1 << 20):
        blocks = list(read_blocks(path, size=size))
        assert all(b.data.endswith(b"\n") for b in blocks[:-1])
        assert sum(b.nbytes for b in blocks) == path.stat().st_size
        assert lines_of(path, size) == (expected, [])


def test_first_line_numbers_follow_the_blocks(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("a\nb\nc\nd\ne\n", encoding="utf-8")
    assert [(b.first_line, b.data) for b in read_blocks(path, size=4)] == [
        (1, b"a\nb\n"),
        (3, b"c\nd\n"),
        (5, b"e\n"),
    ]


LONG = [(2, "line is 50 bytes (limit 20)"), (4, "line is 40 bytes (limit 20)")]


def test_over_long_lines_are_reported_not_held(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"ok 1\n" + b"y" * 50 + b"\nok 3\n" + b"z" * 40)
    out, rejects = lines_of(path, size=8, max_line=20)
    assert out == [(1, "ok 1"), (3, "ok 3")]
    assert [(r.line, r.reason) for r in rejects] == LONG
    # a long line that arrives inside one read is caught when the block is split into lines
    out, rejects = lines_of(path, size=1 << 20, max_line=20)
    assert out == [(1, "ok 1"), (3, "ok 3")]
    assert [(r.line, r.reason) for r in rejects] == LONG


def test_bom_crlf_and_bad_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbffirst\r\nsecond\r\n\xc3(bad\r\nfourth\n")
    rejects: list[Rejected] = []
    assert list(read_lines(path, rejects)) == [(1, "first"), (2, "second"), (4, "fourth")]
    assert [(r.line, r.reason) for r in rejects] == [(3, "not valid UTF-8 (byte 0: b'\\xc3')")]


def test_gz_blocks_count_compressed_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(b"".join(b"record %d\n" % i for i in range(5000)))
    blocks = list(read_blocks(path, size=4096))
    assert len(blocks) > 3
    assert sum(b.nbytes for b in blocks) == path.stat().st_size
    rejects: list[Rejected] = []
    lines = [line for b in blocks for line in block_lines(b, rejects)]
    assert lines[0] == (1, "record 0") and lines[-1] == (5000, "record 4999") and len(lines) == 5000


def test_empty_file_reads_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    assert lines_of(path, size=16) == ([], [])
