"""Cheap tests before the patterns anchored at a text's end (a qualifier right before a number: "up to", "about a"),
which `re` tries at every position.

Such a pattern matches only where one of its phrases ends the text, maybe followed by what the pattern allows
between the phrase and the end (an article, an opening bracket). In ASCII
text (where lowering keeps every case-insensitive match), lowered with its spaces collapsed, the text then ends with
the phrase, as written or with those endings dropped from the end in turn: `may_end_with` tests that with
`str.endswith` and is False only when the pattern cannot match.
"""

from __future__ import annotations

from collections.abc import Callable

from leaderboard.extract.alternation import folds

Drop = Callable[[str], "str | None"]


def phrase_ends(phrases: list[str]) -> tuple[str, ...] | None:
    """The phrases lowered, words one space apart; None when one ends in any word ("*") or holds a character that
    matches an ASCII one case-insensitively (the Kelvin sign): then only the pattern can tell."""
    if any(p.endswith("*") for p in phrases):
        return None
    if any(f.isascii() for p in phrases for c in p if not c.isascii() for f in folds(c)):
        return None
    return tuple(sorted({" ".join(p.lower().split()) for p in phrases}))


def drop_bracket(c: str) -> str | None:
    """An opening bracket at the end ("about (")."""
    return c[:-1].rstrip() if c.endswith(("(", "[")) else None


def drop_word(words: tuple[str, ...]) -> Drop:
    """One of `words` at the end (an article "the", a link "of", "=")."""
    return lambda c: next((c[: -len(w)].rstrip() for w in words if c.endswith(w)), None)


def may_end_with(ends: tuple[str, ...] | None, text: str, drops: tuple[Drop, ...]) -> bool:
    """False only when `text` is ASCII and, lowered with its spaces collapsed, ends with none of `ends`, as written
    or with `drops` applied from the end in turn (each optional)."""
    if ends is None or not text.isascii():
        return True
    cores = {" ".join(text.lower().split())}
    for drop in drops:
        cores |= {d for c in cores if (d := drop(c)) is not None}
    return any(c.endswith(ends) for c in cores)


__all__ = ["drop_bracket", "drop_word", "may_end_with", "phrase_ends"]
