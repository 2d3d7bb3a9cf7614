"""Efficiency results: speed-ups, latency, throughput and memory claims (grammar kinds `speed_*`, `time_unit`).

Rules (each named after its pattern; the words are data in vocab/grammar.csv):
- SPEED-CUE-AFTER: "4.2x quicker", "40% faster", "3.6x increase in decoding speed", "2x higher throughput": a cue
  word a few words after the number (no clause break or other number between) sets the efficiency metric.
- SPEED-VERB-BY: "accelerates retrieval by 60%", "speeds up training by 2.5x": a speed verb before "by" + number;
  also a speed noun a few words before it ("inference latency falls by 33%", "improves speed by 1.6x").
- PROSE-TIME: "runs in 18 ms", "in under 0.3 seconds", "takes 2.1 s per image": a number with a time unit after
  a time preposition or verb (or before "per <item>"/"latency") is a latency-type result with that unit; a cue
  row without a value gives the metric of the grammar row `default_metric,prose_time,<metric>`.
- SPEED-COMPARED-TIME: "in 7.5 minutes, versus 41 minutes for X": a time after a comparison word (grammar kind
  `time_compared`), in a sentence that measured a time before it, is the compared system's time (same measure).
- FOLD-RATIO: "a 6-fold speedup", "an 11-fold reduction in latency": "N-fold" before a change noun is a ratio
  (unit x), "10-fold cross-validation" stays a setting (the nouns are grammar kind `fold_ratio_noun`).
- TIME-PER-ITEM-BY: "reduced reading time per case by 28%", "labelling time drops by 40%": a "<gerund or -ion
  noun> time (per <item>)" phrase before "by" + number names the measure as written (grammar kind `time_noun_head`).
- SPEED-WORD-IN-NAME: a capitalised cue that runs into a name token with capitals ("the Faster R-CNN baseline",
  "Faster-RCNN", "FasterViT") is part of a model's name, not a cue.
- COMPARATIVE-ADJECTIVE: "1.9% more accurate", "3 points more precise": a comparative adjective after the number
  names the metric it changes (kind `comparative_metric`; not an efficiency metric).
- SPEED-BUDGET: a cue followed by a setting noun ("a 200 ms latency budget") makes no claim (leaks.py: a setting).
- SPEED-NO-BORROW: an efficiency result never takes an accuracy metric from an operating-point phrase ("at the
  same accuracy"). Its benchmark is settled over the whole sentence in efficiency_sentence.py (hardware,
  SPEED-AT-OPERATING-POINT), with SPEED-NOUN-IS-OWN and SPEED-COMPARATIVE-ELLIPSIS.
Efficiency metrics are the values of the speed cue kinds plus grammar kind `efficiency_metric` (FPS, Training Time).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from leaderboard.errors import UserError
from leaderboard.extract.alternation import compile_role
from leaderboard.extract.leaks import TIME_LIMIT_OF_SHARE
from leaderboard.extract.windows import Windows

_ABOUT = r"(?:>|over|more\s+than|up\s+to|about|~)?"
_CUED = ("speed_after", "comparative_metric")
_BY_END = re.compile(r"\bby\s*" + _ABOUT + r"\s*$")
_OF_AFTER = re.compile(r"\s+of\b")
_NAME_AFTER_CUE = re.compile(r"[\s\-]?[A-Z][\w\-]*[A-Z]")  # "Faster R-CNN", "Faster-RCNN", "FasterViT": a name
# between number and cue: up to three plain words, none holding a digit, none a clause or operating-point word
_GAP = r"(?:[\s)}$]*)(?:(?![\w\-]*\d|(?:and|or|but|while|with|at|than|on|for|when|whereas)\b)[\w\-]{2,}\s+){0,3}?"


@dataclass(frozen=True, slots=True)
class SpeedClaim:
    """The efficiency metric a number reports, the cue that says so, and the unit when written in prose."""

    metric: str
    start: int
    end: int
    unit: str | None = None
    named_as_written: bool = False  # TIME-PER-ITEM-BY: the metric is the phrase itself ("reading time per case")


@dataclass(frozen=True, slots=True)
class SpeedLexicon:
    """Compiled speed cue words of one grammar (build once per extractor)."""

    after: re.Pattern
    comparative: re.Pattern
    verb_by: re.Pattern
    noun_by: re.Pattern
    time_unit: re.Pattern
    time_before: re.Pattern
    time_after: re.Pattern
    values: dict[str, dict[str, str]]
    metrics: frozenset[str]  # lower-cased names of the efficiency metrics
    cue_stems: tuple[str, ...]  # first words of the after-number cues: a cheap test before the patterns
    w: Windows
    limit: re.Pattern  # TIME-LIMIT-OF-SHARE (leaks.py): "8 of 10 objects within 30 seconds" makes no claim
    budget: re.Pattern  # a setting noun right after the cue ("a 200 ms latency budget"): no claim, a setting
    fold: re.Pattern  # FOLD-RATIO: "-fold" before a change noun ("6-fold speedup", not "5-fold cross-validation")
    compared: re.Pattern  # SPEED-COMPARED-TIME: "versus 41 minutes for X" after a measured time of its sentence
    time_value: re.Pattern  # a number with a time unit
    compared_words: frozenset[str]  # the `time_compared` phrases, lower-cased
    time_noun_by: re.Pattern  # TIME-PER-ITEM-BY: "<gerund or -ion noun> time (per <item>) ... by N%"
    ellipsis: re.Pattern  # SPEED-COMPARATIVE-ELLIPSIS: a bare comparative right after a ratio ("3x lower than")
    time_metric: str  # PROSE-TIME's metric when the time cue row has no value (`default_metric,prose_time,<m>`)

    @classmethod
    def of(cls, words: dict[str, dict[str, str]], w: Windows) -> SpeedLexicon:
        def comp(pattern: str, kind: str) -> re.Pattern:
            return compile_role(pattern, words, kind)

        kinds = (
            *("speed_after", "speed_verb", "speed_noun", "time_unit", "time_before", "time_after"),
            *("comparative_metric", "time_noun_head"),
        )
        values = {k: words.get(k, {}) for k in kinds}
        speed = [k for k in kinds if k not in {"time_unit", "comparative_metric", "time_noun_head"}]
        named = words.get("efficiency_metric", {})
        time_metric = words.get("default_metric", {}).get("prose_time", "").strip()
        if not time_metric:
            raise UserError("grammar.csv: no row 'default_metric,prose_time,<metric>' (the metric of a prose time)")
        metrics = frozenset([*(v.lower() for k in speed for v in values[k].values() if v), *named, time_metric.lower()])
        return cls(
            after=comp(r"^" + _GAP + r"(?P<cue>ALT)", "speed_after"),
            comparative=comp(r"^\s*(?:points?\s+|pp\s+)?(?P<cue>ALT)", "comparative_metric"),
            verb_by=comp(rf"(?P<cue>ALT)\b[^.;:\d]{{0,{w.speed_verb_to_by}}}?\bby\s*" + _ABOUT + r"\s*$", "speed_verb"),
            noun_by=comp(r"(?<![\w\-])(?P<cue>ALT)\s+(?:[a-z]+\s+){0,3}?by\s*" + _ABOUT + r"\s*$", "speed_noun"),
            time_unit=comp(r"\s?(?P<cue>ALT)", "time_unit"),
            time_before=comp(
                r"(?P<cue>ALT)\s*(?:only|just|about|around|approximately|under|below|~|<)?\s*$", "time_before"
            ),
            time_after=comp(r"\s*(?:[\w\-]+\s+){0,2}?(?P<cue>ALT)", "time_after"),
            values=values,
            metrics=metrics,
            cue_stems=tuple(sorted({p.split()[0].lower().rstrip("*") for k in _CUED for p in values[k]})),
            w=w,
            limit=comp(TIME_LIMIT_OF_SHARE, "time_limit_before"),
            budget=comp(r"\s*(?:ALT)\b", "setting_noun_after"),
            compared=comp(r"(?<![\w\-])(?P<cue>ALT)\s*(?:only\s+|about\s+|~\s*)?$", "time_compared"),
            compared_words=frozenset(p.lower() for p in words.get("time_compared", {})),
            time_value=comp(r"\d\s?(?:ALT)(?![\w\-])", "time_unit"),
            time_noun_by=comp(
                r"(?<![\w\-])(?P<cue>[a-z]+(?:ing|ion)\s+(?:ALT)(?:\s+per\s+[a-z]+)?)\s+(?:[a-z]+\s+){0,3}?by\s*"
                + _ABOUT
                + r"\s*$",
                "time_noun_head",
            ),
            fold=comp(r"[-\u2010\u2011 ]fold\b(?=\s+(?:[a-z\-]+\s+)?(?:ALT)\b)", "fold_ratio_noun"),
            ellipsis=comp(r"\s*(?:ALT)\s+(?:than|compared|relative|over)\b", "ratio_comparative"),
            time_metric=time_metric,
        )

    def claim(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        """The efficiency claim of the number at [start, end) (end after a range), or None. SPEED-BUDGET: a cue
        followed by a setting noun ("at a 200 ms latency budget", "a 2x speedup target") makes no claim."""
        c = self._claim(text, start, end, s0, s1, unit)
        if c is not None and c.end > end and self.budget.match(text, c.end, s1) is not None:
            return None
        if (
            c is not None
            and c.end <= start
            and self.limit.search(text, max(s0, c.start - self.w.setting_cue_before), start)
        ):
            return None  # "8 of 10 objects within 30 seconds": leaks.py decides (TIME-LIMIT-OF-SHARE)
        return c

    def _claim(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        after = text[end : min(s1, end + self.w.speed_cue_after)]
        low = after.lower()
        cued = any(w in low for w in self.cue_stems)
        m = self.after.match(after) if cued else None
        if m is not None and _NAME_AFTER_CUE.match(after, m.end("cue")) and after[m.start("cue")].isupper():
            m = None  # SPEED-WORD-IN-NAME: "3.2 points above the Faster R-CNN baseline": a model's name, no cue
        if m is not None:
            name = self.values["speed_after"].get(m.group("cue").lower(), "") or _stem(self.values["speed_after"], m)
            return SpeedClaim(name, end + m.start("cue"), end + m.end("cue"))
        m = self.comparative.match(after) if cued else None
        if m is not None:
            name = self.values["comparative_metric"].get(" ".join(m.group("cue").lower().split()), "")
            return SpeedClaim(name, end + m.start("cue"), end + m.end("cue"))
        before = text[max(s0, start - self.w.speed_by_before) : start]
        by = unit in {"%", "x"} and _BY_END.search(before) is not None
        m, kind = (self.verb_by.search(before), "speed_verb") if by else (None, "")
        if m is None and by:
            m, kind = self.noun_by.search(before), "speed_noun"  # "inference latency falls by 33%"
        if m is None and by and (t := self.time_noun_by.search(before)) is not None:
            off = start - len(before)  # "reduced reading time per case by 28%": the phrase names the measure
            return SpeedClaim(" ".join(t.group("cue").split()), off + t.start("cue"), off + t.end("cue"), None, True)
        if m is not None:
            cue = " ".join(m.group("cue").lower().split())
            name = self.values[kind].get(cue, "") or _stem(self.values[kind], m)
            off = start - len(before)
            return SpeedClaim(name, off + m.start("cue"), off + m.end("cue"))
        return self._prose_time(text, start, end, s0, s1, unit)

    def _prose_time(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> SpeedClaim | None:
        u = self.time_unit.match(text, end, s1)
        if u is not None:
            if _OF_AFTER.match(text, u.end()):
                return None  # "10 minutes of speech": an amount of data
            unit = self.values["time_unit"].get(u.group("cue").lower(), unit)
            end = u.end()
        elif unit not in self.values["time_unit"].values():
            return None
        before = text[max(s0, start - self.w.time_cue_before) : start]
        m = self.time_before.search(before)
        if m is not None:
            off = start - len(before)
            name = self.values["time_before"].get(" ".join(m.group("cue").lower().split()), "") or self.time_metric
            return SpeedClaim(name, off + m.start("cue"), off + m.end("cue"), unit)
        a = self.time_after.match(text, end, s1)
        if a is not None:
            name = self.values["time_after"].get(" ".join(a.group("cue").lower().split()), "") or self.time_metric
            return SpeedClaim(name, a.start("cue"), a.end("cue"), unit)
        m = self.compared.search(before)
        if m is not None and self.time_value.search(text, s0, start - len(before) + m.start()) is not None:
            off = start - len(before)  # "in 7.5 minutes, versus 41 minutes for DPR": the compared system's time
            return SpeedClaim(self.time_metric, off + m.start("cue"), off + m.end("cue"), unit)
        return None

    def fold_ratios(self, text: str, nums: list) -> list:
        """FOLD-RATIO: "a 6-fold speedup", "an 11-fold reduction in latency": a whole number written with "-fold" is a
        ratio (unit x) when a change noun follows (grammar kind `fold_ratio_noun`); "10-fold cross-validation" stays
        a setting. The number's span takes in "-fold"."""
        if "fold" not in text:
            return nums
        out = []
        for n in nums:
            m = self.fold.match(text, n.end) if n.unit is None and not n.suffix and not n.decimals else None
            out.append(replace(n, end=m.end(), unit="x") if m is not None else n)
        return out

    def is_speed(self, metric_name: str | None) -> bool:
        """An efficiency metric: a named one, or a time measure named as written ("reading time per case")."""
        if metric_name is None:
            return False
        low = metric_name.lower()
        if low.endswith(")") and " (" in low:  # "Rendering speed (FPS)": SPEED-NAMED-BY-ACTIVITY
            low = low.rsplit(" (", 1)[1][:-1]
        return low in self.metrics or low.split(" per ")[0].rsplit(" ", 1)[-1] in self.values["time_noun_head"]


def _stem(values: dict[str, str], m: re.Match) -> str:
    cue = m.group("cue").lower()
    for phrase, value in sorted(values.items(), key=lambda pv: len(pv[0]), reverse=True):
        if phrase.endswith("*") and cue.startswith(phrase[:-1]):
            return value
    return ""


__all__ = ["SpeedClaim", "SpeedLexicon"]
