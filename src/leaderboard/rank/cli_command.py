"""`leaderboard rank`: rank methods from the database's results, or from a battles CSV (Chatbot Arena format).

Registered on the main `leaderboard` group in cli.py. User errors (bad option values, unknown anchor, a
battles file without the right columns) raise UserError, which the CLI prints as one line, exit code 2.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click
import duckdb
import numpy as np
import pandas as pd

from leaderboard.errors import UserError
from leaderboard.rank.api import CIS, METHODS, RankingResult, rank_battles, rank_results
from leaderboard.rank.bradley_terry import DEFAULT_REGULARIZATION

SHOWN = ["rank", "method", "rating", "ci_lower", "ci_upper", "component", "comparisons", "papers", "wins",
         "losses", "ties", "flags"]  # fmt: skip


def load_results(db: Path | None) -> pd.DataFrame:
    """The rows ranking reads (sql/rank_input.sql): results with their paper's date and extra-data flag."""
    from leaderboard.store.db import connect_read_only, db_path

    sql = resources.files("leaderboard.rank") / "sql"
    with connect_read_only(db_path(db)) as con:
        try:
            return con.execute((sql / "rank_input.sql").read_text(encoding="utf-8")).df()
        except duckdb.CatalogException:  # a database from before imports kept their extras
            return con.execute((sql / "rank_input_plain.sql").read_text(encoding="utf-8")).df()


def load_battles(path: Path) -> pd.DataFrame:
    """A battles CSV with columns model_a, model_b, winner (optionally weight, tstamp).

    A row with an empty model name or the same model on both sides is a user error naming its line (and how
    many more such rows there are).
    """
    try:
        battles = pd.read_csv(path, dtype={"model_a": str, "model_b": str, "winner": str})
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: not a readable CSV ({str(exc).splitlines()[0]})") from None
    if not {"model_a", "model_b"} <= set(battles.columns):
        return battles  # rank_battles names the missing columns
    a, b = (battles[c].fillna("").astype(str).str.strip() for c in ("model_a", "model_b"))
    empty, same = (a == "") | (b == ""), (a == b) & (a != "")
    bad = np.flatnonzero(empty.to_numpy() | same.to_numpy())
    if len(bad):
        first = int(bad[0])
        what = "an empty model name" if empty.iloc[first] else f"{a.iloc[first]!r} against itself"
        more = f" ({len(bad) - 1} more such rows)" if len(bad) > 1 else ""
        raise UserError(f"{path}:{first + 2}: {what}: every battle needs two different models{more}")
    return battles


def display_table(result: RankingResult) -> pd.DataFrame:
    """The ranking as printed: ratings rounded, flags in one column."""
    t = result.table.copy()
    digits = 2 if result.method == "index" else 1
    for col in ("rating", "ci_lower", "ci_upper"):
        t[col] = t[col].astype(float).round(digits)
    flags = [
        ", ".join(name for name, on in (("only wins", w), ("only losses", lo), ("self-reported", s)) if on)
        for w, lo, s in zip(t["only_wins"], t["only_losses"], t["self_reported_only"], strict=True)
    ]
    t["flags"] = flags
    return t[SHOWN]


