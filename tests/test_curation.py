"""Curations are applied on every build, survive rebuilds, and anything they cannot apply is reported."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from leaderboard.curation import Curation, CurationError, append_curation, curation_path, load_curations
from leaderboard.pipeline import BuildOptions, build
from tests.helpers import good_record, write_jsonl


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def do_build(src: Path, db: Path, **kw):
    return build(BuildOptions(sources=[src], db=db, workers=1, progress=False, **kw))


@pytest.fixture
def built(tmp_path: Path):
    src = write_jsonl(tmp_path / "papers.jsonl", [good_record(i) for i in range(3)])
    db = tmp_path / "lb.duckdb"
    do_build(src, db)
    return src, db


def test_curation_path_defaults_beside_the_database(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("LB_CURATION", raising=False)
    assert curation_path(tmp_path / "x" / "lb.duckdb") == tmp_path / "x" / "curation.csv"
    monkeypatch.setenv("LB_CURATION", str(tmp_path / "mine.csv"))
    assert curation_path(tmp_path / "lb.duckdb") == tmp_path / "mine.csv"
    assert curation_path(tmp_path / "lb.duckdb", tmp_path / "given.csv") == tmp_path / "given.csv"


def test_append_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "curation.csv"
    written = [
        append_curation(path, Curation.reject("r1", note='a year, "not" a result')),
        append_curation(path, Curation.fix("r2", "higher_is_better", False)),
        append_curation(
            path, Curation.add("p1", 2.2, "CIFAR-10", "FID", method="Score SDE", value_start=3, value_end=7)
        ),
    ]
    loaded, errors = load_curations(path)
    assert errors == []
    assert loaded == written
    assert [c.line for c in loaded] == [2, 3, 4]
    assert path.read_text(encoding="utf-8").splitlines()[0].startswith("action,result_id,paper_id,value_start")


def test_append_refuses_bad_curations_and_repairs_a_missing_newline(tmp_path: Path) -> None:
    path = tmp_path / "curation.csv"
    with pytest.raises(CurationError, match="unknown field 'colour'"):
        append_curation(path, Curation.fix("r1", "colour", "red"))
    with pytest.raises(CurationError, match="add: value 'many' is not a number"):
        append_curation(path, Curation.add("p1", "many", "B", "M"))
    with pytest.raises(CurationError, match="reject needs a result_id"):
        append_curation(path, Curation("reject"))
    assert not path.exists()
    path.write_text("# mine\nresult_id,action,note\nr1,reject,x", encoding="utf-8")  # hand-made, no final newline
    append_curation(path, Curation.reject("r2", note="y"))
    assert [(c.result_id, c.note) for c in load_curations(path)[0]] == [("r1", "x"), ("r2", "y")]
    assert path.read_text(encoding="utf-8").endswith("\nr1,reject,x\nr2,reject,y\n")  # in the file's column order
    with pytest.raises(CurationError, match="has no column 'field'"):
        append_curation(path, Curation.fix("r1", "unit", "%"))


def test_malformed_lines_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "curation.csv"
    path.write_bytes(
        b"action,result_id,paper_id,value_start,value_end,field,value\n"  # 1
        b"reject,r1\n"  # 2
        b"destroy,r1\n"  # 3
        b"fix,r1,,,,value,lots\n"  # 4
        b"fix,r1,,,,metric,caf\xe9\n"  # 5
        b"\n"  # 6
        b"# a comment\n"  # 7
        b"reject,,p1,10,x\n"  # 8
        b"reject,,p1,10\n"  # 9
        b"fix,r1,,,,unit,,extra,cells,beyond,the,header\n"  # 10
        b"fix,r1,,,,unit,\n"  # 11
    )
    good, bad = load_curations(path)
    assert [(c.line, c.action, c.field, c.value) for c in good] == [(2, "reject", None, None), (11, "fix", "unit", "")]
    assert [(r.source_file, r.line, r.reason) for r in bad] == [
        (str(path), 3, "bad curation: unknown action 'destroy' (use reject, fix, add)"),
        (str(path), 4, "bad curation: fix value: could not convert string to float: 'lots'"),
        (str(path), 5, "not valid UTF-8"),
        (str(path), 8, "bad curation: offset 'x' is not a whole number"),
        (str(path), 9, "bad curation: value_start and value_end go together"),
        (str(path), 10, "row has more fields than the header"),
    ]
    assert load_curations(tmp_path / "missing.csv") == ([], [])


def test_curations_apply_and_survive_a_rebuild(built) -> None:
    src, db = built
    query = "SELECT result_id, paper_id, metric, value, value_start, higher_is_better, unit FROM results"
    before = {r[0]: r[1:] for r in rows(db, query)}  # the extractor's attribution, whatever it is
    assert len(before) == 6  # two numbers in each of the three abstracts
    p0 = sorted((v[3], k) for k, v in before.items() if v[0] == "p00000")  # by offset: accuracy, FID
    acc_id, fid_id = p0[0][1], p0[1][1]
    p1_fid = sorted((v[3], k) for k, v in before.items() if v[0] == "p00001")[1]
    cur = curation_path(db)
    append_curation(cur, Curation.reject(acc_id, note="wrong"))
    append_curation(cur, Curation.fix(fid_id, "metric", "FID-50k"))
    append_curation(cur, Curation.fix(fid_id, "value", "2.5"))
    append_curation(cur, Curation.fix(fid_id, "higher_is_better", "true"))
    append_curation(cur, Curation.fix(fid_id, "higher_is_better", "false"))  # the later fix wins
    append_curation(cur, Curation("fix", None, "p00001", p1_fid[0], p1_fid[0] + 4, "unit", "points"))
    added = append_curation(cur, Curation.add("p00002", "0.5", "COCO", "mAP", method="Ours", note="missed"))
    for _ in range(2):  # the curations are applied on this build and again on the rebuild
        summary = do_build(src, db)
        assert ", 7 curations applied, in " in summary.line()
        assert summary.results == 6  # 6 extracted - 1 rejected + 1 added
        got = rows(
            db,
            "SELECT result_id, metric, value, higher_is_better, unit, curated, original, source FROM results "
            "WHERE curated ORDER BY result_id",
        )
        assert [(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else None, r[7]) for r in got] == sorted(
            [
                (fid_id, "FID-50k", 2.5, False, before[fid_id][5], True,
                 {"metric": before[fid_id][1], "value": before[fid_id][2], "higher_is_better": before[fid_id][4]},
                 "abstract"),
                (p1_fid[1], *before[p1_fid[1]][1:3], before[p1_fid[1]][4], "points", True,
                 {"unit": before[p1_fid[1]][5]}, "abstract"),
                (added.added_result_id(), "mAP", 0.5, None, None, True, None, "curation"),
            ]
        )  # fmt: skip
        assert rows(db, "SELECT count(*) FROM results WHERE result_id = ?", [acc_id]) == [(0,)]
        # rows a person added or fixed are not unsure guesses: never hidden by the dashboard's confidence filter
        assert rows(db, "SELECT count(*) FROM results WHERE curated AND confident IS NOT TRUE") == [(0,)]
        assert rows(db, "SELECT count(*) FROM results WHERE NOT curated AND original IS NULL") == [(3,)]
        assert rows(db, "SELECT count(*) FROM rejected") == [(0,)]


def test_orphaned_curations_are_reported_not_dropped(built, tmp_path: Path) -> None:
    src, db = built
    rid = rows(db, "SELECT result_id FROM results WHERE paper_id = 'p00002' ORDER BY value_start LIMIT 1")[0][0]
    cur = curation_path(db)
    append_curation(cur, Curation.fix(rid, "metric", "Top-5"))
    append_curation(cur, Curation.add("p00002", 1, "B", "M"))
    append_curation(cur, Curation.add("p00002", 1, "B", "M"))  # the same add again
    append_curation(cur, Curation.add("p00001", 1, "B", "M", value_start=5, value_end=99_999))
    append_curation(cur, Curation("reject", None, "p00001", 0, 3))
    with cur.open("a", encoding="utf-8") as fh:
        fh.write("fix,r9,,,,colour,red\n")
    assert ", 2 curations applied and 2 orphaned, in " in do_build(src, db).line()
    # p00002 disappears from the sources: its curations are orphaned, and reported
    write_jsonl(src, [good_record(i) for i in range(2)])
    summary = do_build(src, db)
    assert summary.line().startswith(f"built {db}: 2 papers, 4 results, 6 rejected (6 curation), ")
    assert ", 0 curations applied and 4 orphaned, in " in summary.line()
    assert rows(db, "SELECT line, reason, stage FROM rejected ORDER BY line") == [
        (2, f"orphaned curation fix: no result {rid} in this build", "curation"),
        (3, "orphaned curation add: paper p00002 is not in this build", "curation"),
        (4, "curation add: the same result as an earlier line", "curation"),
        (5, "orphaned curation add: offsets [5:99999] are outside the abstract of paper p00001 (184 characters)",
         "curation"),
        (6, "orphaned curation reject: no result at p00001 [0:3] in this build", "curation"),
        (7, "bad curation: fix: unknown field 'colour' (use benchmark, metric, method, value, subset, unit, "
            "higher_is_better)", "curation"),
    ]  # fmt: skip
    assert rows(db, "SELECT line, status FROM curations") == [
        (2, "orphaned"), (3, "orphaned"), (4, "duplicate"), (5, "orphaned"), (6, "orphaned"),
    ]  # fmt: skip


def test_strict_fails_on_an_orphaned_curation_and_keeps_the_old_database(built) -> None:
    src, db = built
    old = db.read_bytes()
    append_curation(curation_path(db), Curation.reject("gone"))
    from leaderboard.errors import UserError

    with pytest.raises(UserError, match=r"--strict: 1 rejected \(first: .*curation.csv:2: orphaned curation reject"):
        do_build(src, db, strict=True)
    assert db.read_bytes() == old
    assert sorted(p.name for p in db.parent.iterdir()) == ["curation.csv", "lb.duckdb", "papers.jsonl"]


SHOW = (
    "SELECT paper_id, value_start, metric, unit, method, curated FROM results ORDER BY paper_id, value_start NULLS LAST"
)


def test_curate_cli_records_lists_and_the_build_applies(tmp_path: Path, cli) -> None:
    write_jsonl(tmp_path / "papers.jsonl", [good_record(i) for i in range(2)])
    assert cli("build", "papers.jsonl", "--db", "lb.duckdb", "--quiet").returncode == 0
    before = rows(tmp_path / "lb.duckdb", SHOW)
    assert [(r[0], r[1]) for r in before] == [("p00000", 71), ("p00000", 118), ("p00001", 71), ("p00001", 118)]
    ids = [r[0] for r in rows(tmp_path / "lb.duckdb", "SELECT result_id FROM results ORDER BY paper_id, value_start")]
    steps = [
        ("curate", "reject", ids[0], "--note", "not a result"),
        ("curate", "fix", ids[1], "--field", "metric", "--value", "FID-10k"),
        ("curate", "fix", "--paper-id", "p00001", "--start", "71", "--end", "76", "--field", "unit", "--value", ""),
        ("curate", "add", "--paper-id", "p00001", "--value", "0.5", "--benchmark", "COCO", "--metric", "mAP",
         "--method", "Net1", "--lower-is-better"),
    ]  # fmt: skip
    for args in steps:
        proc = cli(*args, "--db", "lb.duckdb")
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("recorded in curation.csv: ")
    listed = cli("curate", "list", "--db", "lb.duckdb", "--format", "csv")
    assert listed.stderr == "curation.csv: 4 curation(s), 0 malformed\n"
    assert listed.stdout.splitlines() == [
        "line,action,target,field,value,note",
        f"2,reject,{ids[0]},,,not a result",
        f"3,fix,{ids[1]},metric,FID-10k,",
        "4,fix,p00001 [71:76],unit,,",
        "5,add,p00001,,0.5,",
    ]
    proc = cli("build", "papers.jsonl", "--db", "lb.duckdb", "--quiet")
    assert proc.stdout.startswith("built lb.duckdb: 2 papers, 4 results, 0 rejected, 4 curations applied, in ")
    got = rows(tmp_path / "lb.duckdb", SHOW)
    _, p0_fid, p1_acc, p1_fid = before  # the extractor's own attribution, whatever it is
    assert got == [
        (*p0_fid[:2], "FID-10k", *p0_fid[3:5], True),
        (*p1_acc[:3], None, p1_acc[4], True),
        p1_fid,
        ("p00001", None, "mAP", None, "Net1", True),
    ]
