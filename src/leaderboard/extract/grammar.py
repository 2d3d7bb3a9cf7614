"""Cue words of the reporting grammar, compiled from the data file vocab/grammar.csv (kind, phrase, value).

The code knows the *roles* (a qualifier before a number, a change verb, a count noun after a number, ...); the
words that play them are data, so a user can extend them with a `--vocab` grammar file.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field


def _phrase_re(phrase: str) -> str:
    """Regex for one phrase: case-insensitive words, '*' = any word ending, flexible inner spaces."""
    star = phrase.endswith("*")
    body = phrase[:-1] if star else phrase
    out = r"\s+".join(re.escape(w) for w in body.split())
    if star:
        out += r"[\w\-]*"
    if body[:1].isalnum():
        out = r"(?<![\w\-])" + out
    if star or body[-1:].isalnum():
        out += r"(?![\w])"
    return out


NEVER = re.compile(r"(?!x)x")  # matches nothing: a role whose cue words the grammar leaves empty


_CHARS = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)  # the BMP, to enumerate case folds


def plain_alternation(phrases: list[str]) -> str:
    """The phrases as one alternation, longest first: words split by any spaces, '*' = any word ending, and no
    word character right after a phrase (case as the enclosing pattern says)."""
    parts = []
    for p in sorted(set(phrases), key=len, reverse=True):
        star = p.endswith("*")
        body = r"\s+".join(re.escape(w) for w in p.rstrip("*").split())
        parts.append(body + (r"[\w\-]*" if star else r"(?![\w])"))
    return "|".join(parts)


def _role_alternation(phrases: list[str], word_start: bool = False) -> str:
    """`plain_alternation` for a case-insensitive pattern, as one group dispatched on the first character when it
    can be (as `_alternation`): the same matches, without trying every phrase at every position. With
    `word_start`, the group stands for `(?<![\\w\\-])(?:ALT)`: no word character or hyphen before it."""
    fast = _dispatched(sorted(set(phrases), key=len, reverse=True), word_start)
    if fast is not None:
        return fast
    return (_WORD_START if word_start else "") + f"(?:{plain_alternation(phrases)})"


_WORD_START = r"(?<![\w\-])"


def _dispatched(ordered: list[str], word_start: bool) -> str | None:
    """`_role_alternation`'s phrases (`ordered`) grouped by their first character; None when they cannot be.
    The word-start guard, when asked for, is tested right after the first character: `(?<![\\w\\-].)` there
    looks at the same character as `(?<![\\w\\-])` before it, but keeps the set first (which `re` skips to)."""
    groups: dict[str, list[str]] = {}
    for phrase in ordered:
        words = phrase.rstrip("*").split()
        if not words or len(words[0][0].lower()) != 1:
            return None
        first = words[0][0]
        if _folds(first) != _folds(first.lower()):
            return None
        rest = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        groups.setdefault(first.lower(), []).append(rest + (r"[\w\-]*" if phrase.endswith("*") else r"(?![\w])"))
    seen: set[str] = set()
    branches = []
    for first, rests in groups.items():
        folds = _folds(first)
        if folds & seen or first not in folds:
            return None  # first characters that are not disjoint under case folding
        seen |= folds
        branches.append(f"(?<={re.escape(first)})(?:{'|'.join(rests)})")
    guard = r"(?<![\w\-].)" if word_start else ""
    return f"(?:(?-i:[{''.join(re.escape(c) for c in sorted(seen))}]){guard}(?:{'|'.join(branches)}))"


@functools.lru_cache(maxsize=512)
def _folds(c: str) -> frozenset[str]:
    """The characters `c` matches case-insensitively."""
    return frozenset(re.findall(re.escape(c), _CHARS, re.IGNORECASE))


def compile_role(pattern: str, words: dict[str, dict[str, str]], kind: str) -> re.Pattern:
    """`pattern` with ALT standing for the cue words of `kind`, case-insensitive (NEVER when it has none). A pattern
    opening with the word-start guard `(?<![\\w\\-])` right before ALT gets it inside the dispatched alternation."""
    phrases = list(words.get(kind, {}))
    if not phrases:
        return NEVER
    for opening in ("(?:ALT)", "(?P<cue>ALT)", "(?P<mod>ALT)"):
        if pattern.startswith(_WORD_START + opening):
            alt = _role_alternation(phrases, word_start=True)
            return re.compile(pattern[len(_WORD_START) :].replace("ALT", alt, 1), re.IGNORECASE)
    return re.compile(pattern.replace("ALT", _role_alternation(phrases)), re.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    """The phrases as one alternation, longest first; in a form the regex engine can scan quickly.

    A plain alternation of ~100 phrases that each open with a lookbehind has no literal prefix, so `re` tries every
    branch at every position. The equivalent form here opens with a case-sensitive set of every possible first
    character (which `re` uses to skip positions) and then dispatches on that character to the phrases that begin
    with it, in their original order. Phrases with different first characters cannot match at the same position, so
    the first branch that matches, and the match, are those of the plain alternation. When every phrase opens with
    a word character, their shared word-start guard is also tested once, before the dispatch.
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    plain = "|".join(_phrase_re(p) for p in ordered)
    groups: dict[str, list[str]] = {}
    firsts: set[str] = set()
    for phrase in ordered:
        star = phrase.endswith("*")
        body = phrase[:-1] if star else phrase
        words = body.split()
        if not words or body[0] != words[0][0] or len(body[0].lower()) != 1:
            return plain
        first = words[0][0]
        rest = re.escape(words[0][1:]) + "".join(r"\s+" + re.escape(w) for w in words[1:])
        if star:
            rest += r"[\w\-]*"
        if star or body[-1:].isalnum():
            rest += r"(?![\w])"
        groups.setdefault(first.lower(), []).append(rest)
        firsts.add(first)
    folds = {c: frozenset(re.findall(re.escape(c), _CHARS, re.IGNORECASE)) for c in firsts | set(groups)}
    if any(folds[c] != folds[c.lower()] for c in firsts):
        return plain
    seen: set[str] = set()
    branches = []
    for first, rests in groups.items():
        if folds[first] & seen:
            return plain  # first characters that are not disjoint under case folding
        seen |= folds[first]
        guard = r"(?<![\w\-].)" if first.isalnum() else ""
        branches.append(f"(?<={re.escape(first)}){guard}(?:{'|'.join(rests)})")
    charset = "".join(re.escape(c) for c in sorted(seen))
    # when every phrase opens with a word character, the word-start guard goes right after the first character
    # too: positions inside a word are then dropped before the dispatch tries its branches (1.5-2.7x faster)
    guard = r"(?<![\w\-].)" if all(f.isalnum() for f in firsts) else ""
    return f"(?-i:[{charset}]){guard}(?:{'|'.join(branches)})"


