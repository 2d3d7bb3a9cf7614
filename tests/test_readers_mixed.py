"""A mixed good/bad file of each format loads every good record and keeps every bad one with its reason."""

from __future__ import annotations

import json
from pathlib import Path

from leaderboard.models import Paper, Rejected
from leaderboard.sources import read_sources
from leaderboard.sources.csv_papers import read_papers_csv
from leaderboard.sources.jsonl import read_json_array, read_jsonl
from leaderboard.sources.listing import read_listing
from tests.helpers import ABSTRACT, good_record

BIG = "a" * 1_000_000


def split(items) -> tuple[list[Paper], list[tuple[int | None, str]]]:
    items = list(items)
    papers = [i for i in items if isinstance(i, Paper)]
    rejected = [(i.line, i.reason) for i in items if isinstance(i, Rejected)]
    assert len(papers) + len(rejected) == len(items)
    return papers, rejected


MIXED_JSONL = [
    json.dumps(good_record(0)).encode(),
    b'{"id": "bad1", "title": "x", "abstract": ',
    b'{"id": "b2", "title": "caf\xe9", "abstract": "text"}',
    b'{"id": "b3", "abstract": "text"}',
    b'{"id": "b4", "title": 42, "abstract": "text"}',
    b"[1, 2]",
    b"{}",
    b'{"id": "b8", "title": "T", "abstract": "a\\u0000b"}',
    json.dumps({"id": "b9", "title": "T", "abstract": BIG}).encode(),
    b"[" * 100_000 + b"]" * 100_000,
    b"",
    json.dumps(good_record(1)).encode(),
    b'"just a string"',
    b'{"id": "b14", "title": "T", "abstract": "\\ud800"}',
    b'{"id": 1.5, "title": "T", "abstract": "text"}',
    b'{"id": "b16", "title": "a\x00b", "abstract": "text"}',
    b'{"id": "b17", "title": "  ", "abstract": "text"}',
    b'{"id": "p00002", "title": "T", "abstract": "text", "date": "2020-02-31"}',
    b"\xff\xfe garbage",
]

MIXED_JSONL_REJECTED = [
    (2, "invalid JSON: Expecting value at column 42"),
    (3, "not valid UTF-8 (byte 26: b'\\xe9')"),
    (4, "missing or empty 'title'"),
    (5, "field 'title' is a number, not a string"),
    (6, "record is a JSON array, not an object"),
    (7, "missing or empty 'title'"),
    (8, "field 'abstract' contains a NUL byte"),
    (9, "field 'abstract' is 1,000,000 characters (limit 100,000)"),
    (10, "invalid JSON: nesting too deep"),
    (13, "record is a JSON string, not an object"),
    (14, "field 'abstract' is not valid Unicode (lone surrogate)"),
    (15, "field 'id' is a number, not a string or integer"),
    (16, "invalid JSON: Invalid control character at column 26"),
    (17, "missing or empty 'title'"),
    (19, "not valid UTF-8 (byte 0: b'\\xff')"),
]


def write_mixed_jsonl(path: Path) -> Path:
    path.write_bytes(b"\n".join(MIXED_JSONL) + b"\n")
    return path


def test_jsonl_mixed(tmp_path: Path) -> None:
    papers, rejected = split(read_jsonl(write_mixed_jsonl(tmp_path / "mixed.jsonl")))
    assert [(p.paper_id, p.source_line) for p in papers] == [("p00000", 1), ("p00001", 12), ("p00002", 18)]
    assert papers[2].published is None  # an impossible date is dropped, not fatal
    assert rejected == MIXED_JSONL_REJECTED


def csv_quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def write_mixed_csv(path: Path) -> Path:
    good = [good_record(i) for i in range(3)]
    rows = [
        b"id,title,abstract",  # 1
        f"{good[0]['id']},{good[0]['title']},{csv_quote(good[0]['abstract'])}".encode(),  # 2
        b"b2,caf\xe9,text",  # 3
        b"b3,,text",  # 4
        b"b4,T,",  # 5
        b"b5,T,text,extra",  # 6
        b"b6,T",  # 7
        b"",  # 8: blank, skipped
        b'b7,T,"a\x00b"',  # 9
        f"b8,T,{BIG}".encode(),  # 10
        f'{good[1]["id"]},"Multi\nline title",{csv_quote(good[1]["abstract"])}'.encode(),  # 11-12
        b"b9,T\x00,text",  # 13
        f"{good[2]['id']},{good[2]['title']},{csv_quote(good[2]['abstract'])}".encode(),  # 14
    ]
    path.write_bytes(b"\n".join(rows) + b"\n")
    return path


MIXED_CSV_REJECTED = [
    (3, "not valid UTF-8"),
    (4, "missing or empty 'title'"),
    (5, "missing or empty 'abstract'"),
    (6, "row has more fields than the header"),
    (7, "missing or empty 'abstract'"),
    (9, "field 'abstract' contains a NUL byte"),
    (10, "field 'abstract' is 1,000,000 characters (limit 100,000)"),
    (13, "field 'title' contains a NUL byte"),
]


