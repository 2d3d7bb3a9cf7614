"""The paper's own method name, and the system a number belongs to (own method, named model or baseline)."""

from __future__ import annotations

import functools
import re

from leaderboard.extract.grammar import NO_WORDS, Grammar
from leaderboard.extract.vocab import norm_key
from leaderboard.extract.windows import Windows
from leaderboard.knowledge.canon import method_norm as method_norm  # the one method key, for details.py

_TITLE_PREFIX = re.compile(
    r"^\s*(?:[\w\s]{0,40}?\bat\s+[A-Z]+\s*\d{4}\s+)?([A-Z][\w\-+.]*(?:\s[A-Z0-9][\w\-+.]*){0,2})\s*:"
)
_NAME = r"([A-Z][\w\-+.]*[A-Z0-9][\w\-+]*|[A-Z][a-z]+[A-Z][\w\-+]*|[A-Z]{2,}[\w\-+]*)"
_DIRECT_NAME = re.compile(r"\s+(?:a\s+|an\s+|the\s+)?" + _NAME + r"(?=[\s,.;:(])")
_SHORT_AFTER = re.compile(r"(?:\s+[A-Z][\w\-]*){1,6}\s*\(\s*" + _NAME + r"\s*\)")
_NAME_WORD = re.compile(r"^.+[A-Z0-9]|^[A-Z]{2}")  # a capital or digit inside a word: "MEAL V2", "Single-Path NAS"
_PAREN_NAME = re.compile(r"\(\s*" + _NAME + r"\s*\)")
# NAME-DEFINED-BY-APPOSITION: "we introduce Codex, a GPT model ...", "we present phi-1, a new ...": a capitalised or
# digit-bearing word that a ", a/an/the" description follows is a name even without inner capitals
_APPOSED_NAME = re.compile(r"\s+([A-Z][\w\-+.]*|[a-z][\w+.]*-?\d[\w\-+.]*)(?=,\s+(?:a|an|the)\s)")
_CAPS_WORD = re.compile(r"\s+[A-Z]{2,}\b")
_FOR_PHRASE = re.compile(r"\b(?:for|by|of|on)\s+(?:[a-z][a-z\-]*\s+){0,4}[a-z][a-z\-]*\s*$")  # lowercase words
_GENERIC = frozenset(
    {"a", "an", "the", "we", "this", "our", "survey", "review", "overview", "position", "note", "it", "they", "these",
     "those", "which", "such", "both", "all", "each", "that", "its", "their"}
)  # fmt: skip


def _no_name(name: str, after: str, grammar: Grammar, tasks: frozenset[str]) -> bool:
    """Not a method name: a generic model family ("CNN"), a task or its initials ("NER"), or a phrase written in
    capitals ("namely ENTITY REPRESENTATION")."""
    return (
        name.lower() in grammar.words.get("generic_model", {})
        or norm_key(name) in tasks
        or (name.isalpha() and name.isupper() and _CAPS_WORD.match(after) is not None)
    )


def own_method(title: str, abstract: str, grammar: Grammar, tasks: frozenset[str] = frozenset()) -> str | None:
    """The paper's method or artefact name: the title's "X: ..." prefix, or "we propose X" / "named X"."""
    m = _TITLE_PREFIX.match(title)
    longest = Windows.read(grammar, "title_name_max")
    if m and m.group(1).split()[0].lower() not in _GENERIC and len(m.group(1)) <= longest:
        name = m.group(1).strip()
        words = name.split()
        # "Rethinking LLM-Based Ranking: ..." is a topic, "Grounding DINO: ..." a name (its last word is one)
        gerund = len(words) > 1 and _GERUND.fullmatch(words[0]) is not None and not _NAME_WORD.search(words[-1])
        if not gerund and (len(words) == 1 or any(_NAME_WORD.search(w) for w in words)):  # not "Beyond Part Models"
            return name
    for pm in grammar.scan("propose", abstract):
        if " " not in pm.group(0) and pm.group(0)[0].isupper():
            continue  # "Named entity recognition (NER) is ...": an adjective opening a sentence
        tail = abstract[pm.end() : pm.end() + Windows.read(grammar, "name_after_propose")]
        direct = _DIRECT_NAME.match(tail) or _APPOSED_NAME.match(tail)
        if direct and direct.group(1).lower() not in _GENERIC:
            short = _SHORT_AFTER.match(tail, direct.end(1))  # "the Self-Attention Generative ... Network (SAGAN)"
            name = short.group(1) if short else direct.group(1).rstrip(".")
            if not _no_name(name, tail[direct.end(1) :], grammar, tasks):
                return name
            continue
        sentence_end = tail.find(". ")
        window = tail if sentence_end < 0 else tail[:sentence_end]
        for paren in _PAREN_NAME.finditer(window):  # not "a model for semantic role labeling (SRL)": a task
            if not _FOR_PHRASE.search(window, 0, paren.start()) and not _no_name(paren.group(1), "", grammar, tasks):
                return paren.group(1)
    for om in grammar.own_name_before.finditer(abstract):  # "our model FooNet": only a name right after
        direct = _DIRECT_NAME.match(abstract, om.end())
        if direct and direct.group(1).lower() not in _GENERIC:
            return direct.group(1).rstrip(".")
    return own_in_apposition(abstract, grammar, tasks)


