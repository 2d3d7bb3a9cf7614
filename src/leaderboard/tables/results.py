"""A laid-out LaTeX table as results, through the same names as every other source (leaderboard.normalise).

Per value cell: method from the row header (a \\cite marks a baseline; "ours", "(ours)" or the paper's own
model name marks its method); benchmark and metric from the column's header path, then the group row and
other row headers, then the caption ("Results on ImageNet", "(FID ↓)"): a level that names a vocabulary metric
is the metric, one that names a vocabulary benchmark the benchmark; a header the vocabulary does not know
is kept as written (benchmark_known false). Direction from an arrow in the header or caption, else the
vocabulary's. Kind absolute; a change written after the value ("76.1 (+1.2)") is a delta of that row.
Tables that are not results are skipped with the reason (hyper-parameters, statistics, ablations whose rows
are not systems, no values); columns of method properties (params, FLOPs, year) give no results.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from leaderboard.models import Result, stable_id
from leaderboard.tables.context import PaperContext
from leaderboard.tables.kinds import skip_reason, transposed
from leaderboard.tables.layout import BodyRow, Layout, Reading, lay_out, strip_arrows
from leaderboard.tables.names import bench_depths, benchmark_cell, column_names, method_names
from leaderboard.tables.parse import Cell, ParsedTable
from leaderboard.tables.records import LatexTable, ResultCell

EXTRACTOR = "latex-tables/1"
CONFIDENCE = 0.9
MAX_LATEX = 20_000


def _grid_json(table: ParsedTable) -> str:
    rows = [[[c.col, c.span, c.text, c.bold, c.underline] for c in r.cells] for r in table.rows]
    return json.dumps(rows, ensure_ascii=False)


def table_items(
    ctx: PaperContext, file: str, number: int, table: ParsedTable
) -> Iterator[Result | ResultCell | LatexTable]:
    """The results of one parsed table with their cell records, then the table's own record."""
    layout = lay_out(table)
    reason = skip_reason(table, layout, ctx)
    count = 0
    if reason is None:
        shape = (transposed(layout, ctx), bench_depths(layout, ctx))
        for row in layout.rows:
            for item in _row_items(ctx, file, number, table, layout, row, shape):
                count += isinstance(item, Result)
                yield item
        if count == 0:
            reason = "only method properties (params, FLOPs, ...) or missing values"
    yield LatexTable(
        ctx.paper_id, ctx.source_file, file, number, table.part, table.label, table.caption, len(table.rows),
        table.ncols, count, "skipped" if reason else "results", reason, _grid_json(table), table.latex[:MAX_LATEX],
    )  # fmt: skip


def _row_items(
    ctx: PaperContext, file: str, number: int, table: ParsedTable, layout: Layout, row: BodyRow, shape: tuple
):
    if row.method is not None and ctx.cues.find("delta_row", row.method.text):
        return  # "Decrease", "Δ": the change between the rows around it, not a system
    if _is_change_row(row):
        return  # an unlabelled row of signed numbers ("+5.2%") under a method: its gain, not a system
    flip, depths = shape
    named = benchmark_cell(row, layout, ctx)
    settings = tuple(s for s in row.settings if s != named)
    if not flip:
        text = row.method.text if row.method else None
        if text and settings and ctx.cues.is_phrase("base_row", text):
            text = settings[-1]  # "Base" under a backbone's label is that backbone ("LightGCN | Base")
        name, norm, own = method_names(ctx, text, bool(row.method and row.method.cite))
    for cell, reading in row.values:
        if not isinstance(reading, Reading):
            continue
        path = layout.paths.get(cell.col, ())
        if any(ctx.cues.is_phrase("property_column", strip_arrows(p)) for p in path[-1:]):
            continue
        if flip:  # methods head the columns, benchmarks head the rows
            name, norm, own = method_names(ctx, " ".join(strip_arrows(p) for p in path), False)
            names = column_names((row.method.text,), settings, table.caption, ctx)
        else:
            names = column_names(path, settings, table.caption, ctx, depths, named)
        rid = stable_id("latex", ctx.paper_id, file, number, table.part, row.index, cell.col)
        where = f"{file}, Table {number}: {table.caption[:300]}"
        evidence = f"{where} | {name or ''} | {' > '.join(path)} = {cell.text}"
        yield Result(
            paper_id=ctx.paper_id, value=reading.value, value_text=reading.text, kind="absolute",
            method=name, method_norm=norm, is_own_method=own,
            benchmark=names.benchmark, benchmark_raw=names.benchmark_raw, benchmark_known=names.known,
            subset=names.subset, metric=names.metric, metric_raw=names.metric_raw, unit=reading.unit or names.unit,
            higher_is_better=names.hib, spread=reading.spread, evidence=evidence, confidence=CONFIDENCE,
            extractor=EXTRACTOR, source="latex", result_id=rid,
        )  # fmt: skip
        yield _cell(ctx, file, number, table, row, cell, rid, path)
        if reading.delta is not None:
            did = stable_id("latex-delta", ctx.paper_id, file, number, table.part, row.index, cell.col)
            yield Result(
                paper_id=ctx.paper_id, value=reading.delta, value_text=reading.text, kind="delta",
                method=name, method_norm=norm, is_own_method=own,
                benchmark=names.benchmark, benchmark_raw=names.benchmark_raw, benchmark_known=names.known,
                subset=names.subset, metric=names.metric, metric_raw=names.metric_raw,
                unit=reading.delta_unit or names.unit, higher_is_better=names.hib, evidence=evidence,
                confidence=CONFIDENCE, extractor=EXTRACTOR, source="latex", result_id=did, delta_relative=False,
            )  # fmt: skip
            yield _cell(ctx, file, number, table, row, cell, did, path)


def _is_change_row(row: BodyRow) -> bool:
    """No row header, and every value written with a sign (+5.22%, -0.4): the change of the row above."""
    if row.method is not None and row.method.text:
        return False
    texts = [v.text.lstrip() for _, v in row.values if isinstance(v, Reading)]
    return bool(texts) and all(t[:1] in "+-\u2212" for t in texts)


def _cell(ctx, file, number, table, row: BodyRow, cell: Cell, rid: str, path: tuple[str, ...]) -> ResultCell:
    return ResultCell(
        rid, ctx.paper_id, ctx.source_file, file, number, table.part, table.label, table.caption, row.index,
        cell.col, " > ".join(path), row.method.text if row.method else None, " / ".join(row.settings) or None,
        cell.latex, cell.bold, cell.underline, bool(row.method and row.method.cite),
    )  # fmt: skip
