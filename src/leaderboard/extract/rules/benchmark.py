"""Benchmark: which dataset a number was measured on. First the names of its own sentence, then names carried
from elsewhere in the abstract (the sentence before, earlier results, the title)."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, following_on, nearest, preceding
from leaderboard.extract.fronted_names import sentence_fronted as _fronted
from leaderboard.extract.rules import rule
from leaderboard.extract.rules.carried import (  # noqa: F401
    introduced_earlier,
    no_carry,
    previous_results,
    sentence_before,
    setting_of_its_own,
    task_bound_earlier,
    this_benchmark_is_own,
    title,
)
from leaderboard.extract.rules.suite import (  # noqa: F401
    counts_sets_or_tasks,
    fronted_suite,
    named_suite_of_aggregate,
    over_sets,
    own_scope_before,
)
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

_TO_AFTER = re.compile(r"\s+to\s+")
_ACROSS = re.compile(r"\s*(?:%\s*|(?:percentage\s+)?points\s+)?(?:on\s+average\s+)?(?:across|over|on)\s+")
_OWN_ON = re.compile(r"(?:\s+[\w@\-]+){0,2}?\s+(?:on|for|in)\s+(?:the\s+)?")
_SLOT_WORD = re.compile(r"(?:\s+[\w@\-]+){0,3}?\s+(?:on|for)\s+(?:the\s+)?(?P<w>[A-Z][\w\-]{1,30})(?![\w\-])")
_AND_LIST = re.compile(r"[^;]*?\band\b[^;]*")
# OWN-SCOPE: a number with its own scope phrase right after it ("0.891 over the five X findings and ...", "78.3
# across eight tasks and ...") ends its item: an "on Y" after the next coordinated number is that number's
_OWN_SCOPE = re.compile(r"\s*(?:%\s*)?(?:[\w\-@]+\s+)?(?:over|across|on|in|for)\s+[^,;]*?\band\b")


@rule("benchmark.across_unnamed_sets")
def across_unnamed_sets(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number "across/over N datasets" naming none of them (nor a fronted suite) or after a scope of its own."""
    m = _ACROSS.match(a.text, r.span_end, s.s1)
    reach = min(s.s1, m.end() + a.w.sets_after) if m is not None else 0
    reach = next((i for i in range(m.end(), reach) if a.text[i] in ",;"), reach) if m is not None else 0  # its phrase
    hit = m is not None and not any(m.end() <= b.start < reach for b in s.benches)
    if hit and counts_sets_or_tasks(a.g, a.text[m.end() : reach]) and not fronted_suite(a, s, r, _fronted(a, s)):
        return True
    return own_scope_before(a, s, r)  # OWN-SCOPE-BEFORE (suite.py): "..., and accuracy over 6 tasks is 72.1"


def _evaluated(a: Abstract, s: Sentence) -> list[Span]:
    """TRAINING-DATA-ROLE: the sentence's names without those written as training data ("pre-trained on X",
    "the same model trained on Y"), when another name is left; else all of them ("trained on CIFAR-10, it reaches
    91.6%": the data it was trained on is the one it is tested on), except a pretraining corpus or a teacher's data
    (PRETRAINING-DATA-ROLE: "pre-trained on LAION-400M, it reaches 76.2% zero-shot accuracy")."""
    found = s.memo.get("evaluated")
    if found is None and len(s.benches) < 2:  # one name: kept unless it is pretraining data
        found = s.memo["evaluated"] = [b for b in s.benches if not _pretraining(a, s, b)]
    if found is None:
        g, text = a.g.training_on, a.text
        found = [
            b
            for b in s.benches
            if not g.search(text, max(s.s0, b.start - 60), b.start) and not a.g.weights_after.match(text, b.end)
        ]
        if not found or len(found) == len(s.benches):
            found = s.benches
        s.memo["evaluated"] = found
    return found  # type: ignore[return-value]


