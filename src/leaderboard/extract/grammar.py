"""Cue words of the reporting grammar, compiled from the data file vocab/grammar.csv (kind, phrase, value).

The code knows the *roles* (a qualifier before a number, a change verb, a count noun after a number, ...); the
words that play them are data, so a user can extend them with a `--vocab` grammar file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

from leaderboard.extract.alternation import NEVER, holds_key, key_words, literal_alternation, phrase_alternation
from leaderboard.extract.led_scan import LedScan
from leaderboard.extract.tail_cues import drop_bracket, drop_word, may_end_with, phrase_ends

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


# Plain kinds scanned over whole sentences or abstracts: found from their phrases' first words (LedScan; "any_head"
# and "subset_head" only test for them first: `may_hold` before a larger pattern that holds them)
_LED_KINDS = ("several_sets", "propose", "any_head", "subset_head")

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
    "other_system",
    "this_ref",
    "propose",
    "subset",
    "subset_head",
    "subset_list_head",
)


_OWN_SETTING_KINDS = ("own_setting", "own_setting_word", "own_setting_head")


def _own_setting(by_kind: dict[str, list[str]]) -> re.Pattern:
    """A setting of its own: a phrase ("A/B test"), or a word and a head with up to two words between
    ("real-world booking scenarios")."""
    plain = phrase_alternation(by_kind.get("own_setting", []))
    word, head = (
        phrase_alternation(by_kind.get("own_setting_word", [])),
        phrase_alternation(by_kind.get("own_setting_head", [])),
    )
    both = [f"(?:{word})\\s+(?:[\\w\\-]+\\s+){{0,2}}?(?:{head})"] if word and head else []
    parts = [f"(?:{plain})"] * bool(plain) + both
    return re.compile("|".join(parts), re.IGNORECASE) if parts else re.compile(r"(?!x)x")


NO_WORDS: Mapping[str, str] = MappingProxyType({})  # `words.get(kind, NO_WORDS)`: a kind with no rows, not rebuilt
_T = TypeVar("_T")

# what the qualifier pattern allows after its cue, dropped from the end in turn (tail_cues.may_end_with)
_QUALIFIER_TAIL = (drop_bracket, drop_word(("a", "an", "the")))


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
    pretraining_on: re.Pattern = re.compile(r"(?!x)x")  # "pre-trained on X": a pretraining corpus, even alone
    weights_after: re.Pattern = re.compile(r"(?!x)x")  # "X checkpoints", "X-pretrained": weights trained on X
    hardware: re.Pattern = re.compile(r"(?!x)x")
    not_a_benchmark: re.Pattern = re.compile(r"(?!x)x")  # "EEG", "English": not a benchmark name alone
    any_head: re.Pattern = re.compile(r"(?!x)x")  # a benchmark head, singular or plural: one scan finds both
    own_ref: re.Pattern = re.compile(r"(?!x)x")
    other_system: re.Pattern = re.compile(r"(?!x)x")  # "the previous best": a system, not the paper's own
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
    qualifier_ends: tuple[str, ...] | None = None  # qualifier phrases, lowered, one space apart (qualifier_end)
    own_setting_keys: tuple[tuple[str, ...] | None, ...] = (None, None, None)  # own_setting kinds, key_words
    led: dict[str, LedScan] = field(default_factory=dict)  # kind -> its phrases found by first word (`scan`)
    values_read: dict[tuple[str, str], str] = field(default_factory=dict, compare=False, repr=False)  # value_of memo
    built: dict[str, object] = field(default_factory=dict, compare=False, repr=False)  # `derived` values by key

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
            alt = phrase_alternation(by_kind.get(kind, []))
            if not alt:
                return re.compile(r"(?!x)x")
            return re.compile(pattern.replace("ALT", alt), re.IGNORECASE)

        phrase, phrase_end = _metric_phrase(by_kind.get("metric_head", []))
        grammar = cls(
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
                r"^\s*(?:(?![\w\-]*\d|(?:after|before|within|over|across|among|in|on|at|for|with|per)\b)[\w\-]+\s+){0,2}?(?:ALT)",
                "count_noun",
            ),
            data_after=comp(
                r"^\s*(?:of\s+(?:(?:the|all|our|its|their)\s+)?(?:[\w\-]+\s+)?(?:ALT)|(?:of\s+)?(?:the\s+)?(?:ALT)(?!\s+\w+\s+of))",
                "data_noun",
            ),
            setting_before=comp(
                r"(?:ALT)(?:\s*\([A-Z][A-Za-z]{0,7}\))?\s*(?:of\s+|=\s*|:\s*|is\s+|was\s+|to\s+|at\s+|from\s+|between\s+)?"
                r"[(\[]?\s*$",  # an acronym may follow the noun: "learning rate (LR) of 3e-4"
                "setting_before",
            ),
            quantity_before=comp(r"(?:(?<![\w.])\d+|ALT)\s+(?:[\w\-]+\s+){0,2}?$", "quantity"),
            training_on=comp(r"(?:ALT)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?$", "training_on"),
            pretraining_on=comp(r"(?:ALT)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}?$", "pretraining_on"),
            weights_after=comp(r"[\s\-](?:ALT)(?![\w\-])", "weights_noun"),
            # "with fine-tuned PaLM 2-L models": a model named with how it was trained is the system itself
            component_before=comp(
                r"(?:ALT)\s+(?:(?:an?|the)\s+)?(?:(?![\w\-]*ed\s)[\w\-]+\s+){0,2}?$", "component_before"
            ),
            # "versus 0.66 for GPT-4": the compared system may follow its own number
            compared_before=comp(
                r"(?:ALT)\s+(?:(?:an?|the)\s+)?(?:[\w\-]+(?:[.,]\d+)?%?\s+(?:\u00b1\s*[\d.]+%?\s+)?){0,2}?$", "compare"
            ),
            component_head=comp(r"^\s*\)?\s*(?:ALT)", "component_head"),
            # "\b" is implied when every phrase opens with a letter or digit (each then carries the word-start guard),
            # and without it the pattern opens with the set `re` skips to
            own_name_before=comp(
                r"(?:ALT)" if all(p[:1].isalnum() for p in by_kind.get("own_name_before", [])) else r"\b(?:ALT)",
                "own_name_before",
            ),
            own_setting=_own_setting(by_kind),
            own_setting_keys=tuple(key_words(by_kind.get(k, [])) for k in _OWN_SETTING_KINDS),
            qualifier_ends=phrase_ends(by_kind.get("qualifier", [])),
            within_set=comp(r"\s*(?:(?:the|all|its|their)\s+)?(?:[\w\-]+\s+){0,2}?(?:ALT)", "within_set"),
            compared_name=comp(r"(?:ALT)\s+(?:the\s+)?$", "compared_name"),
            metric_phrase=phrase,
            metric_phrase_end=phrase_end,
            stems=dict(stems),
            exact={k: frozenset(v) for k, v in by_kind.items()},
        )
        for kind in _LED_KINDS:
            grammar.led[kind] = LedScan.of(getattr(grammar, kind), by_kind.get(kind, []))
        return grammar

    def may_hold(self, kind: str, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when a plain kind's pattern has no match in text[pos:endpos] (LedScan.may_match)."""
        led = self.led.get(kind)
        return led is None or led.may_match(text, pos, endpos)

    def qualifier_end(self, tail: str) -> re.Match | None:
        """`qualifier_before.search(tail)`: a qualifier cue ending the text, maybe with an article and an opening
        bracket after it ("up to", "about a (", "over the"); the cheap test first (tail_cues.py)."""
        if not may_end_with(self.qualifier_ends, tail, _QUALIFIER_TAIL):
            return None
        return self.qualifier_before.search(tail)

    def sets_own(self, text: str, pos: int, endpos: int) -> bool:
        """Whether `own_setting` matches in text[pos:endpos]: in ASCII text, tried only where a plain phrase's key
        word, or a setting word's and a head's, is written (alternation.key_words)."""
        seg = text[pos:endpos]
        if seg.isascii():
            low, (plain, word, head) = seg.lower(), self.own_setting_keys
            if not holds_key(plain, low) and not (holds_key(word, low) and holds_key(head, low)):
                return False  # the cheap test first
        return self.own_setting.search(text, pos, endpos) is not None

    def scan(self, kind: str, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        """`finditer` of a plain kind's pattern, found from its phrases' first words where it can be (LedScan)."""
        led = self.led.get(kind)
        if led is None:
            return getattr(self, kind).finditer(text, pos, len(text) if endpos is None else endpos)
        return led.finditer(text, pos, endpos)

    def counts_sets(self, text: str) -> bool:
        """Whether the text counts several datasets or benchmarks ("two public datasets", "on 5 benchmarks")."""
        for m in self.scan("several_sets", text):
            if self.quantity_before.search(text, max(0, m.start() - 40), m.start()):
                return True
        return False

    def derived(self, key: str, build: Callable[[Grammar], _T]) -> _T:
        """What a rule builds from the cue words (a compiled pattern), built once per grammar: `build(self)` the
        first time `key` is asked."""
        found = self.built.get(key)
        if found is None:
            found = self.built[key] = build(self)
        return found  # type: ignore[return-value]

    def value_of(self, kind: str, word: str) -> str:
        """The data value of a matched word of `kind` (exact phrase first, then the longest matching stem); each
        (kind, word) is looked up once (`values_read`, up to 4,096 of them)."""
        found = self.values_read.get((kind, word))
        if found is None:
            found = self._value_of(kind, word)
            if len(self.values_read) < 4096:
                self.values_read[(kind, word)] = found
        return found

    def _value_of(self, kind: str, word: str) -> str:
        w = " ".join(word.lower().split())
        exact = self.words.get(kind, {}).get(w)
        if exact is not None:
            return exact
        for stem, value in self.stems.get(kind, []):
            if w.startswith(stem):
                return value
        return ""
