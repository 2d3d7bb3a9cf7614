"""The alignment core (extract/alignment.py): runs, the assignment of a number run to a name run, and applying it."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from leaderboard.extract.alignment import (
    AT_K,
    Pair,
    Run,
    align,
    assign,
    by_name,
    fits,
    from_readings,
    name_runs,
    number_runs,
)
from leaderboard.extract.attribution import Span


@dataclass(frozen=True)
class _Num:
    start: int


@dataclass
class _Reading:
    """The fields of a Reading the core reads and writes."""

    start: int
    end: int
    kind: str = "absolute"
    unit: str | None = None
    benchmark: object = None
    metric: object = None
    carried: bool = False
    metric_inferred: bool = False

    def __post_init__(self) -> None:
        self.num, self.span_end, self.rules = _Num(self.start), self.end, {}

    def note(self, fld: str, rule: str) -> None:
        self.rules[fld] = rule


def _readings(text: str, kind: str = "absolute") -> list[_Reading]:
    """One reading per number written in `text` (digits and dots)."""
    out, i = [], 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            j -= text[j - 1] == "."
            out.append(_Reading(i, j, kind))
            i = j
        i += 1
    return out


def _spans(text: str, *names: str) -> list[Span]:
    return [Span(text.index(n), text.index(n) + len(n), n, n) for n in names]


def test_one_name_per_number_in_order() -> None:
    got = align(["x", "y", "z"], ["A", "B", "C"])
    assert [(p.number, p.name) for p in got] == [("x", "A"), ("y", "B"), ("z", "C")]


def test_shared_names_take_k_numbers_each_when_the_counts_divide() -> None:
    got = align(["w", "x", "y", "z"], ["A", "B"], share=True)
    assert [(p.number, p.name) for p in got] == [("w", "A"), ("x", "A"), ("y", "B"), ("z", "B")]
    assert align(["w", "x", "y", "z"], ["A", "B"]) == []  # without `share`: the counts must be equal
    assert align(["x", "y", "z"], ["A", "B"], share=True) == []  # 3 does not divide by 2


def test_a_name_with_its_own_value_is_left_out() -> None:
    got = align(["x", "y"], ["A", "B", "C"], own=["B"])
    assert [(p.number, p.name) for p in got] == [("x", "A"), ("y", "C")]
    assert align(["x"], ["A", "B"], own=["B"]) == []  # one name left: not a list
    assert [p.name for p in align(["x"], ["A", "B"], own=["B"], least=1)] == ["A"]


def test_runs_of_numbers_and_names() -> None:
    text = "It scores 71.4, 68.0 and 66.2 on Foo, Bar and Baz; 12.5 elsewhere."
    runs = number_runs(text, _readings(text))
    assert [[r.start for r in run] for run in runs] == [[text.index("71.4"), text.index("68.0"), text.index("66.2")]]
    names = name_runs(text, _spans(text, "Foo", "Bar", "Baz"))
    assert [[b.name for b in run] for run in names] == [["Foo", "Bar", "Baz"]]
    assert isinstance(runs[0], Run) and runs[0][-1].start == text.index("66.2") and len(runs[0][1:]) == 2
    pairs = align(runs[0], names[0])
    assert [(text[p.number.start : p.number.end], p.name.name) for p in pairs] == [
        ("71.4", "Foo"),
        ("68.0", "Bar"),
        ("66.2", "Baz"),
    ]


def test_name_runs_need_distinct_names() -> None:
    text = "on Foo and Foo"
    spans = [Span(3, 6, "Foo", "Foo"), Span(11, 14, "Foo", "Foo")]
    assert name_runs(text, spans) == []


def test_metric_runs_keep_the_written_at_k_suffix() -> None:
    text = "R1@0.3 and R1@0.5 reach 61.0 and 44.2"
    spans = [Span(0, 2, "ROUGE-1", "R1"), Span(11, 13, "ROUGE-1", "R1")]
    assert name_runs(text, spans) == []  # "@0.3 and" joins nothing, and the names are the same
    runs = name_runs(text, spans, AT_K)
    assert [[b.start for b in run] for run in runs] == [[0, 11]]
    values = [_Reading(text.index(v), text.index(v) + 4) for v in ("61.0", "44.2")]
    pairs = align(number_runs(text, values)[0], runs[0])
    assert [p.name.start for p in pairs] == [0, 11]


def test_a_name_with_its_own_value_elsewhere_is_left_out_by_name() -> None:
    text = "Over Foo, Bar and Baz: 81.5 on Foo and 77.0 and 64.3 on the rest"
    spans = _spans(text, "Foo", "Bar", "Baz")
    own = Span(text.index("on Foo") + 3, text.index("on Foo") + 6, "Foo", "Foo")
    names = [*spans, own]
    assert not fits(["x", "y"], [b for b in names if b is not own])  # by mention: Foo, Bar, Baz for two values
    listed = by_name(names, [own])
    assert [b.name for b in listed] == ["Bar", "Baz"] and fits(["x", "y"], listed)
    assert [(p.number, p.name.name) for p in align(["x", "y"], listed)] == [("x", "Bar"), ("y", "Baz")]


def test_transitions_that_each_open_with_from_are_one_run() -> None:
    text = "from 61.2 to 70.4, from 55.0 to 63.9 and from 40.1 to 48.8"
    froms = [_Reading(text.index(v), text.index(v) + 12, "range") for v in ("61.2", "55.0", "40.1")]
    runs = number_runs(text, froms)
    assert [[r.start for r in run] for run in runs] == [[r.start for r in froms]]
    cut = number_runs(text.replace(", from", "; from"), froms)  # a clause mark ends the run
    assert [[r.start for r in run] for run in cut] == [[r.start for r in froms[1:]]]
    pairs = align(runs[0], ["A", "B", "C"])
    assert [p.name for p in pairs] == ["A", "B", "C"]


def test_assign_sets_the_field_the_flags_and_the_rule() -> None:
    x, y = _Reading(0, 4), _Reading(9, 13)
    got = assign(align([x, y], ["A", "B"]), "benchmark", "benchmark.some_list", carried=True)
    assert got == [x, y]
    assert (x.benchmark, y.benchmark, x.carried, y.carried) == ("A", "B", True, True)
    assert x.rules == {"benchmark": "benchmark.some_list"}
    assign([Pair(x, "m", inferred=True)], "metric", "metric.some_list")
    assert (x.metric, x.metric_inferred, x.carried) == ("m", True, True)


def test_from_readings_takes_the_parallel_results_fields() -> None:
    res = _Reading(0, 4, benchmark="A", metric="m", carried=True, metric_inferred=True)
    chg = _Reading(10, 13, kind="delta")
    assign(from_readings(align([chg], [res], least=1), "benchmark"), "benchmark", "benchmark.p")
    assign(from_readings(align([chg], [res], least=1), "metric", flags=False), "metric", "metric.p")
    assert (chg.benchmark, chg.carried, chg.metric, chg.metric_inferred) == ("A", True, "m", False)
    assign(from_readings(align([chg], [res], least=1), "benchmark"), "benchmark", None, carried=False)
    assert chg.carried is False  # the given flag wins over the result's


@given(
    st.integers(0, 9),
    st.lists(st.integers(0, 5), min_size=0, max_size=6, unique=True),
    st.sets(st.integers(0, 5)),
    st.booleans(),
)
def test_own_names_are_never_given_and_order_is_kept(n: int, names: list[int], own: set[int], share: bool) -> None:
    """A name with its own direct value is never assigned to another number; numbers keep their order, each taken
    once, and the names follow the run's order; either every number is assigned or none."""
    numbers = [f"n{i}" for i in range(n)]
    pairs = align(numbers, names, share=share, own=own)
    assert not any(p.name in own for p in pairs)
    assert [p.number for p in pairs] in ([], numbers)
    listed = [b for b in names if b not in own]
    idx = [listed.index(p.name) for p in pairs]
    assert idx == sorted(idx)
    if pairs:
        assert len(listed) >= 2 and set(idx) == set(range(len(listed)))
        assert len({idx.count(i) for i in set(idx)}) == 1  # k numbers per name


def test_a_number_with_its_own_name_leaves_the_run(run) -> None:
    """OWN-VALUE-OUT (pairing.align_runs): in "x, y and z, and w on D" w keeps D and the closed list before it takes
    the names that frame it; an open list "x, y and z on D" is all D's."""
    cases = [
        (
            "Over SciTail, MedNLI and SICK it scores 71.5%, 64.0% and 58.3%, and 80.2% on BoolQ.",
            ["SciTail", "MedNLI", "SICK", "BoolQ"],
        ),
        ("On SciTail and MedNLI our model reaches 90.4 and 81.3, and 77.9 on BoolQ.", ["SciTail", "MedNLI", "BoolQ"]),
        ("On SciTail and MedNLI, accuracies are 90.4%, 81.3% and 77.9% on BoolQ.", ["BoolQ", "BoolQ", "BoolQ"]),
    ]
    for text, names in cases:
        got = [r.benchmark for r in sorted(run(text), key=lambda r: r.value_start)]
        assert got == names, (text, got)
