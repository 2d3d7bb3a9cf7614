"""Layers that point one way: no import cycles under src/leaderboard/, and no import from a higher layer.

The import graph is read statically with `ast`: every `import` and `from ... import` anywhere in a module counts,
at module level, inside functions and under `if TYPE_CHECKING:` alike. `from pkg import sub` is an edge to the
submodule `pkg.sub` when there is one, else to the package `pkg` (the package's `__init__` runs before any of
its submodules anyway, so that alone is not a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "leaderboard"

# From the bottom up: a module may import its own part and parts of lower layers only. The knowledge layer
# (vocabulary, canonical names, settings) is underneath every stage; the entry points (dashboard, CLI) on top.
LAYERS: list[set[str]] = [
    {"errors", "settings", "knowledge"},
    {"models", "display"},
    {"extract", "curation"},
    {"store", "normalise"},
    {"sources", "tables"},  # tables: LaTeX table parsing, read by sources.latex
    {"workers", "parallel", "worker_preload", "progress", "pipeline", "queries", "rank", "failures"},
    {"app", "serving"},
    {"cli", "cli_curate", "cli_explain", "__main__"},
]


def _modules(root: Path = PACKAGE) -> dict[str, Path]:
    out = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in its code)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                subs = [f"{base}.{a.name}" for a in node.names if f"{base}.{a.name}" in modules]
                targets = subs if len(subs) == len(node.names) else [base, *subs]
            else:
                continue
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The groups of modules that import each other (directly or through others): Tarjan's algorithm."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return groups


def a_cycle(graph: dict[str, set[str]], group: frozenset[str]) -> list[str]:
    """One import cycle through the group's first module, as a path that returns to its start."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(graph[v] & group):
            if w == start:
                return [*paths[v], start]
            if w not in paths:
                paths[w] = [*paths[v], w]
                queue.append(w)
    raise AssertionError(f"no cycle through {start}")


def _part(module: str) -> str:
    return module.split(".")[1] if "." in module else module


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = strongly_connected(graph)
    cycles = [" -> ".join(a_cycle(graph, g)) for g in found]
    assert not cycles, "import cycles: " + "; ".join(cycles)


def test_layers_point_one_way() -> None:
    rank = {part: i for i, layer in enumerate(LAYERS) for part in layer}
    graph = import_graph()
    parts = {_part(m) for m in graph if m != "leaderboard"}
    assert parts <= set(rank), f"modules in no layer: {sorted(parts - set(rank))}"
    wrong = [
        f"{m} -> {t}"
        for m, targets in sorted(graph.items())
        for t in sorted(targets)
        if m != "leaderboard" and t != "leaderboard" and rank[_part(t)] > rank[_part(m)]
    ]
    assert not wrong, "imports from a higher layer: " + ", ".join(wrong)


def test_knowledge_layer_imports_nothing_above_it() -> None:
    graph = import_graph()
    below = {t for m, ts in graph.items() if _part(m) == "knowledge" for t in ts}
    assert {_part(t) for t in below} <= {"knowledge", "errors"}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A throwaway package with a function-level cycle a -> b -> c -> a and a relative import."""
    pkg = tmp_path / "leaderboard"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from leaderboard.sub import b\n")
    (pkg / "sub" / "b.py").write_text("from . import c\n")
    (pkg / "sub" / "c.py").write_text("def f():\n    import leaderboard.a\n")
    (pkg / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from leaderboard.a import x\n")
    return pkg


def test_the_detector_sees_function_level_and_relative_imports(tree: Path) -> None:
    graph = import_graph(tree)
    assert graph["leaderboard.sub.b"] == {"leaderboard.sub.c"}
    assert graph["leaderboard.d"] == {"leaderboard.a"}
    (group,) = strongly_connected(graph)
    assert a_cycle(graph, group) == ["leaderboard.a", "leaderboard.sub.b", "leaderboard.sub.c", "leaderboard.a"]
