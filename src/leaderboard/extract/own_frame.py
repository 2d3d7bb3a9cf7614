"""FRONTED-FRAME-OF-ITS-OWN: a sentence that opens with a frame of its own takes no benchmark from the previous
result sentence.

"On X it reaches 0.83 AUC. For discovery, 76% of its samples are stable.", "... on our Y test set. Under babble
noise at 0 dB, the model is 62% better.", "Across 12 inductive splits, its average MRR is 9.6% higher": a
sentence opening with a preposition of a frame (grammar kind `frame_preposition`: "for", "under", "across") and a
phrase set off by a comma before the number, naming no benchmark, states the condition, purpose or population
its numbers were measured under; the previous sentence's benchmark was that sentence's scope, not this one's.
A frame that only links or narrows the same scope is no frame of its own (grammar kind `same_frame`: "In
contrast,", "For example,", "specifically", "across five seeds"), nor is a split of the same benchmark ("On the
test split,"), nor a frame under which a result restates an earlier one ("EER rises from 0.61%" after "an EER of
0.61% on X": the earlier result is the reference the new condition changes). Frames without a comma ("With a
single step the FID is 2.61") are settings of the same run.
"""

from __future__ import annotations

import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.sentence import Abstract, Sentence


def frame_patterns(g: Grammar) -> tuple[re.Pattern, re.Pattern]:
    opener = compile_role(r"(?:ALT)\s", g.words, "frame_preposition")
    same = compile_role(r"(?<![\w\-])(?:ALT)(?![\w\-])", g.words, "same_frame")
    return opener, same


def opens_own_frame(a: Abstract, s: Sentence, num_start: int) -> bool:
    """Whether the sentence opens with a comma-closed frame of its own before the number at `num_start`."""
    text = a.text
    if text[s.s0 : s.s0 + 1].islower():
        return False
    opener, same = a.g.derived("own_frame", frame_patterns)
    m = opener.match(text, s.s0, num_start)
    if m is None:
        return False
    comma = text.find(",", m.end(), min(num_start, s.s0 + a.w.fronted_frame))
    if comma < 0 or any(b.start < comma for b in s.benches):
        return False  # no frame set off, or one naming a benchmark (the sentence's own rules read it)
    if same.search(text, s.s0, comma) is not None:
        return False
    return not _restates_earlier(a, s)


def _restates_earlier(a: Abstract, s: Sentence) -> bool:
    """Whether a decimal number of the sentence is written exactly as one of an earlier sentence."""
    text = a.text
    mine = {a.nums[i].text(text) for i in s.idx if a.nums[i].decimals}
    return any(n.end <= s.s0 and n.decimals and n.text(text) in mine for n in a.nums)


__all__ = ["frame_patterns", "opens_own_frame"]
