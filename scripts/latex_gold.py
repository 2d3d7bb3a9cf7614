"""Expand tests/data/latex/annotations.jsonl (hand-written) into tests/data/latex/gold.jsonl (cell by cell).

An annotation names, per result table, the method of each row ("rows": {row: method}, or "all" for every body
row named as written) and the benchmark, metric and optional subset of each column ("cols"); a transposed table
swaps the two. The gold cells are every (row, column) pair of those whose cell holds a number; the number is
read from the excerpt's LaTeX (and was checked against it by hand). Non-result tables carry only their reason.

    python scripts/latex_gold.py tests/data/latex
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from leaderboard.models import stable_id
from leaderboard.sources import latex
from leaderboard.tables.layout import Reading, _grid, lay_out, read_value
from leaderboard.tables.parse import parse_table


def _tables(path: Path) -> list:
    files, given = latex._files_of(path)
    clean = {n: latex._strip_comments(t) for n, t in files.items()}
    chunks = list(latex._chunks(clean, latex._main_file(files, given)))
    whole = "".join(t for _, _, t in chunks)
    macros = latex.collect_macros(whole)
    return [parse_table(tex, macros)[0] for _, tex in latex._tables(whole)]


def split_of(file: str) -> str:
    """tune or check, fixed by the paper's file name."""
    return "tune" if int(stable_id("latex-gold", file), 16) % 2 == 0 else "check"


def expand(ann: dict, table) -> list[dict]:
    grid = _grid(table)
    lay = lay_out(table)
    cols = {int(c): v for c, v in ann["cols"].items()}
    skip = {tuple(x) for x in ann.get("skip_cells", [])}
    bench_rows = {r: b for lo, hi, b in ann.get("row_benchmark", []) for r in range(lo, hi + 1)}
    if ann["rows"] == "all":
        mcol = ann.get("method_col", 0)
        rows = {
            r: grid[r][mcol].text for r in range(lay.header_rows, len(grid)) if grid[r][mcol] and grid[r][mcol].text
        }
    else:
        rows = {int(r): v for r, v in ann["rows"].items()}
    cells = []
    for r, row_ann in rows.items():
        for c, col_ann in cols.items():
            cell = grid[r][c] if r < len(grid) and c < len(grid[r]) else None
            if (r, c) in skip or cell is None or cell.row != r:
                continue
            reading = read_value(cell.text)
            if not isinstance(reading, Reading):
                continue
            method, names = (col_ann, row_ann) if ann.get("transposed") else (row_ann, col_ann)
            names = [*names, None, None][:3]
            bench = bench_rows.get(r, names[0])
            cells.append({"row": r, "col": c, "value": reading.value, "method": method, "benchmark": bench,
                          "metric": names[1], "subset": names[2]})  # fmt: skip
    return cells


def main(folder: Path) -> None:
    out = []
    parsed: dict[str, list] = {}
    for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        ann = json.loads(line)
        tables = parsed.setdefault(ann["file"], _tables(folder / "papers" / ann["file"]))
        rec = {
            "file": ann["file"],
            "table": ann["table"],
            "split": split_of(ann["file"]),
            "is_result": ann["is_result"],
        }
        if ann["is_result"]:
            rec["cells"] = expand(ann, tables[ann["table"] - 1])
        else:
            rec["reason"] = ann["reason"]
        out.append(json.dumps(rec, ensure_ascii=False))
    (folder / "gold.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
