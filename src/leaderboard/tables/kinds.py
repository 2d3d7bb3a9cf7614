"""Which tables are results: skip reasons (hyper-parameters, statistics, ablations whose rows are not systems,
no values) and tables whose methods head the columns (transposed)."""

from __future__ import annotations

import re

from leaderboard.tables.context import PaperContext
from leaderboard.tables.layout import Layout, Reading, strip_arrows
from leaderboard.tables.names import method_text
from leaderboard.tables.parse import ParsedTable

_NUMBER_START = re.compile(r"^[\d.]+(?:\s|$|[·x×eE^])")
_ASSIGNMENT = re.compile(r"^[^\s=]{1,12}\s*=\s*[-+\u2212]?[\d.]")  # "k=200", "lr = 1e-3", "N = 10"
_NUMBERED = re.compile(r"^(?P<stem>[^\W\d][\w ]*?)\s+\d+$")  # "User 1", "Seed 3", "Round 12"
_MAGNITUDE = re.compile(r"\d\s*[KMBT]$|\d\s*[kmb]$")


def skip_reason(table: ParsedTable, layout: Layout, ctx: PaperContext) -> str | None:
    """Why a table gives no results, or None when it does (each rule names the pattern it sees)."""
    if not layout.rows:
        return "no values in the table body"
    head = " ".join([table.caption, *(c.text for c in table.rows[0].cells)]) if table.rows else table.caption
    for kind in ctx.cues.kinds("skip_"):
        phrase = ctx.cues.find(kind, head)
        if phrase:
            return f"{kind.removeprefix('skip_')}: {phrase!r} in the caption or header"
    if layout.word_cells > layout.value_cells:
        return "most cells outside the row headers are words: a description table, not results"
    names = [r.method.text for r in layout.rows if r.method is not None and r.method.text]
    if names and sum(1 for n in names if _NUMBER_START.match(n) or _ASSIGNMENT.match(n)) * 2 >= len(names):
        return "row headers are numbers or settings (k=200), such as learning rates or rounds, not systems"
    if _swept_first_column(layout):
        return "the first column is a setting swept in order (numbers under a header), not systems"
    phrase = next(filter(None, (ctx.cues.find("setting_header", h) for h in _row_headers(layout))), None)
    if phrase and not _rows_are_systems(layout, ctx):
        return f"the row-header column names a setting ({phrase!r}), and its rows are not systems"
    if names and sum(1 for n in names if ctx.cues.find("statistic_row", n) or n.startswith("#")) * 2 > len(names):
        return "rows are statistics (counts, means, sizes), not systems"
    if len(names) > 2 and len(set(names)) == 1:
        return "every row has the same row header: rows are not told apart by a system"
    stems = {m.group("stem").lower() if m else None for m in map(_NUMBERED.match, names)}
    if len(names) > 2 and len(stems) == 1 and None not in stems:
        return "rows are numbered instances of one thing (User 1, User 2), not systems"
    readings = [v for r in layout.rows for _, v in r.values if isinstance(v, Reading)]
    if readings and sum(1 for v in readings if _MAGNITUDE.search(v.text)) * 2 > len(readings):
        return "values are sizes written with a magnitude suffix (143K, 1.2M), not results"
    phrase = ctx.cues.find("ablation", table.caption)
    if phrase and not _rows_are_systems(layout, ctx):
        return f"ablation ({phrase!r} in the caption) whose rows are not systems"
    return None


def _row_headers(layout: Layout) -> list[str]:
    """The headers of the row-header columns, or of the first column when no column holds row headers."""
    if layout.label_headers:
        return [h for h in layout.label_headers.values() if h]
    first = layout.paths.get(0, ())
    return [" ".join(first)] if first else []


def _swept_first_column(layout: Layout) -> bool:
    """No row-header column, a header over the first column and its numbers in strict order (3, 4, 5)."""
    if layout.label_cols or not layout.paths.get(0) or len(layout.rows) < 2:
        return False
    firsts = [next((v.value for c, v in r.values if c.col == 0 and isinstance(v, Reading)), None) for r in layout.rows]
    if None in firsts:
        return False
    steps = [b - a for a, b in zip(firsts, firsts[1:], strict=False)]
    return all(d > 0 for d in steps) or all(d < 0 for d in steps)


def _rows_are_systems(layout: Layout, ctx: PaperContext) -> bool:
    methods = [r.method for r in layout.rows if r.method is not None and r.method.text]
    systems = sum(1 for m in methods if m.cite or ctx.namer.method(method_text(m.text)).known)
    return bool(methods) and systems * 2 >= len(methods)


def transposed(layout: Layout, ctx: PaperContext) -> bool:
    """Rows name benchmarks and columns do not: the methods are in the column headers."""
    names = [r.method.text for r in layout.rows if r.method is not None and r.method.text]
    known = sum(1 for n in names if ctx.namer.benchmark(strip_arrows(n)).known)
    heads = [p[-1] for p in layout.paths.values() if p]
    head_known = sum(1 for h in heads if ctx.namer.benchmark(strip_arrows(h)).known)
    return bool(names) and known * 2 >= len(names) and head_known * 2 < len(heads)
