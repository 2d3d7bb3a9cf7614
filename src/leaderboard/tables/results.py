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

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from leaderboard.models import Result, stable_id
from leaderboard.normalise import clean_name, join_subsets
from leaderboard.sources.imported import Namer
from leaderboard.tables.layout import BodyRow, Layout, Reading, direction, lay_out, strip_arrows
from leaderboard.tables.parse import Cell, ParsedTable
from leaderboard.tables.records import LatexTable, ResultCell

EXTRACTOR = "latex-tables/1"
CONFIDENCE = 0.9
MAX_LATEX = 20_000
_OURS_TRAIL = re.compile(r"\s*[\(\[]?\s*(?:ours|our method|our model|our approach)\s*[\)\]]?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue phrases of vocab/latex_tables.csv by kind."""

    by_kind: dict[str, tuple[str, ...]]

    def find(self, kind: str, text: str) -> str | None:
        """The first phrase of `kind` in `text` (case-insensitive, on word boundaries), else None."""
        low = f" {text.lower()} "
        for phrase in self.by_kind.get(kind, ()):
            if re.search(rf"(?<![A-Za-z-]){re.escape(phrase)}(?![\w-])", low):
                return phrase
        return None

    def is_phrase(self, kind: str, text: str) -> bool:
        """Whether the whole text (case-insensitive, spaces squashed) is a phrase of `kind`."""
        return " ".join(text.lower().split()) in self.by_kind.get(kind, ())

    def kinds(self, prefix: str) -> list[str]:
        return [k for k in self.by_kind if k.startswith(prefix)]


@cache
def load_cues() -> Cues:
    """The shipped cue phrases."""
    text = (resources.files("leaderboard") / "vocab" / "latex_tables.csv").read_text(encoding="utf-8")
    by_kind: dict[str, list[str]] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        by_kind.setdefault(row["kind"].strip(), []).append(row["phrase"].strip().lower())
    return Cues({k: tuple(v) for k, v in by_kind.items()})


@dataclass(frozen=True, slots=True)
class PaperContext:
    """What every table of one paper shares."""

    paper_id: str
    source_file: str
    namer: Namer
    cues: Cues
    own_names: tuple[str, ...] = ()  # the paper's model name(s): from its title or its name macros


@dataclass(frozen=True, slots=True)
class Names:
    benchmark: str | None
    benchmark_raw: str | None
    known: bool | None
    metric: str | None
    metric_raw: str | None
    unit: str | None
    hib: bool | None
    subset: str | None


def skip_reason(table: ParsedTable, layout: Layout, ctx: PaperContext) -> str | None:
    """Why a table gives no results, or None when it does."""
    if not layout.rows:
        return "no values in the table body"
    head = " ".join([table.caption, *(c.text for c in table.rows[0].cells)]) if table.rows else table.caption
    for kind in ctx.cues.kinds("skip_"):
        phrase = ctx.cues.find(kind, head)
        if phrase:
            return f"{kind.removeprefix('skip_')}: {phrase!r} in the caption or header"
    phrase = ctx.cues.find("ablation", table.caption)
    if phrase and not _rows_are_systems(layout, ctx):
        return f"ablation ({phrase!r} in the caption) whose rows are not systems"
    return None


def _rows_are_systems(layout: Layout, ctx: PaperContext) -> bool:
    methods = [r.method for r in layout.rows if r.method is not None and r.method.text]
    systems = sum(1 for m in methods if m.cite or ctx.namer.method(_method_text(m.text)).known)
    return bool(methods) and systems * 2 >= len(methods)


def _method_text(text: str) -> str:
    return clean_name(_OURS_TRAIL.sub("", text)) or "Ours"


def _names(path: tuple[str, ...], settings: tuple[str, ...], caption: str, ctx: PaperContext) -> Names:
    namer, vocab = ctx.namer, ctx.namer.vocab
    levels = [strip_arrows(p) for p in path]
    hib = next((d for d in (direction(p) for p in reversed(path)) if d is not None), None)
    metric = bench = None
    used: set[int] = set()
    for i in range(len(levels) - 1, -1, -1):  # the deepest level naming a metric
        m = namer.metric(levels[i])
        if m.known:
            metric, metric_raw = m, levels[i]
            used.add(i)
            break
    for i, level in enumerate(levels):  # the top level naming a benchmark
        b = namer.benchmark(level)
        if i not in used and b.known:
            bench, bench_raw = b, level
            used.add(i)
            break
    if bench is None:
        for text in (*settings, *levels, caption):
            found = vocab.benchmarks.find(text)
            if found:
                bench_raw = text[found[0].start : found[0].end]
                bench = namer.benchmark(bench_raw)
                break
    if metric is None:
        for text in (*levels, caption):
            found = vocab.metrics.find(text)
            if found:
                metric_raw = text[found[0].start : found[0].end]
                metric = namer.metric(metric_raw)
                hib = hib if hib is not None else direction(caption)
                break
    rest = [lv for i, lv in enumerate(levels) if i not in used and lv]
    if bench is None and len(rest) > (0 if metric is not None else 1):
        bench_raw = rest.pop(0)
        bench = namer.benchmark(bench_raw)
    if metric is None and rest:
        metric_raw = rest.pop()
        metric = namer.metric(metric_raw)
    subset = join_subsets(bench.subset if bench else None, metric.subset if metric else None, *rest, *settings)
    return Names(
        bench.name if bench else None,
        bench_raw if bench else None,
        bench.known if bench else None,
        metric.name if metric else None,
        metric_raw if metric else None,
        metric.unit if metric else None,
        hib if hib is not None else (metric.higher_is_better if metric else None),
        subset,
    )


def _is_own(cell: Cell | None, ctx: PaperContext) -> bool | None:
    if cell is None or not cell.text:
        return None
    if cell.cite:
        return False
    if ctx.cues.find("own_method", cell.text):
        return True
    low = cell.text.lower()
    return any(low == n.lower() or low.startswith(n.lower() + " ") for n in ctx.own_names) or None


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
        for row in layout.rows:
            for item in _row_items(ctx, file, number, table, layout, row):
                count += isinstance(item, Result)
                yield item
        if count == 0:
            reason = "only method properties (params, FLOPs, ...) or missing values"
    yield LatexTable(
        ctx.paper_id, ctx.source_file, file, number, table.part, table.label, table.caption, len(table.rows),
        table.ncols, count, "skipped" if reason else "results", reason, _grid_json(table), table.latex[:MAX_LATEX],
    )  # fmt: skip


def _row_items(ctx: PaperContext, file: str, number: int, table: ParsedTable, layout: Layout, row: BodyRow):
    method_cell = row.method
    own = _is_own(method_cell, ctx)
    method_text = _method_text(method_cell.text) if method_cell and method_cell.text else None
    if own and method_text and ctx.cues.find("own_method", method_text) is None and ctx.own_names:
        pass
    elif own and (not method_text or method_text.lower() in ("ours", "our method", "our model")):
        method_text = ctx.own_names[0] if ctx.own_names else "Ours"
    method = ctx.namer.method(method_text) if method_text else None
    norm = method.norm if method else None
    if method and own and method.name.lower() == "ours":
        norm = f"ours@{ctx.paper_id}"  # "Ours" of one paper is not "Ours" of another
    for cell, reading in row.values:
        if not isinstance(reading, Reading):
            continue
        path = layout.paths.get(cell.col, ())
        if any(ctx.cues.is_phrase("property_column", strip_arrows(p)) for p in path[-1:]):
            continue
        names = _names(path, row.settings, table.caption, ctx)
        rid = stable_id("latex", ctx.paper_id, file, number, table.part, row.index, cell.col)
        evidence = (
            f"{file}, Table {number}: {table.caption[:300]} | {method_text or ''} | {' > '.join(path)} = {cell.text}"
        )
        yield Result(
            paper_id=ctx.paper_id, value=reading.value, value_text=reading.text, kind="absolute",
            method=method.name if method else None, method_norm=norm, is_own_method=own,
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
                method=method.name if method else None, method_norm=norm, is_own_method=own,
                benchmark=names.benchmark, benchmark_raw=names.benchmark_raw, benchmark_known=names.known,
                subset=names.subset, metric=names.metric, metric_raw=names.metric_raw,
                unit=reading.delta_unit or names.unit, higher_is_better=names.hib, evidence=evidence,
                confidence=CONFIDENCE, extractor=EXTRACTOR, source="latex", result_id=did, delta_relative=False,
            )  # fmt: skip
            yield _cell(ctx, file, number, table, row, cell, did, path)


def _cell(ctx, file, number, table, row: BodyRow, cell: Cell, rid: str, path: tuple[str, ...]) -> ResultCell:
    return ResultCell(
        rid, ctx.paper_id, ctx.source_file, file, number, table.part, table.label, table.caption, row.index,
        cell.col, " > ".join(path), row.method.text if row.method else None, " / ".join(row.settings) or None,
        cell.latex, cell.bold, cell.underline, bool(row.method and row.method.cite),
    )  # fmt: skip
