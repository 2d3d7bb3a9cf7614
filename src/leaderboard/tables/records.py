"""Side records of LaTeX tables: one `tables` row per table read, one `result_cells` row per result from a cell.

Their field names are the columns of the tables of the same names (store/schema.sql); keep the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LatexTable:
    """One table of a paper's LaTeX source: where it is, what it says, and whether it gave results (or why not)."""

    paper_id: str
    source_file: str  # the path given to the build (a .tex, a folder's file, a tarball)
    file: str  # the .tex file inside the paper that holds the table
    table_number: int  # 1-based, in reading order of the paper's table environments
    part: int  # the tabular's position in its float (0 unless it has several)
    label: str | None
    caption: str
    rows: int
    columns: int
    results: int  # results read from it
    status: str  # results | skipped | unreadable
    reason: str | None  # why it was skipped or could not be read
    grid: str  # the cells' text as a JSON list of rows of [column, span, text, bold, underline]
    latex: str  # the tabular as written (truncated)


@dataclass(frozen=True, slots=True)
class ResultCell:
    """Where a LaTeX result comes from: the table, the cell and what the header and row header said."""

    result_id: str
    paper_id: str
    source_file: str
    file: str
    table_number: int
    part: int
    label: str | None
    caption: str
    row_index: int  # 0-based rows and columns of the tabular, header rows included
    column_index: int
    header_path: str  # " > "-joined header texts above the cell ("COCO > AP50")
    row_header: str | None  # the method cell as written
    setting: str | None  # group row and other row-header columns
    cell_latex: str
    bold: bool
    underline: bool
    cited: bool  # the row header cites (a baseline)


SIDE_TABLES = {LatexTable: "tables", ResultCell: "result_cells"}
