"""Numbers that look like results but describe the model or its settings (grammar kinds `size_after`,
`size_before`, `setting_phrase`).

Rules:
- SIZE-RATIO-AFTER: "6x smaller", "35% fewer parameters", "models 7x its size", "30% of the teacher's parameters":
  a size word a few words after a ratio or percentage makes it a model-size comparison, a non-result.
- SIZE-VERB-BY: "shrinks the model size by 40%", "compresses the parameters by 8x": a size noun before "by".
- SETTING-PHRASE: "a masking ratio of 0.75", "compression factor 4": a design setting named right before the
  number, even when the setting name looks like a metric ("ratio").
- SETTING-NOUN-AFTER: "a 5-60 MFLOPs budget", "a 16x downsampling", "in the 10% label regime": a setting noun a few
  words after the number (any unit).
- SETTING-EXAMPLE: "factors such as 4x or 8x", "rather than the usual 16x", "(e.g., 8x)": a ratio given as an example
  or as the common choice of a setting.
- THRESHOLD-AT: "AP at 0.5 IoU", "recall at 0.7 overlap": the threshold a metric is read at, not a result.
- GAP-TO-REFERENCE-SETTING: "loses at most 0.7 points against full precision", "within 1.1% of the FP16 model": a
  gap measured against the uncompressed reference setting of the same model (grammar kind `reference_setting`) is
  a cost of the setting, not a result of its own.
- PER-DENOMINATOR: "latency per 640 ms chunk", "cost per 1,000 queries": the number after "per" sizes the unit a
  rate is given per (grammar kind `denominator_before`), it is not a result.
- TIME-LIMIT-OF-SHARE: "solves 8 of 10 puzzles within 30 seconds", "answers 95% of queries in under 50 ms": a time
  after a limit word (grammar kind `time_limit_before`) that follows a share of items in its clause is the limit the
  share is counted under, not a result.
- SETTING-VERB-SHARE: "we mask 75% of the patches", "drop 80% of the frames", "remove up to 25% of the
  parameters": a verb that alters the input or the model right before a percentage of something.
- SETTING-PARTICIPLE-SHARE: "60% of the field pairs are pruned", "about 15% of the tokens are masked": the passive
  of a setting verb (grammar kind `setting_participle`) after a percentage of something.
- TARGET-OF-COST: "needs 3x fewer rounds to reach 70% accuracy", "takes 40 GPU hours to attain 90%": the level a cost
  is counted up to (grammar kind `cost_before_target` earlier in the clause, then "to reach/achieve/attain/hit")
  is an operating point, not a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaderboard.extract.alternation import compile_role, key_words, may_hold
from leaderboard.extract.windows import Windows

_GAP = r"(?:[\s)}$]*)(?:(?![\w\-]*\d|(?:and|or|but|while|with|at|than|on|for|when|whereas|yet)\b)[\w\-]{2,}\s+){0,2}?"
# a size word may follow a share of a named model ("25% of the teacher's parameters"): one more word, apostrophes
_SIZE_GAP = _GAP.replace("{2,}", "{2,}(?:['\u2019]s)?").replace("{0,2}?", "{0,3}?")

_TIMES_AFTER = re.compile(r"\s*(?:times|×|x)\b")  # compiled once: asked for every number
_TO_REFERENCE = (  # "0.7 points against full precision", "1.1% of the FP16 model's accuracy"
    r"\s*(?:%|points?|pts|pp)?\s*(?:[\w\-]+\s+){0,2}?(?:against|versus|vs\.?|relative\s+to|compared\s+(?:to|with)|"
    r"behind|below|from|(?P<of>of))\s+(?:the\s+|its\s+|their\s+|a\s+)?"
)
_WITHIN_END = re.compile(r"\bwithin\s+(?:only\s+|just\s+|about\s+)?$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
# a share of items before a time limit: "8 of 10 objects", "95% of queries", "73% of the puzzles" (no clause mark)
_SHARE_BEFORE = r"\d(?:%|\s*%|\s+of\s+\d[\d,]*|\s+out\s+of\s+\d[\d,]*)(?:\s+of)?[^.;:%\d]{0,60}?"
TIME_LIMIT_OF_SHARE = _SHARE_BEFORE + r"(?<![\w\-])(?:ALT)\s+(?:only\s+|just\s+)?$"  # efficiency.py reads it too
_TARGET_OF_COST = (
    r"(?<![\w\-])(?:ALT)(?![\w\-])[^.;:,]{0,60}?\bto\s+(?:reach|achieve|attain|hit)\s+(?:an?\s+|the\s+)?"
    r"(?:same\s+|target\s+)?(?:(?:[\w\-]+\s+){1,3}?of\s+)?$"
)
_OF_SHARE = re.compile(r"\s*of\s+(?:the\s+|all\s+|its\s+|their\s+|each\s+)?[a-z]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Leaks:
    """Compiled size and setting cue words of one grammar."""

    size_after: re.Pattern
    size_before: re.Pattern
    setting: re.Pattern
    setting_ends: tuple[str, ...]  # last words of the setting phrases: a cheap test before the pattern
    setting_after: re.Pattern
    setting_verb: re.Pattern
    setting_passive: re.Pattern  # SETTING-PARTICIPLE-SHARE
    threshold: re.Pattern
    example: re.Pattern
    reference: re.Pattern
    denominator: re.Pattern
    limit: re.Pattern  # TIME-LIMIT-OF-SHARE
    target: re.Pattern  # TARGET-OF-COST
    w: Windows
    # a word of each phrase of reference, limit, target (alternation.key_words): tested before their patterns
    reference_keys: tuple[str, ...] | None
    limit_keys: tuple[str, ...] | None
    target_keys: tuple[str, ...] | None

    @classmethod
    def of(cls, words: dict[str, dict[str, str]], w: Windows) -> Leaks:
        def comp(pattern: str, kind: str) -> re.Pattern:
            return compile_role(pattern, words, kind)

        return cls(
            size_after=comp(r"^(?:\s*times)?" + _SIZE_GAP + r"(?:ALT)", "size_after"),
            size_before=comp(r"(?:ALT)\s+(?:[\w\-]+\s+){0,2}?by\s*(?:up\s+to|about|over|~)?\s*$", "size_before"),
            setting=comp(r"(?:ALT)\s*(?:of|=|:|is|was|to|set\s+to)?\s*(?:about|~)?\s*[(\[]?\s*$", "setting_phrase"),
            setting_ends=tuple(sorted({p.split()[-1].lower() for p in words.get("setting_phrase", {})})),
            setting_after=comp(_GAP + r"(?:ALT)", "setting_noun_after"),
            setting_verb=comp(r"(?<![\w\-])(?:ALT)\s+(?:up\s+to\s+|only\s+|about\s+|nearly\s+|~\s*)?$", "setting_verb"),
            setting_passive=comp(
                r"\s*of\s+(?:[\w\-]+\s+){1,5}?(?:is|are|was|were|get|gets|got|being)\s+(?:randomly\s+|then\s+)?(?:ALT)\b",
                "setting_participle",
            ),
            threshold=comp(r"\s*(?:ALT)", "threshold_noun"),
            example=comp(r"(?<![\w\-])(?:ALT)\s*$", "setting_example"),
            reference=comp(_TO_REFERENCE + r"(?:ALT)(?![\w\-])", "reference_setting"),
            denominator=comp(r"(?<![\w\-])(?:ALT)\s+(?:a\s+|one\s+)?$", "denominator_before"),
            limit=comp(TIME_LIMIT_OF_SHARE, "time_limit_before"),
            target=comp(_TARGET_OF_COST, "cost_before_target"),
            w=w,
            reference_keys=key_words(list(words.get("reference_setting", {}))),
            limit_keys=key_words(list(words.get("time_limit_before", {}))),
            target_keys=key_words(list(words.get("cost_before_target", {}))),
        )

    def reason(self, text: str, start: int, end: int, s0: int, s1: int, unit: str | None) -> str | None:
        """Why the number at [start, end) is a size or setting, or None."""
        w = self.w
        before = text[max(s0, start - w.setting_cue_before) : start]
        low = before[-w.setting_end_before :].lower()
        if any(w in low for w in self.setting_ends) and self.setting.search(before):
            return "setting"
        if self.setting_after.match(text, end, min(s1, end + w.setting_noun_after)):
            return "setting"
        lo = max(s0, start - w.setting_cue_before - 30)
        if may_hold(self.limit_keys, text, lo, start) and self.limit.search(text, lo, start) is not None:
            return "setting"  # "reorients 8 of 10 objects within 30 seconds": the time limit of a share of items
        if " to " in before and may_hold(self.target_keys, text, lo, start) and self.target.search(text, lo, start):
            return "setting"  # "needs 3x fewer rounds to reach 70% accuracy": the level a cost is counted to
        if "per" in before[-12:].lower() and self.denominator.search(before):
            return "setting"  # "latency per 640 ms chunk", "$0.40 per 1,000 queries": the unit a rate is given per
        ref_end = min(s1, end + w.reference_setting_after)
        ref = self.reference.match(text, end, ref_end) if may_hold(self.reference_keys, text, end, ref_end) else None
        if ref is not None and (ref.group("of") is None or _WITHIN_END.search(before)):
            return "setting"  # "loses 0.7 points against full precision", "within 1.1% of FP16": a setting's cost
        if self.threshold.match(text, end, min(s1, end + w.threshold_noun_after)) and _AT_BEFORE.search(before):
            return "setting"  # "AP at 0.5 IoU": the threshold of the metric
        if unit == "%" and _OF_SHARE.match(text, end) and self.setting_verb.search(before):
            return "setting"
        if unit == "%" and self.setting_passive.match(text, end, min(s1, end + 80)):
            return "setting"  # SETTING-PARTICIPLE-SHARE: "60% of the field pairs are pruned"
        if unit not in {"x", "%"} and not _TIMES_AFTER.match(text[end : end + 8]):
            return None
        if unit == "x" and self.example.search(before):
            return "setting"  # "e.g., 8x", "rather than the usual 16x"
        if self.size_after.match(text[end : min(s1, end + w.size_cue_after)]):
            return "size ratio"
        if self.size_before.search(before):
            return "size ratio"
        return None


__all__ = ["TIME_LIMIT_OF_SHARE", "Leaks"]
