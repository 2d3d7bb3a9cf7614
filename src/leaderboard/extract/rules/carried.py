"""Benchmark rules that carry a name from elsewhere in the abstract (the reading is marked `carried`): a task bound
earlier, the paper's own dataset, the number-free sentence before, the previous result sentence, the title. They are
registered in the `benchmark` group (rules/benchmark.py imports them so the engine's chains find them by name)."""

from __future__ import annotations

from leaderboard.extract.attribution import Span
from leaderboard.extract.counted_anaphor import counted_anaphor, items_of_suite
from leaderboard.extract.introduced import introduced_default
from leaderboard.extract.own_frame import opens_own_frame
from leaderboard.extract.rules import rule
from leaderboard.extract.rules.suite import over_sets, own_scope_before, spread_over_listed
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.task_bindings import bound_per_number
from leaderboard.extract.vocab import norm_key


@rule("benchmark.counted_set_anaphor")
def counted_set_anaphor(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """Coordinated numbers "on the two datasets" take, in order, the benchmarks named before when the counts agree
    (COUNTED-ANAPHOR, counted_anaphor.py)."""
    return counted_anaphor(a, s, r) if len(s.idx) > 1 else None


@rule("benchmark.items_of_suite_before")
def items_of_suite_before(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """ "Across the 16 games, ...": counted items with a definite article are those of the one benchmark named
    before in the abstract (DEFINITE-ITEMS-OF-SUITE, counted_anaphor.py)."""
    return items_of_suite(a, s)


@rule("benchmark.task_bound_earlier")
def task_bound_earlier(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A value next to a task phrase that an earlier sentence bound to a dataset ("A for parsing and B for tagging.
    ... tagging reaches 97.1%") takes that dataset (task_bindings.py)."""
    found = s.memo.get("task_bound")
    if found is None:
        binds = [b for b in a.context.task_bindings() if b.name.start < s.s0]
        ends = [(a.nums[i].start, a.nums[i].end) for i in s.idx]
        found = s.memo["task_bound"] = bound_per_number(a.text, s.s0, s.s1, ends, binds) if binds else {}
    return found.get(r.num.start)  # type: ignore[union-attr]


@rule("benchmark.this_benchmark_is_own")
def this_benchmark_is_own(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """ "this benchmark", "our dataset": the paper's own dataset, by the paper's own name when that name is the
    dataset's (OWN-NAME-IS-DATASET; a method's name is not), and not for an aggregate over its sets."""
    own = a.own if s.has(a, "this_ref") and (a.own_is_data is None or a.own_is_data.get()) else None
    return Span(-1, -1, own, own, a.vocab.benchmarks.lookup(own)) if own and not no_carry(a, s, r) else None


@rule("benchmark.setting_of_its_own")
def setting_of_its_own(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number after a setting of its own in its sentence ("In real-world trials, ...", "in an online A/B test")
    takes no benchmark from another sentence or the title."""
    key = f"own_setting@{r.num.start}"
    hit = s.memo.get(key)
    if hit is None:
        hit = s.memo[key] = a.g.sets_own(a.text, s.s0, r.num.start)
        if hit and r.trace is not None:
            why = "the sentence names a setting of its own before the number"
            r.trace.declined((r.num.start, r.num.end), "benchmark.setting_of_its_own", "benchmark", why)
    return bool(hit)


@rule("benchmark.frame_of_its_own")
def frame_of_its_own(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A sentence opening with a comma-closed frame of its own ("For discovery, ...", "Under babble noise, ...")
    takes no benchmark from the previous result sentence (FRONTED-FRAME-OF-ITS-OWN, own_frame.py)."""
    hit = opens_own_frame(a, s, r.num.start)
    if hit and r.trace is not None:
        why = "the sentence opens with a frame of its own"
        r.trace.declined((r.num.start, r.num.end), "benchmark.frame_of_its_own", "benchmark", why)
    return hit


def no_carry(a: Abstract, s: Sentence, r: Reading) -> bool:
    """No benchmark is carried into an aggregate ("on average over all datasets"; not one within a dataset: "across
    26 classes") or a setting of its own."""
    return over_sets(a, s) or setting_of_its_own(a, s, r) or own_scope_before(a, s, r) or spread_over_listed(a, s, r)


def _titled(a: Abstract) -> bool:
    return len({norm_key(b.name) for b in a.title_benches}) == 1


@rule("benchmark.sentence_before")
def sentence_before(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one name of the number-free sentence right before ("We evaluate on X. We reach 81.2%.")."""
    if no_carry(a, s, r):
        return None  # "on average over all datasets"
    before = a.context.right_before(s.s0, a.g.counts_sets)
    return before if before is not None and (before.known or not _titled(a)) else None  # the title's known name wins


@rule("benchmark.previous_results")
def previous_results(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the results of the previous result sentence were given on."""
    return None if no_carry(a, s, r) or frame_of_its_own(a, s, r) else a.memory.last_bench


@rule("benchmark.introduced_earlier")
def introduced_earlier(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """INTRODUCED-DATASET-DEFAULT (introduced.py): the dataset the abstract introduced before, for a result sentence
    naming none, when no other benchmark is named since (not an efficiency result)."""
    return None if no_carry(a, s, r) else introduced_default(a, s, r)


@rule("benchmark.title")
def title(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the title names."""
    return a.title_benches[0] if _titled(a) and not no_carry(a, s, r) else None


__all__ = [
    "counted_set_anaphor",
    "items_of_suite_before",
    "frame_of_its_own",
    "introduced_earlier",
    "no_carry",
    "previous_results",
    "sentence_before",
    "setting_of_its_own",
    "task_bound_earlier",
    "this_benchmark_is_own",
    "title",
]
