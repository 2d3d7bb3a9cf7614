"""Method: which system a number belongs to. A number after a comparison word may be the compared system's own
score; else the paper's own method ("our model"), a model named before the number (or the system it is the
backbone of), or the subject of a result verb. Each rule returns the method, whether it is the paper's own and its
key (`Fields`), or declines; the engine applies the first decision."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, clause_start
from leaderboard.extract.before_after import earlier_system
from leaderboard.extract.change_pairs import ordered_pair_method
from leaderboard.extract.compared_values import labels_closed_value, paren_name_before
from leaderboard.extract.methods import method_norm, subject_before
from leaderboard.extract.other_subjects import other_subject
from leaderboard.extract.rules import Fields, rule
from leaderboard.extract.rules.baseline import baseline_span, cut_to_known_name
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key

_LINK_AFTER = re.compile(r"\s*(?:of|is|was|[:=])?\s*", re.IGNORECASE)
# "GFLV2 (ResNet-101) achieves": a known model in parentheses right after a name is that system's backbone
_HOST_NAME = re.compile(
    r"(?<![\w\-.+])([A-Z][\w\-+.]*[A-Z0-9][\w\-+]*|[A-Z][a-z]+[A-Z][\w\-+]*|[A-Z]{2,}[\w\-+]*)\s*\(\s*$"
)
_UNIT_WORD = re.compile(r"\s*(?:[A-Za-z%]{1,6}\s+)?")
# a system's name opens with a capital, or a few lower-case letters before one ("iTransformer", "nnU-Net");
# MODIFIED-COMPARED-NAME: up to two lower-case modifiers, no gerund, may come first ("for tuned XGBoost")
_MODIFIER = r"(?![\w\-]*ing\s|(?:to|of|in|on|at|and|or|respect|regard)\b)[a-z][\w\-]*\s+"
_FOR_NAME = re.compile(
    r"\s+(?:for|by|with)\s+(?:the\s+|an?\s+)?(?P<n>(?:" + _MODIFIER + r"){0,2}?(?:[A-Z]|[a-z]{1,3}[A-Z])"
    r"[\w\-+]*(?:[.][\w\-+]+)*(?:\s+[A-Z0-9][\w\-+.]*[\w+])*)"
)
_UNIT_AFTER = re.compile(r"\s*(?!(?:and|or|for|by)\b)[A-Za-z]{1,4}(?!\w)")
# the rest of a coordinated run of numbers after one: ", 83.1 and 52.0", " and 3.7x" (a unit may follow each)
_RUN_AFTER = re.compile(
    r"(?:\s*(?:%\s*)?(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)[+\-\u2212]?\d[\d,]*(?:\.\d+)?"
    r"(?:\s*(?:%|\u00d7|(?!(?:and|or|for|by)\b)[A-Za-z]{1,4})(?!\w))?)+"
)
# OF-COMPARED-SYSTEM: "above the 91.4 of the Stanza baseline": "the <number> of <Name>" names the number's system
_THE_BEFORE = re.compile(r"(?<![\w\-])the\s+$", re.IGNORECASE)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?P<n>[A-Z][\w\-+]*(?:[.][\w\-+]+)*(?:\s+[A-Z0-9][\w\-+.]*[\w+])*)")
_VERB_OBJECT = re.compile(r"\s+(?:(?:the|an?)\s+)?(?:[a-z][\w\-]*\s+){0,2}?(?P<n>[A-Z][\w\-+.]*[\w+])")
_NUMBER_FIRST = re.compile(r"\s*[+\-]?\d")
_PAREN_GAP = re.compile(r"\s*[(\[]\s*")
_NEAR_GAP = re.compile(r"\s*(?:[(\[:=]|\b(?:of|at|with|is|was)\b)?\s*[(\[]?\s*", re.IGNORECASE)
STANDING = "standing"  # grammar value of a result_verb phrase that names a standing ("state of the art")


@rule("method.compared_system")
def compared_system(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """The compared system's own number after a comparison word ("compared with 56.8% for X", "over Y (43.6 AP)").

    Only an absolute number, and not when a result verb stands between them ("compared with X, ours reaches 71%"),
    nor after a comparison word inside an aggregate phrase ("averaged over six tasks is 72.9%").
    """
    if r.kind != "absolute":
        return None
    text, g, num = a.text, a.g, r.num
    if (pair := ordered_pair_method(a, s, num.start)) is not None:  # CHANGE-ORDERED-PAIR (change_pairs.py)
        return _decision(a, *pair)
    cmp, aggregates = None, None
    for m in g.compare.finditer(text, clause_start(text, s.s0, num.start), num.start):
        if any(x.start <= m.start() < x.end for x in a.metrics):  # "intersection over union"
            continue
        if r.qualifier is not None and not text[m.end() : num.start].strip():
            continue  # "keeps the error below 5%": the word is the number's qualifier, no compared system
        if aggregates is None:  # "averaged over six tasks": an aggregate, not a comparison (grammar `aggregate`)
            aggregates = [x.span() for x in g.aggregate.finditer(text, s.s0, num.start)]
        if not any(x0 <= m.start() < x1 for x0, x1 in aggregates):
            cmp = m
    if cmp is None or (not text[cmp.end() : num.start].strip() and g.value_of("compare", cmp.group(0)) == "verb"):
        return None  # "boosts X to surpass 80%": a level the subject passes, no compared system's number
    if cmp.group(0).lower() == "from":  # "up from 11.9 for a vision-only policy": the earlier system's value,
        if text[cmp.end() : num.start].strip():  # not the paper's own even when its system is not named
            return None
        span = earlier_system(text, g, r.span_end, None)
        return _decision(a, " ".join(text[span[0] : span[1]].split()) if span else None, False, span)
    between = text[cmp.end() : num.start]
    verbs = [m for m in g.result_verb.finditer(between) if g.value_of("result_verb", m.group(0)) != STANDING]
    if verbs:
        return None
    unit = _UNIT_AFTER.match(text, r.span_end)  # "versus 17.2 mm for X", "compared with 56.8 AP for X"
    after = _FOR_NAME.match(text, r.span_end) or (_FOR_NAME.match(text, unit.end()) if unit else None)
    if after is None and (run := _RUN_AFTER.match(text, r.span_end, s.s1)) is not None and run.end() > r.span_end:
        after = _FOR_NAME.match(text, run.end())  # "against 64.8, 83.1 and 52.0 for X": every member is X's
    if after is None and _THE_BEFORE.search(text, max(s.s0, num.start - 6), num.start):
        after = _OF_NAME.match(text, r.span_end)  # "surpassing the 43.8 of PEGASUS"
    base = after.span("n") if after else baseline_of(a, cmp, num.start, num.end)
    if base is None and a.g.value_of("compare", cmp.group(0)) != "verb":  # "below X (326) and Y (349)"
        base = paren_name_before(text, cmp.end(), num.start, r.span_end)
    if base is None or (after is None and _ends_in_predicate(a, *base)):
        return None
    b0, b1 = base
    if b0 == b1 == num.start and cmp.group(0).lower().startswith("v"):  # "(53.1 vs. 53.8)": the pair's second
        b0, b1 = _compared_before_pair(a, s, cmp.start()) or base  # is the system the clause compares with
    if _NUMBER_FIRST.match(text, b0, b1):  # "compared with 85.0% and 75.1% for earlier systems": a compared
        return _decision(a, None, False, None)  # number whose system is not named: not the paper's own either
    for m in a.metrics:  # "compared to SOTA accuracy of 89.4%": the system, not its metric
        if b0 <= m.start and m.end <= b1 and _LINK_AFTER.fullmatch(text, m.end, b1):
            b1 = m.start
    return _decision(a, cut_to_known_name(a, " ".join(text[b0:b1].split())), False, (b0, b1) if b1 > b0 else None)


def _ends_in_predicate(a: Abstract, b0: int, b1: int) -> bool:
    """COMPARED-INSIDE-SUBJECT: the phrase after the comparison word ends in the verb that links the clause's
    subject to the number ("its CMOS against ground truth was -0.08", "accuracy over six tasks is 66.4%",
    "HOTA improves by 4.2 over OC-SORT to 63.1"): the comparison sits inside the subject, and the number is the
    subject's own, not the compared system's (grammar `predicate_link`)."""
    words = a.text[b0:b1].split()
    return bool(words) and words[-1].lower() in a.g.words.get("predicate_link", {})


def _compared_before_pair(a: Abstract, s: Sentence, at: int) -> tuple[int, int] | None:
    """VS-PAIR: the model right after the last comparison verb before a "(x vs. y)" pair in its clause ("trails
    GraphGPS slightly (53.1 vs. 53.8)", "matches a supervised DenseNet-121 (0.878 vs. 0.874)")."""
    c0, g = clause_start(a.text, s.s0, at), a.g
    verbs = [m for m in g.compare.finditer(a.text, c0, at) if g.value_of("compare", m.group(0)) == "verb"]
    if not verbs:  # "Compared to X, ... (90.2% vs. 91.1%)" writes either side first
        return None
    name = _VERB_OBJECT.match(a.text, verbs[-1].end(), at)
    known = [m for m in a.methods if verbs[-1].end() <= m.start and m.end <= at]
    if known and (name is None or known[0].start <= name.start("n")):
        return known[0].start, known[0].end
    return name.span("n") if name else None


def _decision(a: Abstract, name: str | None, is_own: bool, span: tuple[int, int] | None) -> Fields:
    """A method decision: the name, whether it is the paper's own, its identity key, and the span naming it."""
    return Fields((("method", name), ("is_own", is_own), ("method_norm", _method_key(a, name))), span)


def _method_key(a: Abstract, name: str | None) -> str | None:
    """`method_norm` of a name, computed once per name (the extractor keeps the keys: a pure function of the name
    and the vocabulary)."""
    if not name:
        return None
    keys = a.method_keys
    if name not in keys:
        keys[name] = method_norm(name, a.vocab.methods.lookup)
    return keys[name]


def baseline_of(a: Abstract, cmp: re.Match, pos: int, end: int) -> tuple[int, int] | None:
    """The baseline phrase after `cmp` when the number at `pos` is the baseline's own: no closed parenthesis
    between them ("(+5.1% over the previous best) ... and 52.9%"); the number follows the phrase ("compared
    to SOTA accuracy of 89.4%"), and after a verb ("outperforms") only in parentheses right after it ("the
    ATSS baseline (43.6 AP)", not "all top-down methods on CrowdPose (67.6% AP)" nor the first number of a pair
    "(26mm vs 52mm)"); (pos, pos) for no name."""
    text = a.text
    if text.rfind("(", 0, cmp.start()) > text.rfind(")", 0, cmp.start()) and ")" in text[cmp.end() : pos]:
        return None
    if _PAREN_GAP.fullmatch(text, cmp.end(), pos) or not text[cmp.end() : pos].strip():
        return pos, pos  # "(90.2% vs. 91.1%)": a baseline number with no name
    span = baseline_span(text, a.g, cmp.start(), pos)
    if span is None:
        return None
    gap = text[span[1] : pos]
    if a.g.value_of("compare", cmp.group(0)) == "verb":
        pair = a.g.compare.match(text, _UNIT_WORD.match(text, end).end())
        return span if _PAREN_GAP.fullmatch(gap) and pair is None else None
    return span if _NEAR_GAP.fullmatch(gap) else None


def _named(a: Abstract, s: Sentence, r: Reading) -> tuple[list[Span], list[re.Match]]:
    """The models named before the number in its sentence that are not components, and the own-method references
    ("our model") before it; three rules ask, they are found once per number."""
    key = f"method@{r.num.start}"
    found = s.memo.get(key)
    if found is None:
        num = r.num.start
        named = [m for m in a.methods if s.s0 <= m.start and m.end <= num and not _component_in(a, s, m)]
        named = [m for m in named if not labels_closed_value(a.text, s.s0, m.start, m.end, num)]
        found = s.memo[key] = (named, list(a.g.own_ref.finditer(a.text, s.s0, num)))
    return found  # type: ignore[return-value]


def _component_in(a: Abstract, s: Sentence, m: Span) -> bool:
    """`component` of a model named in sentence `s`, found once per sentence (each number asks of the models before)."""
    key = f"component@{m.start}"
    hit = s.memo.get(key)
    if hit is None:
        hit = s.memo[key] = component(a, m, s.s0)
    return hit  # type: ignore[return-value]


def component(a: Abstract, m: Span, s0: int) -> bool:
    """ "with a ResNet-50 backbone", "Based on VGG16, it achieves": a model the system is built on; "outperforms
    Gopher 280B by 7.3%": a model compared with."""
    g, text = a.g, a.text
    lo, hi = max(s0, m.start - a.w.component_cue_before), _blank_end(text, m.start)
    return bool(
        g.component_head.match(text, m.end, m.end + a.w.component_head_after)
        or g.component_before.search(text, lo, hi)
        or g.compared_before.search(text, lo, hi)
    )


def _blank_end(text: str, pos: int) -> int:
    """`pos`, or just after the blank before it ("with (BERT)": the opening parenthesis is skipped)."""
    while pos > 0 and text[pos - 1] in "([":
        pos -= 1
    return pos


@rule("method.own_reference")
def own_reference(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """The paper's own method, referred to ("our model", "the proposed method") after the last model named before."""
    named, own_ref = _named(a, s, r)
    if own_ref and (not named or own_ref[-1].start() > named[-1].start):
        return _decision(a, a.own, True, own_ref[-1].span())
    return None


def _host(a: Abstract, s: Sentence, last: Span) -> re.Match | None:
    """The system name right before "(" when `last` is a model in parentheses ("GFLV2 (ResNet-101)")."""
    text = a.text
    if not text[last.end : last.end + 3].lstrip().startswith(")"):
        return None
    host = _HOST_NAME.search(text, max(s.s0, last.start - a.w.host_before_backbone), last.start)
    if host and text.startswith(host.group(1), last.start):
        return None  # "BERT (BERT-large)": the variant is the more exact name
    return host


def _is_own(a: Abstract, name: str) -> bool:
    return bool(a.own) and norm_key(name) == norm_key(a.own)


@rule("method.system_of_backbone")
def system_of_backbone(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """A known model in parentheses right after a system's name ("GFLV2 (ResNet-101) achieves"): that system."""
    named, _ = _named(a, s, r)
    host = _host(a, s, named[-1]) if named else None
    return _decision(a, host.group(1), _is_own(a, host.group(1)), host.span(1)) if host else None


@rule("method.name_before")
def name_before(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """The last model named before the number in its sentence (not one the system is built on or compared with)."""
    named, _ = _named(a, s, r)
    if not named:
        return None
    last = named[-1]
    return _decision(a, a.text[last.start : last.end], _is_own(a, last.name), (last.start, last.end))


@rule("method.sentence_subject")
def sentence_subject(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """A capitalised name that is the subject of a result verb before the number ("FooBar reaches 71.2%")."""
    metrics = tuple((m.start, m.end) for m in a.metrics if s.s0 <= m.start < r.num.start)
    # a benchmark of the sentence is no system ("mAP on VOC, Fenwick Drones and COCO is 82.1, ...")
    names = metrics + tuple((b.start, b.end) for b in s.benches if s.s0 <= b.start < r.num.start)
    subject = subject_before(a.text, s.s0, r.num.start, a.w.subject_before_verb, names, a.g)
    if not subject:
        return None
    return _decision(a, subject, bool(a.own) and norm_key(a.own) in norm_key(subject), None)


@rule("method.other_system_subject")
def other_system_subject(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """An unnamed other system or people, the clause's lower-case subject right before a result verb ("prior
    systems peak at 68.0", "human experts achieve 53.7%") or the number's label ("(prior best 0.884)"):
    that phrase, not the paper's own (other_subjects.py)."""
    span = other_subject(a.text, a.g, a.w, clause_start(a.text, s.s0, r.num.start), r.num.start)
    return _decision(a, " ".join(a.text[span[0] : span[1]].split()), False, span) if span else None


@rule("method.unnamed_system_is_own")
def unnamed_system_is_own(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """A result whose sentence names no system is the paper's own ("It reaches 71.4 mIoU", "On A, accuracy rises
    to 83.2%"): its method is the paper's name, unless that name is a benchmark of the abstract (a dataset paper)
    or the number's clause opens with another, unnamed system ("the previous best reaches", "the teacher gets")."""
    own = a.own
    if not own or r.is_own is not None:
        return None
    key = norm_key(own)
    names = (*a.benches, *a.title_benches, *s.benches, *([r.benchmark] if r.benchmark is not None else []))
    if any(norm_key(b.name) == key or norm_key(b.raw) == key for b in names) or _names_data(a, own):
        return None  # "We introduce FooQA, a benchmark of ...": the paper's name is the data, not a system
    if r.kind == "absolute" and a.g.other_system.search(a.text, clause_start(a.text, s.s0, r.num.start), r.num.start):
        return None
    return _decision(a, own, True, None)


_APPOSITION = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?")


def _names_data(a: Abstract, own: str) -> bool:
    """The paper's name introduced as data: "FooQA, a new benchmark ...", "BarSet, the largest corpus ..."."""
    at = a.text.find(own)
    while at >= 0:
        gap = _APPOSITION.match(a.text, at + len(own))
        if gap is not None and a.g.benchmark_head.match(a.text, gap.end()):
            return True
        at = a.text.find(own, at + 1)
    return False
