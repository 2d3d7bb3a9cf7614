"""The sentence-structure rules (extract/rules/structure.py): every one runs in exactly one engine chain."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderboard.extract.rules import rules_of, structure


def test_every_structure_rule_runs_once() -> None:
    chained = [fn.rule_name for fn in (*structure.BEFORE, *structure.AFTER)]
    assert sorted(chained) == sorted(fn.rule_name for fn in rules_of(structure))
    assert len(set(chained)) == len(chained)
    assert chained[:2] == ["kind.coordinated_with_change", "benchmark.respectively_list"]


_NAMES = ["Cityscapes", "ADE20K", "PASCAL Context", "COCO-Stuff"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.integers(2, 4),
    st.lists(st.integers(300, 899), min_size=8, max_size=8, unique=True),
    st.sampled_from([" and", ", and", ";", ", while"]),
)
def test_conjuncts_keep_their_own_names(run, k, tenths, joiner):
    """'on A from x to y, and on B from z to w ...': every number keeps the name that opens its conjunct."""
    pairs = [(tenths[2 * i] / 10, tenths[2 * i + 1] / 10) for i in range(k)]
    parts = [f"on {_NAMES[i]} from {a:.1f} to {b:.1f}" for i, (a, b) in enumerate(pairs)]
    text = f"Our decoder lifts mIoU {parts[0]}" + "".join(f"{joiner} {p}" for p in parts[1:]) + "."
    got = {(r.value, r.benchmark) for r in run(text) if r.kind == "range"}
    assert got == {(a, name) for (a, _), name in zip(pairs, _NAMES, strict=False)}


def test_fronted_scope_reaches_forward_only(run):
    """FRONTED-SCOPE (rules/benchmark.py nearest_in_sentence): a name fronted in a later clause ("...; on B it
    reaches y") is not the name of a number before it, nor are the names after it."""
    cases = [
        "The model reaches 72.1% accuracy; on HellaSwag it reaches 80.3%, and on PIQA 70.1%.",
        "A plain fine-tune gives 58.4% here; while on OpenBookQA our adapter reaches 66.0%, and on SciQ 91.7%.",
        "Zero-shot, the tagger sits at 61.2 F1; on CoNLL-2003 it climbs to 88.9 F1 and on OntoNotes to 85.5 F1.",
    ]
    for text in cases:
        first = min(run(text), key=lambda r: r.value_start)
        assert first.benchmark is None, (text, first.benchmark)


def test_training_data_opens_no_conjunct(run):
    """CONJUNCT-NAME (pairing.own_conjuncts): a name after a training phrase ("a tree trained on B falls to z") is
    the data a system learned from, not the benchmark of the conjunct's number."""
    cases = [
        (
            "Applied without adaptation to SciQ, our reader scores 88.2%, while a BERT reader fine-tuned on PIQA"
            " drops to 61.5%.",
            61.5,
            "SciQ",
        ),
        (
            "Moved to EuroSAT without retraining, the classifier keeps 92.4% accuracy, whereas a ResNet trained on DTD"
            " falls to 70.8%.",
            70.8,
            "EuroSAT",
        ),
        (
            "On CUB-200-2011 the model reaches 85.1%, and a linear probe pretrained on Stanford Cars lands at 66.3%.",
            66.3,
            "CUB-200-2011",
        ),
    ]
    for text, value, name in cases:
        assert {r.benchmark for r in run(text) if r.value == value} == {name}, text
