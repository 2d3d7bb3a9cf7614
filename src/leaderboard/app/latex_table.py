"""The Paper page's LaTeX tables: each results table rendered from its cells, the chosen result's cell marked.

Reads `tables` (the grid of cell texts) and `result_cells` (which cell each result came from). Every cell that
gave a result is tinted; the cell of the result picked in the select box is outlined. Databases built before
LaTeX sources existed have neither table: then nothing is shown.
"""

from __future__ import annotations

import html
import json

import pandas as pd
import streamlit as st

from leaderboard.app import data

STYLE = """<style>
table.lb-latex {border-collapse: collapse; font-size: 0.85rem; margin-bottom: 0.5rem}
table.lb-latex td {border: 1px solid #ddd; padding: 2px 6px; text-align: center}
table.lb-latex td.lb-result {background: #eef6ee}
table.lb-latex td.lb-picked {background: #ffe9a8; outline: 2px solid #d08c00}
table.lb-latex td.lb-bold {font-weight: bold}
table.lb-latex td.lb-under {text-decoration: underline}
</style>"""


def table_html(grid: list, results: set[tuple[int, int]], picked: tuple[int, int] | None) -> str:
    """One table as HTML: `grid` rows of [column, span, text, bold, underline]; cells in `results` tinted and the
    `picked` (row, column) outlined."""
    rows = []
    for r, cells in enumerate(grid):
        tds = []
        for col, span, text, bold, under in cells:
            classes = []
            if (r, col) in results:
                classes.append("lb-result")
            if picked == (r, col):
                classes.append("lb-picked")
            classes += ["lb-bold"] if bold else []
            classes += ["lb-under"] if under else []
            attrs = f' colspan="{int(span)}"' if span > 1 else ""
            attrs += f' class="{" ".join(classes)}"' if classes else ""
            tds.append(f"<td{attrs}>{html.escape(str(text))}</td>")
        rows.append("<tr>" + "".join(tds) + "</tr>")
    return '<table class="lb-latex">' + "".join(rows) + "</table>"


def render(paper_id: str) -> None:
    """The paper's LaTeX results tables, with a picker for the result whose cell to mark."""
    if not {"tables", "result_cells"} <= data.relations():
        return
    tables = data.run("latex_tables", paper=paper_id)
    if tables.empty:
        return
    cells = data.run("latex_cells", paper=paper_id)
    st.subheader(f"Tables from the LaTeX source ({len(tables)})")
    labels = {
        rid: f"Table {t} · {m or '?'} · {b or '?'} · {mt or '?'} = {v:g}"
        for rid, t, m, b, mt, v in zip(
            cells["result_id"], cells["table_number"], cells["method"], cells["benchmark"], cells["metric"],
            cells["value"], strict=True,
        )
    }  # fmt: skip
    picked_id = st.selectbox("Show the cell of", list(labels), format_func=labels.get) if labels else None
    picked = cells[cells["result_id"] == picked_id].iloc[0] if picked_id else None
    for t in tables.itertuples():
        mine = cells[(cells["table_number"] == t.table_number) & (cells["part"] == t.part)]
        spots = set(zip(mine["row_index"], mine["column_index"], strict=True))
        here = _spot(picked, t) if picked is not None else None
        st.markdown(f"**Table {t.table_number}** ({t.file}{', ' + t.label if t.label else ''}): {t.caption}")
        st.html(STYLE + table_html(json.loads(t.grid), spots, here))


def _spot(picked: pd.Series, t) -> tuple[int, int] | None:
    if int(picked["table_number"]) == t.table_number and int(picked["part"]) == t.part:
        return int(picked["row_index"]), int(picked["column_index"])
    return None
