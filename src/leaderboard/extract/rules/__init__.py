"""Extraction rules, grouped by the decision they take (one module per group), each a small named function.

A rule is `fn(a: Abstract, s: Sentence, r: Reading) -> decision | None`: it reads the frozen abstract and
sentence and the reading so far, and returns its decision (a value for the field) or None to decline. It never
changes anything: the engine (engine.py) runs the rules of each decision in order, applies the first decision and
records it in the trace. Register a rule with `@rule("group.pattern_name")` and a one-line docstring; name it after
the linguistic pattern it handles, never after an example sentence.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

GROUPS = (
    *("result", "kind", "value", "unit", "qualifier"),
    *("metric", "benchmark", "subset", "method", "baseline", "confidence"),
)

Rule = Callable[..., Any]
Chain = tuple[Rule, ...]


def rule(name: str) -> Callable[[Rule], Rule]:
    """Mark `fn` as the rule `name` ("benchmark.on_phrase_after"); its docstring's first line describes it."""
    group, _, pattern = name.partition(".")
    if group not in GROUPS or not pattern.isidentifier():
        raise ValueError(f"rule name {name!r}: expected <group>.<pattern_name> with group in {GROUPS}")

    def mark(fn: Rule) -> Rule:
        doc = (fn.__doc__ or "").strip()
        if not doc:
            raise ValueError(f"rule {name}: a rule needs a one-line docstring")
        fn.rule_name = name  # type: ignore[attr-defined]
        fn.rule_doc = doc.splitlines()[0]  # type: ignore[attr-defined]
        return fn

    return mark


def rules_of(module: ModuleType) -> list[Rule]:
    """The rules a module defines, in the order they are written."""
    found = [fn for _, fn in inspect.getmembers(module, inspect.isfunction) if hasattr(fn, "rule_name")]
    return sorted(found, key=lambda fn: fn.__code__.co_firstlineno)


def ordered(
    module: ModuleType, names: tuple[str, ...], *, taken: frozenset[str] = frozenset(), group: str = ""
) -> Chain:
    """The module's rules in the order `names` gives, then its rules that no chain names (`taken`: the names other
    chains run), limited to names starting with `group.` when given: a new rule runs last in its chain until the
    engine places it."""
    by_name = {fn.rule_name: fn for fn in rules_of(module)}
    missing = [n for n in (*names, *taken) if n not in by_name]
    if missing:
        raise ValueError(f"{module.__name__}: no rule {', '.join(missing)}")
    new = [
        fn
        for n, fn in by_name.items()
        if n not in names and n not in taken and (not group or n.startswith(group + "."))
    ]
    return (*(by_name[n] for n in names), *new)


def named(module: ModuleType, names: tuple[str, ...]) -> Chain:
    """Exactly the rules `names` gives, in that order."""
    return ordered(module, names, taken=frozenset(fn.rule_name for fn in rules_of(module)) - set(names))


def first(rules: Chain, *args: Any) -> tuple[Any, str]:
    """The decision of the first rule that takes one, and its name; (None, "") when every rule declines."""
    for fn in rules:
        value = fn(*args)
        if value:  # None, False and "" decline; a decision is a name, a span, a word, a pair or True
            return value, fn.rule_name
    return None, ""


@dataclass(frozen=True, slots=True)
class Fields:
    """A decision that sets several fields of the reading at once (`values`), justified by the text at `span`."""

    values: tuple[tuple[str, Any], ...]
    span: tuple[int, int] | None = None


def decide(rules: Chain, fld: str, a: Any, s: Any, r: Any) -> str:
    """Run the chain on reading `r` and apply the first decision: the value of `fld`, or `Fields`; noted in the
    reading's rules. With the reading traced, the rules that declined before it are recorded too (each with what
    it looks for), so `leaderboard explain` shows them. Returns the deciding rule's name, "" when all declined."""
    value, name = first(rules, a, s, r)
    if r.trace is not None:
        for fn in rules:
            if fn.rule_name == name:
                break
            r.trace.declined((r.num.start, r.num.end), fn.rule_name, fld, f"did not match ({fn.rule_doc})")
    if isinstance(value, Fields):
        for key, v in value.values:
            setattr(r, key, v)
        r.note(fld, name, value.span)
    elif name:
        setattr(r, fld, value)
        r.note(fld, name)
    return name
