"""Expand tests/data/latex/annotations.jsonl (hand-written) into tests/data/latex/gold.jsonl (cell by cell).

An annotation names, per result table, the method of each row ("rows": {row: method}, or "all" for every body
row named as written) and the benchmark, metric and optional subset of each column ("cols"); a transposed table
swaps the two. The gold cells are every (row, column) pair of those whose cell holds a number; the number is
read from the excerpt's LaTeX by the reader's parser and then checked against a second, independent reading
(`naive_cells`: brace-depth splitting of the raw tabular on `\\\\` and `&`, no pylatexenc): a value the two
readings disagree on stops the script. Non-result tables carry only their reason.

    python scripts/latex_gold.py tests/data/latex
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from leaderboard.models import stable_id
from leaderboard.sources import latex
from leaderboard.tables.layout import Reading, _grid, lay_out, read_value
from leaderboard.tables.parse import parse_table


def _raw_tables(path: Path) -> tuple[list[str], object]:
    files, given = latex._files_of(path)
    clean = {n: latex._strip_comments(t) for n, t in files.items()}
    chunks = list(latex._chunks(clean, latex._main_file(files, given)))
    whole = "".join(t for _, _, t in chunks)
    return [tex for _, tex in latex._tables(whole)], latex.collect_macros(whole)


def _tables(path: Path) -> list:
    raw, macros = _raw_tables(path)
    return [parse_table(tex, macros)[0] for tex in raw]


_RULES = re.compile(r"\\(?:toprule|midrule|bottomrule|hline|cline|cmidrule|arrayrulecolor)(?:\([^)]*\))?(?:\{[^}]*\})?")
_BEGIN = re.compile(r"\\begin\{(?:tabular\*?|tabularx|longtable)\}")
_END = re.compile(r"\\end\{(?:tabular\*?|tabularx|longtable)\}")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)")


def _split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside braces (and not as an escaped \\&)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and text[i + 1 : i + 2] in ("{", "}", "&", "%"):
            i += 2
            continue
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    return [*parts, text[start:]]


_DEF = re.compile(r"\\newcommand\{?\\(\w+)\}?\{([^{}]*)\}")


def naive_cells(raw: str, source: str = "") -> dict[tuple[int, int], float]:
    """The first number of every cell of a table's first tabular, by (row, column), read without the parser
    (argument-less \\newcommand macros of the source, such as a number kept in a macro, are substituted)."""
    for name, body in _DEF.findall(source):
        raw = re.sub(rf"\\{name}(?![a-zA-Z])", lambda _m, b=body: b, raw)
    begin = _BEGIN.search(raw)
    i = begin.end() if begin else len(raw)
    while i < len(raw) and raw[i] in "{[ \n":  # the column spec and width: balanced groups
        close, depth = i, 0
        for close in range(i, len(raw)):
            depth += raw[close] in "{["
            depth -= raw[close] in "}]"
            if depth == 0:
                break
        i = close + 1
    end = _END.search(raw, i)
    rows = [_RULES.sub("", r).strip() for r in _split_top(raw[i : end.start() if end else i], "\\\\")]
    rows = [r for r in rows if r]
    out = {}
    for r, row in enumerate(rows):
        col = 0
        for cell in _split_top(row, "&"):
            span = re.match(r"\s*\\multicolumn\{(\d+)\}", cell)
            text = re.sub(r"\\multi(?:column|row)\{[^}]*\}\{[^}]*\}", "", cell)
            text = re.sub(r"\\[a-zA-Z]+", " ", text)
            m = _NUMBER.search(text)
            width = int(span.group(1)) if span else 1
            for c in range(col, col + width) if m else ():
                out[(r, c)] = float(m.group().replace(",", ""))
            col += width
    return out


def check(file: str, table: int, cells: list[dict], raw: str, source: str, dropped: list) -> list[str]:
    """Gold cells whose value the independent reading does not give, and annotated cells left out of the gold
    (the parser reads them as words) in which the independent reading finds a number."""
    naive = naive_cells(raw, source)
    out = [
        f"{file} table {table} cell {rc}: a number ({naive[rc]}) the gold leaves out" for rc in dropped if rc in naive
    ]
    for c in cells:
        got = naive.get((c["row"], c["col"]))
        if got is None or abs(got - c["value"]) > 1e-9:
            out.append(f"{file} table {table} cell ({c['row']}, {c['col']}): gold {c['value']}, raw LaTeX {got}")
    return out


def split_of(file: str) -> str:
    """tune or check, fixed by the paper's file name."""
    return "tune" if int(stable_id("latex-gold", file), 16) % 2 == 0 else "check"


def expand(ann: dict, table, dropped: list | None = None) -> list[dict]:
    """The gold cells of an annotated table; annotated cells the parser reads as words go to `dropped`.
    `add_cells` ([row, col, value]) gives the number of a cell the parser does not read ("$\\sim$28")."""
    added = {(r, c): v for r, c, v in ann.get("add_cells", [])}
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
            if (r, c) in added:
                reading = Reading(added[(r, c)], cell.text)
            if not isinstance(reading, Reading):
                if reading is None and dropped is not None:
                    dropped.append((r, c))
                continue
            method, names = (col_ann, row_ann) if ann.get("transposed") else (row_ann, col_ann)
            names = [*names, None, None][:3]
            bench = bench_rows.get(r, names[0])
            cells.append({"row": r, "col": c, "value": reading.value, "method": method, "benchmark": bench,
                          "metric": names[1], "subset": names[2]})  # fmt: skip
    return cells


def main(folder: Path) -> None:
    out, problems = [], []
    parsed: dict[str, list] = {}
    raws: dict[str, list[str]] = {}
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
            dropped: list = []
            rec["cells"] = expand(ann, tables[ann["table"] - 1], dropped)
            raw = raws.setdefault(ann["file"], _raw_tables(folder / "papers" / ann["file"])[0])
            source = (folder / "papers" / ann["file"]).read_text(encoding="utf-8")
            problems += check(ann["file"], ann["table"], rec["cells"], raw[ann["table"] - 1], source, dropped)
        else:
            rec["reason"] = ann["reason"]
        out.append(json.dumps(rec, ensure_ascii=False))
    if problems:
        sys.exit("\n".join(["values the two readings disagree on (gold not written):", *problems]))
    (folder / "gold.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
