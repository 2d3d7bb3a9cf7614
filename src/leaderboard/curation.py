"""Hand corrections of the extractor, kept in a plain CSV file and applied on every build.

The file
--------
`curation.csv` beside the database (or `--curation PATH` / `$LB_CURATION`): UTF-8 CSV with a header, one
correction per row, applied in file order on every build (a later fix of the same field wins). Columns are
read by name, so they may be reordered and optional ones left out; blank lines and rows whose first cell
starts with `#` are ignored.

    action,result_id,paper_id,value_start,value_end,field,value,benchmark,metric,method,subset,unit,higher_is_better,note,created_at
    reject,3f2a9c0d11b2e4f5,,,,,,,,,,,,not a result: a year,2025-01-02T10:00:00+00:00
    fix,3f2a9c0d11b2e4f5,,,,metric,FID,,,,,,,,
    fix,,2010.12345,120,124,unit,,,,,,,,the number is bare,
    add,,2010.12345,1569,1573,,2.20,CIFAR-10,FID,Score SDE,,,false,missed by the extractor,

- `reject` removes the row from `results`. `fix` sets one `field` (benchmark, metric, method, value,
  subset, unit, higher_is_better) to `value`; an empty value clears it. `add` adds a result: `value` is the
  number, `benchmark` and `metric` are required, `value_start`/`value_end` optionally point at the number
  in the paper's abstract.
- A reject or fix names its row by `result_id`, or by `paper_id` + `value_start` + `value_end` (every row
  of that number). Fixes may name added rows too (by the id the add gets, see `added_result_id`).

In the database
---------------
`results` gets two columns at the end: `curated` (TRUE for a fixed or added row) and `original` (JSON: the
extracted value of every fixed field, e.g. `{"metric": "Top-1"}`; NULL for untouched and added rows).
Added rows have `source = 'curation'`. Table `curations` holds the loaded file with each row's `status`
(applied | orphaned | duplicate) and the `result_ids` it touched. A curation that matches nothing in the
build (its row or paper is gone) is reported in the build's summary line and in `rejected` with stage
'curation'; so is a malformed line, with its file and line number.

Python API (what the dashboard calls)
-------------------------------------
    from leaderboard.curation import Curation, append_curation, curation_path, load_curations
    path = curation_path(db)                       # $LB_CURATION, else curation.csv beside the database
    append_curation(path, Curation.reject("3f2a9c0d11b2e4f5", note="a year, not a result"))
    append_curation(path, Curation.fix("3f2a9c0d11b2e4f5", "metric", "FID"))
    append_curation(path, Curation.add("2010.12345", 2.2, "CIFAR-10", "FID", method="Score SDE"))
    curations, errors = load_curations(path)       # list[Curation], list[Rejected] (malformed lines)

`append_curation` validates first (raising `CurationError`, a `UserError`, with a one-line message), takes
an exclusive lock on the file and appends one row, so concurrent writers never interleave. Corrections take
effect at the next build.
"""

from __future__ import annotations

import csv
import dataclasses
import fcntl
import io
import math
import os
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from leaderboard.errors import UserError
from leaderboard.models import Rejected, has_surrogates, stable_id, truncate
from leaderboard.settings import DEFAULT_CURATION
from leaderboard.settings import curation_path as curation_path  # where callers have always found it

ACTIONS = ("reject", "fix", "add")
FIXABLE = ("benchmark", "metric", "method", "value", "subset", "unit", "higher_is_better")
DEFAULT_NAME = DEFAULT_CURATION
MAX_CELL_CHARS = 2_000
_TRUE = {"true", "t", "yes", "y", "1", "higher"}
_FALSE = {"false", "f", "no", "n", "0", "lower"}


class CurationError(UserError):
    """A curation that cannot be recorded (unknown action or field, missing key, bad number)."""


def parse_bool(text: str | None) -> bool | None:
    """true/false, yes/no, 1/0, higher/lower (any case); empty is None; anything else raises ValueError."""
    t = (text or "").strip().lower()
    if not t:
        return None
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError(f"not a boolean: {text!r} (use true or false)")


