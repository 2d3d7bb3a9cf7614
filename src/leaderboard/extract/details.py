"""Details of a reading once its number, benchmark and metric are known: the method that reports it, a change's
direction and baseline, and a confidence score."""

from __future__ import annotations

import re
from dataclasses import replace

from leaderboard.extract.attribution import Span, baseline_after, baseline_span, capture_metric, clause_start
from leaderboard.extract.calibration import evidence_score as confidence_score  # noqa: F401 (moved)
from leaderboard.extract.methods import method_norm, subject_before
from leaderboard.extract.numbers import Number
from leaderboard.extract.sentence import Abstract, Reading
from leaderboard.extract.vocab import norm_key

_FROM_END = re.compile(r"(?<![\w-])(?<!ranging )(?<!ranges )(?<!range )from\s*[(\[]?\s*$", re.IGNORECASE)
_REPORTED_AS = re.compile(r"\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+\s+of\s+")  # "obtains a return of "
_LINK_AFTER = re.compile(r"\s*(?:of|is|was|[:=])?\s*", re.IGNORECASE)
# "GFLV2 (ResNet-101) achieves": a known model in parentheses right after a name is that system's backbone
_HOST_NAME = re.compile(
    r"(?<![\w\-.+])([A-Z][\w\-+.]*[A-Z0-9][\w\-+]*|[A-Z][a-z]+[A-Z][\w\-+]*|[A-Z]{2,}[\w\-+]*)\s*\(\s*$"
)
_UNIT_WORD = re.compile(r"\s*(?:[A-Za-z%]{1,6}\s+)?")
_FOR_NAME = re.compile(r"\s+(?:for|by)\s+(?:the\s+)?(?P<n>[A-Z][\w\-+]*(?:[.][\w\-+]+)*(?:\s+[A-Z0-9][\w\-+.]*[\w+])*)")
_PAREN_GAP = re.compile(r"\s*[(\[]\s*")
_NEAR_GAP = re.compile(r"\s*(?:[(\[:=]|\b(?:of|at|with|is|was)\b)?\s*[(\[]?\s*", re.IGNORECASE)
_TO_GAP = re.compile(
    r"\s*(?:(?!up\s)[A-Za-z]{1,5}\s+)?(?:to|->|\u2192|=>|\u21d2|\\rightarrow|\$\\rightarrow\$|\$\\to\$)\s*"
)


def transitions(a: Abstract, readings: list[Reading], s0: int) -> list[Reading]:
    """ "improves F1 from 72.69% to 76.77%": the new value of an improvement is a result of its own (kind
    absolute); the range reading keeps both ends."""
    out = []
    for r in readings:
        if r.kind != "range" or r.num.signed:
            continue
        second = next((n for n in a.nums if n.end == r.span_end and n.start > r.num.end), None)
        if second is None or second.signed or not _TO_GAP.fullmatch(a.text, r.num.end, second.start):
            continue
        c0 = clause_start(a.text, s0, r.num.start)
        if not _FROM_END.search(a.text, max(c0, r.num.start - 12), r.num.start):
            continue
        change = None
        for m in a.g.change.finditer(a.text, c0, r.num.start):
            change = a.g.value_of("change", m.group(0))
        hib = r.metric.entry.get("higher_is_better").lower() if r.metric and r.metric.entry else ""
        better = (second.value > r.value) == (hib == "true") if hib in {"true", "false"} else change == "better"
        if change not in {"better", "up", "down"} or not better:
            continue
        new = replace(
                r,
                num=second,
                kind="absolute",
                value=second.value,
                value_to=None,
                span_end=second.end,
                unit=second.unit or r.unit,
                qualifier=None,
                baseline=None,
                delta_relative=None,
                improvement=None,
                rules={k: v for k, v in r.rules.items() if k not in _CHANGE_FIELDS},
            )  # fmt: skip
        if new.trace is not None:
            new.trace.copied((r.num.start, r.num.end), (second.start, second.end), set(new.rules))
        new.note("kind", "kind.end_of_transition", (r.num.start, second.end))
        if second.unit:
            new.note("unit", "unit.attached_sign")
        out.append(new)
    return out


