"""LaTeX nodes to text with marks (pylatexenc): a lean parsing context of the macros and environments tables use,
and a Renderer that expands the paper's macros and notes bold, underline and citations."""

from __future__ import annotations

import re

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexEnvironmentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexMathNode,
    LatexSpecialsNode,
    LatexWalker,
)
from pylatexenc.macrospec import EnvironmentSpec, LatexContextDb, MacroSpec, SpecialsSpec

from leaderboard.tables.macros import Macros

TABULARS = {"tabular": "[{", "tabular*": "{[{", "tabularx": "{[{", "tabulary": "{[{", "longtable": "[{", "tblr": "[{"}
TABULARS |= {"longtable*": "[{", "supertabular": "{", "xtabular": "[{", "NiceTabular": "[{"}
_ENVS = {"table": "[", "table*": "[", "subtable": "[{", "minipage": "[[[{", "adjustbox": "{", "threeparttable": "["}
_ENVS |= {"wraptable": "[{[{", "sidewaystable": "[", "center": "", "tablenotes": "["}
_MACROS = {"multicolumn": "{{{", "multirow": "[{[{[{", "cmidrule": "[{", "cline": "{", "specialrule": "{{{"}
_MACROS |= {"caption": "*[{", "captionof": "*{[{", "rowcolor": "[{", "cellcolor": "[{", "color": "[{"}
_MACROS |= {"textcolor": "[{{", "resizebox": "*{{{", "scalebox": "{[{", "makecell": "[{", "shortstack": "[{"}
_MACROS |= {"hspace": "*{", "vspace": "*{", "bm": "{", "boldsymbol": "{", "uline": "{", "ul": "{", "num": "[{"}
_MACROS |= {"tnote": "{", "footnotemark": "[", "footnote": "[{", "textsuperscript": "{", "raisebox": "{[[{"}
_MACROS |= {"parbox": "[[[{{", "makebox": "[[{", "fbox": "{", "setlength": "{{", "arraystretch": "", "rule": "[{{"}
_MACROS |= {"citep": "*[[{", "citet": "*[[{", "citealp": "*[[{", "parencite": "*[[{", "textcite": "*[[{"}
_MACROS |= {"phantom": "{", "hphantom": "{", "vphantom": "{", "rotatebox": "[{{"}
_MACROS |= {"mathbf": "{", "mathrm": "{", "texttt": "{", "textsc": "{", "addlinespace": "[", "tabularnewline": ""}
_STYLE_MACROS = {m: "{" for m in ("textbf", "textit", "emph", "underline", "textrm", "textsf", "textnormal", "mbox")}
_STYLE_MACROS |= {m: "{" for m in ("mathit", "mathsf", "mathtt", "mathcal", "text", "textup", "underbar", "pmb")}
_STYLE_MACROS |= {"cite": "*[[{", "label": "{", "ref": "{", "eqref": "{", "href": "{{", "url": "{", "\\": "*["}
_STYLE_MACROS |= {"frac": "{{", "sqrt": "[{", "textsubscript": "{", "hat": "{", "tilde": "{", "bar": "{"}
_BOLD = {"textbf", "mathbf", "bm", "boldsymbol", "pmb", "bfseries", "bf", "boldmath"}
_BOLD_SWITCHES = {"bf", "bfseries", "boldmath"}
_UNDERLINE = {"underline", "uline", "ul", "underbar"}
_CITES = re.compile(r"^(?:cite[a-z]*|[a-z]*cite[a-z]*|citep|citet)$", re.IGNORECASE)
_SILENT = {"label", "rowcolor", "cellcolor", "color", "hspace", "vspace", "tnote", "footnotemark", "footnote"}
_SILENT |= {"setlength", "rule", "addlinespace", "arraystretch", "centering", "small", "footnotesize", "scriptsize"}
_SILENT |= {"phantom", "hphantom", "vphantom", "rotatebox", "vspace*", "hspace*", "cline", "cmidrule"}
_SILENT |= {"tiny", "normalsize", "large", "Large", "ref", "eqref", "textsuperscript", "vfill", "hfill", "noalign"}
_LAST_ARG = {"textcolor", "resizebox", "scalebox", "makecell", "shortstack", "raisebox", "parbox", "makebox"}
_LAST_ARG |= {"multicolumn", "multirow", "num", "fbox", "rotatebox"}
MAX_DEPTH = 12
_SPECIALS = {"--": "\u2013", "---": "\u2014", "``": "\u201c", "''": "\u201d", "&": " "}