def parse_number(text: str | None) -> float:
    """A finite number ("2.20", "1e-3"); raises ValueError otherwise."""
    value = float((text or "").strip())
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@dataclass(slots=True)
class Curation:
    """One correction: reject a row, fix one field of it, or add a result the extractor missed."""

    action: str
    result_id: str | None = None
    paper_id: str | None = None
    value_start: int | None = None
    value_end: int | None = None
    field: str | None = None  # fix: which field
    value: str | None = None  # fix: the field's new value ("" clears it); add: the number
    benchmark: str | None = None
    metric: str | None = None
    method: str | None = None
    subset: str | None = None
    unit: str | None = None
    higher_is_better: bool | None = None
    note: str | None = None
    created_at: str | None = None
    line: int | None = dataclasses.field(default=None, compare=False)  # where it was read from (not written)

    @classmethod
    def reject(cls, result_id: str, note: str | None = None) -> Curation:
        return cls("reject", result_id=result_id, note=note)

    @classmethod
    def fix(cls, result_id: str, field_name: str, value: object, note: str | None = None) -> Curation:
        return cls("fix", result_id=result_id, field=field_name, value=_text(value), note=note)

    @classmethod
    def add(
        cls,
        paper_id: str,
        value: float | str,
        benchmark: str,
        metric: str,
        method: str | None = None,
        subset: str | None = None,
        unit: str | None = None,
        higher_is_better: bool | None = None,
        value_start: int | None = None,
        value_end: int | None = None,
        note: str | None = None,
    ) -> Curation:
        return cls(
            "add", None, paper_id, value_start, value_end, None, _text(value), benchmark, metric, method,
            subset, unit, higher_is_better, note,
        )  # fmt: skip

    def problem(self) -> str | None:
        """Why this curation cannot be applied, or None when it is well-formed."""
        if self.action not in ACTIONS:
            return f"unknown action {self.action!r} (use {', '.join(ACTIONS)})"
        for name in COLUMNS:
            text = getattr(self, name)
            if not isinstance(text, str):
                continue
            if text is not None and ("\x00" in text or has_surrogates(text) or len(text) > MAX_CELL_CHARS):
                return f"{name}: not valid text (NUL byte, bad encoding or over {MAX_CELL_CHARS:,} characters)"
        if (self.value_start is None) != (self.value_end is None):
            return "value_start and value_end go together"
        if self.value_start is not None and not 0 <= self.value_start < self.value_end:  # type: ignore[operator]
            return f"bad offsets [{self.value_start}:{self.value_end}]"
        if self.action == "add":
            return self._add_problem()
        if not self.result_id and not (self.paper_id and self.value_start is not None):
            return f"{self.action} needs a result_id, or a paper_id with value_start and value_end"
        if self.action == "fix":
            return self._fix_problem()
        return None

    def _add_problem(self) -> str | None:
        if not self.paper_id:
            return "add needs a paper_id"
        if not self.benchmark or not self.metric:
            return "add needs a benchmark and a metric"
        try:
            parse_number(self.value)
        except ValueError:
            return f"add: value {self.value!r} is not a number"
        return None

    def _fix_problem(self) -> str | None:
        if self.field not in FIXABLE:
            return f"fix: unknown field {self.field!r} (use {', '.join(FIXABLE)})"
        try:
            if self.field == "value":
                parse_number(self.value)
            elif self.field == "higher_is_better":
                parse_bool(self.value)
        except ValueError as exc:
            return f"fix {self.field}: {exc}"
        return None

    def added_result_id(self) -> str | None:
        """The stable result_id an `add` gives its row (the same on every build while the row is unchanged)."""
        if self.action != "add":
            return None
        key = (self.paper_id, self.value_start, self.value_end, self.value, self.benchmark, self.metric)
        return "c-" + stable_id("curation", *key, self.method, self.subset, self.unit, length=14)


COLUMNS = [f.name for f in fields(Curation) if f.name != "line"]


def _row(cur: Curation, columns: list[str] = COLUMNS) -> list[str]:
    values = asdict(cur)
    return [_text(values.get(name)) for name in columns]