def captured_metric(a: Abstract, num: Number, s0: int) -> Span | None:
    """A metric phrase outside the vocabulary before a number with decimals or a unit ("an R-precision of
    0.22"), or before a whole number a result verb reports ("obtains a return of 3,200", "achieves a score of
    812"); a phrase that is a known metric's canonical name in other case takes its entry ("Return")."""
    text, g = a.text, a.g
    if num.decimals or num.unit:
        metric = capture_metric(text, num, s0, g)
    elif not text[max(s0, num.start - 4) : num.start].rstrip().endswith("of"):
        return None  # cheap test first: "a return of 3,200"
    else:
        w0 = max(s0, num.start - 60)
        verbs = g.result_verb.finditer(text, w0, num.start)
        if not any(_REPORTED_AS.fullmatch(text, v.end(), num.start) for v in verbs):
            return None
        metric = capture_metric(text, num, s0, g, generic=True)
    entry = a.vocab.metrics.named(metric.name) if metric is not None else None
    return metric if entry is None else Span(metric.start, metric.end, entry.name, metric.raw, entry)


def baseline_home(a: Abstract, readings: list[Reading]) -> None:
    """ "a perplexity of 10.8 on WikiText-103 and 66.5% accuracy on LAMBADA, compared to the previous best
    perplexity of 15.8": a baseline number whose benchmark is a name before it that the sentence gives other
    metrics takes the one benchmark its metric was reported on."""
    for r in readings:
        b = r.benchmark
        if r.is_own is not False or b is None or r.metric is None or r.metric_inferred or not 0 <= b.end <= r.num.start:
            continue
        given = [o for o in readings if o is not r and o.metric is not None and not o.metric_inferred and o.benchmark]
        here = [o.metric.name for o in given if o.benchmark.name == b.name]
        homes = {
            o.benchmark.name: o.benchmark for o in given if o.metric.name == r.metric.name and o.is_own is not False
        }
        if here and r.metric.name not in here and len(homes) == 1:
            r.benchmark = next(iter(homes.values()))
            r.note("benchmark", "benchmark.home_of_baseline_metric")


def attribute_method(a: Abstract, r: Reading, s0: int, s1: int) -> None:
    text, g, num = a.text, a.g, r.num
    c0 = clause_start(text, s0, num.start)
    cmp = None
    for m in g.compare.finditer(text, c0, num.start):
        if not any(s.start <= m.start() < s.end for s in a.metrics):  # "intersection over union"
            cmp = m
    if cmp is not None and r.kind == "absolute" and cmp.group(0).lower() != "from":
        between = text[cmp.end() : num.start]
        verbs = [m for m in g.result_verb.finditer(between) if "art" not in m.group(0) and m.group(0).lower() != "sota"]
        after = None if verbs else _FOR_NAME.match(text, r.span_end)  # "compared with 56.8% for GPT-4V"
        base = after.span("n") if after else None if verbs else baseline_of(a, cmp, num.start, num.end)
        if base is not None:
            b0, b1 = base
            for m in a.metrics:  # "compared to SOTA accuracy of 89.4%": the system, not its metric
                if b0 <= m.start and m.end <= b1 and _LINK_AFTER.fullmatch(text, m.end, b1):
                    b1 = m.start
            r.method = cut_to_known_name(a, " ".join(text[b0:b1].split()))
            r.is_own = False
            r.method_norm = method_norm(r.method, a.vocab.methods.lookup)
            r.note("method", "method.compared_system", (b0, b1) if b1 > b0 else None)
            return
    named = [m for m in a.methods if s0 <= m.start and m.end <= num.start and not component(a, m, s0)]
    own_ref = list(g.own_ref.finditer(text, s0, num.start))
    if own_ref and (not named or own_ref[-1].start() > named[-1].start):
        r.method, r.is_own = a.own, True
        r.note("method", "method.own_reference", own_ref[-1].span())
    elif named:
        last = named[-1]
        closed = text[last.end : last.end + 3].lstrip().startswith(")")
        host = _HOST_NAME.search(text, max(s0, last.start - 40), last.start) if closed else None
        if host and text.startswith(host.group(1), last.start):
            host = None  # "BERT (BERT-large)": the variant is the more exact name
        r.method = host.group(1) if host else text[last.start : last.end]
        rule = "method.system_of_backbone" if host else "method.name_before"
        r.note("method", rule, host.span(1) if host else (last.start, last.end))
        r.is_own = bool(a.own) and norm_key(host.group(1) if host else last.name) == norm_key(a.own)
    elif subject := subject_before(  # only looked for when nothing else names it
        text, s0, num.start, tuple((m.start, m.end) for m in a.metrics if s0 <= m.start < num.start)
    ):
        r.method = subject
        r.note("method", "method.sentence_subject")
        r.is_own = bool(a.own) and norm_key(a.own) in norm_key(subject)
    r.method_norm = method_norm(r.method, a.vocab.methods.lookup)


