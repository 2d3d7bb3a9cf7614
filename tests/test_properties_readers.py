"""Property tests: arbitrary bytes or text never crash a reader or the extractor, and every offset points at
the text (line numbers at the record's line, result offsets at the number's surface text)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.models import Paper, Rejected
from leaderboard.sources.csv_papers import read_papers_csv
from leaderboard.sources.jsonl import ArxivFilter, decode_line, read_json_array, read_jsonl
from leaderboard.sources.listing import read_listing
from leaderboard.sources.records import json_escapes, squash_ws

# LB_FUZZ_EXAMPLES=2000 for a deeper run than CI's.
EXAMPLES = int(os.environ.get("LB_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like the real thing often enough to reach deep code paths, and arbitrary text otherwise.
WORDS = ["92.3%", "FID", "of", "2.20", "on", "ImageNet", "CIFAR-10", "top-1 accuracy", "±", "0.2", "to", "x",
         "BLEU", "+3.1", "points", "1,024", "2021", ".", ". ", "\n", "\\%", "$2.20$", "e.g.", "We", "(", ")",
         "−1.5", "3×", "mAP", "COCO", "improves by", "from 10 to 20", " ", "\t", "\u00a0", "%"]  # fmt: skip
TEXTISH = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40).map(" ".join),
)
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXTISH,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
RECORD = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=20), st.integers(), JSONISH),
        "title": st.one_of(TEXTISH, JSONISH),
        "abstract": st.one_of(TEXTISH, JSONISH),
        "date": st.one_of(st.text(max_size=12), st.dates().map(str)),
        "authors": JSONISH,
        "categories": st.one_of(st.sampled_from(["cs.CL", "cs.LG cs.CV", ""]), JSONISH),
        "versions": st.one_of(
            st.lists(st.fixed_dictionaries({"created": st.one_of(TEXTISH, JSONISH)}), max_size=2), JSONISH
        ),
        "update_date": st.one_of(st.text(max_size=12), JSONISH),
    },
)


def read_file(reader: Callable[[Path], Iterator], data: bytes, name: str) -> tuple[list, list[bytes], str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(reader(path))
    return items, data.split(b"\n"), str(path)


def storable(text: str) -> bool:
    """Text DuckDB (through Arrow) can store: it must encode as UTF-8, so no lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_items(items: list, lines: list[bytes], source: str) -> list[Paper]:
    """What every reader promises for any input; returns the papers."""
    for item in items:
        assert isinstance(item, Paper | Rejected)
        if isinstance(item, Rejected):
            assert item.source_file == source
            assert item.reason
            assert item.line is None or 1 <= item.line <= len(lines)
            assert item.raw is None or storable(item.raw)
        else:
            assert item.source_file == source
            assert 1 <= item.source_line <= len(lines)
            assert item.title.strip() and item.abstract.strip()
            for value in (item.paper_id, item.title, item.abstract, item.url, item.authors, item.categories):
                assert value is None or ("\x00" not in value and storable(value))
    return [i for i in items if isinstance(i, Paper)]


def line_text(lines: list[bytes], n: int) -> str:
    return lines[n - 1].decode("utf-8").removeprefix("\ufeff")


@SETTINGS
@given(st.binary(max_size=2_000))
@pytest.mark.parametrize(
    ("reader", "name"),
    [(read_jsonl, "x.jsonl"), (read_json_array, "x.json"), (read_papers_csv, "x.csv"), (read_listing, "x.txt")],
)
def test_arbitrary_bytes_never_crash_a_reader(reader, name, data: bytes) -> None:
    check_items(*read_file(reader, data, name))


@SETTINGS
@given(st.lists(st.one_of(RECORD.map(json.dumps), JSONISH.map(json.dumps), TEXTISH, st.binary(max_size=40))))
def test_jsonl_and_arxiv_records(lines: list) -> None:
    data = b"\n".join(x if isinstance(x, bytes) else x.encode("utf-8", "surrogatepass") for x in lines)
    items, raw_lines, source = read_file(read_jsonl, data, "x.jsonl")
    papers = check_items(items, raw_lines, source)
    for p in papers:  # the line holds the record the paper came from
        record = json.loads(line_text(raw_lines, p.source_line))
        assert squash_ws(record["title"]) == p.title
    texts = [ln.decode("utf-8", "replace") for ln in raw_lines]
    blank = [x for i, x in enumerate(texts) if not (x.removeprefix("\ufeff") if i == 0 else x).strip()]
    assert len(items) == len(raw_lines) - len(blank)  # one item (paper or rejection) per non-blank line