def csv_line(cur: Curation, columns: list[str] = COLUMNS) -> str:
    """The curation as one row of a file with these columns (without the line break)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(_row(cur, columns))
    return out.getvalue()


def _file_header(data: bytes) -> list[str] | None:
    """The column names of an existing curation file (its first row that is not blank or a comment)."""
    for cells in csv.reader(io.StringIO(data.decode("utf-8", "replace").removeprefix("\ufeff"), newline="")):
        if cells and any(c.strip() for c in cells) and not cells[0].lstrip().startswith("#"):
            return [c.strip().lower() for c in cells]
    return None


def append_curation(path: str | os.PathLike, cur: Curation) -> Curation:
    """Validate and append one curation (with a header if the file is new); returns what was written."""
    if not cur.created_at:
        cur.created_at = datetime.now(UTC).isoformat(timespec="seconds")
    problem = cur.problem()
    if problem:
        raise CurationError(problem)
    p = Path(path)
    try:
        with p.open("a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            fh.seek(0)
            data = fh.read()
            columns = _file_header(data) or COLUMNS
            missing = [c for c, v in zip(COLUMNS, _row(cur), strict=True) if v and c not in columns + ["created_at"]]
            if missing:
                raise CurationError(f"{p}: the file has no column {missing[0]!r} (add it to its header line)")
            prefix = ""
            if not data.strip():
                prefix = ",".join(COLUMNS) + "\n"
            elif not data.endswith((b"\n", b"\r")):
                prefix = "\n"  # a hand-edited file without a final newline
            fh.write((prefix + csv_line(cur, columns) + "\n").encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise CurationError(f"{p}: cannot write ({exc.strerror or exc})") from None
    return cur


def _int(text: str | None) -> int | None:
    t = (text or "").strip()
    if t and not t.isdigit():
        raise ValueError(f"offset {t!r} is not a whole number")
    return int(t) if t else None


def _from_row(row: dict[str, str]) -> Curation:
    """A Curation from one CSV row (raises ValueError on unreadable offsets or booleans)."""

    def cell(name: str) -> str | None:
        value = row.get(name)
        return value.strip() if value is not None and value.strip() else None

    action = (cell("action") or "").lower()
    return Curation(
        action=action,
        result_id=cell("result_id"),
        paper_id=cell("paper_id"),
        value_start=_int(row.get("value_start")),
        value_end=_int(row.get("value_end")),
        field=(cell("field") or "").lower() or None,
        value=(row.get("value") or "").strip() if action == "fix" else cell("value"),
        benchmark=cell("benchmark"),
        metric=cell("metric"),
        method=cell("method"),
        subset=cell("subset"),
        unit=cell("unit"),
        higher_is_better=parse_bool(row.get("higher_is_better")),
        note=cell("note"),
        created_at=cell("created_at"),
    )


def load_curations(path: str | os.PathLike) -> tuple[list[Curation], list[Rejected]]:
    """Read a curation file: the well-formed curations (with `.line` set) and one Rejected per bad line.

    A missing file is no curations. Nothing here raises for bad content: each bad line is reported with the
    file and line number, and the good lines are still returned.
    """
    p = Path(path)
    source = str(p)
    good: list[Curation] = []
    bad: list[Rejected] = []
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        return good, bad
    except OSError as exc:
        return good, [Rejected(source, None, f"cannot read curation file: {exc.strerror or exc}")]
    text = data.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            bad.append(Rejected(source, start, f"malformed CSV: {exc}; rest of the curation file not read"))
            break
        line, start = start, reader.line_num + 1
        raw = truncate(",".join(cells).encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
        if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            if "action" not in header:
                bad.append(Rejected(source, line, "curation file header has no 'action' column", raw))
                return good, bad
            continue
        if len(cells) > len(header):
            bad.append(Rejected(source, line, "row has more fields than the header", raw))
            continue
        if any(has_surrogates(c) for c in cells):
            bad.append(Rejected(source, line, "not valid UTF-8", raw))
            continue
        try:
            cur = _from_row(dict(zip(header, cells, strict=False)))
        except ValueError as exc:
            bad.append(Rejected(source, line, f"bad curation: {exc}", raw))
            continue
        problem = cur.problem()
        if problem:
            bad.append(Rejected(source, line, f"bad curation: {problem}", raw))
            continue
        cur.line = line
        good.append(cur)
    return good, bad