def _context(macros: Macros) -> LatexContextDb:
    """A lean parsing context: the macros and environments tables use, `&` and `~`, and the paper's macros.

    (pylatexenc's default context tests dozens of specials at every character; tables need two.)"""
    db = LatexContextDb()
    specs = {**_STYLE_MACROS, **_MACROS, **macros.specs()}
    db.add_context_category(
        "leaderboard",
        macros=[MacroSpec(n, s) for n, s in specs.items()],
        environments=[EnvironmentSpec(n, s) for n, s in {**_ENVS, **TABULARS}.items()],
        specials=[SpecialsSpec("&"), SpecialsSpec("~")],
    )
    return db


class Renderer:
    """Nodes to text with marks; user macros are expanded by re-parsing their bodies."""

    def __init__(self, macros: Macros) -> None:
        self.macros = macros
        self.db = _context(macros)
        self.l2t = LatexNodes2Text(math_mode="text", strict_latex_spaces=False)

    def walker(self, text: str) -> LatexWalker:
        return LatexWalker(text, latex_context=self.db, tolerant_parsing=True)

    def nodes(self, text: str) -> list:
        return self.walker(text).get_latex_nodes()[0] or []

    def expand(self, node: LatexMacroNode) -> list:
        args = [a.latex_verbatim() if a is not None else "" for a in (node.nodeargd.argnlist if node.nodeargd else [])]
        return self.nodes(self.macros.expand(node.macroname, args))

    def render(self, nodes: list, marks: dict, bold: bool = False, under: bool = False, depth: int = 0) -> str:
        """The text of `nodes`; sets marks["bold"/"underline"/"cite"] and collects user macro names."""
        if depth > MAX_DEPTH:
            return ""
        out: list[str] = []
        for node in nodes:
            if node is None or isinstance(node, LatexCommentNode):
                continue
            if isinstance(node, LatexCharsNode):
                if node.chars.strip():
                    marks["bold"] |= bold
                    marks["underline"] |= under
                out.append(node.chars)
            elif isinstance(node, LatexGroupNode | LatexMathNode | LatexEnvironmentNode):
                out.append(self.render(node.nodelist or [], marks, bold, under, depth + 1))
            elif isinstance(node, LatexSpecialsNode):
                out.append(
                    " " if node.specials_chars == "~" else _SPECIALS.get(node.specials_chars, node.specials_chars)
                )
            elif isinstance(node, LatexMacroNode):
                name = node.macroname
                if name == "xspace":
                    out.append(" ")
                elif name in _BOLD_SWITCHES:
                    bold = True
                elif name in self.macros:
                    marks["macros"].append(name)
                    out.append(self.render(self.expand(node), marks, bold, under, depth + 1))
                elif _CITES.match(name):
                    marks["cite"] = True
                elif name not in _SILENT:
                    out.append(self._macro(node, marks, bold or name in _BOLD, under or name in _UNDERLINE, depth))
        return "".join(out)

    def _macro(self, node: LatexMacroNode, marks: dict, bold: bool, under: bool, depth: int) -> str:
        args = [a for a in (node.nodeargd.argnlist if node.nodeargd else []) if a is not None]
        if node.macroname in _LAST_ARG or (args and node.macroname not in ("frac",)):
            last = args[-1] if args else None
            inner = last.nodelist if isinstance(last, LatexGroupNode) else [last] if last is not None else []
            return self.render(inner, marks, bold, under, depth + 1)
        try:
            text = self.l2t.node_to_text(node)
        except Exception:  # noqa: BLE001 - pylatexenc's text rules fail on some broken macros; the macro is dropped
            return ""
        if text.strip():
            marks["bold"] |= bold
            marks["underline"] |= under
        return text
