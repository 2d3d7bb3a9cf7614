"""Provenance at a glance: a paper's abstract as HTML with every extracted number highlighted and linked to its row.

Pure functions (no Streamlit), so they are tested directly. All text is HTML-escaped; offsets are Python string
indices into the abstract (end exclusive), as in the `results` table. Spans with offsets outside the text, or
overlapping an earlier span, are skipped (and counted) rather than breaking the markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

STYLE = """
<style>
.lb-abstract { line-height: 1.75; font-size: 1rem; }
.lb-abstract a.lb-num { background: #ffe08a; color: inherit; text-decoration: none; border-radius: 3px;
  padding: 0 2px; font-weight: 600; }
.lb-abstract a.lb-num.lb-own { background: #b7e4c7; }
.lb-abstract a.lb-num:hover { outline: 2px solid #e0a800; }
.lb-abstract sup { color: #888; font-size: 0.7em; margin-left: 1px; }
.lb-abstract .lb-bench { border-bottom: 2px solid #74a9cf; }
.lb-abstract .lb-metric { border-bottom: 2px dotted #e6550d; }
table.lb-results { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
table.lb-results th, table.lb-results td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; }
table.lb-results tr:target { background: #fff3c4; }
</style>
"""

RESULT_COLUMNS = ["value", "method", "benchmark", "metric", "subset", "kind", "reported as", "confidence"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    css: str
    numbers: tuple[int, ...] = ()  # the rows a value mark links to (several rows can share one number)
    title: str = ""


def _valid(start: object, end: object, length: int) -> bool:
    if start is None or end is None or pd.isna(start) or pd.isna(end):
        return False
    return 0 <= int(start) < int(end) <= length


def _describe(row: dict) -> str:
    parts = [row.get("method"), row.get("benchmark"), row.get("subset"), row.get("metric")]
    return " · ".join(str(p) for p in parts if isinstance(p, str) and p)


def _flag(value: object) -> bool | None:
    """A nullable boolean cell as True / False / None (pandas NA, numpy bools and None alike)."""
    if value is None or pd.isna(value):
        return None
    return bool(value)


def _overlaps(span: Span, chosen: list[Span]) -> bool:
    return any(span.start < c.end and c.start < span.end for c in chosen)


def spans(abstract: str, results: pd.DataFrame) -> tuple[list[Span], int]:
    """Non-overlapping marks (values first, then benchmark and metric mentions) and how many value rows were skipped.

    `results` rows are numbered 1.. in their order; a value mark carries the numbers of its rows.
    """
    rows = results.to_dict("records")
    by_range: dict[tuple[int, int], list[int]] = {}
    skipped = 0
    for number, row in enumerate(rows, start=1):
        if _valid(row.get("value_start"), row.get("value_end"), len(abstract)):
            by_range.setdefault((int(row["value_start"]), int(row["value_end"])), []).append(number)
        elif row.get("value_start") is not None and not pd.isna(row.get("value_start")):
            skipped += 1
    chosen: list[Span] = []
    for (start, end), numbers in sorted(by_range.items()):
        group = [rows[n - 1] for n in numbers]
        css = "lb-num lb-own" if any(_flag(r.get("is_own_method")) for r in group) else "lb-num"
        span = Span(start, end, css, tuple(numbers), " | ".join(filter(None, (_describe(r) for r in group))))
        if _overlaps(span, chosen):
            skipped += len(numbers)
            continue
        chosen.append(span)
    mentions = {
        Span(int(r[f"{f}_start"]), int(r[f"{f}_end"]), css, (), f"{f}: {r.get(f) or ''}")
        for r in rows
        for f, css in (("benchmark", "lb-bench"), ("metric", "lb-metric"))
        if _valid(r.get(f"{f}_start"), r.get(f"{f}_end"), len(abstract))
    }
    for span in sorted(mentions, key=lambda m: (m.start, m.end, m.css)):
        if not _overlaps(span, chosen):
            chosen.append(span)
    return sorted(chosen, key=lambda s: s.start), skipped


def abstract_html(abstract: str, results: pd.DataFrame, anchor_prefix: str = "lb-r") -> tuple[str, int]:
    """The abstract as escaped HTML with marked spans; value marks link to `#<anchor_prefix>-<n>`."""
    marks, skipped = spans(abstract, results)
    out: list[str] = []
    pos = 0
    for span in marks:
        out.append(html.escape(abstract[pos : span.start]))
        text = html.escape(abstract[span.start : span.end])
        title = html.escape(span.title, quote=True)
        if span.numbers:
            sups = "".join(f"<sup>{n}</sup>" for n in span.numbers)
            href = f"#{anchor_prefix}-{span.numbers[0]}"
            out.append(f'<a class="{span.css}" href="{href}" title="{title}">{text}</a>{sups}')
        else:
            out.append(f'<span class="{span.css}" title="{title}">{text}</span>')
        pos = span.end
    out.append(html.escape(abstract[pos:]))
    return f'<div class="lb-abstract">{"".join(out)}</div>', skipped


def results_html(results: pd.DataFrame, anchor_prefix: str = "lb-r") -> str:
    """The paper's results as an escaped HTML table; row n has id `<anchor_prefix>-<n>` (the marks link here)."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in ["#", *RESULT_COLUMNS])
    rows = []
    for number, row in enumerate(results.to_dict("records"), start=1):
        own = _flag(row.get("is_own_method"))
        cells = {
            "value": row.get("value_text") or row.get("value"),
            "method": row.get("method"),
            "benchmark": row.get("benchmark"),
            "metric": row.get("metric"),
            "subset": row.get("subset"),
            "kind": row.get("kind"),
            "reported as": "own method" if own is True else "baseline" if own is False else _imported(row),
            "confidence": _confidence(row),
        }
        tds = "".join(f"<td>{_cell(cells[c])}</td>" for c in RESULT_COLUMNS)
        rows.append(f'<tr id="{anchor_prefix}-{number}"><td>{number}</td>{tds}</tr>')
    return f'<table class="lb-results"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _confidence(row: dict) -> str:
    """The calibrated confidence, with "?" when the row is below the `confident` threshold."""
    value = row.get("confidence")
    text = f"{value:.2f}" if isinstance(value, float) else ""
    return f"{text} ?".strip() if _flag(row.get("confident")) is False else text


def _imported(row: dict) -> str:
    """ "imported: squad.json" for a row imported from a leaderboard file (its results.source is "<kind>:<file>")."""
    source = row.get("source")
    return f"imported: {source.split(':', 1)[1]}" if isinstance(source, str) and ":" in source else ""


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value))
