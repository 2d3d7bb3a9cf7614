"""One LaTeX table environment as rows of cells (pylatexenc parses; nothing here matches braces by hand).

`parse_table(latex, macros)` reads a `table`/`table*` environment (or a bare tabular) and returns one
ParsedTable per tabular-like body inside it (tabular, tabular*, tabularx, longtable, ...), with the caption and
label of the float, or a TableError with the reason. Cells keep their LaTeX as written and their text
(macros rendered: \\pm -> ±, \\uparrow -> ↑, user macros expanded), whether the paper set them in bold or
underlined (its "best" marks), whether they cite, and their span (\\multicolumn) and row span (\\multirow).
Rows keep the rules drawn above them (\\toprule, \\midrule, \\hline, \\cmidrule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexEnvironmentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexSpecialsNode,
)

from leaderboard.tables.macros import Macros
from leaderboard.tables.render import MAX_DEPTH, TABULARS, Renderer

RULES = {"toprule": "top", "midrule": "mid", "bottomrule": "bottom", "hline": "mid", "cmidrule": "part"}
RULES |= {"cline": "part", "specialrule": "mid", "Xhline": "mid", "hhline": "mid", "thickhline": "mid"}
_ROW_ENDS = {"\\", "tabularnewline", "endhead", "endfirsthead", "endfoot", "endlastfoot", "cr"}
_CMIDRULE_TRIM = re.compile(r"\\cmidrule\s*\([^)]{0,8}\)")


class TableError(ValueError):
    """A table that cannot be read, with the reason."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its position (first column it covers), span, LaTeX and rendered text, and marks."""

    row: int
    col: int
    span: int
    rowspan: int
    latex: str
    text: str
    bold: bool = False
    underline: bool = False
    cite: bool = False
    macro_names: tuple[str, ...] = ()  # user macros in the cell (a paper names its own method by one)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of cells with the rules drawn above it ("top", "mid", "part", "bottom")."""

    index: int
    cells: tuple[Cell, ...]
    rules_above: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedTable:
    """A tabular body with its float's caption and label."""

    env: str
    caption: str
    label: str | None
    rows: tuple[Row, ...]
    ncols: int
    latex: str
    part: int = 0  # the tabular's position within its float (several tabulars: sub-tables)


def _find(nodes: list, names: set[str] | dict, kind: type, depth: int = 0) -> list:
    """Nodes of `kind` named in `names`, searched depth-first through groups, environments and arguments."""
    found: list = []
    if depth > MAX_DEPTH:
        return found
    for node in nodes or []:
        if node is None:
            continue
        name = getattr(node, "environmentname", None) or getattr(node, "macroname", None)
        if isinstance(node, kind) and name in names:
            found.append(node)
            if kind is LatexEnvironmentNode:
                continue
        if kind is not LatexEnvironmentNode and getattr(node, "environmentname", None) in TABULARS:
            continue  # a caption or label inside a tabular belongs to the tabular's cells, not the float
        children = list(getattr(node, "nodelist", None) or [])
        if getattr(node, "nodeargd", None) is not None and node.nodeargd.argnlist:
            children += [a for a in node.nodeargd.argnlist if a is not None]
        found += _find(children, names, kind, depth + 1)
    return found


def _split_rows(nodes: list) -> list[tuple[tuple[str, ...], list[list]]]:
    """(rules above, cells as node lists) per row, split at `&` and `\\\\`."""
    rows: list[tuple[tuple[str, ...], list[list]]] = []
    rules: list[str] = []
    cells: list[list] = []
    cur: list = []

    def blank() -> bool:
        return not cells and all(isinstance(n, LatexCharsNode) and not n.chars.strip() for n in cur)

    for node in nodes:
        if isinstance(node, LatexSpecialsNode) and node.specials_chars == "&":
            cells.append(cur)
            cur = []
        elif isinstance(node, LatexMacroNode) and node.macroname in _ROW_ENDS:
            if not blank():
                rows.append((tuple(rules), [*cells, cur]))
                rules = []
            cells, cur = [], []
        elif isinstance(node, LatexMacroNode) and node.macroname in RULES and blank():
            rules.append(RULES[node.macroname])
        elif not isinstance(node, LatexCommentNode):
            cur.append(node)
    if not blank():
        rows.append((tuple(rules), [*cells, cur]))
    return rows


