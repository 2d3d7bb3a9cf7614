"""The arXiv metadata snapshot reader: the snapshot's field quirks, the filters, .gz input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from leaderboard.models import Paper, Rejected
from leaderboard.sources import ArxivFilter, detect_format, read_sources
from leaderboard.sources.jsonl import decode_line, read_jsonl

ML = {
    "id": "2106.01234",
    "submitter": "Ada Lovelace",
    "authors": "A. Lovelace, C. Babbage and G. Hopper",
    "title": "TinyNet: A Very Small Network for\n  Image Classification",
    "comments": "12 pages, 4 figures",
    "journal-ref": None,
    "doi": None,
    "categories": "cs.CV cs.LG",
    "license": None,
    "abstract": "  We present TinyNet, a small network.\nIt reaches 91.2% top-1 accuracy on\nImageNet with 1M "
    "parameters.\n",
    "versions": [
        {"version": "v1", "created": "Wed, 2 Jun 2021 17:59:59 GMT"},
        {"version": "v2", "created": "Mon, 14 Mar 2022 09:00:00 GMT"},
    ],
    "update_date": "2022-03-15",
    "authors_parsed": [["Lovelace", "A.", ""], ["Babbage", "C.", ""], ["Hopper", "G.", ""]],
}
PHYSICS = {
    **ML,
    "id": "hep-th/9901001",
    "title": "Strings",
    "categories": "hep-th",
    "versions": [{"version": "v1", "created": "Fri, 1 Jan 1999 10:00:00 GMT"}],
    "update_date": "2008-11-13",
}
NO_VERSIONS = {**ML, "id": "1501.00002", "categories": "cs.CL"}
del NO_VERSIONS["versions"]
OLD_CL = {**ML, "id": "1501.00003", "categories": "cs.CL", "versions": [{"created": "Thu, 1 Jan 2015 10:00:00 GMT"}]}


def write_jsonl(path: Path, records: list[object], gz: bool = False) -> Path:
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def papers(path: Path, filt: ArxivFilter | None = None) -> list[Paper]:
    out = list(read_jsonl(path, filt))
    assert all(isinstance(p, Paper) for p in out), out
    return out  # type: ignore[return-value]


def test_multiline_title_and_abstract_are_normalised(tmp_path: Path) -> None:
    [p] = papers(write_jsonl(tmp_path / "a.json", [ML]))
    assert p.title == "TinyNet: A Very Small Network for Image Classification"
    assert p.abstract == (
        "We present TinyNet, a small network. It reaches 91.2% top-1 accuracy on ImageNet with 1M parameters."
    )
    assert p.paper_id == "2106.01234"
    assert p.url == "https://arxiv.org/abs/2106.01234"
    assert p.authors == "A. Lovelace, C. Babbage and G. Hopper"
    assert p.categories == "cs.CV cs.LG"
    assert (p.source_file, p.source_line) == (str(tmp_path / "a.json"), 1)


def test_date_is_the_first_versions_created_day(tmp_path: Path) -> None:
    [p] = papers(write_jsonl(tmp_path / "a.jsonl", [ML]))
    assert p.published == "2021-06-02"  # v1, not v2 and not update_date


def test_missing_versions_fall_back_to_update_date(tmp_path: Path) -> None:
    [p] = papers(write_jsonl(tmp_path / "a.jsonl", [NO_VERSIONS]))
    assert p.published == "2022-03-15"


@pytest.mark.parametrize(
    ("created", "expected"),
    [
        ("Wed, 2 Jun 2021 17:59:59 GMT", "2021-06-02"),  # the snapshot's format (fast path)
        ("2 Jun 2021 17:59:59 +0200", "2021-06-02"),  # other RFC 2822 spellings (email.utils)
        ("Wed, 31 Feb 2021 10:00:00 GMT", "2022-03-15"),  # impossible day: update_date
        ("not a date", "2022-03-15"),
        ("", "2022-03-15"),
    ],
)
def test_versions_created_dates(tmp_path: Path, created: str, expected: str) -> None:
    record = {**ML, "versions": [{"version": "v1", "created": created}]}
    [p] = papers(write_jsonl(tmp_path / "a.jsonl", [record]))
    assert p.published == expected


def test_category_filter_prefix_matches_archives(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [ML, PHYSICS, NO_VERSIONS])
    assert [p.paper_id for p in papers(path, ArxivFilter(("cs.CL",)))] == ["1501.00002"]
    assert [p.paper_id for p in papers(path, ArxivFilter(("cs",)))] == ["2106.01234", "1501.00002"]
    assert [p.paper_id for p in papers(path, ArxivFilter(("cs.LG", "hep-th")))] == ["2106.01234", "hep-th/9901001"]
    assert papers(path, ArxivFilter(("cs.C",))) == []  # a prefix must end at a dot


def test_since_filter_uses_the_first_version_date(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [ML, PHYSICS, NO_VERSIONS, OLD_CL])
    kept = papers(path, ArxivFilter(since="2021-06-02"))
    assert [p.paper_id for p in kept] == ["2106.01234", "1501.00002"]  # update_date 2022 for the versionless one
    both = papers(path, ArxivFilter(("cs.CL",), since="2015-01-01"))
    assert [p.paper_id for p in both] == ["1501.00002", "1501.00003"]


def test_raw_prefilter_agrees_with_the_decoded_filter() -> None:
    filt = ArxivFilter(("cs.CL", "stat.ML"))
    lines = [json.dumps(r) for r in (ML, PHYSICS, NO_VERSIONS, OLD_CL)]
    lines += [
        json.dumps({**ML, "categories": "stat.ML"}, indent=None, separators=(",", ":")),
        json.dumps({**ML, "categories": "hep-ph", "abstract": 'He said "categories": "cs.CL" twice.'}),
        '{"categories": "hep-th", "title": "generic record", "abstract": "no arXiv shape"}',
    ]
    for line in lines:
        decoded = json.loads(line)
        keeps = filt.keeps(decoded)
        assert not (filt.skips_raw(line) and keeps), line  # never skips a record the full filter keeps
        if "update_date" in decoded:
            assert filt.skips_raw(line) == (not keeps), line  # and judges every snapshot-shaped line
    assert not filt.skips_raw(lines[-1])  # generic records are not filtered: they are not snapshot records
    escaped = '{"categories": "hep\\u002dth", "update_date": "2020-01-01", "title": "t", "abstract": "a"}'
    assert not filt.skips_raw(escaped)  # an escape in the value: decoded and filtered the slow way


def test_filtered_lines_are_skipped_before_decoding() -> None:
    broken = '{"id": "x", "categories": "hep-th", "update_date": "2020-01-01", "abstract": '
    assert decode_line(broken, "f", 3, ArxivFilter(("cs.CL",))) is None
    rejected = decode_line(broken, "f", 3, ArxivFilter())
    assert isinstance(rejected, Rejected) and rejected.line == 3 and rejected.reason.startswith("invalid JSON")


def test_gzipped_snapshot_reads_the_same(tmp_path: Path) -> None:
    plain = papers(write_jsonl(tmp_path / "a.json", [ML, PHYSICS]))
    gz = papers(write_jsonl(tmp_path / "a.json.gz", [ML, PHYSICS], gz=True))
    assert detect_format(tmp_path / "a.json.gz") == "jsonl"
    assert [(p.paper_id, p.title, p.abstract, p.published) for p in gz] == [
        (p.paper_id, p.title, p.abstract, p.published) for p in plain
    ]
    assert [p.source_line for p in gz] == [1, 2]


def test_bad_lines_are_rejected_with_their_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = json.dumps(ML).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n\n{not json\n" + b'{"title": "\xff"}\n' + good + b"\n")
    out = list(read_sources([path]))
    assert [type(x).__name__ for x in out] == ["Paper", "Rejected", "Rejected", "Paper"]
    assert [x.source_line if isinstance(x, Paper) else x.line for x in out] == [1, 3, 4, 5]
    assert out[1].reason.startswith("invalid JSON: Expecting property name")
    assert out[2].reason.startswith("not valid UTF-8")
