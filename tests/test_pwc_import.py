"""The Papers with Code importer: every metric cell of the shipped files lands in `results` or `rejected`."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper, Rejected, Result, ResultExtra, title_paper_id
from leaderboard.pipeline import BuildOptions, build
from leaderboard.sources.detect import detect_format
from leaderboard.sources.imported import Namer
from leaderboard.sources.importers import import_file

PWC = Path(__file__).parent / "data" / "pwc"
FILES = {  # file: (numeric cells imported, cells rejected)
    "squad.json": (902, 0),
    "snli.json": (188, 4),
    "nlp-progress.json": (1117, 101),
    "example_json_format.json": (3, 0),
}

# The test's own reading of a cell, written independently of sources/cells.py.
_NUMBER = re.compile(r"^(~?)(-?)(\d[\d,]*(?:\.\d+)?)([kKmMbB]?)(%?)(?: ?± ?[\d.]+)?[*+]*(?: ?\(.*\))?$")
_SCALE = {"": 1, "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9}


def independent_value(cell: object) -> float | None:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    if not isinstance(cell, str):
        return None
    m = _NUMBER.match(cell.replace("\ufeff", "").strip())
    if not m:
        return None
    value = float(m.group(3).replace(",", "")) * _SCALE[m.group(4)]
    return -value if m.group(2) else value


def walk_cells(path: Path) -> tuple[Counter, int]:
    """(dataset path, model, metric, value) of every numeric cell, and the number of other cells."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:  # the format's example has trailing commas
        data = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))
    numeric: Counter = Counter()
    other = 0

    def dataset(ds: dict, parents: list[str]) -> None:
        nonlocal other
        here = [*parents, (ds.get("dataset") or ds.get("subdataset")).strip()]
        for row in (ds.get("sota") or {}).get("rows", []):
            for metric, cell in row["metrics"].items():
                value = independent_value(cell)
                if value is None:
                    other += 1
                else:
                    # names are cleaned on import: markup placeholders and control characters go
                    model = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", re.sub("\x02[^\x03]*\x03", " ", row["model_name"]))
                    model = " ".join(model.split())
                    model = re.sub(r"^Baseline\s*:\s*", "", model)  # a role label is no part of the name
                    numeric[(" > ".join(here), model, metric.strip(), round(value, 6))] += 1
        for sub in ds.get("subdatasets") or []:
            dataset(sub, here)

    def task(t: dict) -> None:
        for ds in t.get("datasets") or []:
            dataset(ds, [])
        for sub in t.get("subtasks") or []:
            task(sub)

    for t in data if isinstance(data, list) else [data]:
        task(t)
    return numeric, other


@pytest.fixture(scope="module")
def pwc_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pwc") / "pwc.duckdb"
    build(BuildOptions(sources=[PWC], db=path, progress=False, workers=1))
    return path


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_cell_is_imported_or_rejected(pwc_db: Path, name: str) -> None:
    numeric, other = walk_cells(PWC / name)
    assert (sum(numeric.values()), other) == FILES[name]
    with duckdb.connect(str(pwc_db), read_only=True) as con:
        rows = con.execute(
            "SELECT x.dataset, coalesce(r.method, ''), r.metric_raw, round(r.value, 6) FROM results r "
            "JOIN result_extras x USING (result_id) WHERE r.source = ?",
            [f"pwc:{name}"],
        ).fetchall()
        rejected = con.execute(
            "SELECT count(*) FROM rejected WHERE source_file LIKE ? AND stage = 'import'", [f"%/{name}"]
        ).fetchone()[0]
    assert Counter(rows) == numeric
    assert rejected == other


def test_imported_rows_are_confident(pwc_db: Path) -> None:
    """A curated leaderboard's numbers are not extracted guesses: the dashboard never hides them as unsure."""
    with duckdb.connect(str(pwc_db), read_only=True) as con:
        counts = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE confident IS NOT TRUE) FROM results WHERE source LIKE 'pwc:%'"
        ).fetchone()
    assert counts[0] > 100 and counts[1] == 0


def test_detected_as_pwc() -> None:
    assert {detect_format(PWC / n) for n in FILES} == {"pwc"}