def _pretraining(a: Abstract, s: Sentence, b: Span) -> bool:
    """PRETRAINING-DATA-ROLE, WEIGHTS-OF-NAME: "pre-trained on X", "distilled from X", "X checkpoints"."""
    lo, text = max(s.s0, b.start - 60), a.text
    if a.g.weights_after.match(text, b.end, min(s.s1, b.end + 20)):
        return True
    cue = "rain" in text[lo : b.start] or "distill" in text[lo : b.start]  # the literal cue first
    return cue and a.g.pretraining_on.search(text, lo, b.start) is not None


def _name_before(a: Abstract, s: Sentence, r: Reading) -> tuple[Span | None, int]:
    """The last name before the number (before its open parenthesis, if any) and that parenthesis (-1: none);
    three rules ask, it is found once per number."""
    found = s.memo.get(r.num.start)
    if found is None:
        found = s.memo[r.num.start] = _find_name_before(a, s, r)  # type: ignore[index]
    return found  # type: ignore[return-value]


def _find_name_before(a: Abstract, s: Sentence, r: Reading) -> tuple[Span | None, int]:
    text, num = a.text, r.num
    opened = text.rfind("(", s.s0, num.start)
    if opened >= 0 and ")" in text[opened : num.start]:
        opened = -1
    return preceding(_evaluated(a, s), opened if opened >= 0 else num.start, s.s0), opened


