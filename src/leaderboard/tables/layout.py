"""A parsed table's layout: header rows and each value column's header path, row-header columns, group rows.

- A cell reads as a value (`read_value`): a number as written with its ±, % and a following change in
  parentheses ("76.1 (+1.2)"), or a missing mark ("-", "N/A", "--"), or not a value (words).
- Header rows are the leading rows without values; a column's header path is the distinct texts of the header
  cells covering it, top down ("COCO > AP50"); an arrow in a header (↑/↓) gives the direction.
- Row-header columns are the leading columns whose body cells are mostly words; the one with the most distinct
  names is the method column, the others name a setting. A \\multirow label carries down the rows it spans.
- A group row (one label and no values in the body, e.g. a \\multicolumn "Supervised" between \\midrules) names
  the setting of the rows after it, up to the next group row.
"""

from __future__ import annotations

import re
from dataclasses import astuple, dataclass

from leaderboard.sources.cells import CellValue, parse_cell
from leaderboard.tables.parse import Cell, ParsedTable

_MISSING = re.compile(r"^(?:[-\u2013\u2014\u2212/]+|n/?a|N/?A|—|–|\?|✗|x|none|None|OOM|oom|TBD|tbd|\*)$")
_NUM = r"[-+\u2212]?\d[\d,]*(?:\.\d+)?|[-+\u2212]?\.\d+"
_WITH_CHANGE = re.compile(
    rf"^(?P<value>{_NUM})\s*(?P<pct>%)?\s*(?:±\s*(?P<spread>{_NUM}))?\s*"
    rf"\(?\s*(?P<delta>(?:[-+\u2212↑↓]|\\uparrow|\\downarrow)\s*(?:{_NUM}))\s*(?P<dpct>%)?\s*\)?$"
)
_SCRIPTED = re.compile(rf"^(?P<value>(?:{_NUM})\s*%?)\s*[\^_]\s*\{{?(?P<rest>[±+\-\u2212↑↓(][^{{}}]*)\}}?$")
_APPROX = re.compile(r"^[~∼≈]\s*(?=[\d.])")
_ARROW_UP = re.compile(r"↑|\(higher(?: is)? better\)", re.IGNORECASE)
_ARROW_DOWN = re.compile(r"↓|\(lower(?: is)? better\)", re.IGNORECASE)
_ARROWS = re.compile(r"\s*(?:[↑↓]|\((?:higher|lower)(?: is)? better\))\s*", re.IGNORECASE)
MAX_HEADER_ROWS = 5


@dataclass(frozen=True, slots=True)
class Reading:
    """A cell read as a value: the number, its surface, unit, spread and a change written after it."""

    value: float
    text: str
    unit: str | None = None
    spread: float | None = None
    delta: float | None = None
    delta_unit: str | None = None


def _num(text: str) -> float:
    return float(text.replace("\u2212", "-").replace(",", "").replace("+", ""))


def read_value(text: str) -> Reading | str | None:
    """A Reading, "missing" for a missing mark, or None when the cell is words (or several numbers)."""
    text = text.strip().rstrip("*†‡§¶ ").strip()
    if not text:
        return None
    if _MISSING.match(text):
        return "missing"
    approx = _APPROX.match(text)  # "∼28", "≈ 0.31": an approximate value is still the value written
    if approx:
        reading = read_value(text[approx.end() :])
        return Reading(reading.value, text, *astuple(reading)[2:]) if isinstance(reading, Reading) else None
    scripted = _SCRIPTED.match(text)  # a spread or change set as a super/subscript: "0.14^+0.3%", "85.3_±0.4"
    if scripted:
        reading = read_value(f"{scripted.group('value')} {scripted.group('rest')}")
        return Reading(reading.value, text, *astuple(reading)[2:]) if isinstance(reading, Reading) else None
    m = _WITH_CHANGE.match(text)
    if m:
        sign = -1.0 if m.group("delta").lstrip()[:1] in "-\u2212↓" else 1.0
        delta = sign * _num(re.sub(r"^[-+\u2212↑↓]|^\\(?:up|down)arrow", "", m.group("delta").strip()).strip())
        spread = _num(m.group("spread")) if m.group("spread") else None
        return Reading(_num(m.group("value")), text, m.group("pct"), spread, delta, m.group("dpct") or m.group("pct"))
    cell = parse_cell(text)
    if isinstance(cell, CellValue):
        return Reading(cell.value, text, cell.unit, cell.spread)
    return None


def direction(header: str) -> bool | None:
    """True for ↑ ("higher is better"), False for ↓, None when the header has no arrow."""
    if _ARROW_UP.search(header):
        return True
    if _ARROW_DOWN.search(header):
        return False
    return None


def strip_arrows(text: str) -> str:
    return " ".join(_ARROWS.sub(" ", text).split())


@dataclass(frozen=True, slots=True)
class BodyRow:
    """A body row: its index in the table, the method cell, setting labels and the value cells by column."""

    index: int
    method: Cell | None
    settings: tuple[str, ...]
    values: tuple[tuple[Cell, Reading | str], ...]
    labels: dict[int, str]  # the row-header cells' text by column