def test_snli_row_in_detail(pwc_db: Path) -> None:
    with duckdb.connect(str(pwc_db), read_only=True) as con:
        row = con.execute(
            "SELECT r.paper_id, r.title, r.method, r.benchmark, r.benchmark_known, r.subset, r.metric, "
            "r.metric_raw, r.value, r.unit, r.higher_is_better, r.kind, r.source, x.task, x.paper_url, "
            "x.uses_additional_data, p.url FROM results r JOIN result_extras x USING (result_id) "
            "LEFT JOIN papers p USING (paper_id) "
            "WHERE r.source = 'pwc:snli.json' AND r.method = '300D LSTM encoders' AND r.metric_raw = '% Test Accuracy'"
        ).fetchone()
    assert row == (
        title_paper_id("A Fast Unified Model for Parsing and Sentence Understanding"),
        "A Fast Unified Model for Parsing and Sentence Understanding",
        "300D LSTM encoders",
        "SNLI",
        True,
        "test",
        "Accuracy",
        "% Test Accuracy",
        80.6,
        "%",
        True,
        "absolute",
        "pwc:snli.json",
        "Natural Language Inference",
        "https://www.nyu.edu/projects/bowman/spinn.pdf",
        None,
        "https://www.nyu.edu/projects/bowman/spinn.pdf",
    )


def test_decorated_cells_keep_what_was_written(pwc_db: Path) -> None:
    with duckdb.connect(str(pwc_db), read_only=True) as con:
        rows = con.execute(
            "SELECT r.value_text, r.value, r.qualifier, r.spread, x.note FROM results r JOIN result_extras x "
            "USING (result_id) WHERE r.value_text IN ('~257M', '90.0 ± 0.5', '63.7*', '76.5%', "
            "'70.14 (measured by Ge et al., 2018)') ORDER BY r.value_text"
        ).fetchall()
    assert rows == [
        ("63.7*", 63.7, None, None, "*"),
        ("70.14 (measured by Ge et al., 2018)", 70.14, None, None, "(measured by Ge et al., 2018)"),
        ("76.5%", 76.5, None, None, None),
        ("90.0 ± 0.5", 90.0, None, 0.5, None),
        ("~257M", 257_000_000.0, "about", None, None),
    ]


def test_rejected_cells_name_file_row_and_reason(pwc_db: Path) -> None:
    with duckdb.connect(str(pwc_db), read_only=True) as con:
        sql = "SELECT reason FROM rejected WHERE source_file LIKE '%snli.json' ORDER BY reason"
        reasons = [r[0] for r in con.execute(sql).fetchall()]
    assert reasons == [
        "Natural Language Inference > SNLI, row 1 (Unlexicalized features), metric 'Parameters': empty cell",
        "Natural Language Inference > SNLI, row 17 (1200D REGMAPR (Base+Reg)), metric '% Train Accuracy': "
        "placeholder '–', no value",
        "Natural Language Inference > SNLI, row 17 (1200D REGMAPR (Base+Reg)), metric 'Parameters': "
        "placeholder '–', no value",
        "Natural Language Inference > SNLI, row 2 (+ Unigram and bigram features), metric 'Parameters': empty cell",
    ]


def test_paper_ids_and_extras() -> None:
    items = list(import_file(PWC / "squad.json", "pwc"))
    results = [i for i in items if isinstance(i, Result)]
    extras = {i.result_id: i for i in items if isinstance(i, ResultExtra)}
    papers = [i for i in items if isinstance(i, Paper)]
    assert not [i for i in items if isinstance(i, Rejected)]
    assert len(extras) == len(results) == 902
    # one record per paper and file; a site's home page is one record per submission (8 pages, 15 submissions)
    assert len({p.paper_id for p in papers}) == len(papers) == 54
    first = results[0]  # FPNet (ensemble): no paper, a date -> a submission id from name and date
    got = (first.method, first.benchmark, first.metric, first.value)
    assert got == ("FPNet (ensemble)", "SQuAD2.0", "Exact Match", 90.871)
    assert first.paper_id.startswith("m-") and first.subset is None and first.higher_is_better is True
    assert extras[first.result_id].paper_date == "2021-02-21"
    retro = next(r for r in results if r.method == "Retro-Reader (ensemble)")
    assert retro.paper_id == "2001.09694" and retro.title is None  # the title field held the URL
    unnamed = [r for r in results if r.method is None]
    assert len(unnamed) == 130 and all(r.paper_id.startswith(("m-", "r-", "t-", "u-")) for r in unnamed)
    assert len({r.result_id for r in results}) == 902


def test_arxiv_pdf_links_give_the_arxiv_id() -> None:
    items = list(import_file(PWC / "nlp-progress.json", "pwc"))
    mt_dnn = {i.paper_id for i in items if isinstance(i, Result) and i.method == "MT-DNN-ensemble (2019)"}
    assert mt_dnn == {"1904.09482"}


