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
from dataclasses import dataclass, field
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
_NUMBER_START = re.compile(r"^[\d.]+(?:\s|$|[·x×eE^])")
_MAGNITUDE = re.compile(r"\d\s*[KMBT]$|\d\s*[kmb]$")
_OURS_TRAIL = re.compile(r"\s*[\(\[]?\s*(?:ours|our method|our model|our approach)\s*[\)\]]?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue phrases of vocab/latex_tables.csv by kind."""

    by_kind: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern] = field(default_factory=dict)

    def find(self, kind: str, text: str) -> str | None:
        """A phrase of `kind` in `text` (case-insensitive, on word boundaries; the longest at the first place)."""
        m = self.patterns[kind].search(text.lower()) if kind in self.patterns else None
        return m.group(1) if m else None

    def is_phrase(self, kind: str, text: str) -> bool:
        """Whether the whole text (case-insensitive, spaces squashed) is a phrase of `kind`."""
        return " ".join(text.lower().split()) in self.by_kind.get(kind, ())

    def kinds(self, prefix: str) -> list[str]:
        return [k for k in self.by_kind if k.startswith(prefix)]


def _phrases_pattern(phrases: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z-])(" + alternatives + r")(?![\w-])")


@cache
def load_cues() -> Cues:
    """The shipped cue phrases."""
    text = (resources.files("leaderboard") / "vocab" / "latex_tables.csv").read_text(encoding="utf-8")
    by_kind: dict[str, list[str]] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        by_kind.setdefault(row["kind"].strip(), []).append(row["phrase"].strip().lower())
    patterns = {k: _phrases_pattern(v) for k, v in by_kind.items()}
    return Cues({k: tuple(v) for k, v in by_kind.items()}, patterns)


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
    systems = sum(1 for m in methods if m.cite or ctx.namer.method(_method_text(m.text)).known)
    return bool(methods) and systems * 2 >= len(methods)


def _method_text(text: str) -> str:
    return clean_name(_OURS_TRAIL.sub("", text)) or "Ours"


def transposed(layout: Layout, ctx: PaperContext) -> bool:
    """Rows name benchmarks and columns do not: the methods are in the column headers."""
    names = [r.method.text for r in layout.rows if r.method is not None and r.method.text]
    known = sum(1 for n in names if ctx.namer.benchmark(strip_arrows(n)).known)
    heads = [p[-1] for p in layout.paths.values() if p]
    head_known = sum(1 for h in heads if ctx.namer.benchmark(strip_arrows(h)).known)
    return bool(names) and known * 2 >= len(names) and head_known * 2 < len(heads)


def _names(
    path: tuple[str, ...],
    settings: tuple[str, ...],
    caption: str,
    ctx: PaperContext,
    bench_depths: frozenset = frozenset(),
    named: str | None = None,
) -> Names:
    """Benchmark and metric of a column: a header level naming a vocabulary metric (or carrying a direction
    arrow) is the metric, one naming a vocabulary benchmark the benchmark; else the first other header level,
    as written, is the benchmark and a further one the metric; then the group rows and the caption."""
    namer, vocab = ctx.namer, ctx.namer.vocab
    levels = [strip_arrows(p) for p in path]
    arrows = [direction(p) for p in path]
    hib = next((d for d in reversed(arrows) if d is not None), None)
    free = [i for i, lv in enumerate(levels) if lv and not ctx.cues.is_phrase("unit", lv.strip("()[] ") or lv)]
    metric = bench = None
    metric_raw = bench_raw = None
    for i in reversed(free):  # the deepest level naming a metric, else the deepest with an arrow
        if namer.metric(levels[i]).known:
            metric, metric_raw = namer.metric(levels[i]), levels[i]
            break
    else:
        for i in reversed(free):  # a level with an arrow, or with a unit under it ("Time > s"), is a metric
            unit_below = i + 1 < len(levels) and i + 1 not in free and levels[i + 1]
            if (arrows[i] is not None or unit_below) and not namer.benchmark(levels[i]).known:
                metric, metric_raw = namer.metric(levels[i]), levels[i]
                break
    rest = [i for i in free if levels[i] != metric_raw]
    for i in rest:  # the top level naming a benchmark
        if namer.benchmark(levels[i]).known:
            bench, bench_raw = namer.benchmark(levels[i]), levels[i]
            break
    at_depth = [i for i in rest if i in bench_depths]
    if bench is None and at_depth:  # a header row where other columns name benchmarks: this one names one too
        bench_raw = levels[at_depth[0]]
        bench = namer.benchmark(bench_raw)
    if bench is None and named:  # the row's "Dataset"/"Domain" cell
        bench_raw = named
        bench = namer.benchmark(named)
    if bench is None:
        for text in (*settings, *(levels[i] for i in rest), caption):
            found = vocab.benchmarks.find(text)
            if found:
                bench_raw = text[found[0].start : found[0].end]
                bench = namer.benchmark(bench_raw)
                break
    rest = [i for i in rest if levels[i] != bench_raw]
    if bench is None and rest:
        bench_raw = levels[rest.pop(0)]  # kept as written, benchmark_known false
        bench = namer.benchmark(bench_raw)
    if metric is None and rest:
        metric_raw = levels[rest.pop()]
        metric = namer.metric(metric_raw)
    if metric is None:
        found = vocab.metrics.find(caption)
        if found:
            metric_raw = caption[found[0].start : found[0].end]
            metric = namer.metric(metric_raw)
            hib = hib if hib is not None else direction(caption)
    extra = [levels[i] for i in rest]
    subset = join_subsets(bench.subset if bench else None, metric.subset if metric else None, *extra, *settings)
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
        shape = (transposed(layout, ctx), _bench_depths(layout, ctx))
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