def literal_alternation(literals: list[str]) -> str:
    """Plain literals (case-insensitive, no word guards) as one alternation in the order given, dispatched on the
    first character like `_alternation`: the same matches, but a position tries only the literals that can start
    there instead of every one ("score|scores|rate|..." at each position of a window)."""
    plain = "|".join(re.escape(x) for x in literals)
    groups: dict[str, list[str]] = {}
    for x in literals:
        if not x or len(x[0].lower()) != 1 or _folds(x[0]) != _folds(x[0].lower()):
            return plain
        groups.setdefault(x[0].lower(), []).append(re.escape(x[1:]))
    seen: set[str] = set()
    branches = []
    for first, rests in groups.items():
        folds = _folds(first)
        if folds & seen or first not in folds:
            return plain  # first characters that are not disjoint under case folding
        seen |= folds
        branches.append(f"(?<={re.escape(first)})(?:{'|'.join(rests)})")
    return f"(?-i:[{''.join(re.escape(c) for c in sorted(seen))}])(?:{'|'.join(branches)})"


# what follows a metric phrase's head up to the number: "accuracy (top-1) of about ", "score = ", "F1: "
_METRIC_PHRASE_TAIL = (
    r"\s*(?:\([^()]{1,12}\)\s*)?(?:of|=|:|is|was|reaches)\s*"
    r"(?:about|around|approximately|~|only|just|up\s+to|over)?\s*[(\[]?\$?\s*$"
)


def _metric_phrase(heads: list[str]) -> tuple[re.Pattern, re.Pattern]:
    """The metric phrase ending right before a number (up to three words, a hyphenated modifier, a head, the
    link) and its head-and-link end alone, a cheap necessary test: a window without it holds no phrase.

    The word runs are possessive: a word ([\\w\\-@/]) and the spaces after it share no character, so giving back
    part of either can never let the rest match (same matches, no backtracking through every word)."""
    if not heads:
        return NEVER, NEVER
    alt = literal_alternation(sorted(set(heads), key=len, reverse=True))
    phrase = r"(?P<m>(?:[\w\-@/]++\s++){0,3}?(?:[\w@/]++-)?(?:" + alt + "))" + _METRIC_PHRASE_TAIL
    return re.compile(phrase, re.IGNORECASE), re.compile(f"(?:{alt}){_METRIC_PHRASE_TAIL}", re.IGNORECASE)