def test_example_with_trailing_commas_and_code_links() -> None:
    items = list(import_file(PWC / "example_json_format.json", "pwc"))
    extras = [i for i in items if isinstance(i, ResultExtra)]
    assert [e.code_links for e in extras] == [[], ["https://github.com/YanWenqiang/HBLSTM-CRF"], []]
    assert {e.task for e in extras} == {"Dialogue > Dialogue act classification"}
    results = [i for i in items if isinstance(i, Result)]
    assert [(r.paper_id, r.method_norm, r.value) for r in results] == [
        ("1711.05568", "crfasn", 81.3),
        ("1709.04250", "bilstmcrf", 79.2),
        ("1805.06280", "rnnwith3utterancesincontext", 77.34),
    ]


def test_a_column_with_percent_cells_is_in_percent() -> None:
    items = import_file(PWC / "nlp-progress.json", "pwc")
    rows = [
        (r.value_text, r.unit) for r in items if isinstance(r, Result) and r.metric == "Weighted Accuracy"
    ]  # "(WAA)": the vocabulary's metric
    assert rows == [("77.62%", "%"), ("75.08", "%")]


def test_a_percent_metric_column_with_values_above_one_is_in_percent() -> None:
    """SQuAD2.0 Exact Match: bare cells of a percent metric, one of them 0.068 (0.068%, not 6.8%)."""
    items = import_file(PWC / "squad.json", "pwc")
    em = [r for r in items if isinstance(r, Result) and r.benchmark == "SQuAD2.0" and r.metric == "Exact Match"]
    assert {r.unit for r in em} == {"%"}
    assert min(r.value for r in em) == 0.068


def test_a_baseline_label_gives_the_method_and_its_role() -> None:
    """nlp-progress's X-Sum table: the paper's baselines are labelled "Baseline : <method>"."""
    items = [i for i in import_file(PWC / "nlp-progress.json", "pwc") if isinstance(i, Result)]
    rows = [(r.method, r.method_norm, r.is_own_method, r.value) for r in items
            if r.paper_id == "1808.08745" and r.metric == "ROUGE-1"]  # fmt: skip
    assert rows == [
        ("T-ConvS2S", "tconvs2s", None, 31.89),
        ("PtGen", "ptgen", None, 29.7),
        ("Seq2Seq", "seq2seq", None, 28.42),
        ("PtGen-Covg", "ptgencovg", None, 28.1),
        ("Extractive Oracle", "extractiveoracle", False, 29.79),
        ("Lead-3", "lead3", False, 16.3),
        ("Random", "random", False, 15.16),
    ]
    lead = next(r for r in items if r.method == "Lead-3" and r.metric == "ROUGE-1")
    assert json.loads(lead.rules) == {"result": "pwc-import/1", "is_own_method": "import.role_label"}
    assert (
        lead.evidence == "nlp-progress.json: Summarization > X-Sum, row 9 (Baseline : Lead-3), metric 'ROUGE-1' = 16.30"
    )
    assert sum(r.is_own_method is False for r in items) == 9  # three rows x three ROUGE columns, nothing else


def test_a_colon_after_a_name_that_is_no_role_label_stays() -> None:
    items = [i for i in import_file(PWC / "nlp-progress.json", "pwc") if isinstance(i, Result)]
    assert {(r.method, r.is_own_method) for r in items if r.method and r.method.startswith("FF ensemble")} == {
        ("FF ensemble: Vote (2019)", None),
        ("FF ensemble: Intersect (2019)", None),
    }


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Baseline : Lead-3", ("Lead-3", False)),
        ("baselines: GloVe + BiLSTM", ("GloVe + BiLSTM", False)),
        ("Baseline：TF-IDF", ("TF-IDF", False)),
        ("Reference system : MOSES", ("Reference system : MOSES", None)),
        ("FF ensemble: Vote (2019)", ("FF ensemble: Vote (2019)", None)),
        ("BaselineNet: v2", ("BaselineNet: v2", None)),
        ("Baseline :", ("Baseline :", None)),
    ],
)
def test_role_labels(cell: str, expected: tuple) -> None:
    assert Namer(load_vocabulary()).role(cell) == expected


def test_a_user_grammar_adds_a_role_label(tmp_path: Path) -> None:
    extra = tmp_path / "grammar.csv"
    extra.write_text("kind,phrase,value\nbaseline_label,reference system,\n", encoding="utf-8")
    assert Namer(load_vocabulary([extra])).role("Reference  system : MOSES") == ("MOSES", False)


def test_labelled_random_is_scoped_to_its_paper_in_rankings(pwc_db: Path) -> None:
    from leaderboard.rank.api import rank_results

    with duckdb.connect(str(pwc_db), read_only=True) as con:
        rows = con.execute("SELECT * FROM results WHERE benchmark = 'XSum' AND metric = 'ROUGE-1'").df()
    table = rank_results(rows).table
    assert "Random [1808.08745]" in set(table["method"])
    assert {"Lead-3", "Extractive Oracle", "T-ConvS2S"} <= set(table["method"])
