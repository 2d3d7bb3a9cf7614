"""The `leaderboard` command: thin click wrappers that parse arguments, call the stages and print."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

import click

from leaderboard.errors import UserError
from leaderboard.failures import run_main
from leaderboard.settings import ENV_DB, db_path, default_sources, project_root

if TYPE_CHECKING:
    import pandas as pd

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
@click.option("--format", "fmt", default=None, help="Force the input format (default: detect per file).")
@click.option("--workers", type=int, default=0, show_default=True, help="Extraction processes (0 = all cores).")
@click.option("--vocab", "vocab", multiple=True, type=click.Path(path_type=Path), help="Extra vocabulary CSV.")
@click.option("--filter-categories", default="", help="arXiv snapshot: keep only these categories (comma list).")
@click.option("--since", default=None, help="arXiv snapshot: keep only papers first submitted on/after DATE.")
@click.option("--strict", is_flag=True, help="Fail (and keep the old database) if any record is rejected.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@CURATION_OPTION
def build(sources, db, fmt, workers, vocab, filter_categories, since, strict, quiet, curation=None) -> None:
    """Build the database from SOURCES (files or folders; default: the shipped seeds/)."""
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
        progress=not quiet,
        curation=curation,
    )
    summary = run_build(opts)
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
    with connect_read_only(db_path(db)) as con:
        write_frame(run_query(con, saved.sql, values), fmt, out)


@cli.command("queries")
def list_queries() -> None:
    """List the saved queries and their parameters."""
    from leaderboard.queries import list_saved_queries

    for q in list_saved_queries():
        params = ", ".join(f"{k}={v}" for k, v in q.params.items())
        click.echo(f"{q.name:28} {q.title}" + (f"  [{params}]" if params else ""))


@cli.command()
@DB_OPTION
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="CSV file (default: stdout)."
)
@click.option("--table", default="results", show_default=True, help="Table or view to export.")
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True)
def export(db, out, table, fmt) -> None:
    """Export the results (or another table or view) as CSV or JSON."""
    from leaderboard.queries import run_query
    from leaderboard.store.db import connect_read_only

    with connect_read_only(db_path(db)) as con:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if table not in names:
            raise UserError(f"no table or view named {table!r} (have: {', '.join(sorted(names))})")
        df = run_query(con, f'SELECT * FROM "{table}"')
    write_frame(df, fmt, out)
    if out is not None:
        click.echo(f"wrote {len(df):,} rows to {out}", err=True)


@cli.command()
@DB_OPTION
@click.option("--port", type=int, default=8501, show_default=True)
@click.option("--headless/--browser", default=True, show_default=True, help="Open a browser window or not.")
def serve(db, port, headless) -> None:
    """Open the dashboard (builds the database from seeds/ first when there is none)."""
    path = db_path(db).resolve()
    if not path.is_file():
        click.echo(f"{path}: no database yet, building it from seeds/ …", err=True)
        build.callback(sources=(), db=path, fmt=None, workers=0, vocab=(), filter_categories="", since=None,
                       strict=False, quiet=True)  # fmt: skip
    app = project_root() / "app.py"
    env = {**os.environ, ENV_DB: str(path)}
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.headless", "true" if headless else "false", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal"]  # fmt: skip
    click.echo(f"dashboard on http://localhost:{port}  (database {path}; Ctrl-C to stop)", err=True)
    try:
        raise SystemExit(subprocess.call(cmd, env=env))
    except KeyboardInterrupt:
        raise SystemExit(0) from None


@cli.command()
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold file: per-paper tuples (dev format) or per-number lines (seed-gold format).")  # fmt: skip
@click.option("--papers", "papers", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Papers a per-number gold annotates (default: the shipped seeds/).")  # fmt: skip
@click.option("--vocab", "vocab", multiple=True, type=click.Path(path_type=Path), help="Extra vocabulary CSV.")
@click.option("--misses", type=int, default=0, show_default=True, help="Print the first N misses (and FPs).")
def evaluate(gold, papers, vocab, misses) -> None:
    """Score the extractor against a gold file: precision/recall/F1 at three levels."""
    from leaderboard.extract import Extractor
    from leaderboard.extract.evaluate import format_report, run
    from leaderboard.extract.vocab import load_vocabulary
    from leaderboard.models import Paper
    from leaderboard.sources import read_sources
    from leaderboard.tables import evaluate as tables_eval

    first = gold.read_text(encoding="utf-8").lstrip()[:4000]

    if tables_eval.is_table_gold(first.splitlines()[:1]):  # a LaTeX table gold (tests/data/latex/gold.jsonl)
        click.echo(tables_eval.format_report(tables_eval.score(gold, load_vocabulary(list(vocab))), str(gold)))
        return
    needs_papers = '"is_result"' in first.split("\n", 1)[0]
    corpus: list[Paper] = []
    if needs_papers:
        corpus = [p for p in read_sources(list(papers) or default_sources()) if isinstance(p, Paper)]
    extractor = Extractor(load_vocabulary(list(vocab)))
    try:
        report = run(gold, extractor, corpus)
    except (ValueError, KeyError) as exc:
        raise UserError(f"{gold}: {exc}") from None
    click.echo(format_report(report, str(gold), misses))


def main() -> None:
    """Console-script entry point: user errors as one line, internal errors logged with their traceback."""
    run_main(cli)
