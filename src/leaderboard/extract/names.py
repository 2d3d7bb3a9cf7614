"""Names outside the vocabulary: benchmark names the reporting grammar marks ("the FooBar dataset", "on FooBar-3",
"FooBar, a benchmark of ..."; NAME-BEFORE-RESULT-VERB: "on FooBar-3 reaches", "on FooBar from 9.4 to")."""

from __future__ import annotations

import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.vocab import NameIndex

_NAME_TOKEN = r"(?:[A-Z][\w\-+.&'/]*[\w+]|[A-Z]|\d+[A-Za-z][\w\-]*)"
_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:{_NAME_TOKEN}|\d+(?:\.\d+)?))" + r"{0,3}"
_ITEM = rf"{_NAME}(?:\s*\([^()]{{1,24}}\))?"  # "CMU Multimodal Opinion Sentiment Intensity (CMU-MOSI)"
_LIST = rf"{_ITEM}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*){_ITEM}){{1,6}}"
# a bare version ("94.5% on V2": the version of a dataset named before) or an adjective ("ImageNet-like")
_MODIFIER_SUFFIX = r"\S*-(?:like|based|style|level|scale|sized|free|aware|specific|wise)"
_NOT_A_NAME = re.compile(rf"[Vv]\d+(?:\.\d+)?|{_MODIFIER_SUFFIX}")
MODIFIER_FORM = re.compile(rf"(?:.*\s)?{_MODIFIER_SUFFIX}")  # "an ImageNet-like set", "GLUE-style tasks"
_ACRONYM = r"(?:(?=[\w\-+.&']*?[A-Z][\w\-+.&']*?[A-Z0-9])[A-Za-z0-9][\w\-+.&']*)"
# NAME-VERSION: a whole-number release written "N.0" after a name is part of it ("on Tirana-NER 2.0 and ..."); the
# number filter already calls such a number a version in a name, so without this the name was lost
_NAME_VERSION = r"(?:\s\d{1,2}\.0(?=[\s,;:)]|\.(?!\d)))"
# COINED-NAME-HEAD: a loose head (grammar kind `coined_name_head`: "set") marks only a coined name before it: one
# with a digit, an inner capital or a hyphen ("ChordEval-500 set", "the KelpWatch-22 and FloodNet-SAR sets")
_COINED = re.compile(r"\d|[a-z][A-Z]|[A-Za-z]-[A-Za-z]|[A-Z]{2}")
# SUITE-OF-SETS: one name coded with letters and a digit before a plural head names a suite of sets ("our
# AfroNLI-11 test sets", "the KLUE-2 tasks"); a plain word ("the NLP datasets") does not
_SUITE = re.compile(r"^[A-Za-z]{2,}[\w\-]*\d[\w\-]*$")
# a capitalised head after a name is part of it, with its year or number: "X Challenge 2018", SHARED-TASK-NUMBER
# "SemEval-2022 Task 4" (one digit only after "Task": "X Challenge 2 ." is a footnote; never a decimal or a percentage)
_HEAD_TAIL = re.compile(r"\s+([A-Z][a-z]+)(?:\s+(\d{2,4}|(?<=Task )\d)(?![\d.,]\d|\s*%))?")
_STOP_NAMES = frozenset(
    [
        "the",
        "this",
        "these",
        "those",
        "our",
        "a",
        "an",
        "its",
        "their",
        "we",
        "each",
        "all",
        "both",
        "new",
        "existing",
        "previous",
        "several",
        "other",
        "public",
        "large",
        "real",
        "standard",
        "popular",
        "challenging",
        "recent",
        "various",
        "two",
        "three",
        "four",
        "five",
        "six",
        "many",
        "most",
        "some",
        "such",
        "in",
        "on",
        "for",
        "with",
        "and",
        "or",
        "of",
        "to",
        "it",
        "same",
        "different",
    ]
)
# INDEFINITE-DESCRIPTION: "a/an X dataset|task" describes a kind of data; a benchmark's name takes "the" or nothing
_INDEFINITE = re.compile(r"(?<![\w\-])[Aa]n?\s+$")
_FUNCTION_WORDS = "to|and|or|with|at|by|for|in|on|of|the|a|an|while|when|using|under|without|than|as|is|are|was"


