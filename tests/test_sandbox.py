"""The SQL box's sandbox: what it refuses (and why), what it allows, its row and time limits."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from leaderboard.store.sandbox import SandboxError, check_statement, open_sandbox, run_sandboxed


@pytest.fixture(scope="module")
def con(seed_db: Path):
    c = open_sandbox(seed_db)
    yield c
    c.close()


ATTACKS = {
    "select * from read_csv('/etc/passwd')": "table function read_csv()",
    "SELECT * FROM read_csv_auto('/etc/passwd')": "table function read_csv_auto()",
    "select * from read_parquet('x.parquet')": "table function read_parquet()",
    "select * from read_text('/etc/passwd')": "table function read_text()",
    "select * from read_json('/etc/passwd')": "table function read_json()",
    "select * from glob('/etc/*')": "table function glob()",
    "select * from query('select 1')": "table function query()",
    "with t as (select * from read_blob('/etc/hostname')) select * from t": "table function read_blob()",
    "select 1 where exists (select * from read_csv('/etc/passwd'))": "table function read_csv()",
    "select * from '/etc/passwd'": "looks like a file path",
    "select * from 'data.csv'": "looks like a file path",
    "copy results to '/tmp/out.csv'": "COPY reads or writes files",
    "copy (select 1) to '/tmp/out.parquet' (format parquet)": "COPY reads or writes files",
    "attach '/tmp/other.duckdb' as other": "ATTACH opens other database files",
    "install httpfs": "LOAD/INSTALL",
    "load httpfs": "LOAD/INSTALL",
    "set enable_external_access = true": "SET/RESET/USE",
    "reset lock_configuration": "SET/RESET/USE",
    "pragma version": "PRAGMA",
    "export database '/tmp/dump'": "EXPORT DATABASE writes files",
    "create table t as select 1": "CREATE statements change the database",
    "delete from results": "DELETE statements change the database",
    "select 1; select 2": "one statement at a time",
    "explain copy results to '/tmp/x.csv'": "COPY reads or writes files",
    "call pragma_version()": "CALL",
    "": "no SQL given",
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_refuses_with_a_clear_message(con, attack: str) -> None:
    with pytest.raises(SandboxError) as err:
        run_sandboxed(con, attack)
    assert ATTACKS[attack] in str(err.value)


def test_settings_are_locked_even_past_the_statement_check(con) -> None:
    # defence in depth: what the statement check would refuse, the connection itself refuses too
    cur = con.cursor()
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        cur.execute("select * from read_csv('/etc/passwd')")
    with pytest.raises(duckdb.Error, match="locked"):
        cur.execute("set enable_external_access = true")
    with pytest.raises(duckdb.Error, match="read-only"):
        cur.execute("create table leaderboard.main.t as select 1")
    assert cur.execute("select current_setting('enable_external_access')").fetchone()[0] is False


@pytest.mark.parametrize(
    "sql",
    [
        "select count(*) from papers",
        "with t as (select * from results) select count(*) from t",
        "from papers select count(*)",
        "describe results",
        "show tables",
        "summarize papers",
        "explain select * from results",
        "select * from range(3)",
        "select table_name from duckdb_tables()",
    ],
)
def test_allows_read_only_queries(con, sql: str) -> None:
    result = run_sandboxed(con, sql)
    assert len(result.frame) >= 1
    assert not result.truncated


def test_counts_match_the_database(con, seed_db: Path) -> None:
    direct = duckdb.connect(str(seed_db), read_only=True)
    expected = direct.execute("select count(*) from results").fetchone()[0]
    direct.close()
    assert run_sandboxed(con, "select count(*) as n from results").frame["n"].tolist() == [expected]
    assert run_sandboxed(con, "select count(*) as n from papers").frame["n"].tolist() == [72]


def test_named_parameters_are_bound(con) -> None:
    frame = run_sandboxed(con, "select $x + 1 as y, $s as s", {"x": 41, "s": "it's"}).frame
    assert frame.to_dict("records") == [{"y": 42, "s": "it's"}]


def test_row_limit(con) -> None:
    result = run_sandboxed(con, "select range as i from range(50000)", row_limit=1234)
    assert len(result.frame) == 1234
    assert result.truncated
    assert result.frame["i"].iloc[-1] == 1233
    exact = run_sandboxed(con, "select range from range(1234)", row_limit=1234)
    assert (len(exact.frame), exact.truncated) == (1234, False)


def test_time_limit_interrupts(con) -> None:
    with pytest.raises(SandboxError, match="longer than the 0.5 s limit"):
        run_sandboxed(con, "select count(*) from range(1000000000000) a", time_limit=0.5)
    # the connection is still usable afterwards
    assert run_sandboxed(con, "select 7 as n").frame["n"].tolist() == [7]


def test_check_statement_returns_the_single_statement(con) -> None:
    assert check_statement(con, "  select 1 ;  ").strip().rstrip(";").strip() == "select 1"


def test_follows_a_rebuilt_file(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    for n in (1, 5):
        tmp = tmp_path / "r.tmp"
        with duckdb.connect(str(tmp)) as w:
            w.execute(f"create table t as select range as x from range({n})")
        os.replace(tmp, db)
        con = open_sandbox(db)
        assert run_sandboxed(con, "select count(*) as n from t").frame["n"].tolist() == [n]
        con.close()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no database here"):
        open_sandbox(tmp_path / "none.duckdb")
