"""The sentence-structure rules (extract/rules/structure.py): every one runs in exactly one engine chain."""

from __future__ import annotations

from leaderboard.extract.rules import rules_of, structure


def test_every_structure_rule_runs_once() -> None:
    chained = [fn.rule_name for fn in (*structure.BEFORE, *structure.AFTER)]
    assert sorted(chained) == sorted(fn.rule_name for fn in rules_of(structure))
    assert len(set(chained)) == len(chained)
    assert chained[:2] == ["kind.coordinated_with_change", "benchmark.respectively_list"]
