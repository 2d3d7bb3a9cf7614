"""Rebuilds are idempotent (same rows, same result_ids) and never disturb a reader of the old file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from multiprocessing import get_all_start_methods
from pathlib import Path

import duckdb
import pytest

from leaderboard import parallel, pipeline
from leaderboard.curation import Curation, append_curation, curation_path
from leaderboard.pipeline import BuildOptions, build
from leaderboard.store.db import connect_read_only
from tests.helpers import SRC, good_record, write_jsonl

N = 3_000
TABLES = {
    "papers": "SELECT * FROM papers ORDER BY paper_id",
    "results": "SELECT * FROM results ORDER BY result_id",
    "rejected": "SELECT * FROM rejected ORDER BY stage, source_file, line, reason",
    "curations": "SELECT * EXCLUDE (source_file, created_at, raw) FROM curations ORDER BY line",
}


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {table: con.execute(sql).fetchall() for table, sql in TABLES.items()}


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """3,000 papers plus duplicates and bad lines, and a curation file: enough for the process pool."""
    folder = tmp_path_factory.mktemp("src")
    records = [good_record(i) for i in range(N)]
    records[10] = {**good_record(10), "abstract": records[10]["abstract"] + " Updated later."}
    lines = [json.dumps(r) for r in records] + [json.dumps(good_record(5)), "{not json", '{"title": 1}']
    (folder / "papers.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "papers.jsonl"


def test_rebuilds_give_identical_rows_and_ids(sources: Path, tmp_path: Path, monkeypatch) -> None:
    pools = []
    real = parallel.get_context  # the pool is started by parallel.Extraction since the scale branch
    monkeypatch.setattr(parallel, "get_context", lambda method: pools.append(method) or real(method))
    monkeypatch.setattr(pipeline, "BLOCK_BYTES", 64 * 1024)  # several units of work, so the pool is used
    for n in "abc":
        (tmp_path / n).mkdir()
    db_a, db_b, db_c = (tmp_path / n / "lb.duckdb" for n in "abc")  # each with its own curation.csv
    one = build(BuildOptions(sources=[sources], db=db_a, workers=2, progress=False))
    # the input was big enough to use the process pool: forked from a fork server where there is one
    assert pools == ["forkserver" if "forkserver" in get_all_start_methods() else "spawn"]
    assert (one.papers, one.results, one.rejected) == (N, 2 * N, 3)
    first = snapshot(db_a)
    with duckdb.connect(str(db_a), read_only=True) as con:  # by name: the columns after result_id may grow
        col = [d[0] for d in con.execute("SELECT * FROM results LIMIT 0").description].index("result_id")
    rid = first["results"][0][col]
    for db in (db_b, db_c):
        append_curation(curation_path(db), Curation.fix(rid, "metric", "Top-1"))
        append_curation(curation_path(db), Curation.add("p00001", 1.0, "B", "M"))
    build(BuildOptions(sources=[sources], db=db_b, workers=2, progress=False))
    second = snapshot(db_b)
    build(BuildOptions(sources=[sources], db=db_b, workers=2, progress=False))  # rebuild in place
    third = snapshot(db_b)
    build(BuildOptions(sources=[sources], db=db_c, workers=1, progress=False))  # no pool at all
    in_process = snapshot(db_c)
    assert third == second
    assert in_process == second
    ids = [r[col] for r in second["results"]]
    assert len(ids) == len(set(ids)) == 2 * N + 1
    assert {r[col] for r in first["results"]} == set(ids) - {Curation.add("p00001", 1.0, "B", "M").added_result_id()}
    assert first["papers"] == second["papers"]
    assert [r[1:] for r in first["rejected"]] == [r[1:] for r in second["rejected"]]
    assert [(r[1], r[2], r[4]) for r in first["rejected"]] == [
        (6, f"superseded by a later record with the same id p00005 ({sources}:3001)", "dedup"),
        (3002, "invalid JSON: Expecting property name enclosed in double quotes at column 2", "read"),
        (3003, "field 'title' is a number, not a string", "read"),
    ]


def test_reader_of_the_old_file_keeps_working_and_new_connections_see_the_new_file(tmp_path: Path, monkeypatch) -> None:
    from leaderboard.app import data

    old_src = write_jsonl(tmp_path / "old.jsonl", [good_record(i) for i in range(20)])
    new_src = write_jsonl(tmp_path / "new.jsonl", [good_record(i) for i in range(2_000)])
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[old_src], db=db, workers=1, progress=False))
    monkeypatch.setenv("LB_DB", str(db))
    dashboard = data.connection()
    plain = duckdb.connect(str(db), read_only=True)
    query = "SELECT count(*) FROM results"
    assert dashboard.execute(query).fetchone() == plain.execute(query).fetchone() == (40,)
    proc = subprocess.Popen(
        [sys.executable, "-m", "leaderboard", "build", str(new_src), "--db", str(db), "--quiet", "--workers", "1"],
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    polls = 0
    while proc.poll() is None:  # during the rebuild
        assert dashboard.execute(query).fetchone() == (40,)
        assert plain.execute(query).fetchone() == (40,)
        polls += 1
    assert proc.returncode == 0
    assert polls > 0
    assert dashboard.execute(query).fetchone() == (40,)  # after: the old snapshot, still whole
    assert plain.execute(query).fetchone() == (40,)
    assert data.connection().execute(query).fetchone() == (4_000,)  # the dashboard's next call: new file
    assert data.query(query).iloc[0, 0] == 4_000
    with connect_read_only(db) as fresh:
        assert fresh.execute(query).fetchone() == (4_000,)
    plain.close()


def test_a_folder_holding_its_own_database_and_curations_builds_cleanly(tmp_path: Path) -> None:
    """The database, its temp file and WAL, and the curation file in the source folder are not read as papers."""
    write_jsonl(tmp_path / "papers.jsonl", [good_record(i) for i in range(3)])
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[tmp_path], db=db, workers=1, progress=False))
    (tmp_path / "lb.duckdb.tmp-999999999").write_bytes(b"\xff\x00 junk")
    rid = duckdb.connect(str(db), read_only=True).execute("SELECT min(result_id) FROM results").fetchone()[0]
    append_curation(curation_path(db), Curation.reject(rid))
    summary = build(BuildOptions(sources=[tmp_path], db=db, workers=1, progress=False))
    assert (summary.papers, summary.results, summary.rejected) == (3, 5, 0)
    assert summary.counts["curations:applied"] == 1
