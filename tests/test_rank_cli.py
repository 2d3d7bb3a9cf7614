"""`leaderboard rank`: over a database, over a battles CSV, and its one-line user errors."""

from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from leaderboard.cli import cli
from leaderboard.errors import UserError
from leaderboard.models import Result


def res(paper, method, value, metric="FID", hib=False) -> dict:
    r = Result(paper_id=paper, value=value, value_text=f"{value}", method=method, benchmark="CIFAR-10")
    r.metric, r.higher_is_better = metric, hib
    return asdict(r)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rankdb") / "lb.duckdb"
    results = pd.DataFrame(  # noqa: F841 - read by DuckDB below
        [res("p1", "NetB", 3.17), res("p1", "NetC", 25.3), res("p2", "NetA", 2.2), res("p2", "Net-B", 3.17)]
        + [res("p3", "A", 1.0, metric="Odd", hib=None), res("p3", "B", 2.0, metric="Odd", hib=None)]
    )
    papers = pd.DataFrame({"paper_id": ["p1", "p2", "p3"], "published": pd.to_datetime(["2020-06-19"] * 3)})  # noqa: F841
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE results AS SELECT * FROM results")
        con.execute("CREATE TABLE papers AS SELECT * FROM papers")
    return path


def run(*args: str):
    return CliRunner().invoke(cli, ["rank", *args])


def test_rank_prints_a_table_from_the_database(db):
    out = run("--db", str(db))
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["rank", "method", "rating", "ci_lower", "ci_upper", "component", "comparisons",
                                "papers", "wins", "losses", "ties", "flags"]  # fmt: skip
    # NetB and Net-B are one method, shown as the alphabetically first of its equally frequent spellings
    assert [line.split()[1] for line in lines[1:]] == ["NetA", "Net-B", "NetC"]
    assert out.stderr.splitlines()[1:] == [
        "excluded: 1 benchmark/metric groups left out (1 unknown direction); --verbose lists them",
        "warning: the 3 methods' intervals all overlap: the data cannot tell any two of them apart, so every rank is 1",
    ]
    verbose = run("--db", str(db), "--verbose")
    assert "excluded: CIFAR-10 / Odd (unknown direction)" in verbose.stderr.splitlines()
    assert "only wins" in lines[1] and "only losses" in lines[3]


def test_rank_uses_a_user_alias_file(db, tmp_path):
    aliases = tmp_path / "mine.csv"
    aliases.write_text("name,aliases,source\nNet Alpha,NetA,test\n", encoding="utf-8")
    out = run("--db", str(db), "--aliases", str(aliases))
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[1].split()[1:3] == ["Net", "Alpha"]


def test_rank_writes_csv_from_battles(tmp_path):
    battles = tmp_path / "battles.csv"
    rows = ["model_a,model_b,winner"] + ["a,b,model_a"] * 6 + ["b,a,model_a"] * 4 + ["a,c,tie (bothbad)", "c,b,tie"]
    battles.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out_csv = tmp_path / "rankings.csv"
    out = run("--pairs", str(battles), "--regularization", "0", "--anchor", "b", "--anchor-rating", "1100",
              "--out", str(out_csv))  # fmt: skip
    assert out.exit_code == 0, out.output
    assert out.stderr.strip().endswith(f"wrote 3 methods to {out_csv}")
    table = pd.read_csv(out_csv).set_index("method")
    assert table.loc["b", "rating"] == pytest.approx(1100.0)
    # a beat b 6-4 plus ties: a is above b by the plain MLE
    assert table.loc["a", "rating"] > table.loc["b", "rating"]
    assert table.loc["a", ["wins", "losses", "ties"]].tolist() == [6, 4, 1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--pairs", "nope.csv"], "nope.csv: no such file"),
        (["--regularization", "-1"], "--regularization must be >= 0"),
        (["--anchor", "GPT-9"], "anchor 'GPT-9' is not among the ranked methods"),
        (["--benchmark", "ImageNet"], "nothing to rank: no comparisons between methods for benchmark 'ImageNet'"),
        (["--method", "index"], "nothing to rank: no benchmark links enough methods to another"),
        (["--ci", "bootstrap", "--bootstrap-rounds", "1"], "bootstrap needs at least 2 rounds"),
    ],
)
def test_user_errors_are_one_line(db, args, message):
    out = run("--db", str(db), *args)
    assert isinstance(out.exception, UserError)
    assert str(out.exception) == message


def test_battles_file_without_winner_column_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("model_a,model_b\nx,y\n", encoding="utf-8")
    out = run("--pairs", str(bad))
    assert isinstance(out.exception, UserError)
    assert str(out.exception) == "battles need columns model_a, model_b, winner (missing: winner)"


def test_missing_database_is_a_user_error(tmp_path):
    out = run("--db", str(tmp_path / "none.duckdb"))
    assert isinstance(out.exception, UserError) and "no database here" in str(out.exception)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("a,b,model_a\nd,d,model_a\n", "battles.csv:3: 'd' against itself: every battle needs two different models"),
        ("a,,model_a\nb,c,tie\n,c,model_b\n", "battles.csv:2: an empty model name: every battle needs two "
         "different models (1 more such rows)"),
    ],
)  # fmt: skip
def test_pairs_reject_self_battles_and_empty_names_with_the_line(tmp_path, rows, message):
    path = tmp_path / "battles.csv"
    path.write_text("model_a,model_b,winner\n" + rows, encoding="utf-8")
    out = run("--pairs", str(path))
    assert isinstance(out.exception, UserError) and str(out.exception) == f"{path.parent}/{message}"
