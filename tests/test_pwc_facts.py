"""Imports keep what their sources say: every row's date, dated records over undated ones, one paper per
submission rather than per home page, and clean names (junk that cannot be cleaned goes to `rejected`)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.pipeline import BuildOptions, build
from leaderboard.sources.imported import clean_text, is_home_page, is_real_title, paper_ref
from tests.helpers import ROOT, sql, write_jsonl

PWC = ROOT / "tests" / "data" / "pwc"


def _rows(task: dict):
    def walk_ds(ds: dict):
        for row in (ds.get("sota") or {}).get("rows") or []:
            yield ds.get("dataset") or ds.get("subdataset"), row
        for sub in ds.get("subdatasets") or []:
            yield from walk_ds(sub)

    for ds in task.get("datasets") or []:
        yield from walk_ds(ds)
    for sub in task.get("subtasks") or []:
        yield from _rows(sub)


@pytest.fixture(scope="module")
def pwc_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """squad.json, then nlp-progress.json (which names the BERT paper again, without a date)."""
    db = tmp_path_factory.mktemp("pwc") / "pwc.duckdb"
    build(BuildOptions(sources=[PWC / "squad.json", PWC / "nlp-progress.json"], db=db, workers=1, progress=False))
    return db


def test_every_dated_squad11_row_keeps_its_date(pwc_db: Path) -> None:
    tasks = json.loads((PWC / "squad.json").read_text(encoding="utf-8"))
    expected = sorted(
        (" ".join(row["model_name"].split()), metric, value, row["paper_date"])
        for task in tasks
        for dataset, row in _rows(task)
        if dataset == "SQuAD1.1" and row.get("paper_date")
        for metric, value in row["metrics"].items()
    )
    assert len(expected) == 428  # 214 dated rows, EM and F1 each
    got = sql(
        pwc_db,
        "SELECT method, metric_raw, value_text, strftime(published, '%Y-%m-%d') AS day FROM results "
        "WHERE source = 'pwc:squad.json' AND benchmark = 'SQuAD1.1' AND published IS NOT NULL",
    )
    assert sorted(got.fillna("").itertuples(index=False, name=None)) == expected
    undated = sql(pwc_db, "SELECT count(*) AS n FROM results WHERE source = 'pwc:squad.json' AND benchmark = "
                          "'SQuAD1.1' AND published IS NULL")  # fmt: skip
    assert undated.n[0] == 6  # the 3 rows without a paper_date


def test_sota_over_time_ends_at_the_best_entry(pwc_db: Path) -> None:
    text = (resources.files("leaderboard.app") / "sql" / "sota_over_time.sql").read_text(encoding="utf-8")
    frame = sql(
        pwc_db,
        text,
        {"benchmark": "SQuAD1.1", "metric": "F1", "subset": "", "unit": "%", "sample": 0, "confident_only": True},
    )
    records = frame[frame.is_sota]
    last = records.iloc[-1]
    assert (last.method, last.value, str(last.published)[:10]) == ("LUKE (single model)", 95.379, "2020-04-10")
    assert {"XLNet (single model)", "BERT (ensemble)"} <= set(records.method)
    best = sql(pwc_db, "SELECT max(value) AS v FROM results WHERE benchmark = 'SQuAD1.1' AND metric = 'F1'").v[0]
    assert last.value == best


def test_leaderboard_rows_keep_their_dates(pwc_db: Path) -> None:
    board = sql(pwc_db, "SELECT method, published FROM leaderboard WHERE benchmark = 'SQuAD1.1' AND metric = 'F1'")
    dated = board[board.published.notna()]
    assert len(dated) >= len(board) - 3
    luke = board[board.method == "LUKE (single model)"]
    assert str(luke.published.iloc[0])[:10] == "2020-04-10"


def test_an_undated_record_never_replaces_a_dated_one(pwc_db: Path) -> None:
    bert = sql(pwc_db, "SELECT strftime(published, '%Y-%m-%d') AS day, url FROM papers WHERE paper_id = '1810.04805'")
    assert list(bert.day) == ["2018-10-05"]


def test_paper_dates_survive_an_undated_later_record(tmp_path: Path) -> None:
    abstract = "We reach 91.5% accuracy on ImageNet."
    src = write_jsonl(
        tmp_path / "p.jsonl",
        [
            {"id": "x1", "title": "T", "abstract": abstract, "date": "2021-03-04", "url": "https://e.org/x1"},
            {"id": "x1", "title": "T (v2)", "abstract": abstract + " Code is out."},
        ],
    )
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[src], db=db, workers=1, progress=False))
    row = sql(db, "SELECT title, strftime(published, '%Y-%m-%d') AS day, url FROM papers")
    assert list(row.itertuples(index=False, name=None)) == [("T (v2)", "2021-03-04", "https://e.org/x1")]
    assert set(sql(db, "SELECT strftime(published, '%Y-%m-%d') AS d FROM results").d) == {"2021-03-04"}


@pytest.mark.parametrize(
    ("method", "day", "others"),
    [
        ("XLNET-123++ (single model)", "2019-12-11", ["XLNET-V2-123+ (single model)"]),
        ("Bert", "2019-05-28", ["SENSEFORTH + BERT", "TransNets + SFVerifier + SFEnsembler (ensemble)"]),
    ],
)
def test_submissions_are_not_merged_by_home_page(pwc_db: Path, method: str, day: str, others: list[str]) -> None:
    rows = sql(
        pwc_db,
        "SELECT DISTINCT r.method, r.paper_id, strftime(r.published, '%Y-%m-%d') AS day, "
        "strftime(p.published, '%Y-%m-%d') AS paper_day FROM results r LEFT JOIN papers p USING (paper_id) "
        "WHERE r.source = 'pwc:squad.json' AND r.method IN $names",
        {"names": [method, *others]},
    )
    mine = rows[rows.method == method]
    assert set(mine.day) == {day}
    assert set(mine.paper_day.dropna()) <= {day}
    assert not set(mine.paper_id) & set(rows[rows.method != method].paper_id)


def test_home_pages_and_papers() -> None:
    assert is_home_page("http://tia.today") and is_home_page("https://www.senseforth.ai/")
    assert not is_home_page("https://github.com/google-research/bert")
    assert not is_home_page("https://openreview.net/forum?id=abc")
    a = paper_ref("http://tia.today", "", "XLNET-123++", "2019-12-11", "row 1")
    b = paper_ref("http://tia.today", "", "XLNET-V2-123+", "2019-12-09", "row 2")
    assert a.paper_id.startswith("u-") and a.paper_id != b.paper_id and a.url == "http://tia.today" and a.record
    assert a.paper_id == paper_ref("https://tia.today/", "", "XLNET-123++", "2019-12-11", "row 9").paper_id
    paper = paper_ref("https://www.aclweb.org/anthology/P18-1157", "", "M", None, "r")
    other = paper_ref("https://www.aclweb.org/anthology/P18-1157", "", "N", "2020-01-01", "s")
    assert paper.paper_id == other.paper_id and paper.paper_id.startswith("u-")  # a document URL names one paper


def test_junk_names_are_cleaned(pwc_db: Path) -> None:
    junk = sql(
        pwc_db,
        "SELECT count(*) AS n FROM results WHERE regexp_matches(coalesce(method, '') || coalesce(title, ''), "
        "'[\\x00-\\x1f\\x7f]|wzxhzdk') OR regexp_matches(title, '^\\s*\\[[^\\]]*\\]\\s*(\\[[^\\]]*\\]\\s*)*$')",
    )
    assert junk.n[0] == 0
    methods = set(sql(pwc_db, "SELECT DISTINCT method FROM results WHERE source = 'pwc:nlp-progress.json'").method)
    assert {"Joshi et al. (2019)", "Bi-LSTM att+LEX", "Improved CAMR (2017)", "UKB ppr_w2w-nf"} <= methods
    titles = sql(pwc_db, "SELECT count(*) AS n FROM papers WHERE title LIKE '[%'")
    assert titles.n[0] == 0


def test_a_name_that_is_only_junk_is_rejected(tmp_path: Path) -> None:
    rows = [
        {"model_name": "\u0002wzxhzdk:1\u0003\u0002wzxhzdk:2\u0003", "paper_title": "[1] [code]", "paper_url": "",
         "paper_date": "2019-01-02", "metrics": {"F1": "90.1"}},
        {"model_name": "Good \u0007Model", "paper_title": "[3]", "paper_url": "", "paper_date": "2019-01-03",
         "metrics": {"F1": "91.2"}},
    ]  # fmt: skip
    task = [{"task": "Question Answering", "datasets": [{"dataset": "SQuAD1.1", "sota": {"rows": rows}}]}]
    src = tmp_path / "junk.json"
    src.write_text(json.dumps(task), encoding="utf-8")
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[src], db=db, workers=1, progress=False))
    got = sql(db, "SELECT method, title, strftime(published, '%Y-%m-%d') AS day FROM results")
    assert list(got.itertuples(index=False, name=None)) == [("Good Model", None, "2019-01-03")]
    rejected = sql(db, "SELECT reason, raw FROM rejected")
    assert list(rejected.reason) == [
        "Question Answering > SQuAD1.1, row 1: model name has no text once control characters and markup "
        "placeholders are removed"
    ]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Joshi et al. \u0002wzxhzdk:6\u0003 (2019)", "Joshi et al. (2019)"),
        ("GAS\u0002wzxhzdk:8\u0003ext\u0002wzxhzdk:9\u0003", "GAS ext"),
        ("A\tB\x00C\x7f", "A B C"),
        ("  plain  name ", "plain name"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("title", "real"),
    [("[13] [code]", False), ("[Preprint] [2]", False), ("[1]", False), ("https://x.org/a", False),
     ("BERT [code]", True), ("[CLS] tokens are all you need", True), ("A Title", True)],
)  # fmt: skip
def test_reference_marks_are_no_title(title: str, real: bool) -> None:
    assert is_real_title(title) is real


@given(st.text())
def test_clean_text_leaves_no_control_characters(text: str) -> None:
    out = clean_text(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in out)
    assert out == out.strip() and "  " not in out
    assert clean_text(out) == out