def _result_verbs(grammar: Grammar) -> str:
    """NAME-BEFORE-RESULT-VERB: the result and change verbs of the grammar (kinds `result_verb`, `change`) in a
    finite form ("reaches", "improves", "dropped"): a word that ends the name before it ("on CB513 improves to 86%")."""
    stems = sorted(
        {
            re.escape(p.rstrip("*")) + (r"[a-z]*" if p.endswith("*") else "")
            for kind in ("result_verb", "change")
            for p in grammar.words.get(kind, {})
            if p.rstrip("*").isalpha()
        },
        key=len,
        reverse=True,
    )
    return rf"(?=[a-z]+(?:s|ed)\b)(?:{'|'.join(stems)})\b" if stems else r"(?!x)x"


def _campaign_pair(grammar: Grammar) -> re.Pattern:
    """CAMPAIGN-PAIR: a translation campaign's stem and year and a language pair, in codes or names (grammar kinds
    `translation_campaign`, `language_name`, as written): a benchmark name however the sentence goes on."""
    camps, langs = grammar.exact.get("translation_campaign", ()), grammar.exact.get("language_name", ())
    if not camps or not langs:
        return re.compile(r"(?!x)x")
    lang = "(?:" + "|".join(sorted(map(re.escape, langs), key=len, reverse=True)) + r"|[A-Z][a-z]{1,2})"
    camp = "|".join(sorted(map(re.escape, camps), key=len, reverse=True))
    pair = rf"{lang}\s?(?:-|\u2013|\u2192|->)\s?{lang}"
    return re.compile(rf"(?<![\w\-])(?P<name>(?:{camp})\s?['\u2019]?\d{{2,4}}\s+{pair})(?![\w\-])")


