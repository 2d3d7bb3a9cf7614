"""Incremental decoding of top-level JSON array items (the Papers with Code dump is one ~200 MB array)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaderboard.models import Rejected, Result
from leaderboard.sources import jsonstream
from leaderboard.sources.jsonstream import JsonItem, iter_items, strip_trailing_commas
from leaderboard.sources.pwc import read_pwc

PWC = Path(__file__).parent / "data" / "pwc"


def test_small_chunks_give_the_same_items(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = json.loads((PWC / "nlp-progress.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(jsonstream, "CHUNK_BYTES", 97)  # forces many partial reads inside every item
    items = list(iter_items(PWC / "nlp-progress.json"))
    assert [i.value for i in items] == expected
    assert [i.number for i in items] == list(range(1, 31))
    assert items[0].line == 2 and all(i.error is None for i in items)


def test_items_are_yielded_before_the_file_is_read_to_the_end(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text("[" + ",\n".join(json.dumps({"task": f"t{i}", "pad": "x" * 5000}) for i in range(2000)) + "]")
    stream = iter_items(path)
    first = next(stream)
    assert first.value["task"] == "t0"
    frame = stream.gi_frame
    reader = frame.f_locals["reader"]
    assert not reader.eof and len(reader.buf) < 2 * jsonstream.CHUNK_BYTES  # not the whole 10 MB file


def test_an_invalid_item_ends_the_file_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n {"task": "a"},\n {"task": "b" "c"},\n {"task": "d"}\n]\n')
    items = list(iter_items(path))
    assert items[0] == JsonItem(1, 2, {"task": "a"}, None)
    assert items[1].number == 2 and items[1].line == 3 and items[1].value is None
    assert items[1].error == "invalid JSON: Expecting ',' delimiter (line 3)"
    assert len(items) == 2


def test_trailing_commas_and_a_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"task": "a", "datasets": [{"dataset": "x, y",},],}')
    assert list(iter_items(path)) == [JsonItem(1, 1, {"task": "a", "datasets": [{"dataset": "x, y"}]}, None)]
    assert strip_trailing_commas('{"a": ",}", "b": [1,2,],}') == '{"a": ",}", "b": [1,2]}'


def test_empty_and_non_json(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text("[ ]")
    (tmp_path / "text.json").write_text("hello")
    assert list(iter_items(tmp_path / "empty.json")) == []
    assert list(iter_items(tmp_path / "text.json")) == [JsonItem(1, 1, None, "not a JSON array or object")]


def test_pwc_reader_reports_bad_tasks_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "tasks.json"
    task = {
        "task": "QA",
        "datasets": [{"dataset": "D", "sota": {"rows": [{"model_name": "M", "metrics": {"F1": "1"}}]}}],
    }
    path.write_bytes(("[" + json.dumps(task) + ', 7, {"task": "X", "datasets": "nope"}, ').encode() + b'"\xff"]')
    items = list(read_pwc(path))
    assert [type(i).__name__ for i in items] == ["Result", "ResultExtra", "Rejected", "Rejected", "Rejected"]
    assert isinstance(items[0], Result) and items[0].value == 1.0
    reasons = [i.reason for i in items if isinstance(i, Rejected)]
    assert reasons == [
        "task 2 (line 1): a JSON int, not a task object",
        "X: 'datasets' is a JSON str, not a list",
        f"task 4 (line 1): not valid UTF-8 at byte {len(path.read_bytes()) - 3}; the rest of the file was not read",
    ]


def test_forcing_pwc_on_paper_records_rejects_them(tmp_path: Path) -> None:
    path = tmp_path / "papers.json"
    path.write_text(json.dumps([{"id": "1", "title": "T", "abstract": "A"}]))
    assert [r.reason for r in read_pwc(path)] == [
        "task 1 (line 1): not a task object (no task, datasets or subtasks; keys: abstract, id, title)"
    ]
