"""Names of a value cell: benchmark and metric from the column's header path, group rows and caption;
method from the row header ("ours", "(ours)" or the paper's own model name marks its method)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaderboard.normalise import clean_name, join_subsets
from leaderboard.tables.context import PaperContext
from leaderboard.tables.layout import BodyRow, Layout, direction, strip_arrows

_OURS_TRAIL = re.compile(r"\s*[\(\[]?\s*(?:ours|our method|our model|our approach)\s*[\)\]]?\s*$", re.IGNORECASE)


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


def method_text(text: str) -> str:
    return clean_name(_OURS_TRAIL.sub("", text)) or "Ours"


def column_names(
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


def method_names(ctx: PaperContext, cell_text: str | None, cited: bool) -> tuple[str | None, str | None, bool | None]:
    """(name, identity key, own) of a method cell or header: "Ours" becomes the paper's model name when known."""
    if not cell_text:
        return None, None, None
    own = False if cited else (True if ctx.cues.find("own_method", cell_text) else None)
    low = cell_text.lower()
    if own is None and any(low == n.lower() or low.startswith(n.lower() + " ") for n in ctx.own_names):
        own = True
    text = method_text(cell_text)
    if own and text.lower() in ("ours", "our method", "our model", "our approach"):
        text = ctx.own_names[0] if ctx.own_names else "Ours"
    method = ctx.namer.method(text)
    norm = f"ours@{ctx.paper_id}" if method.name.lower() == "ours" else method.norm  # one paper's "Ours" only
    return method.name, norm, own


def bench_depths(layout: Layout, ctx: PaperContext) -> frozenset:
    """Header rows (depths) in which some column names a vocabulary benchmark."""
    return frozenset(
        d for p in layout.paths.values() for d, level in enumerate(p) if ctx.namer.benchmark(strip_arrows(level)).known
    )


def benchmark_cell(row: BodyRow, layout: Layout, ctx: PaperContext) -> str | None:
    """The row's cell in a row-header column headed "Dataset"/"Domain"/"Task": it names the row's benchmark."""
    for c, head in layout.label_headers.items():
        if ctx.cues.is_phrase("benchmark_column", head) and row.labels.get(c):
            return row.labels[c]
    return None
