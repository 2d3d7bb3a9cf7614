"""Importer for Papers with Code evaluation tables (`evaluation-tables.json` and the sota-extractor files).

Schema: a list of Task {task, datasets[Dataset], subtasks[Task], ...}; Dataset {dataset | subdataset,
sota {metrics[], rows[Row]}, subdatasets[Dataset]}; Row {model_name, paper_title, paper_url, paper_date,
code_links[], model_links[], metrics {name: value}, uses_additional_data}. Subtasks and sub-datasets are
walked recursively. Every metric cell of every row becomes one `results` row when it reads as a number
(sources.cells), else one `rejected` row (stage "import") naming the file, task, dataset, row and metric.

Where things go: method = model_name, without a leading role label ("Baseline : Lead-3" is the method Lead-3 with
is_own_method false; labels are grammar rows `baseline_label`); unit "%" when the cell, the metric name ("% Test
Accuracy") or another cell of the same column says so; benchmark = the top-level dataset's canonical name
(vocabulary), with benchmark_raw as written; subset = the split in the dataset's name, the sub-dataset path and any
split or qualifier in the metric name, " / "-joined; metric = canonical metric name, metric_raw as written;
direction from the vocabulary (NULL when unknown). Task path, dataset path as written, paper title/URL/date, code
and model links and uses_additional_data go to `result_extras` (one row per result); papers to `papers`.

Text fields are cleaned on import (sources.imported.clean_text): control characters and markup placeholders
("\x02wzxhzdk:6\x03") go, a title of only reference marks ("[13] [code]") is no title; a row whose model
name is nothing but such junk goes to `rejected` with the reason.

Memory: tasks are decoded one top-level task at a time (sources.jsonstream) and their rows streamed out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary, load_vocabulary
from leaderboard.models import Paper, Rejected, Result, ResultExtra, stable_id
from leaderboard.normalise import clean_name, join_subsets
from leaderboard.sources.cells import CellValue, parse_cell
from leaderboard.sources.imported import Namer, Names, clean_text, imported_result, paper_ref, source_tag
from leaderboard.sources.jsonstream import iter_items
from leaderboard.sources.records import truncate

EXTRACTOR = "pwc-import/1"
MAX_DEPTH = 50
Item = Paper | Result | ResultExtra | Rejected


@dataclass(slots=True)
class _Import:
    """State of one file's import: where we are and which papers were written."""

    path: Path
    namer: Namer
    source: str
    papers_seen: set[str] = field(default_factory=set)

    def reject(self, where: str, reason: str, raw: object = None) -> Rejected:
        text = None if raw is None else truncate(str(raw), 200)
        return Rejected(str(self.path), None, f"{where}: {reason}", text, stage="import")


def _text(value: object) -> str:
    return clean_name(clean_text(value)) if isinstance(value, str) else ""


def _links(value: object) -> list[str]:
    out = []
    for link in value if isinstance(value, list) else []:
        url = link.get("url") if isinstance(link, dict) else link
        if isinstance(url, str) and url.strip():
            out.append(url.strip())
    return out


def read_pwc(path: Path, vocab: Vocabulary | None = None) -> Iterator[Item]:
    """Stream papers, results, their extras and rejected cells from one evaluation-tables file."""
    state = _Import(path, Namer(vocab or load_vocabulary()), source_tag("pwc", path))
    for item in iter_items(path):
        where = f"task {item.number} (line {item.line})"
        if item.error:
            yield state.reject(where, item.error)
        elif not isinstance(item.value, dict):
            yield state.reject(where, f"a JSON {type(item.value).__name__}, not a task object")
        elif not {"task", "datasets", "subtasks"} & item.value.keys():
            keys = ", ".join(sorted(map(str, item.value))[:8])
            yield state.reject(where, f"not a task object (no task, datasets or subtasks; keys: {keys})")
        else:
            yield from _task(state, item.value, [], where)


def _task(state: _Import, task: dict, parents: list[str], where: str) -> Iterator[Item]:
    name = _text(task.get("task")) or "(unnamed task)"
    path = [*parents, name]
    if len(path) > MAX_DEPTH:
        yield state.reject(where, f"subtasks nested deeper than {MAX_DEPTH} levels")
        return
    for key in ("datasets", "subtasks"):
        children = task.get(key) or []
        if not isinstance(children, list):
            yield state.reject(" > ".join(path), f"'{key}' is a JSON {type(children).__name__}, not a list")
            continue
        for child in children:
            if not isinstance(child, dict):
                yield state.reject(" > ".join(path), f"an item of '{key}' is not an object", child)
            elif key == "datasets":
                yield from _dataset(state, child, path, [])
            else:
                yield from _task(state, child, path, where)