@functools.lru_cache(maxsize=8)  # one pattern per grammar's openers
def _apposition(openers: tuple[str, ...]) -> re.Pattern:
    """The opener and its description ending right before a name in commas (searched before each such name)."""
    alt = "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in sorted(openers, key=len, reverse=True))
    return re.compile(r"\b(?i:" + alt + r")\s+(?:[\w\-]+\s+){0,3}?[a-z][\w\-]*$")


_COMMA_NAME = re.compile(r",\s+" + _NAME + r"\s*,")


def own_in_apposition(abstract: str, grammar: Grammar, tasks: frozenset[str]) -> str | None:
    """OWN-NAME-IN-APPOSITION: the paper's system named in commas after a description that opens with an own
    reference ("The resulting model, CheckNet, reaches ...", "Our debiasing prompt, SwapRank, cuts ..."; grammar
    `own_apposition`); the name has a capital inside, a digit or is in capitals, as `_NAME` wants."""
    openers = tuple(grammar.words.get("own_apposition", {}))
    if not openers or ", " not in abstract:
        return None
    opener = _apposition(openers)
    for m in _COMMA_NAME.finditer(abstract):  # the rarer part first: a name in commas, then its opener before
        name = m.group(1)
        if not opener.search(abstract, max(0, m.start() - 60), m.start()):
            continue
        if name.lower() not in _GENERIC and not _no_name(name, abstract[m.end(1) :], grammar, tasks):
            return name
    return None


_VERB = re.compile(
    r"\s(?:model\s+|system\s+|method\s+)?(?:achiev|obtain|reach|attain|scor|yield|get|sets?\s+(?:an?|new|the)\b|record|report|establish|"
    r"outperform|surpass|improv|perform(?!ance)|is\b|has\b|leads?\b|brings?\b|ranks?\b)"
)
_SUBJECT = re.compile(
    r"(?:^|[,;(]\s*|\b(?:and|with|using|by|for|of)\s+|(?<=\s))(?:the\s+|a\s+|an\s+)?"  # (?<=) sees before pos
    r"(?P<name>(?:[\w\-.+]+\s+){0,3}?[A-Z][\w\-.+]*(?:\s+[A-Z0-9][\w\-.+]*){0,3})$",
)


_GERUND = re.compile(r"[A-Z][a-z\-]{2,}ing")
# OBJECT-NOT-SUBJECT: a name right after a preposition ("on the new A and B sets it scores", "at 1% FPR is") or a
# phrase holding one ("Citation precision on A reaches") is what is measured, not the system measuring it
_INSIDE_PHRASE = frozenset({"on", "at", "over", "across", "in", "of", "for", "is", "are", "was"})
_OBJECT_OF = re.compile(
    r"\b(?:[Oo]n|[Aa]t|[Oo]ver|[Aa]cross|[Ii]n|[Oo]f|[Ff]rom)\s+(?:[\d.,]+%?\s+|(?:the|a|an|our|its|new)\s+){0,3}$"
)


@functools.lru_cache(maxsize=512)  # the same verb is tried for every number after it in the clause
def _subject_at(text: str, lo: int, hi: int) -> re.Match | None:
    return _SUBJECT.search(text, lo, hi)


def subject_before(
    text: str, start: int, pos: int, reach: int, names: tuple[tuple[int, int], ...], grammar: Grammar
) -> str | None:
    """A capitalised system name that is the subject of a result verb in text[start:pos], at most `reach`
    characters before the verb; not a name ending inside one of the `names` spans ("a mean IoU score of 83.4%": a
    metric, not "IoU" scoring), nor one after a word of grammar kind `compared_after` ("the gain over ViTPose-B")."""
    best, compared = None, grammar.words.get("compared_after", NO_WORDS)
    for v in _VERB.finditer(text, start, pos):
        m = _subject_at(text, max(start, v.start() - reach), v.start())
        if not m or any(s < m.end("name") <= e for s, e in names):
            continue
        name = m.group("name").strip()
        words = name.split()
        lead = ""
        while words and words[0][0].islower():
            lead, words = words[0], words[1:]
        if lead.lower() in compared:
            continue  # "the gain over ViTPose-B is 3.1": the system compared with, not the subject
        if any(w.lower() in _INSIDE_PHRASE for w in words) or _OBJECT_OF.search(text, start, m.start("name")):
            continue  # "precision on ALCE-ASQA reaches", "the rate on Verified is": the object of a preposition
        if len(words) == 1 and _GERUND.fullmatch(words[0]):
            continue  # "Fine-tuning improves ...": a procedure, not a system name
        if words and words[0].lower() not in _GENERIC and words[0] not in {"In", "On", "For", "With", "Using"}:
            best = " ".join(words)
    return best
