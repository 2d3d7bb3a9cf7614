"""Records as Arrow tables, typed from their dataclasses: built in worker processes, loaded by BuildWriter.

Kept free of DuckDB so worker processes do not import it.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import fields
from functools import cache
from operator import attrgetter

import pyarrow as pa

from leaderboard.models import Paper, Rejected, Result, ResultExtra

_ARROW_TYPES = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def _columns(records: Sequence[object], names: list[str]) -> dict[str, Sequence]:
    """The `names` fields of `records`, column by column: one C-level attrgetter call per record and a zip,
    instead of a getattr per field and record (results have 40 fields)."""
    if not records or not names:
        return {n: [] for n in names}
    if len(names) == 1:
        return {names[0]: list(map(attrgetter(names[0]), records))}
    return dict(zip(names, zip(*map(attrgetter(*names), records), strict=True), strict=True))


@cache
def arrow_schema(cls: type) -> pa.Schema:
    """The Arrow schema of a record dataclass, from its type hints (so empty columns keep their type)."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        args = [a for a in typing.get_args(hints[f.name]) if a is not type(None)] or [hints[f.name]]
        out.append(pa.field(f.name, _ARROW_TYPES.get(args[0], pa.string())))
    return pa.schema(out)


def to_arrow(records: Sequence[object], cls: type, names: list[str] | None = None) -> pa.Table:
    """Records of a dataclass as an Arrow table with the dataclass's column types (all columns, or `names`)."""
    schema = arrow_schema(cls)
    if names is not None:
        schema = pa.schema([schema.field(n) for n in names])
    return pa.table(_columns(records, schema.names), schema=schema)


def papers_table(papers: Sequence[Paper]) -> pa.Table:
    """Papers as an Arrow table for `BuildWriter.add_tables`."""
    return to_arrow(papers, Paper)


def results_table(results: Sequence[Result], paper_index: Sequence[int | None]) -> pa.Table:
    """Results as an Arrow table; `paper_index[i]` is the position of results[i]'s paper in its papers table."""
    return to_arrow(results, Result).append_column("paper_seq", pa.array(paper_index, pa.int64()))


def rejected_table(rejected: Sequence[Rejected], stage: str | None = None) -> pa.Table:
    """Rejected records as an Arrow table, each with its own stage unless `stage` overrides it."""
    table = to_arrow(rejected, Rejected)
    if stage is not None:
        i = table.schema.get_field_index("stage")
        table = table.set_column(i, "stage", pa.array([stage] * len(rejected), pa.string()))
    return table


def extras_table(extras: Sequence[ResultExtra]) -> pa.Table:
    """Importers' side records as an Arrow table (the *_links fields are lists of strings)."""
    schema = pa.schema(
        [pa.field(f.name, pa.list_(pa.string())) if f.name.endswith("_links") else f for f in arrow_schema(ResultExtra)]
    )
    return pa.table(_columns(extras, schema.names), schema=schema)