def _dataset(state: _Import, ds: dict, task: list[str], parents: list[str]) -> Iterator[Item]:
    name = _text(ds.get("dataset") or ds.get("subdataset")) or "(unnamed dataset)"
    path = [*parents, name]
    where = " > ".join([*task, *path])
    sota = ds.get("sota") or {}
    rows = sota.get("rows") or [] if isinstance(sota, dict) else None
    if not isinstance(rows, list):
        yield state.reject(where, "'sota.rows' is not a list")
        rows = []
    counts: dict[tuple, int] = {}  # per table: tells apart rows that are otherwise identical
    percent = _percent_columns(rows, state.namer)
    for number, row in enumerate(rows, start=1):
        row_where = f"{where}, row {number}"
        if not isinstance(row, dict):
            yield state.reject(row_where, "row is not an object", row)
        elif not isinstance(row.get("metrics"), dict):
            yield state.reject(row_where, "row has no 'metrics' object", row.get("metrics"))
        else:
            yield from _row(state, row, task, path, row_where, counts, percent)
    subs = ds.get("subdatasets") or []
    if not isinstance(subs, list):
        yield state.reject(where, "'subdatasets' is not a list")
        return
    if len(path) >= MAX_DEPTH:
        yield state.reject(where, f"sub-datasets nested deeper than {MAX_DEPTH} levels")
        return
    for sub in subs:
        if isinstance(sub, dict):
            yield from _dataset(state, sub, task, path)
        else:
            yield state.reject(where, "an item of 'subdatasets' is not an object", sub)


def _percent_columns(rows: list, namer: Namer) -> set[str]:
    """Metric columns of a table that are in percent: some cell is written with "%", or the vocabulary's
    unit of the column's metric is "%" and some cell is above 1 (then "0.068" in it is 0.068%, not 6.8%).

    Only cells with a "%" and cells of a percent metric's column are parsed, until the column is decided."""
    out: set[str] = set()
    percent_metric: dict[str, bool] = {}
    for row in rows:
        metrics = row.get("metrics") if isinstance(row, dict) else None
        for name, raw in metrics.items() if isinstance(metrics, dict) else ():
            column = " ".join(str(name).split())
            if column in out:
                continue
            if column not in percent_metric:
                entry = namer.vocab.metrics.lookup(namer.metric(column).name)
                percent_metric[column] = entry is not None and entry.get("unit").strip() == "%"
            if not (percent_metric[column] or (isinstance(raw, str) and "%" in raw)):
                continue
            cell = parse_cell(raw)
            if isinstance(cell, CellValue) and (cell.unit == "%" or (percent_metric[column] and cell.value > 1)):
                out.add(column)
    return out


def _row(
    state: _Import, row: dict, task: list[str], dataset: list[str], where: str, counts: dict, percent: set[str]
) -> Iterator[Item]:
    raw_model = row["model_name"] if isinstance(row.get("model_name"), str) else ""
    model = clean_text(raw_model)
    if raw_model.strip() and not model:
        reason = "model name has no text once control characters and markup placeholders are removed"
        yield state.reject(where, reason, raw_model)
        return
    title, url = _text(row.get("paper_title")), _text(row.get("paper_url"))
    date = row.get("paper_date") if isinstance(row.get("paper_date"), str) else None
    ref = paper_ref(url, title, model, date, f"{state.source}\x1f{where}")
    if ref.record and ref.paper_id not in state.papers_seen:
        state.papers_seen.add(ref.paper_id)
        yield ref.paper(str(state.path), None)
    uad = row.get("uses_additional_data")
    extra = ResultExtra(  # the row's part of every cell's extras
        result_id="",
        source=state.source,
        source_file=str(state.path),
        locator="",
        task=" > ".join(task),
        dataset=" > ".join(dataset),
        paper_title=ref.title,
        paper_url=url or None,
        paper_date=ref.date,
        code_links=_links(row.get("code_links")),
        model_links=_links(row.get("model_links")),
        uses_additional_data=uad if isinstance(uad, bool) else None,
    )
    bench = state.namer.benchmark(dataset[0])
    task_q = state.namer.task(task, bench)
    name, own = state.namer.role(model)  # "Baseline : Lead-3": the baseline Lead-3 (ids keep the name as written)
    method = state.namer.method(name) if name else None
    for metric_raw, raw in row["metrics"].items():
        metric_name = " ".join(str(metric_raw).split())
        cell_where = f"{where} ({model or 'unnamed model'}), metric {metric_name!r}"
        cell = parse_cell(raw)
        if not isinstance(cell, CellValue):
            yield state.reject(cell_where, cell.reason, cell.text)
            continue
        metric = state.namer.metric(metric_name)
        key = (state.source, *task, "\x1e", *dataset, model, title, url, date, metric_name)
        counts[key] = counts.get(key, 0) + 1
        rid = stable_id(*key, counts[key] - 1)
        subset = join_subsets(task_q, bench.subset, *dataset[1:], metric.subset)
        names = Names(method, bench, dataset[0], metric, metric_name, subset, own)
        evidence = f"{state.path.name}: {cell_where} = {cell.text}"
        result = imported_result(
            ref, names, cell, source=state.source, extractor=EXTRACTOR, evidence=evidence, result_id=rid
        )
        if result.unit is None and metric_name in percent:
            result.unit = "%"  # "74.1" in a column where other cells say "76.5%" (or a percent metric)
        yield result
        yield _cell_extra(extra, rid, cell_where, cell.note)


def _cell_extra(row: ResultExtra, result_id: str, locator: str, note: str | None) -> ResultExtra:
    """A cell's extras: its row's, with the cell's id, locator and note (faster than dataclasses.replace)."""
    return ResultExtra(
        result_id, row.source, row.source_file, locator, row.task, row.dataset, row.paper_title, row.paper_url,
        row.paper_date, row.code_links, row.model_links, row.uses_additional_data, note,
    )  # fmt: skip
