"""`leaderboard explain`: why the extractor read each number of a text (or of a paper in a database) as it did.

For every number token: the results it gave, the decision of every rule that fired (field, value, and the span of
text that justified it) and the rules that declined it (with their reason). The trace comes from
`Extractor.extract(paper, trace)`; see extract/trace.py.
"""

from __future__ import annotations

from pathlib import Path

import click

from leaderboard.cli import DB_OPTION
from leaderboard.errors import UserError
from leaderboard.extract import Extractor
from leaderboard.extract.numbers import find_numbers
from leaderboard.extract.trace import Decision, Trace
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper, Result
from leaderboard.store.db import connect_read_only, db_path

_SHOWN = (
    *("kind", "value", "unit", "benchmark", "subset", "metric"),
    *("method", "is_own_method", "baseline", "qualifier", "confidence"),
)


def _quote(text: str, span: tuple[int, int] | None) -> str:
    if span is None:
        return ""
    piece = " ".join(text[span[0] : span[1]].split())
    return f'  "{piece[:60]}" [{span[0]}:{span[1]}]'


def _result_line(r: Result) -> str:
    parts = [f"{k}={getattr(r, k)}" for k in _SHOWN if getattr(r, k) is not None]
    return "  result: " + ", ".join(parts)


def _decision_line(text: str, d: Decision) -> str:
    if d.declined:
        return f"    {d.field:<11} {d.rule}: {d.reason}{_quote(text, d.span)}"
    return f"    {d.field:<11} {d.value!s:<24} {d.rule}{_quote(text, d.span)}"


def render(paper: Paper, results: list[Result], trace: Trace) -> list[str]:
    """The explanation of one paper as lines of text: per number token, in order of appearance."""
    text = paper.abstract or ""
    out: list[str] = []
    for num in find_numbers(text):
        key = (num.start, num.end)
        rows = [r for r in results if (r.value_start, r.value_end) == key]
        about = trace.about(key)
        out.append(f"{text[num.start : num.end]} [{num.start}:{num.end}]")
        out += [_result_line(r) for r in rows]
        fired = [d for d in about if not d.declined]
        declined = [d for d in about if d.declined]
        if fired:
            out.append("  rules that fired:")
            out += [_decision_line(text, d) for d in fired]
        if declined:
            out.append("  rules that declined:" if rows else "  not a result:")
            out += [_decision_line(text, d) for d in declined]
        if not rows and not about:
            out.append("  no rule decided: the second number of a range, or part of a name")
    if not out:
        out.append("no number written with digits in this text")
    return out


def _paper_from_db(db: Path | None, paper_id: str) -> tuple[Paper, str | None]:
    """The paper's title and abstract, and the extractor version the database was built with."""
    with connect_read_only(db_path(db)) as con:
        row = con.execute("SELECT title, abstract FROM papers WHERE paper_id = $p", {"p": paper_id}).fetchone()
        built = con.execute("SELECT value FROM build_info WHERE key = 'extractor'").fetchone()
    if row is None:
        raise UserError(f"{db_path(db)}: no paper with id {paper_id!r}")
    return Paper(paper_id, row[0] or "", row[1] or ""), built[0] if built else None


@click.command()
@click.argument("text", required=False)
@click.option("--title", default="", help="The paper's title (it may name the benchmark or the method).")
@click.option("--paper-id", default=None, help="Explain this paper of the database instead of TEXT.")
@DB_OPTION
@click.option("--vocab", "vocab", multiple=True, type=click.Path(path_type=Path), help="Extra vocabulary CSV.")
def explain(text, title, paper_id, db, vocab) -> None:
    """Show why each number of TEXT (or of paper --paper-id in --db) got its fields: every rule that fired and
    every rule that declined."""
    if (text is None) == (paper_id is None):
        raise UserError("explain: give either TEXT or --paper-id ID (with --db)")
    extractor = Extractor(load_vocabulary(list(vocab)))
    built = None
    if paper_id is not None:
        paper, built = _paper_from_db(db, paper_id)
    else:
        paper = Paper("text", title, text)
    trace = Trace()
    results = extractor.extract(paper, trace)
    if built is not None and built != extractor.name:
        click.echo(f"note: the database was built with {built}; this is {extractor.name} (results may differ)")
    for line in render(paper, results, trace):
        click.echo(line)
