"""Method identity across papers: name normalisation and the user-extensible alias file.

Two spellings name the same method when their *keys* are equal. A key is the name with case, Unicode
width, "(ours)", spaces, hyphens, underscores, dots, slashes, brackets and punctuation removed, so
"LLaMA2-7B", "Llama-2-7B" and "llama 2 7b" all have the key "llama27b". On top of that,
`vocab/methods.csv` (columns `name,aliases,source`, aliases separated by `|`) maps other spellings to a
canonical name ("Llama-2-7B" for "Meta Llama 2 7B"). Users add their own files of the same shape; a later
file wins when two files claim the same alias.

The resolver is a plain dict from key to canonical display name; nothing here is global or mutable.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

_SEPARATORS = re.compile(r"[\s\-_./\\·–—()\[\]{},:;'\"]+")
_WORDS = re.compile(r"[^\W\d_]+")
_OURS = re.compile(r"\(\s*ours\s*\)|\bours\b", re.IGNORECASE)

AliasIndex = dict[str, str]  # normalised key -> canonical display name


def method_key(name: object) -> str:
    """The identity key of a method name ("" for a missing or blank name).

    >>> method_key("LLaMA2-7B") == method_key("Llama-2-7B") == method_key("llama 2 7b") == "llama27b"
    True
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    key = _SEPARATORS.sub("", _OURS.sub(" ", text))
    return key or _SEPARATORS.sub("", text)  # a method called just "Ours" keeps its name


def default_methods_path() -> Path:
    """The package's shipped alias file (it may not exist yet in a development checkout)."""
    return Path(__file__).resolve().parent.parent / "vocab" / "methods.csv"


def load_generic_words(path: str | Path | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """Words of baselines that name no system (grammar.csv, kind `generic_baseline`: "previous", "best", "SOTA"),
    and among them the function words ("the", "of") that cannot make such a name alone ("A" is a method)."""
    path = Path(path) if path is not None else default_methods_path().with_name("grammar.csv")
    if not path.is_file():
        return frozenset(), frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(line for line in fh if not line.startswith("#")) if len(r) > 1]
    rows = [(r[1].strip().lower(), r[2].strip() if len(r) > 2 else "") for r in rows if r[0] == "generic_baseline"]
    return frozenset(w for w, _ in rows), frozenset(w for w, v in rows if v == "function")


def generic_name(name: object, words: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True for a name made only of generic words ("the previous best", "SOTA", "state-of-the-art methods")."""
    if not isinstance(name, str):
        return False
    generic, function = words
    tokens = _WORDS.findall(name.casefold())
    return bool(tokens) and all(tok in generic for tok in tokens) and any(tok not in function for tok in tokens)


def load_aliases(paths: Iterable[str | Path]) -> AliasIndex:
    """Read alias files (`name,aliases,source`) into an index; missing files are skipped.

    Raises ValueError when a file lacks the `name` or `aliases` column.
    """
    index: AliasIndex = {}
    for path in paths:
        p = Path(path)
        if not p.exists():
            continue
        with p.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            fields = set(reader.fieldnames or [])
            if not {"name", "aliases"} <= fields:
                raise ValueError(f"{p}: alias file needs columns name,aliases (found {sorted(fields)})")
            for row in reader:
                name = (row.get("name") or "").strip()
                if not name:
                    continue
                spellings = [name, *(a.strip() for a in (row.get("aliases") or "").split("|"))]
                for spelling in spellings:
                    key = method_key(spelling)
                    if key:
                        index[key] = name
    return index


def resolve_aliases(aliases: AliasIndex | Mapping[str, str] | str | Path | None) -> AliasIndex:
    """Normalise the `aliases` argument of the public API into an index.

    None -> the shipped file; a path -> that file plus the shipped one (the user's file wins);
    a mapping of spelling -> canonical name -> used as given (keys are normalised).
    """
    if aliases is None:
        return load_aliases([default_methods_path()])
    if isinstance(aliases, str | Path):
        return load_aliases([default_methods_path(), aliases])
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