def _int_arg(node: LatexMacroNode, index: int) -> int:
    args = node.nodeargd.argnlist if node.nodeargd else []
    arg = args[index] if len(args) > index else None
    text = arg.latex_verbatim().strip("{} ") if arg is not None else ""
    m = re.match(r"-?\d+", text)
    return max(1, min(abs(int(m.group(0))), 200)) if m else 1


def _span(nodes: list) -> tuple[int, int]:
    """(columns, rows) a cell covers, from its \\multicolumn / \\multirow."""
    span = rowspan = 1
    for node in [n for n in nodes if not (isinstance(n, LatexCharsNode) and not n.chars.strip())][:1]:
        if isinstance(node, LatexMacroNode) and node.macroname == "multicolumn":
            span = _int_arg(node, 0)
            last = node.nodeargd.argnlist[2] if node.nodeargd and len(node.nodeargd.argnlist) > 2 else None
            _, rowspan = _span(last.nodelist if isinstance(last, LatexGroupNode) else [])
        elif isinstance(node, LatexMacroNode) and node.macroname == "multirow":
            rowspan = _int_arg(node, 1)
    return span, rowspan


def _cells(renderer: Renderer, index: int, raw: list[list]) -> tuple[Cell, ...]:
    out, col = [], 0
    for nodes in raw:
        marks = {"bold": False, "underline": False, "cite": False, "macros": []}
        text = " ".join(renderer.render(nodes, marks).split())
        span, rowspan = _span(nodes)
        latex = "".join(n.latex_verbatim() for n in nodes if n is not None).strip()
        cell = Cell(index, col, span, rowspan, latex, text, marks["bold"], marks["underline"], marks["cite"])
        out.append(cell if not marks["macros"] else _with_macros(cell, marks["macros"]))
        col += span
    return tuple(out)


def _with_macros(cell: Cell, names: list[str]) -> Cell:
    return Cell(*[getattr(cell, f) for f in Cell.__slots__[:-1]], macro_names=tuple(dict.fromkeys(names)))


def parse_table(latex: str, macros: Macros | None = None, renderer: Renderer | None = None) -> list[ParsedTable]:
    """The tabular bodies of one float (or bare tabular), with caption and label; TableError when none reads.

    `renderer` (a paper's macros in a parsing context) is built from `macros` when not given; a reader of
    several tables of one paper passes one to build it once."""
    renderer = renderer or Renderer(macros or Macros())
    try:
        nodes = renderer.nodes(_CMIDRULE_TRIM.sub(r"\\cmidrule", latex))
    except (RecursionError, IndexError, ValueError, AttributeError, TypeError) as exc:
        raise TableError(f"LaTeX does not parse: {type(exc).__name__}") from None
    floats = [n for n in nodes if isinstance(n, LatexEnvironmentNode)]
    env = floats[0].environmentname if floats else "tabular"
    caption_nodes = _find(nodes, {"caption", "captionof"}, LatexMacroNode)
    marks = {"bold": False, "underline": False, "cite": False, "macros": []}
    caption = " ".join(renderer.render(caption_nodes[:1], marks).split()) if caption_nodes else ""
    labels = _find(nodes, {"label"}, LatexMacroNode)
    label = labels[0].nodeargd.argnlist[-1].latex_verbatim().strip("{} ") if labels and labels[0].nodeargd else None
    bodies = _find(nodes, TABULARS, LatexEnvironmentNode)
    if not bodies:
        raise TableError("no tabular body (tabular, tabularx, tabular*, longtable) in the table")
    out = []
    for part, body in enumerate(bodies):
        rows = []
        for rules, raw in _split_rows(body.nodelist or []):
            rows.append(Row(len(rows), _cells(renderer, len(rows), raw), rules))
        if not rows:
            continue
        ncols = max(sum(c.span for c in r.cells) for r in rows)
        out.append(ParsedTable(env, caption, label, tuple(rows), ncols, body.latex_verbatim(), part))
    if not out:
        raise TableError("the tabular has no rows")
    return out