class NameCapture:
    """Grammar-based capture of benchmark names outside the vocabulary ("the FooBar dataset", "on FooBar-3")."""

    def __init__(self, grammar: Grammar) -> None:
        heads = grammar.benchmark_head.pattern
        # each pattern is tried only next to a cheap anchor (a head word, or "on"/"in"), never at every position
        self.name_before = re.compile(rf"(?<![\w\-])(?P<name>{_NAME})\s+(?:[a-z]{{3,}}(?:-[a-z]+)*\s+)?$")
        # NAMED-HEAD: "a new dataset, called X", "a benchmark named X": the name after a head and a naming verb
        self.name_after = re.compile(
            rf"(?:\s*,)?\s+(?:(?:called|named|dubbed|termed)\s+)?(?P<name>{_NAME})"
            r"(?=\s*[,.;:()]|\s+(?:and|with|using|in|on)\b)"
        )
        # "on", "in", "On" after a non-word character: `\b(?:on|in|On)` written to open with the literal "n", which
        # `re` skips to like memchr (a leading set or `\b` is tested at every position); a match starts at the "n",
        # so a scan from s0 + 1 finds the words that start at s0 or later
        # OWN-SET-IN-SLOT: "on our X", "on the CelebA-based X": a possessive and a "-based" modifier before the name;
        # POSSESSIVE-COMPOUND: "in Bird's-Eye View" is a compound noun, its "Bird" no name
        self.on_anchor = re.compile(r"n(?<=(?<![\w])[oiO]n)\s+(?:(?:the|our)\s+)?(?:[\w]+-(?:based|derived)\s+)?")
        self.acronym_at = re.compile(
            rf"(?P<name>{_ACRONYM}{_NAME_VERSION}?)(?![\w\-])(?!['\u2019]s-)(?!\s+(?:\d|[A-Z]))"
            rf"(?!\s+(?!(?:{_FUNCTION_WORDS}|from|(?i:{heads}))\b|v\d|{_result_verbs(grammar)})[a-z])"
        )
        self.coord = re.compile(rf"\s*(?:,\s*and|,|and|&)\s+(?:the\s+)?(?P<name>{_ACRONYM})(?![\w\-])")
        # "Kvasir-SEG, an open-access dataset of ...", "on EMOTIC (a benchmark of ...)"
        self.appos = re.compile(
            rf"(?<![\w\-])(?P<name>{_NAME})\s*[,(]\s*(?:an?|the)\s+(?:(?!(?:{_FUNCTION_WORDS})\b)[\w\-]+\s+){{0,3}}$"
        )
        # "the CIFAR-10, CIFAR-100 and SVHN datasets", "two datasets, H36M and Total Capture"
        self.list_before = re.compile(rf"(?<![\w\-])(?P<list>{_LIST})\s+(?:[a-z]{{3,}}\s+)?$")
        self.list_after = re.compile(
            rf"\s*(?:,\s*)?(?:(?:namely|including|such\s+as)\s+|:\s*|\(\s*)?(?:the\s+)?(?P<list>{_LIST})"
            r"(?=\s*[,.;:()]|\s+[a-z]|\s*$)"
        )
        # the head ends its noun phrase ("X, a new dataset of ...", not "X, a novel dataset distillation method")
        self.head_ends = re.compile(rf"\s*(?:[,.;:()]|$|(?:{_FUNCTION_WORDS}|containing|consisting|from|that|which)\b)")
        self.name_in_list = re.compile(rf"(?<![\w\-]){_NAME}")
        self.campaign_pair = _campaign_pair(grammar)
        self.campaigns = tuple(grammar.exact.get("translation_campaign", ()))  # each campaign_pair match holds one
        self.improves_on = compile_role(r"(?<![\w\-])(?:ALT)\s+$", grammar.words, "improves_on_verb")
        self.grammar = grammar

    def find(self, text: str, s0: int, s1: int, taken: list[Span], exclude, heads_only: bool = False) -> list[Span]:
        """Unknown benchmark names in text[s0:s1] not overlapping `taken` and not excluded: `exclude(name, own_ok)`
        rejects methods and metrics, and the paper's own method unless `own_ok` (an apposition names a dataset);
        with `heads_only`, only names a head word marks ("the FooBar dataset"), not a bare "on FooBar"."""
        out: list[Span] = []
        before, after, on, listed, appos = [], [], [], [], []
        g = self.grammar
        heads = g.scan("any_head", text, s0, s1)  # found from the head words' first words (led_scan.py)
        for h in heads:
            if text[h.end() : h.end() + 1] == "-" or text[h.start() - 1 : h.start()] == "-":
                continue  # "Task-Aware", "multi-task": a head inside a hyphenated word heads no name
            coined = h.group().lower() in g.words.get("coined_name_head", ())
            if g.several_sets.fullmatch(h.group()):
                m = self.list_before.search(text, max(s0, h.start() - 120), h.start())
                m = m or (None if coined else self.list_after.match(text, h.end(), s1))
                if m:
                    items = self._list_items(text, m.start("list"), m.end("list"))
                    listed.extend(i for i in items if not coined or _COINED.search(i[0].group()))
                elif (one := self.name_before.search(text, max(s0, h.start() - 80), h.start())) and _SUITE.search(
                    one.group("name")
                ):
                    before.append((one, h.end()))  # SUITE-OF-SETS: "on our AfroNLI-11 test sets" (a digit-coded name)
                continue
            m = self.name_before.search(text, max(s0, h.start() - 80), h.start())
            if m and coined and not _COINED.search(m.group("name")):
                continue  # COINED-NAME-HEAD: "the Pareto set" is no dataset; "our ChordEval-500 set" is
            if m:
                before.append((m, h.end()))
            if coined:
                continue
            m = self.name_after.match(text, h.end(), s1)
            if m:
                after.append((m, m.end()))
            if g.apposition_head.fullmatch(h.group()) and self.head_ends.match(text, h.end(), s1):
                m = self.appos.search(text, max(s0, h.start() - 80), h.start())
                if m:
                    appos.append((m, m.end()))
        # CAMPAIGN-PAIR: "WMT15 German-English", "IWSLT'17 Fr-En" (any word after it); the pattern opens with a
        # look-behind, tried at every position: a C-level search for its campaign stems first
        if not heads_only and any(text.find(c, s0, s1) >= 0 for c in self.campaigns):
            on.extend((m, m.end()) for m in self.campaign_pair.finditer(text, s0, s1))
        for o in () if heads_only else self.on_anchor.finditer(text, s0 + 1, s1):
            m = self.acronym_at.match(text, o.end(), s1)
            if m and not self.improves_on.search(text, max(s0, o.start() - 16), o.start() - 1):
                on.append((m, m.end()))  # IMPROVES-ON-SYSTEM: "improves on CLTR by 7.3" names the system improved on
        for kind, found in (("head", before), ("appos", appos), ("after", after), ("list", listed), ("on", on)):
            for m, m_end in found:
                group = "name" if kind != "list" else 0
                start, end = m.span(group)
                name = m.group(group).rstrip(".,;:")
                while name.split() and name.split()[0].lower() in _STOP_NAMES:
                    cut = len(name.split()[0])
                    name = name[cut:].lstrip()
                if len(name) < 2:
                    continue
                end = m.end(group) - (len(m.group(group)) - len(m.group(group).rstrip(".,;:")))
                start = end - len(name)
                if kind == "head" and _INDEFINITE.search(text, max(s0, start - 4), start):
                    continue  # "for a General-Domain Translation Task": a description, not a proper name
                if kind == "head":
                    tail = _HEAD_TAIL.match(text[end : m_end + 8])
                    if tail and self.grammar.benchmark_head.fullmatch(tail.group(1)):
                        end = end + tail.end()  # a capitalised head is part of the name: "X Challenge 2018"
                        name = text[start:end]
                if (
                    name.isdigit() or self._not_a_name(name) or exclude(name, kind == "appos")
                ):  # "We introduce X, a benchmark of ..."
                    continue
                if any(t.start < end and start < t.end for t in (*taken, *out)):
                    continue
                out.append(Span(start, end, name, name, None, kind == "on"))
                if kind == "on":
                    out.extend(self._coordinated(text, end, s1, [*taken, *out], exclude))
        return out

    def _not_a_name(self, name: str) -> bool:
        """A version ("V2"), an adjective ("ImageNet-like"), hardware ("CPU"), a signal modality or a language ("EEG",
        "English") is not a benchmark name; a known benchmark's short form ("SGD", "Pets") is SHORT-FORM-IN-SLOT's
        (open_names.py), never an unknown name."""
        g = self.grammar
        return bool(
            _NOT_A_NAME.fullmatch(name)
            or g.hardware.fullmatch(name)
            or g.not_a_benchmark.fullmatch(name)
            or name in g.exact.get("short_form", ())
        )

    def _list_items(self, text: str, start: int, end: int) -> list[tuple[re.Match, int]]:
        """The names of a list, one per item: an item's short name in parentheses stands for it."""
        items: list[tuple[re.Match, int]] = []
        for n in self.name_in_list.finditer(text, start, end):
            if items and text[items[-1][0].end() : n.start()].strip() == "(":
                items[-1] = (n, n.end())  # "Long Name (ACRO)": the acronym is the name leaderboards use
            else:
                items.append((n, n.end()))
        return items

    def _coordinated(self, text: str, pos: int, s1: int, taken: list[Span], exclude) -> list[Span]:
        """ "on EgoGesture and NVGesture": the names coordinated with an "on X" capture."""
        out: list[Span] = []
        for m in self.coord.finditer(text, pos, s1):
            if m.start() != pos:
                break
            start, end = m.span("name")
            name = m.group("name").rstrip(".,;:")
            end = start + len(name)
            pos = m.end()
            if (
                self._not_a_name(name)
                or exclude(name, False)
                or any(t.start < end and start < t.end for t in (*taken, *out))
            ):
                continue
            out.append(Span(start, end, name, name, None, True))
        return out


_NAME_NUMBER = re.compile(r"(?P<stem>.*[A-Za-z].*?[\s\-']?)(?P<n>\d{2,4})")
_NEXT_NUMBER = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s+(?P<n>\d{2,4})(?![\w%.,]\d|[\w%\-])")


def elliptic_names(text: str, benchmarks: NameIndex, names: list[Span], s1: int) -> list[Span]:
    """ "TREC DL 2019 and 2020", "the CoNLL-2005 and 2012 datasets": a bare number coordinated with a name ending
    in a number is the same name with that number."""
    out: list[Span] = []
    for b in names:
        head = _NAME_NUMBER.fullmatch(b.raw)
        if head is None:
            continue
        pos = b.end
        while True:
            m = _NEXT_NUMBER.match(text, pos, s1)
            if m is None or len(m.group("n")) != len(head.group("n")):
                break
            raw = head.group("stem") + m.group("n")
            entry = benchmarks.lookup(raw)
            if entry is None and b.entry is not None:
                break
            start = m.start("n")
            out.append(Span(start, m.end("n"), entry.name if entry else raw, m.group("n"), entry))
            pos = m.end("n")
    return out
