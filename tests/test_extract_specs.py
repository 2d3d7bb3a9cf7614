"""Spec cases per rule: tests/specs/extract/<rule>.jsonl. Each line is a sentence, the number it is about, and
what the rule named by the file decides for it, so a failure says which rule broke.

A line: {"text": ..., "number": "81.2%", "expect": {"benchmark": "COCO"}, "title"?: ..., "at"?: 0, "reason"?: ...}.
`number` is the number's text as written (`at`: which occurrence, default the first). The case passes when one of
the number's results has the rule in its `rules` for the rule's field (field = the rule's group; `result` for
result rules) and the `expect`ed field values. `{"result": false}` expects no result, and the rule among those that
declined the number (with `reason`, when given); `"declined": true` expects the rule to decline its field for a
number that stays a result. Add a rule: write the function in extract/rules/ and its spec file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.extract.rules import baseline, benchmark, kind, method, metric, result, rules_of, subset, value_form
from leaderboard.extract.trace import Trace
from leaderboard.models import Paper

SPECS = Path(__file__).parent / "specs" / "extract"
FIELD = {"kind.direction_of_change_word": "improvement"}  # rules deciding a field other than their group's name


def _cases() -> list:
    out = []
    for path in sorted(SPECS.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                out.append(pytest.param(path.stem, json.loads(line), id=f"{path.stem}:{n}"))
    return out


CASES = _cases()


def _offset(case: dict, where: str) -> int:
    text, number, pos = case["text"], case["number"], -1
    for _ in range(case.get("at", 0) + 1):
        pos = text.find(number, pos + 1)
    assert pos >= 0, f"{where}: {number!r} is not in the text"
    return pos


@pytest.mark.parametrize(("rule", "case"), CASES)
def test_rule_spec(extractor: Extractor, rule: str, case: dict) -> None:
    where = f"tests/specs/extract/{rule}.jsonl ({case['number']!r} in {case['text'][:60]!r})"
    trace = Trace()
    results = extractor.extract(Paper("spec", case.get("title", ""), case["text"]), trace)
    start = _offset(case, where)
    mine = [r for r in results if r.value_start == start]
    expect = dict(case["expect"])
    if expect.pop("result", True) is False:
        assert not mine, f"{where}: expected no result, got {[r.rules for r in mine]}"
        declined = {d.rule: d.reason for d in trace.decisions if d.declined and d.number[0] == start}
        assert rule in declined, f"rule {rule} did not decline it; declined by: {declined}"
        if "reason" in case:
            assert declined[rule] == case["reason"], f"{where}: reason"
        return
    fld = FIELD.get(rule, rule.split(".")[0])
    if case.get("declined"):  # a rule that declines a field for the number, which stays a result
        declined = {d.rule for d in trace.decisions if d.declined and d.number[0] == start and d.field == fld}
        assert rule in declined, f"rule {rule} did not decline {fld} of {where}; declined: {declined}"
        got = [{k: getattr(r, k) for k in expect} for r in mine]
        assert expect in got, f"{where}: expected {expect}, got {got}"
        return
    decided = [r for r in mine if json.loads(r.rules).get(fld) == rule]
    assert decided, f"rule {rule} did not decide {fld} of {where}; rules: {[r.rules for r in mine]}"
    got = [{k: getattr(r, k) for k in expect} for r in decided]
    assert expect in got, f"rule {rule} decided {where}: expected {expect}, got {got}"


# rules registered in extract/rules/ that have no spec file yet (strict: a rule that gets specs leaves this list)
WITHOUT_SPECS: set[str] = set()


def test_every_rule_has_specs() -> None:
    registered = {
        fn.rule_name
        for m in (baseline, benchmark, kind, method, metric, result, subset, value_form)
        for fn in rules_of(m)
    }
    specced = {p.stem for p in SPECS.glob("*.jsonl")}
    assert registered >= WITHOUT_SPECS, WITHOUT_SPECS - registered
    assert registered - specced == WITHOUT_SPECS, "update WITHOUT_SPECS (or add the rule's spec file)"
    for name in registered & specced:
        lines = [ln for ln in (SPECS / f"{name}.jsonl").read_text().splitlines() if ln.strip()]
        assert lines, name
