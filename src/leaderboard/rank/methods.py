"""Method identity across papers: the user-extensible alias index and generic baseline names.

Two spellings name the same method when their *keys* are equal (`leaderboard.knowledge.method_key`: case,
Unicode width, "(ours)", spaces, hyphens, underscores, dots, slashes, brackets and punctuation removed, so
"LLaMA2-7B", "Llama-2-7B" and "llama 2 7b" all have the key "llama27b"), the same key extracted and imported
rows carry as `method_norm`. On top of that, `vocab/methods.csv` (columns `name,aliases,source`, aliases
separated by `|`) maps other spellings to a canonical name ("Llama-2-7B" for "Meta Llama 2 7B"). Users add
their own files of the same shape; a later file wins when two files claim the same alias. The files are read
by the knowledge layer's one loader.

The resolver is a plain dict from key to canonical display name; nothing here is global or mutable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from leaderboard.errors import UserError
from leaderboard.knowledge import MethodEntry, method_key, shipped_knowledge
from leaderboard.knowledge.loader import read_path

__all__ = ["AliasIndex", "canonical_names", "generic_name", "load_aliases", "method_key", "resolve_aliases"]

_WORDS = re.compile(r"[^\W\d_]+")

AliasIndex = dict[str, str]  # normalised key -> canonical display name


def load_generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words of baselines that name no system (grammar.csv, kind `generic_baseline`: "previous", "best", "SOTA"),
    and among them the function words ("the", "of") that cannot make such a name alone ("A" is a method)."""
    rows = [(c.phrase.lower(), c.value) for c in shipped_knowledge().cues if c.kind == "generic_baseline"]
    return frozenset(w for w, _ in rows), frozenset(w for w, v in rows if v == "function")


def generic_name(name: object, words: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True for a name made only of generic words ("the previous best", "SOTA", "state-of-the-art methods")."""
    if not isinstance(name, str):
        return False
    generic, function = words
    tokens = _WORDS.findall(name.casefold())
    return bool(tokens) and all(tok in generic for tok in tokens) and any(tok not in function for tok in tokens)


def _index(entries: Iterable[MethodEntry], index: AliasIndex) -> AliasIndex:
    for entry in entries:
        for spelling in (entry.name, *entry.aliases):
            key = method_key(spelling)
            if key:
                index[key] = entry.name
    return index


def load_aliases(paths: Iterable[str | Path]) -> AliasIndex:
    """Read alias files (`name,aliases,source`) into an index; missing files are skipped.

    Raises ValueError when a file is not a methods file (it lacks the `name` or `aliases` column).
    """
    index: AliasIndex = {}
    for path in paths:
        p = Path(path)
        if not p.exists():
            continue
        try:
            kind, entries = read_path(p)
        except UserError as exc:
            raise ValueError(f"{exc} (an alias file needs columns name,aliases)") from None
        if kind != "methods":
            raise ValueError(f"{p}: alias file needs columns name,aliases (it is a {kind} file)")
        _index(entries, index)
    return index


def resolve_aliases(aliases: AliasIndex | Mapping[str, str] | str | Path | None) -> AliasIndex:
    """Normalise the `aliases` argument of the public API into an index.

    None -> the shipped file; a path -> that file plus the shipped one (the user's file wins);
    a mapping of spelling -> canonical name -> used as given (keys are normalised).
    """
    if aliases is None:
        return _index(shipped_knowledge().methods, {})
    if isinstance(aliases, str | Path):
        return {**_index(shipped_knowledge().methods, {}), **load_aliases([aliases])}
    return {method_key(k): v for k, v in aliases.items() if method_key(k)}


def canonical_names(names: pd.Series, aliases: AliasIndex | None = None) -> pd.Series:
    """Map each surface name to its canonical display name (None where the name is missing).

    The alias index decides first; otherwise all spellings sharing a key are shown as the most frequent
    spelling among them (ties: the alphabetically first), so the output is deterministic.
    """
    aliases = aliases or {}
    keys = names.map(method_key)
    present = keys != ""
    frame = pd.DataFrame({"key": keys[present], "name": names[present].astype(str).str.strip()})
    counts = frame.groupby(["key", "name"]).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", "name"], ascending=[True, False, True])
    display = counts.drop_duplicates("key").set_index("key")["name"].to_dict()
    display.update({k: v for k, v in aliases.items() if k in display})
    out = keys.map(lambda k: display.get(k) if k else None)
    return out.astype(object).where(present, None)