def _method(ctx: PaperContext, cell_text: str | None, cited: bool) -> tuple[str | None, str | None, bool | None]:
    """(name, identity key, own) of a method cell or header: "Ours" becomes the paper's model name when known."""
    if not cell_text:
        return None, None, None
    own = False if cited else (True if ctx.cues.find("own_method", cell_text) else None)
    low = cell_text.lower()
    if own is None and any(low == n.lower() or low.startswith(n.lower() + " ") for n in ctx.own_names):
        own = True
    text = _method_text(cell_text)
    if own and text.lower() in ("ours", "our method", "our model", "our approach"):
        text = ctx.own_names[0] if ctx.own_names else "Ours"
    method = ctx.namer.method(text)
    norm = f"ours@{ctx.paper_id}" if method.name.lower() == "ours" else method.norm  # one paper's "Ours" only
    return method.name, norm, own


def _bench_depths(layout: Layout, ctx: PaperContext) -> frozenset:
    """Header rows (depths) in which some column names a vocabulary benchmark."""
    return frozenset(
        d for p in layout.paths.values() for d, level in enumerate(p) if ctx.namer.benchmark(strip_arrows(level)).known
    )


def _benchmark_cell(row: BodyRow, layout: Layout, ctx: PaperContext) -> str | None:
    """The row's cell in a row-header column headed "Dataset"/"Domain"/"Task": it names the row's benchmark."""
    for c, head in layout.label_headers.items():
        if ctx.cues.is_phrase("benchmark_column", head) and row.labels.get(c):
            return row.labels[c]
    return None


def _row_items(
    ctx: PaperContext, file: str, number: int, table: ParsedTable, layout: Layout, row: BodyRow, shape: tuple
):
    if row.method is not None and ctx.cues.find("delta_row", row.method.text):
        return  # "Decrease", "Δ": the change between the rows around it, not a system
    flip, depths = shape
    named = _benchmark_cell(row, layout, ctx)
    settings = tuple(s for s in row.settings if s != named)
    if not flip:
        name, norm, own = _method(ctx, row.method.text if row.method else None, bool(row.method and row.method.cite))
    for cell, reading in row.values:
        if not isinstance(reading, Reading):
            continue
        path = layout.paths.get(cell.col, ())
        if any(ctx.cues.is_phrase("property_column", strip_arrows(p)) for p in path[-1:]):
            continue
        if flip:  # methods head the columns, benchmarks head the rows
            name, norm, own = _method(ctx, " ".join(strip_arrows(p) for p in path), False)
            names = _names((row.method.text,), settings, table.caption, ctx)
        else:
            names = _names(path, settings, table.caption, ctx, depths, named)
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


def _cell(ctx, file, number, table, row: BodyRow, cell: Cell, rid: str, path: tuple[str, ...]) -> ResultCell:
    return ResultCell(
        rid, ctx.paper_id, ctx.source_file, file, number, table.part, table.label, table.caption, row.index,
        cell.col, " > ".join(path), row.method.text if row.method else None, " / ".join(row.settings) or None,
        cell.latex, cell.bold, cell.underline, bool(row.method and row.method.cite),
    )  # fmt: skip
