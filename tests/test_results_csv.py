"""The results-CSV importer: good rows become results, bad rows are rejected with file, line and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.models import Paper, Rejected, Result, ResultExtra, stable_id, title_paper_id
from leaderboard.sources.detect import detect_format
from leaderboard.sources.importers import import_file
from leaderboard.sources.results_csv import parse_bool, parse_date

CSV = """\
paper_id,title,method,benchmark,metric,value,unit,higher_is_better,source_url,date,subset
arXiv:2101.00001v2,TinaFace,TinaFace,CIFAR-10,accuracy,92.4%,,,,2021-01-04,
,GlowNet: Flows for Images,GlowNet,SQuAD v1.1 (dev),Exact Match,85.3 ± 0.2,,,https://arxiv.org/abs/2102.00002,,
,,BaseNet,MyBench,Latency,12.5,ms,false,https://example.org/basenet,,test
,,NoValue,CIFAR-10,Accuracy,,,,,,
,,Words,CIFAR-10,Accuracy,about ninety,,,,,
,,NoBench,,Accuracy,90.1,,,,,
,,BadDate,CIFAR-10,Accuracy,90.1,,,,2021-13-45,
,,BadBool,CIFAR-10,Accuracy,90.1,,maybe,,,
,,Everything,,,,,,,not a date,
"""


@pytest.fixture()
def items(tmp_path: Path) -> list:
    path = tmp_path / "curated.csv"
    path.write_text(CSV, encoding="utf-8")
    assert detect_format(path) == "results-csv"
    return list(import_file(path, "results-csv"))


def test_good_rows(items: list) -> None:
    results = [i for i in items if isinstance(i, Result)]
    got = [
        (r.paper_id, r.method, r.benchmark, r.subset, r.metric, r.value, r.unit, r.spread, r.higher_is_better, r.source)
        for r in results
    ]
    assert got == [
        ("2101.00001", "TinaFace", "CIFAR-10", None, "Accuracy", 92.4, "%", None, True, "csv:curated.csv"),
        ("2102.00002", "GlowNet", "SQuAD1.1", "dev", "Exact Match", 85.3, None, 0.2, True, "csv:curated.csv"),
        (
            "u-" + stable_id("example.org/basenet", length=12),
            "BaseNet",
            "MyBench",
            "test",
            "Latency",
            12.5,
            "ms",
            None,
            False,
            "csv:curated.csv",
        ),
    ]
    assert results[0].evidence == "curated.csv: line 2: TinaFace on CIFAR-10, accuracy = 92.4%"
    assert (results[1].title, results[1].benchmark_raw, results[1].metric_raw) == (
        "GlowNet: Flows for Images",
        "SQuAD v1.1 (dev)",
        "Exact Match",
    )
    papers = [i for i in items if isinstance(i, Paper)]
    assert [(p.paper_id, p.title, p.published, p.url, p.abstract) for p in papers] == [
        ("2101.00001", "TinaFace", "2021-01-04", None, ""),
        ("2102.00002", "GlowNet: Flows for Images", None, "https://arxiv.org/abs/2102.00002", ""),
        (results[2].paper_id, "", None, "https://example.org/basenet", ""),
    ]
    extras = [i for i in items if isinstance(i, ResultExtra)]
    assert [(e.locator, e.paper_date, e.result_id) for e in extras] == [
        ("line 2", "2021-01-04", results[0].result_id),
        ("line 3", None, results[1].result_id),
        ("line 4", None, results[2].result_id),
    ]


def test_bad_rows_are_rejected_with_line_and_reason(items: list) -> None:
    rejected = [(r.line, r.reason, r.stage) for r in items if isinstance(r, Rejected)]
    assert rejected == [
        (5, "missing value", "import"),
        (6, "non-numeric value (not a number: 'about ninety')", "import"),
        (7, "missing benchmark", "import"),
        (8, "bad date '2021-13-45' (expected YYYY-MM-DD)", "import"),
        (9, "bad boolean in higher_is_better: 'maybe' (expected true/false)", "import"),
        (10, "missing value; missing benchmark; missing metric; bad date 'not a date' (expected YYYY-MM-DD)", "import"),
    ]
    assert all(r.source_file.endswith("curated.csv") for r in items if isinstance(r, Rejected))


def test_title_only_rows_get_the_title_id(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("title,method,benchmark,metric,value\nSome Paper,M,CIFAR-10,FID,3.1\n")
    result = next(i for i in import_file(path, "results-csv") if isinstance(i, Result))
    assert (result.paper_id, result.higher_is_better, result.title) == (
        title_paper_id("Some Paper"),
        False,
        "Some Paper",
    )


def test_header_without_required_columns(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("method,value,score\nM,1,2\n")
    assert [(r.line, r.reason) for r in import_file(path, "results-csv")] == [
        (1, "results CSV header lacks benchmark, metric (has: method, value, score)")
    ]


def test_extra_fields_and_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('method,benchmark,metric,value\n"Multi\nline",CIFAR-10,FID,2.0\nM,CIFAR-10,FID,2.0,oops\n')
    items = list(import_file(path, "results-csv"))
    assert [i.method for i in items if isinstance(i, Result)] == ["Multi line"]
    assert [(r.line, r.reason) for r in items if isinstance(r, Rejected)] == [
        (4, "row has more fields than the header")
    ]


def test_cell_helpers() -> None:
    assert [parse_bool(t) for t in ("true", "No", "higher", "", "0")] == [True, False, True, None, False]
    assert parse_bool("perhaps") == "perhaps"
    assert parse_date("2020-02-29") == "2020-02-29" and parse_date("") is None
    assert isinstance(parse_date("2021-02-30"), ValueError)
