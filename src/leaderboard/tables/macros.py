"""A paper's own macros (\\newcommand, \\renewcommand, \\providecommand, \\DeclareRobustCommand, \\def).

Tables use them for names ("\\newcommand{\\ours}{ViT-XL}") and for marks ("\\newcommand{\\best}[1]{\\textbf{#1}}").
`collect_macros(text)` finds the definitions with pylatexenc; the table renderer expands a use by putting the
arguments into the body and parsing the result. Bodies that open environments or are long are not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pylatexenc.latexwalker import LatexGroupNode, LatexMacroNode, LatexWalker

_DEFINERS = re.compile(r"\\(?:re)?newcommand\*?|\\providecommand\*?|\\DeclareRobustCommand\*?")
_DEF = re.compile(r"\\[egx]?def\s*\\(?P<name>[A-Za-z@]+)\s*(?P<params>(?:#\d)*)\s*(?=\{)")
_PARAM = re.compile(r"#(\d)")
_LAYOUT = frozenset({"arraystretch", "tabcolsep", "baselinestretch", "textwidth", "linewidth", "columnwidth"})
MAX_BODY = 400
MAX_MACROS = 2000


@dataclass(frozen=True, slots=True)
class Macro:
    """One definition: number of arguments, the default of an optional first one, and the body."""

    nargs: int
    default: str | None
    body: str


@dataclass(slots=True)
class Macros:
    """A paper's macros by name (without the backslash)."""

    defs: dict[str, Macro] = field(default_factory=dict)

    def __contains__(self, name: str) -> bool:
        return name in self.defs

    def specs(self) -> dict[str, str]:
        """pylatexenc argument specs: "[" for an optional first argument, "{" for each other one."""
        out = {}
        for name, m in self.defs.items():
            opt = m.default is not None and m.nargs > 0
            out[name] = ("[" if opt else "") + "{" * (m.nargs - (1 if opt else 0))
        return out

    def expand(self, name: str, args: list[str]) -> str:
        """The body with #1..#9 replaced by the arguments as written (braces of the argument dropped)."""
        m = self.defs[name]
        vals = [_strip(a) for a in args] + [""] * m.nargs
        if m.default is not None and m.nargs > 0 and not args[:1] or (args[:1] == [""] and m.default is not None):
            vals[0] = m.default or ""
        return _PARAM.sub(lambda p: vals[int(p.group(1)) - 1] if 0 < int(p.group(1)) <= m.nargs else "", m.body)

    def plain_names(self) -> dict[str, str]:
        """Macros without arguments whose body is a short plain name ("\\ours" -> "ViT"), by name."""
        return {n: m.body for n, m in self.defs.items() if m.nargs == 0 and re.fullmatch(r"[\w.\- +]{1,40}", m.body)}


def _strip(arg: str) -> str:
    arg = arg.strip()
    if len(arg) >= 2 and (arg[0], arg[-1]) in (("{", "}"), ("[", "]")):
        return arg[1:-1]
    return arg


def _name(node) -> str | None:
    if isinstance(node, LatexMacroNode):
        return node.macroname
    if isinstance(node, LatexGroupNode):
        inner = [n for n in node.nodelist or [] if isinstance(n, LatexMacroNode)]
        return inner[0].macroname if inner else None
    return None


def _body(node) -> str | None:
    if node is None:
        return None
    text = node.latex_verbatim()
    body = _strip(text) if isinstance(node, LatexGroupNode) else text
    if len(body) > MAX_BODY or "\\begin" in body or "\\end" in body:
        return None
    return body.strip()


def collect_macros(text: str) -> Macros:
    """Every macro the text defines that a table can use (the last definition of a name wins)."""
    out = Macros()
    walker = LatexWalker(text, tolerant_parsing=True)
    for m in _DEFINERS.finditer(text):
        if len(out.defs) >= MAX_MACROS:
            break
        try:
            nodes, _, _ = walker.get_latex_nodes(pos=m.start(), read_max_nodes=1)
        except Exception:  # noqa: BLE001 - pylatexenc raises many kinds on broken input; the macro is skipped
            continue
        node = nodes[0] if nodes else None
        if not isinstance(node, LatexMacroNode) or node.nodeargd is None or len(node.nodeargd.argnlist) < 5:
            continue
        _star, name_arg, nargs_arg, default_arg, body_arg = node.nodeargd.argnlist[:5]
        name, body = _name(name_arg), _body(body_arg)
        if not name or body is None or name in _LAYOUT:
            continue
        nargs_text = _strip(nargs_arg.latex_verbatim()) if nargs_arg is not None else "0"
        nargs = int(nargs_text) if nargs_text.isdigit() else 0
        default = _strip(default_arg.latex_verbatim()) if default_arg is not None else None
        out.defs[name] = Macro(min(nargs, 9), default, body)
    for m in _DEF.finditer(text):
        if len(out.defs) >= MAX_MACROS or m.group("name") in _LAYOUT:
            continue
        try:
            group, _, _ = walker.get_latex_expression(m.end())
        except Exception:  # noqa: BLE001 - as above
            continue
        body = _body(group)
        if body is not None:
            out.defs[m.group("name")] = Macro(len(_PARAM.findall(m.group("params"))), None, body)
    return out
