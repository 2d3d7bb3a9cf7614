"""The `leaderboard` command: thin click wrappers that parse arguments, call the stages and print."""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leaderboard.errors import Aborted, UserError
from leaderboard.failures import run_main
from leaderboard.settings import db_path, default_sources, shipped

if TYPE_CHECKING:
    import pandas as pd

# The input formats `build --format` accepts (sources.detect.FORMATS; not imported here: it loads the vocabulary).
INPUT_FORMATS = ("listing", "jsonl", "arxiv", "json", "csv", "pwc", "results-csv", "latex")

DB_OPTION = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $LB_DB, else leaderboard.duckdb).",
)


CURATION_OPTION = click.option(
    "--curation",
    "curation",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Curation file (default: $LB_CURATION, else curation.csv beside the database).",
)


def write_frame(df: pd.DataFrame, fmt: str, out: Path | None = None) -> None:
    """Print (or write to `out`) a DataFrame as an aligned table, CSV or JSON records."""
    import pandas as pd

    from leaderboard.display import blank_missing

    if fmt == "csv":
        text = df.to_csv(index=False)
    elif fmt == "json":
        text = df.to_json(orient="records", date_format="iso", force_ascii=False, indent=1) + "\n"
    else:
        with pd.option_context("display.max_rows", 200, "display.max_colwidth", 60, "display.width", 200):
            text = (blank_missing(df).to_string(index=False) if len(df) else "(no rows)") + "\n"
    if out is None:
        click.echo(text, nl=False)
    else:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UserError(f"{out}: cannot write ({exc.strerror})") from None


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise UserError(f"--param {pair!r}: expected NAME=VALUE")
        key, value = pair.split("=", 1)
        params[key.strip()] = value
    return params


class LazyGroup(click.Group):
    """A group whose commands in other modules are imported only when used (`rank` needs scipy, a second)."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy or {}  # command name -> "module:attribute"

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name].split(":")
            return getattr(import_module(module), attr)
        return super().get_command(ctx, cmd_name)


LAZY_COMMANDS = {
    "curate": "leaderboard.cli_curate:curate",
    "explain": "leaderboard.cli_explain:explain",
    "rank": "leaderboard.rank.cli_command:rank",
}


@click.group(cls=LazyGroup, lazy=LAZY_COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="leaderboard")
def cli() -> None:
    """Results reported in papers, as a queryable fact table, rankings and a dashboard."""


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
@DB_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(INPUT_FORMATS),
    default=None,
    help="Force the input format (default: detect per file).",
)
@click.option("--workers", type=int, default=0, show_default=True, help="Extraction processes (0 = all cores).")
@click.option("--vocab", "vocab", multiple=True, type=click.Path(path_type=Path), help="Extra vocabulary CSV.")
@click.option("--filter-categories", default="", help="arXiv snapshot: keep only these categories (comma list).")
@click.option("--since", default=None, help="arXiv snapshot: keep only papers first submitted on/after DATE.")
@click.option("--strict", is_flag=True, help="Fail (and keep the old database) if any record is rejected.")
@click.option("--allow-empty", is_flag=True, help="Build even when no paper or result loads (an empty database).")
@click.option("--quiet", is_flag=True, help="No progress output.")
@CURATION_OPTION
def build(
    sources, db, fmt, workers, vocab, filter_categories, since, strict, quiet, curation=None, allow_empty=False
) -> None:
    """Build the database from SOURCES (files or folders; default: ./seeds, else the shipped seeds)."""
    from leaderboard.workers import boot_fork_server_for

    # first: the server imports and builds the extractor while this process imports the pipeline
    boot_fork_server_for(sources, workers or os.cpu_count() or 1)
    from leaderboard.pipeline import BuildOptions
    from leaderboard.pipeline import build as run_build
    from leaderboard.sources import ArxivFilter
    from leaderboard.sources.records import iso_date

    if since is not None and iso_date(since) is None:
        raise UserError(f"--since {since!r}: expected a date YYYY-MM-DD")
    cats = tuple(c.strip() for c in filter_categories.split(",") if c.strip())
    opts = BuildOptions(
        sources=list(sources) or default_sources(),
        db=db_path(db),
        fmt=fmt,
        workers=workers,
        vocab_files=list(vocab),
        filt=ArxivFilter(cats, iso_date(since) if since else None),
        strict=strict,
        allow_empty=allow_empty,
        progress=not quiet,
        curation=curation,
        note=lambda line: click.echo(line, err=True),
    )
    try:
        summary = run_build(opts)
    except KeyboardInterrupt:
        raise Aborted(f"aborted; {opts.db} unchanged") from None
    click.echo(summary.line())


@cli.command()
@click.argument("sql_or_file")
@DB_OPTION
@click.option("--param", "params", multiple=True, help="Named parameter NAME=VALUE for $NAME in the SQL.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to a file.")
def query(sql_or_file, db, params, fmt, out) -> None:
    """Run SQL (a statement, a .sql file, or a saved query's name from queries/) against the database.

    This is the trusted local path: SQL runs unrestricted on a read-only connection (the dashboard's SQL box
    is the sandboxed one). List saved queries with `leaderboard queries`.
    """
    from leaderboard.queries import bind_params, resolve_sql, run_query
    from leaderboard.store.db import connect_read_only

    saved = resolve_sql(sql_or_file)
    values = bind_params(saved, parse_params(params))
    with connect_read_only(db_path(db), views=False) as con:
        write_frame(run_query(con, saved.sql, values), fmt, out)


@cli.command("queries")
def list_queries() -> None:
    """List the saved queries and their parameters."""
    from leaderboard.queries import list_saved_queries

    for q in list_saved_queries():
        params = ", ".join(f"{k}={v}" for k, v in q.params.items())
        click.echo(f"{q.name:28} {q.title}" + (f"  [{params}]" if params else ""))


EXPORT_FORMATS = {".csv": "csv", ".json": "json", ".parquet": "parquet"}  # --out's extension -> format


def export_format(fmt: str | None, out: Path | None) -> str:
    """The export format: --format, else --out's extension, else CSV (on stdout)."""
    if fmt is None and out is not None:
        fmt = EXPORT_FORMATS.get(out.suffix.lower())
        if fmt is None:
            known = ", ".join(EXPORT_FORMATS)
            raise UserError(f"{out}: cannot tell the format from the extension (use {known}, or --format)")
    fmt = fmt or "csv"
    if fmt == "parquet" and out is None:
        raise UserError("Parquet is written to a file: give --out FILE.parquet")
    return fmt


@cli.command()
@DB_OPTION
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="File to write, its format from the extension: .csv, .json, .parquet (default: CSV on stdout).",
)
@click.option("--table", default="results", show_default=True, help="Table or view to export.")
@click.option("--format", "fmt", type=click.Choice(sorted(set(EXPORT_FORMATS.values()))), default=None)
def export(db, out, table, fmt) -> None:
    """Export the results (or another table or view) as CSV, JSON or Parquet."""
    import duckdb

    from leaderboard.queries import run_query
    from leaderboard.store.db import connect_read_only

    fmt = export_format(fmt, out)
    with connect_read_only(db_path(db), views=False) as con:
        names = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'leaderboard'"
            ).fetchall()
        }
        if table not in names:
            raise UserError(f"no table or view named {table!r} (have: {', '.join(sorted(names))})")
        relation = '"' + table.replace('"', '""') + '"'
        if fmt == "parquet":
            assert out is not None
            try:
                con.sql(f"SELECT * FROM {relation}").write_parquet(str(out))  # DuckDB's own Parquet writer
            except (duckdb.Error, OSError) as exc:
                raise UserError(f"{out}: cannot write ({str(exc).splitlines()[0]})") from None
            rows = con.execute(f"SELECT count(*) FROM {relation}").fetchone()[0]
        else:
            df = run_query(con, f"SELECT * FROM {relation}")
            write_frame(df, fmt, out)
            rows = len(df)
    if out is not None:
        click.echo(f"wrote {rows:,} rows to {out} ({fmt})", err=True)


