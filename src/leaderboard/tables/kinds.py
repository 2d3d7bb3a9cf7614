"""Which tables are results: skip reasons (hyper-parameters, statistics, ablations whose rows are not systems,
no values) and tables whose methods head the columns (transposed)."""

from __future__ import annotations

import re

from leaderboard.tables.context import PaperContext
from leaderboard.tables.layout import Layout, Reading, strip_arrows
from leaderboard.tables.names import method_text
from leaderboard.tables.parse import ParsedTable

_NUMBER_START = re.compile(r"^[\d.]+(?:\s|$|[·x×eE^])")
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
    if names and sum(1 for n in names if _NUMBER_START.match(n)) * 2 >= len(names):
        return "row headers are numbers (settings such as learning rates or rounds), not systems"
    if names and sum(1 for n in names if ctx.cues.find("statistic_row", n) or n.startswith("#")) * 2 > len(names):
        return "rows are statistics (counts, means, sizes), not systems"
    if len(names) > 2 and len(set(names)) == 1:
        return "every row has the same row header: rows are not told apart by a system"
    readings = [v for r in layout.rows for _, v in r.values if isinstance(v, Reading)]
    if readings and sum(1 for v in readings if _MAGNITUDE.search(v.text)) * 2 > len(readings):
        return "values are sizes written with a magnitude suffix (143K, 1.2M), not results"
    phrase = ctx.cues.find("ablation", table.caption)
    if phrase and not _rows_are_systems(layout, ctx):
        return f"ablation ({phrase!r} in the caption) whose rows are not systems"
    return None


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
