"""A build never replaces a good database with a worse one: file-level errors and empty builds are refused."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from pathlib import Path

import pytest

from leaderboard.errors import UserError
from leaderboard.pipeline import BuildOptions, BuildRefused, build
from tests.helpers import ROOT, good_record, run_cli, write_jsonl

SQUAD = ROOT / "tests" / "data" / "pwc" / "squad.json"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    db = tmp_path / "good.duckdb"
    src = write_jsonl(tmp_path / "good.jsonl", [good_record(i) for i in range(3)])
    build(BuildOptions(sources=[src], db=db, workers=1, progress=False))
    return db


def _truncated_gz(path: Path) -> Path:
    data = gzip.compress(SQUAD.read_bytes())
    path.write_bytes(data[: len(data) // 3])
    return path


CASES = {
    "empty.jsonl": (lambda p: p.write_bytes(b""), None, "empty.jsonl: nothing loaded; the file is empty"),
    "blank.jsonl": (lambda p: p.write_text("\n  \n"), None, "blank.jsonl: nothing loaded; no records found"),
    "binary.dat": (
        lambda p: p.write_bytes(bytes(range(256)) * 8),
        None,
        "binary.dat: nothing loaded; not a text file (binary data)",
    ),
    "people.csv": (
        lambda p: p.write_text("id,name\n1,Ada\n"),
        None,
        "people.csv: nothing loaded; line 1: CSV header lacks title/abstract columns: [id, name]",
    ),
    "scores.csv": (
        lambda p: p.write_text("benchmark,value\nImageNet,80.1\n"),
        None,
        "scores.csv: nothing loaded; line 1: results CSV header lacks metric",
    ),
    "papers.jsonl": (
        lambda p: write_jsonl(p, [good_record(1)]),
        "pwc",
        "papers.jsonl: nothing loaded; task 1 (line 1): not a task object",
    ),
    "squad.json.gz": (_truncated_gz, None, "squad.json.gz: cannot read file: Compressed file ended"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_file_level_error_keeps_the_database(good_db: Path, name: str) -> None:
    make, fmt, reason = CASES[name]
    bad = good_db.parent / name
    make(bad)
    before = digest(good_db)
    with pytest.raises(BuildRefused) as info:
        build(BuildOptions(sources=[bad], db=good_db, fmt=fmt, workers=1, progress=False))
    lines = str(info.value).splitlines()
    assert lines[0].startswith(str(bad) + ": " + reason.split(": ", 1)[1])
    assert lines[-1].startswith(f"build refused; {good_db} unchanged")
    assert digest(good_db) == before
    assert [p.name for p in good_db.parent.iterdir() if ".tmp-" in p.name] == []


def test_a_bad_file_among_good_ones_is_refused_too(good_db: Path, tmp_path: Path) -> None:
    ok = write_jsonl(tmp_path / "more.jsonl", [good_record(i) for i in range(10, 15)])
    bad = tmp_path / "people.csv"
    bad.write_text("id,name\n1,Ada\n")
    before = digest(good_db)
    with pytest.raises(BuildRefused, match=r"people\.csv: nothing loaded"):
        build(BuildOptions(sources=[ok, bad], db=good_db, workers=1, progress=False))
    assert digest(good_db) == before


def test_a_gz_cut_after_some_records_is_refused(good_db: Path, tmp_path: Path) -> None:
    lines = "".join(json.dumps(good_record(i)) + "\n" for i in range(400)).encode()
    data = gzip.compress(lines)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    before = digest(good_db)
    with pytest.raises(BuildRefused, match=r"cut\.jsonl\.gz: cannot read file"):
        build(BuildOptions(sources=[cut], db=good_db, workers=1, progress=False))
    assert digest(good_db) == before


def test_allow_empty_builds_an_empty_database(good_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    summary = build(BuildOptions(sources=[empty], db=good_db, workers=1, progress=False, allow_empty=True))
    assert (summary.papers, summary.results, summary.rejected) == (0, 0, 0)


def test_allow_empty_still_refuses_an_unreadable_file(good_db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("id,name\n1,Ada\n")
    with pytest.raises(BuildRefused, match="people.csv"):
        build(BuildOptions(sources=[bad], db=good_db, workers=1, progress=False, allow_empty=True))


def test_cli_prints_one_line_per_problem_and_exits_2(good_db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    bad = tmp_path / "people.csv"
    bad.write_text("id,name\n1,Ada\n")
    before = digest(good_db)
    out = run_cli("build", str(empty), str(bad), "--db", str(good_db), "--quiet", "--workers", "1")
    assert out.returncode == 2
    assert out.stderr.splitlines() == [
        f"error: {bad}: nothing loaded; line 1: CSV header lacks title/abstract columns: [id, name]",
        f"error: {empty}: nothing loaded; the file is empty",
        f"error: build refused; {good_db} unchanged",
    ]
    assert "Traceback" not in out.stderr
    assert digest(good_db) == before
    out = run_cli("build", str(empty), "--db", str(good_db), "--quiet", "--allow-empty")
    assert out.returncode == 0, out.stderr
    assert "0 papers, 0 results" in out.stdout


def test_read_only_database_is_refused(good_db: Path, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "new.jsonl", [good_record(i) for i in range(20, 25)])
    good_db.chmod(0o444)
    before = digest(good_db)
    try:
        with pytest.raises(UserError, match=r"good\.duckdb: the database file is read-only \(mode 0444\)"):
            build(BuildOptions(sources=[src], db=good_db, workers=1, progress=False))
        assert stat.S_IMODE(good_db.stat().st_mode) == 0o444
        assert digest(good_db) == before
    finally:
        good_db.chmod(0o644)


def test_rebuild_keeps_the_file_mode(good_db: Path, tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "new.jsonl", [good_record(i) for i in range(20, 25)])
    good_db.chmod(0o640)
    build(BuildOptions(sources=[src], db=good_db, workers=1, progress=False))
    assert stat.S_IMODE(os.stat(good_db).st_mode) == 0o640


def _folder_with_strays(folder: Path, papers: bool = True) -> Path:
    folder.mkdir()
    if papers:
        write_jsonl(folder / "papers.jsonl", [good_record(i) for i in range(3)])
    (folder / "NOTES.md").write_text("# My notes\n\nGathered on Sunday.\n")  # text no reader recognises
    (folder / "blob.dat").write_bytes(bytes(range(256)) * 4)  # binary data
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: never read at all
    return folder


def test_stray_files_of_a_folder_are_skipped_with_a_note(tmp_path: Path) -> None:
    folder = _folder_with_strays(tmp_path / "in")
    told: list[str] = []
    db = tmp_path / "lb.duckdb"
    summary = build(BuildOptions(sources=[folder], db=db, workers=1, progress=False, note=told.append))
    assert summary.papers == 3
    assert summary.notes == (
        f"note: skipped {folder / 'NOTES.md'}: not a known input format",
        f"note: skipped {folder / 'blob.dat'}: not a known input format",
    )
    assert told == list(summary.notes)
    out = run_cli("build", str(folder), "--db", str(db), "--quiet", "--workers", "1")
    assert out.returncode == 0, out.stderr
    assert out.stderr.splitlines() == list(summary.notes)
    assert out.stdout.startswith(f"built {db}: 3 papers")


def test_the_same_stray_named_on_the_command_line_is_still_refused(good_db: Path, tmp_path: Path) -> None:
    folder = _folder_with_strays(tmp_path / "in")
    with pytest.raises(BuildRefused, match=r"NOTES\.md: nothing loaded; no records found"):
        build(BuildOptions(sources=[folder / "NOTES.md"], db=good_db, workers=1, progress=False))


def test_a_folder_of_strays_only_is_one_error_line(good_db: Path, tmp_path: Path) -> None:
    folder = _folder_with_strays(tmp_path / "in", papers=False)
    before = digest(good_db)
    out = run_cli("build", str(folder), "--db", str(good_db), "--quiet", "--workers", "1")
    assert out.returncode == 2
    errors = [ln for ln in out.stderr.splitlines() if not ln.startswith("note: ")]
    assert errors == [
        f"error: {folder}: no paper or result loaded; build refused; {good_db} unchanged "
        "(--allow-empty accepts an empty build)"
    ]
    assert len(out.stderr.splitlines()) == 3  # two notes, one error
    assert digest(good_db) == before