def component(a: Abstract, m: Span, s0: int) -> bool:
    """ "with a ResNet-50 backbone", "Based on VGG16, it achieves": a model the system is built on; "outperforms
    Gopher 280B by 7.3%": a model compared with."""
    g, text = a.g, a.text
    lo, hi = max(s0, m.start - 40), _blank_end(text, m.start)
    return bool(
        g.component_head.match(text, m.end, m.end + 24)
        or g.component_before.search(text, lo, hi)
        or g.compared_before.search(text, lo, hi)
    )


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


def delta_details(a: Abstract, r: Reading, s0: int, s1: int) -> None:
    text, g, num = a.text, a.g, r.num
    c0 = clause_start(text, s0, num.start)
    window_end = min(s1, r.span_end + 60)
    best, best_d = None, 10**9
    for m in g.change.finditer(text, c0, window_end):
        if not g.value_of("change", m.group(0)):
            continue  # "relative", "difference": a change without a direction
        d = num.start - m.end() if m.end() <= num.start else m.start() - r.span_end
        if d >= -1 and d < best_d:
            best, best_d = m, d
    r.direction = g.value_of("change", best.group(0)) if best else ""
    hib_raw = r.metric.entry.get("higher_is_better") if r.metric and r.metric.entry else ""
    hib = {"true": True, "false": False}.get(hib_raw.lower())
    r.improvement = {
        "better": True,
        "worse": False,
        "up": True if hib is None else hib,
        "down": None if hib is None else not hib,
    }.get(r.direction)
    rel = None
    for m in g.relative.finditer(text, max(s0, num.start - 40), window_end):
        rel = g.value_of("relative", m.group(0)) == "true"
    if rel is None:
        rel = True if r.unit == "%" else (False if r.unit in {"pp", "points"} or r.unit is None else None)
    r.delta_relative = rel
    base = baseline_after(text, g, r.span_end, s1)
    if base is None:
        base = baseline_after(text, g, c0, num.start)
    r.baseline = cut_to_known_name(a, base, r.method)
    if r.baseline is not None:
        r.note("baseline", "baseline.after_comparison_word")
    if r.improvement is not None:
        r.note("improvement", "kind.direction_of_change_word", best.span() if best else None)


def cut_to_known_name(a: Abstract, phrase: str | None, method: str | None = None) -> str | None:
    """A baseline phrase cut to the one known model it holds ("performance of the pre-trained Llama 2 model" ->
    "Llama 2"), so that it meets the same model in other papers; else the phrase as written. Not when the cut
    name is the reading's own method: "fine-tuned X" over "few-shot X" is told apart by the words around X."""
    if not phrase or " " not in phrase:
        return phrase or None
    known = a.vocab.methods.find(phrase)
    if len(known) != 1:
        return phrase
    name = phrase[known[0].start : known[0].end]
    if method is not None and norm_key(name) == norm_key(method):
        return phrase
    return name


_CHANGE_FIELDS = frozenset({"kind", "value", "qualifier", "baseline", "improvement"})


def _blank_end(text: str, pos: int) -> int:
    """`pos`, or just after the blank before it ("with (BERT)": the opening parenthesis is skipped)."""
    while pos > 0 and text[pos - 1] in "([":
        pos -= 1
    return pos
