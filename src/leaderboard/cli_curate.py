"""`leaderboard curate`: record corrections of the extractor in the curation file (see curation.py)."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from leaderboard.cli import CURATION_OPTION, DB_OPTION, write_frame
from leaderboard.curation import FIXABLE, Curation, append_curation, csv_line, curation_path, load_curations
from leaderboard.errors import UserError
from leaderboard.store.db import connect_read_only, db_path

KEY_OPTIONS = [
    click.option("--paper-id", default=None, help="Name the row by paper and offsets instead of RESULT_ID."),
    click.option("--start", "value_start", type=int, default=None, help="Offset of the number in the abstract."),
    click.option("--end", "value_end", type=int, default=None, help="End offset (exclusive) of the number."),
]
NOTE_OPTION = click.option("--note", default=None, help="Why (kept in the file and the database).")


def with_options(options: list):
    def decorate(fn):
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate


def _check_against_db(db: Path, cur: Curation) -> None:
    """When a database exists, refuse curations that name nothing in it (a typo would only be orphaned)."""
    path = db_path(db)
    if not path.is_file():
        return
    with connect_read_only(path) as con:
        if cur.action == "add":
            row = con.execute("SELECT length(abstract) FROM papers WHERE paper_id = $p", {"p": cur.paper_id}).fetchone()
            if row is None:
                raise UserError(f"no paper {cur.paper_id!r} in {path}")
            if cur.value_end is not None and cur.value_end > row[0]:
                raise UserError(f"--end {cur.value_end} is past the end of the abstract ({row[0]} characters)")
            return
        if cur.result_id:
            found = con.execute("SELECT count(*) FROM results WHERE result_id = $r", {"r": cur.result_id}).fetchone()
            what = f"result {cur.result_id!r}"
        else:
            found = con.execute(
                "SELECT count(*) FROM results WHERE paper_id = $p AND value_start = $s AND value_end = $e",
                {"p": cur.paper_id, "s": cur.value_start, "e": cur.value_end},
            ).fetchone()
            what = f"result at {cur.paper_id} [{cur.value_start}:{cur.value_end}]"
        if not found or not found[0]:
            raise UserError(f"no {what} in {path} (find ids with `leaderboard query`)")


def _record(db: Path | None, curation: Path | None, cur: Curation) -> None:
    problem = cur.problem()
    if problem:
        raise UserError(problem)
    _check_against_db(db, cur)
    path = curation_path(db, curation)
    append_curation(path, cur)
    click.echo(f"recorded in {path}: {csv_line(cur)}  (applies from the next `leaderboard build`)")


@click.group()
def curate() -> None:
    """Correct the extractor: reject, fix or add results. Corrections live in a CSV file and survive rebuilds."""


@curate.command("reject")
@click.argument("result_id", required=False)
@with_options(KEY_OPTIONS)
@NOTE_OPTION
@DB_OPTION
@CURATION_OPTION
def reject(result_id, paper_id, value_start, value_end, note, db, curation) -> None:
    """Remove a result (RESULT_ID, or --paper-id with --start/--end) from `results`."""
    _record(db, curation, Curation("reject", result_id, paper_id, value_start, value_end, note=note))


@curate.command("fix")
@click.argument("result_id", required=False)
@click.option("--field", "field_name", required=True, type=click.Choice(FIXABLE), help="The field to set.")
@click.option("--value", required=True, help="Its new value (empty clears it).")
@with_options(KEY_OPTIONS)
@NOTE_OPTION
@DB_OPTION
@CURATION_OPTION
def fix(result_id, field_name, value, paper_id, value_start, value_end, note, db, curation) -> None:
    """Set one field of a result (RESULT_ID, or --paper-id with --start/--end)."""
    cur = Curation("fix", result_id, paper_id, value_start, value_end, field_name, value, note=note)
    _record(db, curation, cur)


@curate.command("add")
@click.option("--paper-id", required=True, help="The paper that reports the number.")
@click.option("--value", required=True, help="The number.")
@click.option("--benchmark", required=True)
@click.option("--metric", required=True)
@click.option("--method", default=None)
@click.option("--subset", default=None)
@click.option("--unit", default=None)
@click.option("--higher-is-better/--lower-is-better", "higher_is_better", default=None)
@click.option("--start", "value_start", type=int, default=None, help="Offset of the number in the abstract.")
@click.option("--end", "value_end", type=int, default=None, help="End offset (exclusive).")
@NOTE_OPTION
@DB_OPTION
@CURATION_OPTION
def add(paper_id, value, benchmark, metric, method, subset, unit, higher_is_better, value_start, value_end, note, db,
        curation) -> None:  # fmt: skip
    """Add a result the extractor missed."""
    cur = Curation.add(
        paper_id, value, benchmark, metric, method, subset, unit, higher_is_better, value_start, value_end, note
    )
    _record(db, curation, cur)


@curate.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@DB_OPTION
@CURATION_OPTION
def list_curations(fmt, db, curation) -> None:
    """List the curations in the file, with any malformed lines and why."""
    path = curation_path(db, curation)
    good, bad = load_curations(path)
    rows = [
        {
            "line": c.line,
            "action": c.action,
            "target": c.result_id or (f"{c.paper_id} [{c.value_start}:{c.value_end}]" if c.value_start is not None
                                      else c.paper_id),
            "field": c.field or "",
            "value": c.value or "",
            "note": c.note or "",
        }
        for c in good
    ]  # fmt: skip
    rows += [{"line": r.line, "action": "(malformed)", "target": "", "field": "", "value": "", "note": r.reason}
             for r in bad]  # fmt: skip
    rows.sort(key=lambda r: r["line"] or 0)
    columns = ["line", "action", "target", "field", "value", "note"]
    click.echo(f"{path}: {len(good)} curation(s), {len(bad)} malformed", err=True)
    write_frame(pd.DataFrame(rows, columns=columns), fmt)
