"""Open-vocabulary benchmark names in two slots the head-word capture (names.py) does not reach.

Rules:
- NAME-ACRONYM-HEAD: "the Kestrel Legal (KLC) corpus", "for the Harbor Gesture (HG) database": capitalised words,
  an acronym in parentheses, then a benchmark head word (grammar kind `benchmark_head`) name one benchmark.
- LIST-SIBLING, NAME-LIST-SIBLING, MODIFIED-MEMBER (sibling_names.py): unknown members of a list whose other
  members are known benchmarks ("A (v1), B (v2) and C (v3)", "on A, B and the in-house C").
- LIST-SIBLING-METRIC: an unknown list member without a metric of its own takes the one metric that its siblings
  in the sentence (same unit) all have, marked implied.
- VERSION-OF-NAME: "Something-Something (68.7% on V1 and 77.0% on V2)": a bare version in a value's "on" slot
  inside the parenthesis after a name is that name's version ("Something-Something V1"; the vocabulary entry when
  it has one).
- NAME-IN-LANGUAGE-HEAD: "the SemEval Hate Speech Detection in Spanish task": capitalised words, "in"/"for", a language
  (grammar kind `not_a_benchmark`), then a benchmark head: the words before "in" name the benchmark, never the
  language.
- SHORT-FORM-IN-SLOT: "88.4% on Flowers and 79.2% on Cars": a common word that the grammar (kind `short_form`) lists
  as the short form of a known benchmark names it only in a benchmark slot of a result sentence: after "on"/"for"
  or as a member of a list ("on Pets, Textures and Food"), with a number in the sentence; as written, never in
  lower case, never after a training phrase ("pretrained on Sports and Toys").
- GLUED-SCORE: "a CLUEscore of 71.8", "MTEBScore": a known benchmark glued to "score" names that benchmark (its score
  is the benchmark's own score).
- TAIL-SHORT-FORM: "... SWE-bench Verified ... on Verified": the last word of a known benchmark named elsewhere in the
  abstract, in an "on/for" slot, names that benchmark.
- SIBLING-VERSION: "58.1% on MultiWOZ 2.1 and 61.3% on 2.4": a bare version in an "on" slot after a known versioned
  name is the vocabulary's sibling version of that name.
- EVENT-ON-TITLE-ACRONYM, TASK-OF-EVENT (event_names.py): "the Competition on Legal Argument Mining (CLAM) 2019",
  "Task 3 of PARSEME-2023".
- FRONTED-SLOT (fronted_names.py): "On Harbor Scenes segmentation, we reach ...": the name in a fronted "On X," slot.
- FRAME-NAMES (frame_names.py): "... from PDEBench-Lite,", "In the cold-start split of X,", "On the Y et al. Z data,":
  the name that ends a comma-closed fronted frame.
- POSSESSIVE-MEMBER (member_names.py): "SuperGLUE's MultiRC": the name after a known suite's possessive.
Hardware, methods, metrics, task names and the paper's own method are not benchmarks (the `exclude` callable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from leaderboard.extract.attribution import Span
from leaderboard.extract.event_names import event_names
from leaderboard.extract.frame_names import frame_names
from leaderboard.extract.fronted_names import fronted_names
from leaderboard.extract.member_names import member_names
from leaderboard.extract.sibling_names import dedupe_spans, siblings, trim_name
from leaderboard.models import Result

# a name: capitalised or digit-bearing words, joined by spaces or hyphens ("Caltech-UCSD Dogs", "Stanford Birdsong")
# `*+`: a digit follows the letters, so giving letters back never helps (same matches, no backtracking)
_WORD = r"(?:[A-Z][\w\-'&+.]*[\w+]|[A-Za-z]*+\d[\w\-.]*[\w]|[A-Z])"
_NAME = rf"(?P<name>{_WORD}(?:[ \-]{_WORD}){{0,4}})"
_ACRONYM_HEAD = re.compile(rf"{_NAME}\s*\((?P<acr>[A-Z][A-Za-z0-9\-]{{1,11}})\)\s+(?P<head>[a-z]+(?:\s[a-z]+)?)")
# every _ACRONYM_HEAD match holds this: a cheap test before the name pattern, which may start at any letter
_ACRONYM_PAREN = re.compile(r"\([A-Z][A-Za-z0-9\-]{1,11}\)\s+[a-z]")
_VERSION = re.compile(r"(?:[vV](?:er\.?|ersion)?\s?)?\d[\d.]*|[A-Z]")  # "V2": a version of the name before
_BASE = rf"(?P<name>{_WORD}(?:(?:[ \-]|\s(?:in|of|the)\s){_WORD}){{0,4}})"  # "Moments in Time"
_BASE_PAREN = re.compile(rf"{_BASE}\s*\((?P<body>[^()]{{4,160}})\)")
_ON_VERSION = re.compile(r"\b(?:on|for|in)\s+(?:the\s+)?(?P<v>[Vv]\d{1,2}(?:\.\d)?)(?![\w\-.]\w)")
# a cheap test before the parentheses: \b(?:on|for|in)\s+(?:the\s+)?[Vv]\d, opening with a set `re` skips to
_HAS_VERSION = re.compile(r"[ofi](?<!\w.)(?:(?<=o)n|(?<=f)or|(?<=i)n)\s+(?:the\s+)?[Vv]\d")
_GLUED_SCORE = re.compile(r"(?<![\w\-])(?P<name>[A-Za-z][\w\-]*?[A-Za-z0-9])-?[Ss]core(?:s)?\b")
_IN_LANGUAGE = re.compile(rf"{_NAME}\s+(?:in|for)\s+(?P<lang>[A-Z][a-z]+)\s+(?P<head>(?:shared\s+)?[a-z]+)\b")
_IN_LANGUAGE_CHEAP = re.compile(r"\s(?:in|for)\s+[A-Z][a-z]+\s+(?:shared\s+)?[a-z]")
_SLOT_BEFORE = re.compile(r"(?:\b(?:[Oo]n|[Ff]or|and|or)|,)\s+(?:the\s+)?$")  # "On Pets, ...": a fronted slot too
# not before a participle, "of" or a copula, unless the copula gives the value ("HR@10 on Beauty is 0.0958")
_SLOT_AFTER = re.compile(
    r"(?![\w\-])(?!\s+(?:[a-z]+ed|of)\b)(?!\s+(?:is|are|was|were)\b(?!\s+(?:about\s+|only\s+)?\d))"
)


def open_names(
    text: str, s0: int, s1: int, taken: list[Span], exclude: Callable, grammar, lookup: Callable | None = None
) -> list[Span]:
    """The rules on one sentence; spans overlapping `taken` (names already found) are dropped."""
    never = grammar.not_a_benchmark

    def exclude(name: str, _exclude: Callable = exclude) -> bool:  # a modality or language alone is no benchmark
        return bool(_exclude(name) or never.fullmatch(name))

    found_paren = text.find("(", s0, s1) >= 0
    found = acronym_head_names(text, s0, s1, grammar.benchmark_head, exclude) if found_paren else []
    if lookup is not None and found_paren and _HAS_VERSION.search(text, s0, s1):
        found += version_names(text, s0, s1, exclude, lookup)
    if lookup is not None and text.find("core", s0, s1) >= 0:
        found += glued_score_names(text, s0, s1, lookup)
    if _IN_LANGUAGE_CHEAP.search(text, s0, s1):
        found += language_head_names(text, s0, s1, grammar.benchmark_head, never)
    shorts = grammar.exact.get("short_form") if lookup is not None else None
    if shorts:
        training = grammar.training_on  # "trained on Sports and Toys": data, not where results are reported
        shorts_found = short_form_names(text, s0, s1, shorts, grammar.words["short_form"], lookup)
        found += [f for f in shorts_found if not training.search(text, max(s0, f.start - 40), f.start)]
    found += fronted_names(text, s0, s1, exclude, grammar)
    if text[s0 : s0 + 1].isupper():  # FRAME-NAMES (frame_names.py): "In the cold-start split of X, ..."
        found += frame_names(text, s0, s1, exclude, grammar)
    if text.find("'s ", s0, s1) >= 0 or text.find("\u2019s ", s0, s1) >= 0:  # POSSESSIVE-MEMBER: "SuperGLUE's MultiRC"
        found += member_names(text, s0, s1, taken, exclude, grammar)
    found += event_names(text, s0, s1, taken, grammar.benchmark_head)  # event_names.py: competitions, shared tasks
    if lookup is not None and _ON_BARE_VERSION.search(text, s0, s1):
        found += sibling_versions(text, s0, s1, taken, lookup)
    if lookup is not None:
        found += tail_names(text, s0, s1, taken, lookup, exclude)
    if not any(s0 <= t.start < s1 and t.entry is not None for t in (*taken, *found)):
        return found  # no known benchmark in the sentence: no list to extend
    found += siblings(text, s0, s1, [*taken, *found], exclude, grammar.hardware)  # sibling_names.py
    return [f for f in dedupe_spans(found) if not any(t.start < f.end and f.start < t.end for t in taken)]


def acronym_head_names(text: str, s0: int, s1: int, heads: re.Pattern, exclude: Callable) -> list[Span]:
    """NAME-ACRONYM-HEAD: "<Capitalised Words> (<ACR>) <benchmark head>" as one unknown benchmark."""
    out: list[Span] = []
    if not _ACRONYM_PAREN.search(text, s0, s1):
        return out
    for m in _ACRONYM_HEAD.finditer(text, s0, s1):
        if not heads.fullmatch(m.group("head")) and not heads.match(m.group("head")):
            continue
        start, name = trim_name(m.start("name"), m.group("name"), modifiers=False)
        if name is None or exclude(name) or exclude(m.group("acr")):
            continue
        end = m.end("acr") + 1
        out.append(Span(start, end, text[start:end], text[start:end]))
    return out


_TAIL = re.compile(r"(?<=[\s\-])(?P<w>[A-Z][a-z]{2,})$")
_GOES_ON = re.compile(r"[\w\-]")
_TAIL_SLOT = re.compile(r"(?:\b[Oo]n|\b[Ff]or)\s+(?:the\s+)?$")


def tail_names(text: str, s0: int, s1: int, taken: list[Span], lookup: Callable, exclude: Callable) -> list[Span]:
    """TAIL-SHORT-FORM: "resolves 49.6% of SWE-bench Verified ... the resolve rate on Verified is 31.4%": a capitalised
    word in an "on/for" slot that is the last word of exactly one known benchmark the abstract names elsewhere (and
    no benchmark, task or method itself: "on Chunking" after "CoNLL2000 Chunking" is the task) is that benchmark."""
    tails: dict[str, set[str]] = {}
    for t in taken:
        m = _TAIL.search(t.raw) if t.entry is not None else None
        if m is not None:
            tails.setdefault(m.group("w"), set()).add(t.entry.name)
    out: list[Span] = []
    for word, names in tails.items():
        if len(names) != 1 or lookup(word) is not None or exclude(word):
            continue
        at = text.find(word, s0, s1)
        while at >= 0:
            end = at + len(word)
            free = not any(t.start <= at < t.end for t in taken)
            if free and _TAIL_SLOT.search(text, max(s0, at - 10), at) and not _GOES_ON.match(text, end):
                entry = lookup(next(iter(names)))
                out.append(Span(at, end, entry.name if entry else word, word, entry))
            at = text.find(word, end, s1)
    return out


_VERSIONED = re.compile(r"(?P<stem>.*?[A-Za-z])(?P<sep>[\s\-]?)(?P<v>[vV]?\d{1,2}(?:\.\d{1,2})?)")
# r"\b(?:on|for|in)\s+...", opening with the set of first letters (which `re` skips to), the word-start guard after
_ON_BARE_VERSION = re.compile(
    r"[ofi](?<!\w.)(?:(?<=o)n|(?<=f)or|(?<=i)n)\s+(?:the\s+)?(?P<v>[vV]?\d{1,2}(?:\.\d{1,2})?)(?![\w%]|[.,]\d)"
)


def sibling_versions(text: str, s0: int, s1: int, taken: list[Span], lookup: Callable) -> list[Span]:
    """SIBLING-VERSION: "58.1% on MultiWOZ 2.1 and 61.3% on 2.4", "72.4% on LiveCodeBench v5 and 65.0% on v6": a bare
    version (written in the same style) in an "on" slot after a known versioned name of its sentence is that name's
    sibling version, when the vocabulary knows it (never a guessed name)."""
    bases = [(t, m) for t in taken if t.entry is not None and s0 <= t.start < s1 and (m := _VERSIONED.fullmatch(t.raw))]
    out: list[Span] = []
    for o in _ON_BARE_VERSION.finditer(text, s0, s1) if bases else ():
        before = [(t, m) for t, m in bases if t.end <= o.start()]
        if not before:
            continue
        base, parts = max(before, key=lambda tm: tm[0].start)
        v = o.group("v")
        if (v[0] in "vV") != (parts.group("v")[0] in "vV"):
            continue  # "on MultiWOZ 2.1 and on 5 tasks": not a version of the same style
        entry = lookup(parts.group("stem") + parts.group("sep") + v)
        if entry is not None and entry is not base.entry:
            out.append(Span(o.start("v"), o.end("v"), entry.name, v, entry))
    return out


def version_names(text: str, s0: int, s1: int, exclude: Callable, lookup: Callable) -> list[Span]:
    """VERSION-OF-NAME: the bare versions in the "on" slots of the parenthesis after a name, as that name's
    versions (span: the version token; name: the vocabulary's, else "<name> <version>")."""
    out: list[Span] = []
    for m in _BASE_PAREN.finditer(text, s0, s1):
        _, base = trim_name(m.start("name"), m.group("name"), modifiers=False)
        if base is None or _VERSION.fullmatch(base) or exclude(base):
            continue
        for v in _ON_VERSION.finditer(text, m.start("body"), m.end("body")):
            name = f"{base} {v.group('v').upper()}"
            entry = lookup(name)
            out.append(Span(v.start("v"), v.end("v"), entry.name if entry else name, v.group("v"), entry))
    return out


def glued_score_names(text: str, s0: int, s1: int, lookup: Callable) -> list[Span]:
    """GLUED-SCORE: the known benchmark glued to "score" ("CLUEscore", "MTEB-Score")."""
    out: list[Span] = []
    if text.find("core", s0, s1) < 0:
        return out  # every match holds "score" or "Score": a C-level search first (the pattern opens with a set)
    for m in _GLUED_SCORE.finditer(text, s0, s1):
        entry = lookup(m.group("name"))
        if entry is not None:
            out.append(Span(m.start("name"), m.end("name"), entry.name, m.group("name"), entry))
    return out


def language_head_names(text: str, s0: int, s1: int, heads: re.Pattern, language: re.Pattern) -> list[Span]:
    """NAME-IN-LANGUAGE-HEAD: "<Capitalised Words> in <Language> <benchmark head>" as one unknown benchmark."""
    out: list[Span] = []
    for m in _IN_LANGUAGE.finditer(text, s0, s1):
        if not heads.fullmatch(m.group("head")) or not language.fullmatch(m.group("lang")):
            continue
        start, name = trim_name(m.start("name"), m.group("name"), modifiers=False)
        if name is not None and len(name.split()) >= 2:
            out.append(Span(start, start + len(name), name, name))
    return out


def short_form_names(
    text: str, s0: int, s1: int, shorts: frozenset[str], canonical: dict[str, str], lookup: Callable
) -> list[Span]:
    """SHORT-FORM-IN-SLOT: the listed short forms written in a benchmark slot, as their benchmarks."""
    out: list[Span] = []
    for short in _in_order(shorts):  # a fixed order whatever the hash seed
        at = text.find(short, s0, s1)
        while at >= 0:
            end = at + len(short)
            if _SLOT_BEFORE.search(text, max(s0, at - 12), at) and _SLOT_AFTER.match(text, end, s1):
                entry = lookup(canonical.get(short.lower(), ""))
                if entry is not None:
                    out.append(Span(at, end, entry.name, short, entry))
            at = text.find(short, end, s1)
    return out


@lru_cache(maxsize=16)
def _in_order(shorts: frozenset[str]) -> tuple[str, ...]:
    """`sorted(shorts)`, sorted once per grammar instead of once per sentence."""
    return tuple(sorted(shorts))


def share_sibling_metric(rows: list[Result]) -> list[Result]:
    """LIST-SIBLING-METRIC over the rows of one sentence."""
    out = []
    for r in rows:
        if r.metric is None and r.benchmark is not None and r.benchmark_known is False and r.kind == "absolute":
            sib = {(o.metric, o.higher_is_better) for o in rows if o is not r and o.benchmark and o.unit == r.unit}
            metric, hib = next(iter(sib)) if len(sib) == 1 else (None, None)
            if metric is not None:
                r = replace(r, metric=metric, metric_implied=True, higher_is_better=hib)
        out.append(r)
    return out


__all__ = [
    "acronym_head_names",
    "language_head_names",
    "short_form_names",
    "sibling_versions",
    "tail_names",
    "open_names",
    "glued_score_names",
    "share_sibling_metric",
    "version_names",
]
