"""JSON array files are streamed item by item over a sliding window, whatever the window's size.

The line reported is the line where the item starts (the reliability rules, shared with the other readers).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaderboard.models import Paper, Rejected
from leaderboard.sources import jsonl
from leaderboard.sources.jsonl import read_json_array

ITEMS = [
    {"id": "p1", "title": "Ünïcode — title “quoted”", "abstract": 'Brackets ] [ } { and "quotes" and \\ slashes.'},
    {"id": "p2", "title": "Second", "abstract": "Reaches 91.5% accuracy on CIFAR-10.", "date": "2021-03-04"},
    {"id": 3, "title": "Third", "abstract": "emoji 🚀 spans four bytes", "authors": ["A. B.", "C. D."]},
]
SIZES = (1, 2, 3, 7, 64, 1 << 20)


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def summary(items: list[Paper | Rejected]) -> list[tuple]:
    return [
        (x.paper_id, x.title, x.abstract, x.published, x.authors, x.source_line)
        if isinstance(x, Paper)
        else ("rejected", x.line, x.reason)
        for x in items
    ]


@pytest.mark.parametrize("chunk", SIZES)
def test_items_are_the_same_for_every_window_size(tmp_path: Path, chunk: int) -> None:
    body = ",\n".join(json.dumps(i, ensure_ascii=False) for i in ITEMS)
    path = write(tmp_path / "a.json", "\ufeff [\n" + body + "\n]\n")
    got = summary(list(read_json_array(path, chunk=chunk)))
    assert got == [
        ("p1", ITEMS[0]["title"], ITEMS[0]["abstract"], None, None, 2),
        ("p2", "Second", "Reaches 91.5% accuracy on CIFAR-10.", "2021-03-04", None, 3),
        ("3", "Third", "emoji 🚀 spans four bytes", None, "A. B., C. D.", 4),
    ]


@pytest.mark.parametrize("chunk", (1, 5, 1 << 20))
def test_a_number_item_at_a_window_edge_is_read_whole(tmp_path: Path, chunk: int) -> None:
    path = write(tmp_path / "a.json", "[12345.678, 9]")
    got = summary(list(read_json_array(path, chunk=chunk)))
    assert got == [
        ("rejected", 1, "record is a JSON number, not an object"),
        ("rejected", 1, "record is a JSON number, not an object"),
    ]


@pytest.mark.parametrize("chunk", (3, 1 << 20))
def test_an_invalid_item_is_rejected_and_ends_the_array(tmp_path: Path, chunk: int) -> None:
    body = json.dumps(ITEMS[0]) + ', {"id": "p2", "title": oops}, ' + json.dumps(ITEMS[1])
    got = summary(list(read_json_array(write(tmp_path / "a.json", f"[{body}]"), chunk=chunk)))
    assert got[0][0] == "p1"
    assert got[1][:2] == ("rejected", 1)
    assert got[1][2].startswith("invalid JSON in array item: Expecting value at line 1 column ")
    assert got[1][2].endswith("; rest of the file not read")
    assert len(got) == 2


@pytest.mark.parametrize("chunk", (4, 1 << 20))
def test_a_truncated_file_keeps_the_items_before(tmp_path: Path, chunk: int) -> None:
    text = "[" + json.dumps(ITEMS[1]) + ", " + json.dumps(ITEMS[0])[:30]
    got = summary(list(read_json_array(write(tmp_path / "a.json", text), chunk=chunk)))
    assert got[0][0] == "p2"
    assert got[1][:2] == ("rejected", 1)
    assert "Unterminated string" in got[1][2]


def test_not_an_array(tmp_path: Path) -> None:
    got = summary(list(read_json_array(write(tmp_path / "a.json", '  "just a string"'))))
    assert got == [("rejected", 1, "not a JSON array (starts with '\"')")]


def test_bad_utf8_spoils_only_its_item(tmp_path: Path) -> None:
    good = json.dumps(ITEMS[1]).encode()
    data = b"[" + good + b',\n{"title": "bad \xff"},\n' + good.replace(b'"p2"', b'"p3"') + b"]"
    got = summary(list(read_json_array(write(tmp_path / "a.json", data), chunk=8)))
    assert got[0][0] == "p2"
    assert got[1] == ("rejected", 2, "not valid UTF-8")
    assert got[2][0] == "p3"


def test_an_item_larger_than_the_limit_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_ARRAY_ITEM_CHARS", 100)
    big = {"id": "big", "title": "Big", "abstract": "x" * 500}
    text = "[" + json.dumps(ITEMS[1]) + ", " + json.dumps(big) + "]"
    got = summary(list(read_json_array(write(tmp_path / "a.json", text), chunk=16)))
    assert got[0][0] == "p2"
    assert got[1] == ("rejected", 1, "array item larger than 100 characters (or unterminated)")


def test_empty_array(tmp_path: Path) -> None:
    assert list(read_json_array(write(tmp_path / "a.json", "[ ]"), chunk=1)) == []