# Kinds whose pattern is just their phrases (a field of the same name): "does the text hold one of them".
PLAIN_KINDS = (
    "change",
    "relative",
    "compare",
    "result_verb",
    "aggregate",
    "benchmark_head",
    "several_sets",
    "apposition_head",
    "any_head",
    "hardware",
    "not_a_benchmark",
    "own_ref",
    "this_ref",
    "propose",
    "subset",
    "subset_head",
    "subset_list_head",
)


def _own_setting(by_kind: dict[str, list[str]]) -> re.Pattern:
    """A setting of its own: a phrase ("A/B test"), or a word and a head with up to two words between
    ("real-world booking scenarios")."""
    plain = _alternation(by_kind.get("own_setting", []))
    word, head = _alternation(by_kind.get("own_setting_word", [])), _alternation(by_kind.get("own_setting_head", []))
    both = [f"(?:{word})\\s+(?:[\\w\\-]+\\s+){{0,2}}?(?:{head})"] if word and head else []
    parts = [f"(?:{plain})"] * bool(plain) + both
    return re.compile("|".join(parts), re.IGNORECASE) if parts else re.compile(r"(?!x)x")


@dataclass(slots=True)
class Grammar:
    """Compiled cue words. Build with `Grammar.from_rows(vocab.grammar)` once per extractor."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> lowercased phrase -> value
    qualifier_before: re.Pattern = re.compile(r"(?!x)x")
    change: re.Pattern = re.compile(r"(?!x)x")
    delta_noun_after: re.Pattern = re.compile(r"(?!x)x")
    relative: re.Pattern = re.compile(r"(?!x)x")
    compare: re.Pattern = re.compile(r"(?!x)x")
    result_verb: re.Pattern = re.compile(r"(?!x)x")
    count_after: re.Pattern = re.compile(r"(?!x)x")
    data_after: re.Pattern = re.compile(r"(?!x)x")
    setting_before: re.Pattern = re.compile(r"(?!x)x")
    aggregate: re.Pattern = re.compile(r"(?!x)x")
    benchmark_head: re.Pattern = re.compile(r"(?!x)x")
    several_sets: re.Pattern = re.compile(r"(?!x)x")
    apposition_head: re.Pattern = re.compile(r"(?!x)x")
    quantity_before: re.Pattern = re.compile(r"(?!x)x")
    training_on: re.Pattern = re.compile(r"(?!x)x")
    hardware: re.Pattern = re.compile(r"(?!x)x")
    not_a_benchmark: re.Pattern = re.compile(r"(?!x)x")  # "EEG", "English": not a benchmark name alone
    any_head: re.Pattern = re.compile(r"(?!x)x")  # a benchmark head, singular or plural: one scan finds both
    own_ref: re.Pattern = re.compile(r"(?!x)x")
    component_before: re.Pattern = re.compile(r"(?!x)x")
    compared_before: re.Pattern = re.compile(r"(?!x)x")
    component_head: re.Pattern = re.compile(r"(?!x)x")
    this_ref: re.Pattern = re.compile(r"(?!x)x")
    compared_name: re.Pattern = re.compile(r"(?!x)x")  # "than X": X is the other side of a comparison
    within_set: re.Pattern = re.compile(r"(?!x)x")  # "across 26 classes": an aggregate within one dataset
    own_setting: re.Pattern = re.compile(r"(?!x)x")  # "in real-world trials": no benchmark carried in
    propose: re.Pattern = re.compile(r"(?!x)x")
    own_name_before: re.Pattern = re.compile(r"(?!x)x")
    subset: re.Pattern = re.compile(r"(?!x)x")
    subset_head: re.Pattern = re.compile(r"(?!x)x")
    subset_list_head: re.Pattern = re.compile(r"(?!x)x")
    metric_phrase: re.Pattern = re.compile(r"(?!x)x")
    metric_phrase_end: re.Pattern = re.compile(r"(?!x)x")  # the phrase's head and link: a test before the phrase
    stems: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # kind -> [(stem, value)]
    exact: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> phrases as written (case kept)
    window_sizes: dict[str, int] = field(default_factory=dict)  # window rows read so far, as numbers (Windows.read)

    @classmethod
    def from_rows(cls, rows: list[tuple[str, str, str]]) -> Grammar:
        by_kind: dict[str, list[str]] = defaultdict(list)
        words: dict[str, dict[str, str]] = defaultdict(dict)
        stems: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for kind, phrase, value in rows:
            by_kind[kind].append(phrase)
            words[kind].setdefault(phrase.lower(), value)
            stems[kind].append((phrase.lower().rstrip("*"), value))
        for v in stems.values():
            v.sort(key=lambda sv: len(sv[0]), reverse=True)
        by_kind["any_head"] = [*by_kind.get("benchmark_head", []), *by_kind.get("several_sets", [])]

        def comp(pattern: str, kind: str) -> re.Pattern:
            alt = _alternation(by_kind.get(kind, []))
            if not alt:
                return re.compile(r"(?!x)x")
            return re.compile(pattern.replace("ALT", alt), re.IGNORECASE)

        phrase, phrase_end = _metric_phrase(by_kind.get("metric_head", []))
        return cls(
            words=dict(words),
            **{kind: comp(r"(?:ALT)", kind) for kind in PLAIN_KINDS},
            qualifier_before=comp(r"(?:ALT)\s*(?:an?\s+|the\s+)?[(\[]?\s*$", "qualifier"),
            # "75.3% and being slower", "79.6% with a larger ResNet": a conjunction, verb or preposition between
            # ends the number's noun phrase; a word in capitals is a name ("on the DROP test set")
            delta_noun_after=comp(
                r"^\s*(?:\)\s*)?(?:(?!(?:and|or|but|while|being|is|are|was|were|with|on|in|using|for|at|from|to)\b)"
                r"[\w\-]+\s+){0,2}?(?:ALT)(?-i:(?<![A-Z][A-Z]))",
                "delta_noun",
            ),
            # "3,612 after 1M steps": a word with digits or a preposition between starts another quantity
            count_after=comp(
                r"^\s*(?:(?![\w\-]*\d|(?:after|before|within|over|in|on|at|for|with|per)\b)[\w\-]+\s+){0,2}?(?:ALT)",
                "count_noun",
            ),
            data_after=comp(
                r"^\s*(?:of\s+(?:(?:the|all|our|its|their)\s+)?(?:[\w\-]+\s+)?(?:ALT)|(?:of\s+)?(?:the\s+)?(?:ALT)(?!\s+\w+\s+of))",
                "data_noun",
            ),
            setting_before=comp(
                r"(?:ALT)\s*(?:of\s+|=\s*|:\s*|is\s+|was\s+|to\s+|at\s+|from\s+|between\s+)?[(\[]?\s*$",
                "setting_before",
            ),
            quantity_before=comp(r"(?:(?<![\w.])\d+|ALT)\s+(?:[\w\-]+\s+){0,2}?$", "quantity"),
            training_on=comp(r"(?:ALT)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?$", "training_on"),
            # "with fine-tuned PaLM 2-L models": a model named with how it was trained is the system itself
            component_before=comp(
                r"(?:ALT)\s+(?:(?:an?|the)\s+)?(?:(?![\w\-]*ed\s)[\w\-]+\s+){0,2}?$", "component_before"
            ),
            compared_before=comp(r"(?:ALT)\s+(?:(?:an?|the)\s+)?(?:[\w\-]+\s+){0,2}?$", "compare"),
            component_head=comp(r"^\s*\)?\s*(?:ALT)", "component_head"),
            # "\b" is implied when every phrase opens with a letter or digit (each then carries the word-start guard),
            # and without it the pattern opens with the set `re` skips to
            own_name_before=comp(
                r"(?:ALT)" if all(p[:1].isalnum() for p in by_kind.get("own_name_before", [])) else r"\b(?:ALT)",
                "own_name_before",
            ),
            own_setting=_own_setting(by_kind),
            within_set=comp(r"\s*(?:(?:the|all|its|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:ALT)", "within_set"),
            compared_name=comp(r"(?:ALT)\s+(?:the\s+)?$", "compared_name"),
            metric_phrase=phrase,
            metric_phrase_end=phrase_end,
            stems=dict(stems),
            exact={k: frozenset(v) for k, v in by_kind.items()},
        )

    def counts_sets(self, text: str) -> bool:
        """Whether the text counts several datasets or benchmarks ("two public datasets", "on 5 benchmarks")."""
        for m in self.several_sets.finditer(text):
            if self.quantity_before.search(text, max(0, m.start() - 40), m.start()):
                return True
        return False

    def value_of(self, kind: str, word: str) -> str:
        """The data value of a matched word of `kind` (exact phrase first, then the longest matching stem)."""
        w = " ".join(word.lower().split())
        exact = self.words.get(kind, {}).get(w)
        if exact is not None:
            return exact
        for stem, value in self.stems.get(kind, []):
            if w.startswith(stem):
                return value
        return ""