# -- in the number's sentence ----------------------------------------------------------------------------------
@rule("benchmark.name_before_parenthesis")
def name_before_parenthesis(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A number in parentheses close after a name: "X (81.2%)", "X with Y (81.2%)"."""
    before, opened = _name_before(a, s, r)
    gap = a.text[before.end : opened] if before is not None else ""
    if before is None or opened < 0 or len(gap) > a.w.name_to_parenthesis or any(c in ",;:" for c in gap):
        return None
    close = a.text.find(")", r.span_end, s.s1)  # "X (68.7% on V1 ...)": the number's own "on" name wins
    own = [b for b in s.benches if r.span_end <= b.start < close and _OWN_ON.fullmatch(a.text, r.span_end, b.start)]
    return None if own else before


@rule("benchmark.name_before_to_value")
def name_before_to_value(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A name right before "to <number>": "accuracy on X to 84.1%"."""
    before, _ = _name_before(a, s, r)
    return before if before is not None and _TO_AFTER.fullmatch(a.text, before.end, r.num.start) else None


@rule("benchmark.on_phrase_after")
def on_phrase_after(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A name in an "on/in/for X" phrase after the number, before any later number with its own phrase."""
    text, g, start = a.text, a.g, r.num.start

    def nums_between(x: int, y: int) -> bool:  # "A and B on X" is a list; "A and achieves B on X" is not
        if not any(x <= n < y for n in r.peers if n != start):
            return False
        if _OWN_SCOPE.match(text, x, y):  # "0.891 over the five X findings and 0.836 on Y": Y is the later one's
            return True
        return not _AND_LIST.fullmatch(text[x:y]) or g.result_verb.search(text, x, y) is not None

    fronted = _fronted(a, s)  # "0.71 and on X it scores ...": X opens the next conjunct, it is not 0.71's
    names = [b for b in _evaluated(a, s) if b.start not in fronted] if fronted else _evaluated(a, s)
    found = following_on(text, names, r.span_end, s.s1, nums_between, a.w)
    if found is not None and text[r.span_end : found.start].strip() == ",":
        return None  # "A 96.2, B 88.3": a comma right after the number ends its item, B opens the next one
    return found


@rule("benchmark.fronted_slot")
def fronted_slot(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """A number in the clause after a fronted "On X" slot ("and on X it reaches 55.0", "On the held-out X set the
    model scores 0.8") takes X, unless another name of its sentence stands between them."""
    fronted = _fronted(a, s)
    before = [b for b in fronted.values() if b.end <= r.num.start]
    if not before:
        return None
    slot = max(before, key=lambda b: b.start)
    between = [b for b in _uncompared(a, s) if slot.end <= b.start and b.end <= r.num.start]
    return None if between else slot


def _uncompared(a: Abstract, s: Sentence) -> list[Span]:
    """The sentence's names that are not the other side of a comparison ("compared to X", "than X")."""
    found = s.memo.get("uncompared")
    if found is None:
        g, text = a.g.compared_name, a.text
        found = s.memo["uncompared"] = [
            b for b in _evaluated(a, s) if not g.search(text, max(s.s0, b.start - a.w.compared_cue_before), b.start)
        ]
    return found  # type: ignore[return-value]


def _after_number(a: Abstract, s: Sentence) -> dict[int, int]:
    """Names written right after a measured number (decimals or %) of the sentence ("0.47 WikiText-2 perplexity";
    not "300 ImageNet epochs"): name start -> number start."""
    found = s.memo.get("after_number")
    if found is None:
        ends = {a.nums[i].end: a.nums[i].start for i in s.idx if a.nums[i].decimals or a.nums[i].unit == "%"}
        found = s.memo["after_number"] = {
            b.start: ends[e]
            for b in s.benches
            for e in range(b.start - 2, b.start)
            if e in ends and a.text[e : b.start].isspace()
        }
    return found  # type: ignore[return-value]


def _free(a: Abstract, s: Sentence, r: Reading) -> list[Span]:
    """The names another side of a comparison or another result number ("0.47 X perplexity and 99% ...") does not
    hold."""
    held = _after_number(a, s)
    names = _uncompared(a, s)
    if not held:
        return names
    return [b for b in names if held.get(b.start, r.num.start) == r.num.start]


@rule("benchmark.last_name_before")
def last_name_before(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The last name before the number in its sentence that is not the other side of a comparison nor written
    right after another result number."""
    before = _name_before(a, s, r)[0]
    free = _free(a, s, r) if before is not None else []
    if before is None or any(b is before for b in free):
        return before
    return preceding(free, r.num.start, s.s0)


@rule("benchmark.nearest_in_sentence")
def nearest_in_sentence(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The name nearest to the number in its sentence that no comparison or other result number holds, and not
    in a later clause that a fronted slot opens (FRONTED-SCOPE: "x on the test set; on B it reaches y")."""
    cut = min((b for b in _fronted(a, s) if b > r.num.start), default=s.s1)
    names = [b for b in _free(a, s, r) if b.start < r.num.start or b.start < cut]
    return nearest(names, r.num.start, r.span_end, a.text, s.s0, s.s1, a.w.benchmark_nearest, a.w)


@rule("benchmark.task_word_of_named_benchmark")
def task_word_of_named_benchmark(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """ "93.47 F1 on NER" after "the CoNLL03 NER task": the word in the number's "on" slot is the word one
    benchmark of the abstract was written with."""
    m = _SLOT_WORD.match(a.text, r.span_end, min(s.s1, r.span_end + a.w.benchmark_nearest))
    if m is None or any(m.start("w") <= b.start < m.end("w") for b in s.benches):
        return None
    word, text = m.group("w"), a.text
    found = {
        norm_key(b.name): b
        for b in a.context.every_name()
        if b.start >= 0
        and (
            (
                text.startswith(word, b.end + 1)
                and text[b.end].isspace()
                and not _word_goes_on(text, b.end + 1 + len(word))
            )
            or (b.raw.endswith(word) and b.raw[: -len(word)][-1:].isspace())  # "CoNLL2000 Chunking" as one name
        )
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _word_goes_on(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] == "-")


@rule("benchmark.single_in_abstract")
def single_in_abstract(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """The one benchmark the whole abstract names, for a number with a metric ("tested on X. ... DSC = 0.53")."""
    if r.metric is None or a.title_benches or no_carry(a, s, r):
        return None
    single = a.context.single()
    if single is None or (single.start >= s.s1 and single in a.context.named):
        return None  # a name first given with later results is theirs, not carried back
    if s.s0 <= single.start < s.s1 and not any(b.start == single.start for b in _free(a, s, r)):
        return None  # "than X", "0.47 X perplexity and 99%": held by a comparison or another number
    return single