@cli.command()
@DB_OPTION
@click.option("--port", type=int, default=8501, show_default=True)
@click.option(
    "--headless/--browser",
    default=None,
    help="Never open a browser / open one even without a display (default: open one when there is a display).",
)
def serve(db, port, headless) -> None:
    """Open the dashboard (builds the database from seeds/ first when there is none)."""
    from leaderboard.serving import run_dashboard

    path = db_path(db).resolve()
    if not path.is_file():
        click.echo(f"{path}: no database yet, building it from seeds/ …", err=True)
        build.callback(sources=(), db=path, fmt=None, workers=0, vocab=(), filter_categories="", since=None,
                       strict=False, quiet=True)  # fmt: skip
    raise SystemExit(run_dashboard(shipped("app/streamlit_app.py"), path, port, headless))


@cli.command()
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, path_type=Path),
              help="Gold: per-paper tuples (dev format), per-number lines (seed-gold format) or an exhaustive "
                   "folder (abstracts.jsonl, results.jsonl, non_results.jsonl).")  # fmt: skip
@click.option("--papers", "papers", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Papers a per-number gold annotates (default: the shipped seeds/).")  # fmt: skip
@click.option("--vocab", "vocab", multiple=True, type=click.Path(path_type=Path), help="Extra vocabulary CSV.")
@click.option("--misses", type=int, default=0, show_default=True, help="Print the first N misses (and FPs).")
def evaluate(gold, papers, vocab, misses) -> None:
    """Score the extractor against a gold file: precision/recall/F1 at three levels."""
    from leaderboard.extract import Extractor
    from leaderboard.extract.evaluate import format_report, run
    from leaderboard.extract.gold_eval import format_gold_run, is_judged_gold, run_gold
    from leaderboard.extract.vocab import load_vocabulary
    from leaderboard.models import Paper
    from leaderboard.sources import read_sources
    from leaderboard.tables import evaluate as tables_eval

    first = "" if gold.is_dir() else gold.read_text(encoding="utf-8").lstrip()[:4000]
    if tables_eval.is_table_gold(first.splitlines()[:1]):  # a LaTeX table gold (tests/data/latex/gold.jsonl)
        click.echo(tables_eval.format_report(tables_eval.score(gold, load_vocabulary(list(vocab))), str(gold)))
        return
    needs_papers = '"is_result"' in first.split("\n", 1)[0]
    corpus: list[Paper] = []
    if needs_papers:
        corpus = [p for p in read_sources(list(papers) or default_sources()) if isinstance(p, Paper)]
    extractor = Extractor(load_vocabulary(list(vocab)))
    if is_judged_gold(gold):  # the judging rules: exhaustive folder or recall-only tuples
        click.echo(format_gold_run(run_gold(gold, extractor.extract), str(gold), misses))
        if gold.is_dir():
            return
    try:
        report = run(gold, extractor, corpus)
    except (ValueError, KeyError) as exc:
        raise UserError(f"{gold}: {exc}") from None
    click.echo(format_report(report, str(gold), misses))


def main() -> None:
    """Console-script entry point: user errors as one line, internal errors logged with their traceback."""
    run_main(cli)