def test_csv_mixed(tmp_path: Path) -> None:
    papers, rejected = split(read_papers_csv(write_mixed_csv(tmp_path / "mixed.csv")))
    assert [(p.paper_id, p.source_line, p.title) for p in papers] == [
        ("p00000", 2, "Net0: A Paper Number 0"),
        ("p00001", 11, "Multi line title"),
        ("p00002", 14, "Net2: A Paper Number 2"),
    ]
    assert rejected == MIXED_CSV_REJECTED


def test_csv_without_the_columns_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name,text\na,b\n", encoding="utf-8")
    assert split(read_papers_csv(path)) == ([], [(1, "CSV header lacks title/abstract columns: [name, text]")])
    path.write_text("", encoding="utf-8")
    assert split(read_papers_csv(path)) == ([], [(None, "empty CSV file (no header)")])


def abstract_text(i: int) -> str:
    return ABSTRACT.format(acc=f"8{i}.5", fid=f"3.{i}")


def write_mixed_listing(path: Path) -> Path:
    blocks = [
        b"new",  # 1
        b"Subscribe",  # 3
        b"Title A",  # 5
        abstract_text(1).encode(),  # 7
        b"Title B caf\xe9",  # 9: bad title line, takes its abstract with it
        abstract_text(2).encode(),  # 11
        b"Title C",  # 13
        abstract_text(3).encode()[:40] + b"\xff" + abstract_text(3).encode()[40:],  # 15: bad abstract line
        b"Title D with no abstract",  # 17
        b"Title E",  # 19
        abstract_text(5).replace("simple", "simple\x00").encode(),  # 21
        b"Title F",  # 23
        abstract_text(6).encode() + b"\n" + b"A second line of the same paragraph.",  # 25-26
        b"Title G",  # 28
        (BIG + ". End.").encode(),  # 30
        b"Title H",  # 32
        abstract_text(8).encode(),  # 34
    ]
    path.write_bytes(b"\n\n".join(blocks) + b"\n")
    return path


def test_listing_mixed(tmp_path: Path) -> None:
    papers, rejected = split(read_listing(write_mixed_listing(tmp_path / "mixed.txt")))
    assert [(p.title, p.source_line) for p in papers] == [("Title A", 5), ("Title F", 23), ("Title H", 32)]
    assert papers[1].abstract.endswith("Code is available. A second line of the same paragraph.")
    assert rejected == [
        (9, "not valid UTF-8 (byte 11: b'\\xe9')"),
        (15, "not valid UTF-8 (byte 40: b'\\xff')"),
        (17, "title line with no abstract paragraph after it"),
        (19, "field 'abstract' contains a NUL byte"),
        (28, "field 'abstract' is 1,000,006 characters (limit 100,000)"),
    ]


def test_json_array_mixed(tmp_path: Path) -> None:
    good = [json.dumps(good_record(i)).encode() for i in range(3)]
    path = tmp_path / "mixed.json"
    path.write_bytes(
        b"[\n"
        + b",\n".join(
            [
                good[0],  # 2
                b'{"id": "b", "title": "caf\xe9", "abstract": "text"}',  # 3
                b'{"title": 5, "abstract": "x"}',  # 4
                b'"a string"',  # 5
                good[1],  # 6
                b'{"id": "n", "title": "T", "abstract": "' + b"x" * 200_000 + b'"}',  # 7
            ]
        )
        + b",\n"
        + good[2]  # 8
        + b"\n]\n"
    )
    papers, rejected = split(read_json_array(path))
    assert [(p.paper_id, p.source_line) for p in papers] == [("p00000", 2), ("p00001", 6), ("p00002", 8)]
    assert rejected == [
        (3, "not valid UTF-8"),
        (4, "field 'title' is a number, not a string"),
        (5, "record is a JSON string, not an object"),
        (7, "field 'abstract' is 200,000 characters (limit 100,000)"),
    ]


def test_json_array_syntax_error_keeps_what_came_before(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text(f'[\n{json.dumps(good_record(0))},\n{{"id": }},\n{json.dumps(good_record(1))}\n]', encoding="utf-8")
    papers, rejected = split(read_json_array(path))
    assert [p.paper_id for p in papers] == ["p00000"]
    assert rejected == [
        (3, "invalid JSON in array item: Expecting value at line 3 column 8; rest of the file not read")
    ]
    path.write_text('{"id": "x"}', encoding="utf-8")
    assert split(read_json_array(path)) == ([], [(1, "not a JSON array (starts with '{')")])


def test_unreadable_files_are_rejected_not_fatal(tmp_path: Path) -> None:
    good = write_mixed_jsonl(tmp_path / "a.jsonl")
    corrupt = tmp_path / "b.jsonl.gz"
    corrupt.write_bytes(b"\x1f\x8b\x08\x00 this is not gzip data")
    items = list(read_sources([good, corrupt]))
    papers, rejected = split(items)
    assert len(papers) == 3
    assert rejected[-1][0] is None
    assert rejected[-1][1].startswith("cannot read file: ")
    assert [i.source_file for i in items if isinstance(i, Rejected)][-1] == str(corrupt)
