"""COORDINATION-ALIGNMENT: coordinated numbers take the members of a coordinated name list of the same length.

The relations of the benchmark name runs (the assignment itself is alignment.py's). One procedure over the
sentence's structure: runs of coordinated numbers of one kind ("91.3% and 89.5%", "66.1,
58.4 and 71.0") and runs of coordinated benchmark names ("SNLI and MultiNLI", "A, B and C"). Each number run of
length n >= 2 is aligned position by position with a name run of length n:
- with "respectively" in the sentence: the nearest name run of that length, before or after, so a second number
  run ("compared with 88.0% and 85.1% for earlier systems") aligns with the same names;
- without it: a name run before the numbers that frames them ("Evaluated on A and B, the model obtains x and y"),
  with no other benchmark between the names and the numbers and no training phrase before the names.
A run whose last number is followed by its own "on <name>" is left to the "on" list rule (lists.py), unless
(OWN-VALUE-OUT) that number closes a list that was already closed ("x, y and z, and w on D"): a number with its own
name is no member of the run, so the rest aligns without it, with a name run that does not hold its name.

CONJUNCT-NAME (`own_conjuncts`): coordinated conjuncts that each open with their own name ("on A from x to y, and
on B from z to w", "A: x-y; B: z-w", "A to x, B to y") give their numbers that name, so a number never takes the
name that opens the next conjunct. It runs after attribution and corrects only such numbers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from leaderboard.extract.alignment import AT_K, RESPECTIVELY, Pair, align, assign, direct_at, name_runs, number_runs
from leaderboard.extract.attribution import Span
from leaderboard.extract.vocab import norm_key

_SLASH = re.compile(r"\s*/\s*")
_AND = re.compile(r"\band\b|\bor\b")
_ANAPHOR = re.compile(r"[^,;.]*?\b(?:on|for|in|of)\s+the\s+(\w+)\b", re.IGNORECASE)
WEAK_NAME_RULES = frozenset(
    {
        None,
        "benchmark.fronted_slot",
        "benchmark.last_name_before",
        "benchmark.nearest_in_sentence",
        "benchmark.sentence_before",
        "benchmark.previous_results",
        "benchmark.title",
        "benchmark.single_in_abstract",
    }
)
_CONJUNCT_NAME_RULES = WEAK_NAME_RULES | {"benchmark.on_phrase_after"}  # "on A from x to y, and on B ..."
# a number's name or metric decided by these may be corrected by its structure (a list rule's decision is not)
WEAK_METRIC_RULES = frozenset(
    {
        None,
        "metric.nearest_in_sentence",
        "metric.usual_of_benchmark",
        "metric.last_given_for_benchmark",
        "metric.change_noun_in_of",
        "metric.phrase_before",
    }
)
_COORDINATOR = re.compile(r"[,;]|\band\b|\bwhile\b|\bwhereas\b")
_CONJUNCT_BREAK = re.compile(r"[;.](?!\d)|\band\b|\bor\b|\bwhile\b|\bwhereas\b|(?<![\w\-.])\d")


def align_runs(readings: list, sb: list[Span], text: str, s0: int, s1: int, training_on: re.Pattern) -> None:
    """Give each number run the names of its aligned name run, in order (see the module docstring)."""
    if len(readings) < 2 or len(sb) < 2:
        return
    respectively = RESPECTIVELY.search(text, s0, s1) is not None
    names = name_runs(text, sb)
    for run in number_runs(text, readings):
        at = direct_at(text, run[-1].span_end, s1)
        own = next((b for b in sb if b.start == at), None)
        if own is not None:
            if (
                len(run) < 3
                or any(n[0] is own for n in names)
                or not _AND.search(text, run[-3].span_end, run[-2].num.start)
            ):
                continue  # "x and y on A and B": the "on" list's (lists.py); "x, y and z on D": all D's
            run = run[:-1]  # OWN-VALUE-OUT: "x, y and z, and w on D": w has its own name, the closed list before not
        mine = {norm_key(own.name)} if own is not None else set()
        fits = [n for n in names if len(n) == len(run) and not mine & {norm_key(b.name) for b in n}]
        if respectively:
            target = min(fits, key=lambda n: _distance(n, run), default=())
        else:
            before = [n for n in fits if n[-1].end <= run[0].num.start and _frames(n, run, sb, text, training_on)]
            target = before[-1] if before else ()
        assign(align(run, target), "benchmark", "benchmark.aligned_coordination", carried=False)


def align_slash_runs(readings: list, sb: list[Span], text: str, s0: int, s1: int, training_on: re.Pattern) -> None:
    """SLASH-PAIRS: numbers written "x/y" take, in order, the names of a slash list "A/B" of the same length that
    frames them before ("On SST-2/QNLI it scores 92.4/89.9") or follows them with "on" ("92.4/89.9 on A/B")."""
    runs_of_names = name_runs(text, sb)
    names = [n for n in runs_of_names if all(_SLASH.fullmatch(text, p.end, q.start) for p, q in _pairs(n))]
    if not names:
        return
    for run in number_runs(text, readings, _SLASH):
        fits = [n for n in names if len(n) == len(run)]
        at = direct_at(text, run[-1].span_end, s1)
        after = [n for n in fits if n[0].start == at]
        before = [n for n in fits if n[-1].end <= run[0].num.start and _frames(n, run, sb, text, training_on)]
        target = after[0] if after else before[-1] if before else ()
        assign(align(run, target), "benchmark", "benchmark.slash_pairs", carried=False)


def _pairs(items: list) -> list[tuple]:
    return list(zip(items, items[1:], strict=False))


def own_conjuncts(
    readings: list,
    sb: list[Span],
    text: str,
    s1: int,
    reach: int,
    fld: str = "benchmark",
    stop: re.Pattern | None = None,
    training: re.Pattern | None = None,
    quiet: Sequence[Span] = (),
) -> list[Pair]:
    """Readings in a chain of >= 2 coordinated conjuncts "<name> ... <numbers>" that have no name or another
    conjunct's name, each given its own conjunct's name; names are benchmarks, or metrics with `fld` "metric"
    ("FID improves from 9.1 to 6.3 and IS from 151.2 to 188.7").

    A conjunct: a name, then (within `reach` characters and with no coordinator, other name or number between)
    its numbers, up to the next name; conjuncts are chained when the gap from one's last number to the next name
    holds a coordinator. A name after a `training` phrase ("a tree trained on B falls to z") opens no conjunct: it
    is the data a system learned from. The mentions in `quiet` and their coordinated runs break no lead
    (CONJUNCT-METRIC-LIST: "on A, R@1 and R@5 reach x and y, on B they are z and w": the metrics of the conjunct).
    Returns the pairs (reading, its conjunct's name) to assign."""
    if len(readings) < 2 or len(sb) < 2:
        return []  # a chain needs two conjuncts, each with a name and a number
    names = sorted({b.start: b for b in sb if b.start >= 0}.values(), key=lambda b: b.start)
    if training is not None:
        names = [b for b in names if not training.search(text, max(0, b.start - 40), b.start)]
    order = sorted(readings, key=lambda r: r.num.start)
    pairs: list[tuple[Span, list] | None] = []
    for k, b in enumerate(names):
        end = names[k + 1].start if k + 1 < len(names) else s1
        group = [r for r in order if b.end <= r.num.start < end]
        cut = [k for k in range(1, len(group)) if stop and stop.search(text, group[k - 1].span_end, group[k].num.start)]
        group = group[: cut[0]] if cut else group  # "an HD95 of 11.3, versus 17.2 for B": the compared run is B's
        lead = _blanked(text, b.end, group[0].num.start, quiet) if group else ""
        ok = group and len(lead) <= reach and not _CONJUNCT_BREAK.search(lead)
        pairs.append((b, group) if ok else None)
    given: list[Pair] = []
    chain: list[tuple[Span, list]] = []
    for k, pair in enumerate([*pairs, None]):
        linked = (
            pair is not None
            and chain
            and chain[-1][0] is names[k - 1]
            and _COORDINATOR.search(text, chain[-1][1][-1].span_end, pair[0].start) is not None
        )
        if not linked:
            keys = {norm_key(b.name) for b, _ in chain}
            if len(chain) >= 2 and len(keys) == len(chain):
                for b, group in chain:
                    others = keys - {norm_key(b.name)}
                    for r in group:  # only a number that took another conjunct's name, or none
                        had = getattr(r, fld)
                        weak = r.rules.get(fld) in (_CONJUNCT_NAME_RULES if fld == "benchmark" else WEAK_METRIC_RULES)
                        if had is None or (weak and norm_key(had.name) in others):
                            given.append(Pair(r, b))
            chain = [pair] if pair is not None else []
        else:
            chain.append(pair)
    return given


def _blanked(text: str, start: int, end: int, quiet: Sequence[Span]) -> str:
    """text[start:end] with the runs of the `quiet` mentions in it (each with its written "@k") blanked."""
    inside = [m for m in quiet if start <= m.start and m.end <= end]
    if not inside:
        return text[start:end]
    chars = list(text[start:end])
    for run in [*name_runs(text, inside, AT_K), *([m] for m in inside)]:
        at_k = AT_K.match(text, run[-1].end, end)
        for i in range(run[0].start, at_k.end() if at_k else run[-1].end):
            chars[i - start] = " "
    return "".join(chars)


def slash_shared(readings: list, links: dict) -> list[Pair]:
    """SLASH-SHARED: the members of a slash list of numbers ("63.2/77.9 on MOT17") share the name the last member
    takes from its own "on" phrase, where the others only had a weaker, earlier one. Returns the pairs to assign."""
    by_index = {r.i: r for r in readings if r.kind != "range"}
    given: list[Pair] = []
    for r in readings:
        chain = [r]
        while (lk := links.get(chain[-1].i)) is not None and lk.kind == "list" and lk.second in by_index:
            chain.append(by_index[lk.second])
        if len(chain) < 2 or (r.i - 1 in by_index and links.get(r.i - 1) is not None):
            continue  # not the start of a chain
        last = chain[-1]
        if last.benchmark is None or last.rules.get("benchmark") != "benchmark.on_phrase_after":
            continue
        for m in chain[:-1]:
            if m.benchmark is not last.benchmark and m.rules.get("benchmark") in WEAK_NAME_RULES:
                given.append(Pair(m, last.benchmark))
    return given


def list_anaphor(readings: list, sb: list[Span], text: str, s1: int, words: dict[str, str], reach: int) -> list[Pair]:
    """LIST-ANAPHOR: "on the latter" / "for the former" right after a number points at the last / first member of
    the coordinated name list before it ("On A and B ..., it reaches 91.3% on the latter"). Returns the pairs."""
    given: list[Pair] = []
    runs = name_runs(text, sb)
    for r in readings:
        m = _ANAPHOR.match(text, r.span_end, min(s1, r.span_end + reach))
        which = words.get(m.group(1).lower()) if m else None
        if which not in {"first", "last"}:
            continue
        prior = [n for n in runs if n[-1].end <= r.num.start]
        if prior:
            given.append(Pair(r, prior[-1][0 if which == "first" else -1]))
    return given


def _distance(names: list[Span], run: list) -> int:
    if names[-1].end <= run[0].num.start:
        return run[0].num.start - names[-1].end
    return max(0, names[0].start - run[-1].span_end)


def _frames(names: list[Span], run: list, sb: list[Span], text: str, training_on: re.Pattern) -> bool:
    """No other benchmark between the names and the numbers, and the names are not training data."""
    if any(names[-1].end <= b.start < run[0].num.start for b in sb):
        return False
    return not training_on.search(text, max(0, names[0].start - 40), names[0].start)


__all__ = [
    "align_runs",
    "align_slash_runs",
    "list_anaphor",
    "name_runs",
    "number_runs",
    "own_conjuncts",
    "slash_shared",
    "WEAK_METRIC_RULES",
    "WEAK_NAME_RULES",
]