@SETTINGS
@given(RECORD, st.booleans(), st.booleans())
def test_utf8_lines_without_escapes_skip_the_nul_and_surrogate_search(record: dict, ascii_: bool, nul: bool) -> None:
    """decode_line(utf8=True) searches strings for NULs and lone surrogates only when the line has a \\u
    escape; its Paper or Rejected is the same as the fully checked one's, escapes or none."""
    if nul:
        record = {**record, "abstract": f"{record.get('abstract')}\x00"}
    text = json.dumps(record, ensure_ascii=ascii_)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate written raw: not a line block_lines can yield
        return
    fast = decode_line(text, "x.jsonl", 3, ArxivFilter(), utf8=True)
    assert fast == decode_line(text, "x.jsonl", 3, ArxivFilter())
    assert ("\\u" in text) == json_escapes(text)


def test_a_nul_or_surrogate_escape_is_still_found_on_the_fast_path() -> None:
    for escape, reason in (("\\u0000", "contains a NUL byte"), ("\\ud83d", "lone surrogate")):
        text = '{"id": "2101.0001", "title": "T", "abstract": "a' + escape + 'b", "update_date": "2021-01-01"}'
        out = decode_line(text, "x.jsonl", 7, ArxivFilter(), utf8=True)
        assert isinstance(out, Rejected) and reason in out.reason and out.line == 7
    text = '{"id": "2101.0001", "title": "T", "authors": "A\\ud83d", "abstract": "ab", "update_date": "2021-01-01"}'
    out = decode_line(text, "x.jsonl", 7, ArxivFilter(), utf8=True)
    assert isinstance(out, Paper) and out.authors == "A\ufffd"


@SETTINGS
@given(st.lists(st.one_of(RECORD, JSONISH), max_size=8), st.sampled_from([",", ",\n", " ,\n\n "]))
def test_json_array_records(values: list, sep: str) -> None:
    data = ("[\n" + sep.join(json.dumps(v, indent=1) for v in values) + "\n]").encode("utf-8", "surrogatepass")
    items, raw_lines, source = read_file(read_json_array, data, "x.json")
    papers = check_items(items, raw_lines, source)
    assert len(items) == len(values)
    text = data.decode("utf-8", "surrogatepass")
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    ends = [*starts[1:], len(text)]
    for p in papers:  # an item that starts on the line reported is the paper's record
        line_start, line_end = starts[p.source_line - 1], ends[p.source_line - 1]
        titles = []
        for i in range(line_start, line_end):
            if text[i] == "{":
                record, _ = json.JSONDecoder().raw_decode(text, i)
                titles.append(squash_ws(record["title"]) if isinstance(record.get("title"), str) else None)
        assert p.title in titles


CSV_CELL = st.one_of(TEXTISH, st.sampled_from(["", "\n", '"', "a,b", "x\r\ny"]))


def titles_starting_on_line(rest: str) -> list[str]:
    """The titles of the CSV records that start on the first line of `rest` (a bare CR can split one line)."""
    handed = [0]  # newlines in the text handed to the csv reader so far (it never reads ahead)

    def feed():
        for line in io.StringIO(rest, newline=""):
            handed[0] += line.count("\n")
            yield line

    reader, titles = csv.reader(feed()), []
    while handed[0] == 0:
        row = next(reader, None)
        if row is None:
            break
        if len(row) >= 2:
            titles.append(squash_ws(row[1]))
    return titles


@SETTINGS
@given(st.lists(st.tuples(st.text(max_size=6), CSV_CELL, CSV_CELL), max_size=8), st.booleans())
def test_csv_records(rows: list, blank_lines: bool) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "title", "abstract"])
    for row in rows:
        writer.writerow(row)
        if blank_lines:
            out.write("\n")
    data = out.getvalue().encode("utf-8", "surrogatepass")
    items, raw_lines, source = read_file(read_papers_csv, data, "x.csv")
    papers = check_items(items, raw_lines, source)
    text = data.decode("utf-8", "surrogatepass")
    starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
    for p in papers:  # parsing from the reported line gives the paper's own row
        assert p.title in titles_starting_on_line(text[starts[p.source_line - 1] :])


@SETTINGS
@given(st.lists(st.one_of(TEXTISH, st.sampled_from(["", "", "Title", "x" * 130 + ". End."])), max_size=12))
def test_listing_blocks(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    items, raw_lines, source = read_file(read_listing, data, "x.txt")
    for p in check_items(items, raw_lines, source):  # the title starts on the reported line
        assert p.title.startswith(line_text(raw_lines, p.source_line).strip())


EXTRACTOR = Extractor.default()


@SETTINGS
@given(TEXTISH, TEXTISH)
def test_extractor_offsets_point_at_the_text(title: str, abstract: str) -> None:
    paper = Paper(paper_id="p", title=title, abstract=abstract)
    for r in EXTRACTOR.extract(paper):
        assert abstract[r.value_start : r.value_end] == r.value_text
        assert abstract[r.sentence_start : r.sentence_start + len(r.evidence)] == r.evidence
        assert r.sentence_start <= r.value_start < r.value_end <= r.sentence_start + len(r.evidence)
        if r.benchmark_start is not None:
            assert abstract[r.benchmark_start : r.benchmark_end] == r.benchmark_raw
        if r.metric_start is not None:
            assert abstract[r.metric_start : r.metric_end] == r.metric_raw
