"""The build's fast decoding paths against the forms they replace: squash_ws's ASCII byte passes against
`" ".join(text.split())`, and jsonl.loads (orjson first) against `json.loads`, value for value and error for error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.sources import jsonl
from leaderboard.sources.jsonl import ArxivFilter, decode_line, loads
from leaderboard.sources.records import squash_ws

SETTINGS = settings(max_examples=300, deadline=None)

# Every ASCII whitespace character str.split() knows, runs of spaces, words, and some non-ASCII spaces.
SPACEY = st.lists(
    st.sampled_from([" ", "  ", "   ", "\n", "\n  ", "\t", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f", "a", "Bc", "92.1%"])
    | st.text(max_size=3),
    max_size=30,
).map("".join)


@SETTINGS
@given(SPACEY)
def test_squash_ws_equals_split_and_join(text: str) -> None:
    assert squash_ws(text) == " ".join(text.split())


def test_squash_ws_on_snapshot_shapes() -> None:
    assert squash_ws("  We report\n92.1% on\n  Foo-3.\n") == "We report 92.1% on Foo-3."
    assert squash_ws("A\x1cB\x1f\x1fC\u00a0\u3000D") == "A B C D"  # non-ASCII: split() and join
    assert squash_ws(" \n\t ") == ""


def _outcome(fn, text: str) -> tuple[str, object]:
    try:
        return "ok", repr(fn(text))
    except (ValueError, RecursionError) as exc:
        return "error", str(exc)


BIG = ["123456789012345678901234567890", "-9223372036854775809", "18446744073709551616"]  # orjson: floats
SMALL = ["1", "-0", "0.1", "1e400", "-1e400", "NaN", "Infinity", "-Infinity", "9223372036854775807", "1E5", "2.5e-400"]
STRINGS = ['"x"', '"\\ud800"', '"\\u0000"', '"a\\nb"', '"\\u00e9"', '"\x01"', '"é"', '"2020-01-02"', '" "']
KEYS = ['"id"', '"paper_id"', '"title"', '"abstract"', '"update_date"', '"versions"', '"authors"', '"a"']


def json_values(leaves: list[str]) -> st.SearchStrategy[str]:
    """JSON text (and near-JSON: NaN, bad escapes, control characters) from `leaves`."""
    return st.recursive(
        st.sampled_from(leaves),
        lambda inner: (
            st.lists(inner, max_size=3).map(lambda xs: "[" + ",".join(xs) + "]")
            | st.lists(st.tuples(st.sampled_from(KEYS), inner), max_size=4).map(
                lambda kv: "{" + ",".join(f"{k}:{v}" for k, v in kv) + "}"
            )
        ),
        max_leaves=8,
    )


@SETTINGS
@given(json_values(SMALL + STRINGS + ["true", "null"]), st.sampled_from(["", " ", "\ufeff", "x", "]"]))
def test_loads_agrees_with_json(text: str, extra: str) -> None:
    for t in (text, extra + text, text + extra):
        assert _outcome(loads, t) == _outcome(json.loads, t)


@SETTINGS
@given(json_values(BIG + SMALL + STRINGS), st.sampled_from(['"T"', "7", "[]"]), st.sampled_from(['"A 9.1"', "{}"]))
def test_records_decode_as_with_json(ident: str, title: str, abstract: str) -> None:
    """Integers beyond 64 bits anywhere in a record: the record decodes to the same Paper or Rejected."""
    line = f'{{"id": {ident}, "title": {title}, "abstract": {abstract}, "update_date": "2020-01-02", "x": {ident}}}'
    fast = decode_line(line, "x.jsonl", 4, ArxivFilter(), utf8=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(jsonl, "loads", json.loads)
        assert decode_line(line, "x.jsonl", 4, ArxivFilter(), utf8=True) == fast


def test_loads_keeps_big_integer_ids_and_deep_nesting() -> None:
    assert loads('{"id": 123456789012345678901234567890}') == {"id": 123456789012345678901234567890}
    deep = "[" * 1500 + "]" * 1500  # orjson stops at 1024 levels; json decides
    assert _outcome(loads, deep) == _outcome(json.loads, deep)


@SETTINGS
@given(st.sampled_from(["123456789012345678901234567890", "7", '"x"', "1e400", "NaN", "-9223372036854775809"]))
def test_a_record_decodes_as_before(ident: str) -> None:
    line = '{"id": ' + ident + ', "title": "T", "abstract": "We get 9.1 on X.", "update_date": "2020-01-02"}'
    paper = decode_line(line, "x.jsonl", 4, ArxivFilter(), utf8=True)
    record = json.loads(line)
    if isinstance(record["id"], float):
        assert paper.reason == "field 'id' is a number, not a string or integer"
    else:
        assert paper.paper_id == str(record["id"]) and paper.published == "2020-01-02"