@click.command("rank")
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Database file (default: $LB_DB, else leaderboard.duckdb).",
)
@click.option(
    "--pairs",
    "pairs_csv",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Rank battles from this CSV (model_a, model_b, winner) instead of the database.",
)
@click.option("--benchmark", default=None, help="Only this benchmark (default: all).")
@click.option("--metric", default=None, help="Only this metric (default: all with a known direction).")
@click.option("--method", type=click.Choice(METHODS), default="bt", show_default=True, help="Estimator.")
@click.option(
    "--regularization",
    type=float,
    default=DEFAULT_REGULARIZATION,
    show_default=True,
    help="Gaussian prior precision on strengths; 0 = plain maximum likelihood (Chatbot Arena).",
)
@click.option("--ci", type=click.Choice(CIS), default="hessian", show_default=True, help="How to get 95% intervals.")
@click.option("--bootstrap-rounds", type=int, default=200, show_default=True)
@click.option("--anchor", default=None, help="Method whose rating is fixed (see --anchor-rating).")
@click.option("--anchor-rating", type=float, default=1000.0, show_default=True)
@click.option(
    "--aliases",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Extra method alias CSV (name,aliases,source).",
)
@click.option(
    "--vocab",
    "vocab",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Extra vocabulary CSV; its generic method names (generic,kind,match) are ranked within their paper only.",
)
@click.option("--no-cross-paper", is_flag=True, help="Compare methods only within papers.")
@click.option(
    "--across-settings",
    is_flag=True,
    help="Also compare results of different settings (subset/split, qualifier, extra training data).",
)
@click.option(
    "--stability",
    is_flag=True,
    help="Also report how many papers must go to change the top method, and how often the top 10 stay top 10.",
)
@click.option("--verbose", "-v", is_flag=True, help="List every left-out benchmark/metric group.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for bootstrap and shuffles.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the full ranking as CSV here instead of printing it.",
)
def rank(db, pairs_csv, benchmark, metric, method, regularization, ci, bootstrap_rounds, anchor, anchor_rating,
         aliases, vocab, no_cross_paper, across_settings, stability, verbose, seed, out) -> None:  # fmt: skip
    """Rank methods across papers (Bradley-Terry by default) with 95% intervals.

    Ranks are Chatbot Arena's: 1 + the number of methods whose interval lies entirely above. Methods in
    different connected components are never ordered against each other: ranks restart per component.
    `--method index` fits the capability index across benchmarks (rating = ability in standard deviations).
    """
    if regularization < 0:
        raise UserError("--regularization must be >= 0")
    if aliases is not None and not aliases.is_file():
        raise UserError(f"--aliases {aliases}: no such file")
    if method == "index" and ci == "hessian":
        ci = "bootstrap"  # the index has only the paper bootstrap
    options = dict(method=method, regularization=regularization, ci=ci, bootstrap_rounds=bootstrap_rounds,
                   anchor=anchor, anchor_rating=anchor_rating, seed=seed)  # fmt: skip
    try:
        if pairs_csv is not None:
            if benchmark or metric:
                raise UserError("--benchmark/--metric select database results; they do not apply to --pairs")
            if stability:
                raise UserError("--stability drops papers; battles from --pairs have none")
            result = rank_battles(load_battles(pairs_csv), **options)
        else:
            result = rank_results(load_results(db), benchmark=benchmark, metric=metric, aliases=aliases,
                                  vocab=vocab, cross_paper=not no_cross_paper, across_settings=across_settings,
                                  **options, **({"stability": True} if stability else {}))  # fmt: skip
    except ValueError as exc:
        raise UserError(str(exc)) from None
    for line in result.notes:
        click.echo(f"note: {line}", err=True)
    _excluded(result, verbose)
    for line in result.warnings:
        click.echo(f"warning: {line}", err=True)
    if result.table.empty:
        why = "no benchmark links enough methods to another" if method == "index" else "no comparisons between methods"
        raise UserError(f"nothing to rank: {why}" + _scope(benchmark, metric))
    if out is not None:
        try:
            result.table.to_csv(out, index=False)
        except OSError as exc:
            raise UserError(f"{out}: cannot write ({exc.strerror})") from None
        click.echo(f"wrote {len(result.table):,} methods to {out}", err=True)
        return
    with pd.option_context("display.max_rows", 500, "display.max_colwidth", 40, "display.width", 200):
        click.echo(display_table(result).to_string(index=False))
        if result.items is not None and len(result.items):
            click.echo("\nbenchmarks in the index (slope and difficulty on the ability scale):")
            click.echo(result.items.round(3).to_string(index=False))
        if result.stability is not None:
            click.echo("")
            for line in result.stability.lines():
                click.echo(line)
            click.echo(result.stability.persistence.round(3).to_string(index=False))


def _excluded(result: RankingResult, verbose: bool) -> None:
    """One summary line for the left-out metrics (each on its own line with --verbose)."""
    items = result.excluded_metrics
    if not items:
        return
    if verbose:
        for item in items:
            click.echo(f"excluded: {item}", err=True)
        return
    reasons = result.excluded["reason"].value_counts()
    why = ", ".join(f"{n} {reason}" for reason, n in reasons.items())
    click.echo(f"excluded: {len(items)} benchmark/metric groups left out ({why}); --verbose lists them", err=True)


def _scope(benchmark: str | None, metric: str | None) -> str:
    parts = [f"benchmark {benchmark!r}" if benchmark else "", f"metric {metric!r}" if metric else ""]
    text = " and ".join(p for p in parts if p)
    return f" for {text}" if text else ""