@dataclass(frozen=True, slots=True)
class Layout:
    """Header paths by column, the row-header columns and the body rows."""

    header_rows: int
    paths: dict[int, tuple[str, ...]]
    label_cols: tuple[int, ...]
    method_col: int | None
    rows: tuple[BodyRow, ...]
    label_headers: dict[int, str]
    word_cells: int = 0  # body cells outside the row headers that are words, not values
    value_cells: int = 0  # ... that are numbers


def _grid(table: ParsedTable) -> list[list[Cell | None]]:
    """Cells by (row, column): a spanning cell fills its columns; a \\multirow label fills the empty cells of
    its column in the rows it spans (LaTeX rows still write those cells, empty)."""
    grid: list[list[Cell | None]] = [[None] * table.ncols for _ in table.rows]
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            for c in range(cell.col, min(cell.col + cell.span, table.ncols)):
                grid[r][c] = cell
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            for below in range(r + 1, min(r + cell.rowspan, len(table.rows))) if cell.text else ():
                for c in range(cell.col, min(cell.col + cell.span, table.ncols)):
                    if grid[below][c] is None or not grid[below][c].text:
                        grid[below][c] = cell
    return grid


def lay_out(table: ParsedTable) -> Layout:
    """The layout of a parsed table (see the module docstring)."""
    grid = _grid(table)
    reads = [[read_value(c.text) if c is not None and c.row == r else None for c in row] for r, row in enumerate(grid)]
    first_body = next((r for r, row in enumerate(reads) if any(isinstance(v, Reading) for v in row[1:])), len(grid))
    header_rows = min(first_body, MAX_HEADER_ROWS)
    while header_rows > 1 and _is_group_row(table.rows[header_rows - 1], table.ncols):
        header_rows -= 1  # a group label between rules opens the body ("\midrule \multicolumn{4}{c}{CNNs}")
    body = range(header_rows, len(grid))
    label_cols: list[int] = []
    for c in range(table.ncols):
        cells = [grid[r][c] for r in body if grid[r][c] is not None and grid[r][c].text]
        words = sum(1 for cell in cells if read_value(cell.text) is None)
        if cells and words * 2 > len(cells) and (not label_cols or label_cols[-1] == c - 1):
            label_cols.append(c)
        elif c > 0 or cells:
            break
    method_col = max(label_cols, key=lambda c: _method_score(grid, body, c), default=None)
    paths = {}
    for c in range(table.ncols):
        if c in label_cols:
            continue
        texts: list[str] = []
        for r in range(header_rows):
            cell = grid[r][c]
            if cell is not None and cell.text and cell.text not in texts:
                texts.append(cell.text)
        paths[c] = tuple(texts)
    label_headers = {
        c: " ".join(dict.fromkeys(grid[r][c].text for r in range(header_rows) if grid[r][c] and grid[r][c].text))
        for c in label_cols
    }
    own = [(r, c) for r in body for c in range(table.ncols) if c not in label_cols and grid[r][c] is not None
           and grid[r][c].row == r and grid[r][c].col == c and grid[r][c].text]  # fmt: skip
    words = sum(1 for r, c in own if reads[r][c] is None)
    numbers = sum(1 for r, c in own if isinstance(reads[r][c], Reading))
    rows = _body_rows(table, grid, reads, header_rows, label_cols, method_col)
    return Layout(header_rows, paths, tuple(label_cols), method_col, rows, label_headers, words, numbers)


def _method_score(grid: list[list[Cell | None]], body: range, col: int) -> tuple[int, int, int]:
    """The method column cites most, then names most distinct rows, then is the innermost (rightmost) label
    column ("Dataset | Model", "Backbone | Detector")."""
    cells = [grid[r][col] for r in body if grid[r][col] is not None]
    return sum(c.cite for c in cells), len({c.text for c in cells}), col


def _is_group_row(row, ncols: int) -> bool:
    filled = [c for c in row.cells if c.text]
    return len(filled) == 1 and "mid" in row.rules_above and (filled[0].span * 2 >= ncols or filled[0].col == 0)


def _body_rows(table, grid, reads, header_rows, label_cols, method_col) -> tuple[BodyRow, ...]:
    out: list[BodyRow] = []
    group: str | None = None
    for r in range(header_rows, len(grid)):
        own = [c for c in table.rows[r].cells if c.text]
        if "mid" in table.rows[r].rules_above:
            group = None  # a rule ends the group above it
        values = tuple(
            (grid[r][c], reads[r][c])
            for c in range(table.ncols)
            if c not in label_cols and grid[r][c] is not None and reads[r][c] is not None
        )
        if not values and len(own) == 1 and read_value(own[0].text) is None:
            group = own[0].text  # a group row names the setting of the rows below it
            continue
        if not values:
            continue
        method = grid[r][method_col] if method_col is not None else None
        settings = [grid[r][c].text for c in label_cols if c != method_col and grid[r][c] and grid[r][c].text]
        labels = {c: grid[r][c].text for c in label_cols if grid[r][c] is not None}
        out.append(BodyRow(r, method, tuple(([group] if group else []) + settings), values, labels))
    return tuple(out)
