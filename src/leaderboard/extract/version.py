"""The extractor's version: a hash of the rules' code and the vocabulary data, so a rebuild says when extraction
changed (`results.extractor`, `build_info.extractor`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary

_HERE = Path(__file__).resolve().parent
_NOT_RULES = frozenset({"evaluate.py"})  # scoring, not extraction


def rules_version(vocab: Vocabulary, length: int = 12) -> str:
    """Hex digest over every extractor source file (this package and its subpackages) and every vocabulary entry
    and grammar row, in a fixed order."""
    h = hashlib.sha1()
    for path in sorted(_HERE.rglob("*.py")):
        if path.name not in _NOT_RULES:
            h.update(path.relative_to(_HERE).as_posix().encode())
            h.update(path.read_bytes())
    for index in (vocab.benchmarks, vocab.metrics, vocab.methods):
        for entry in index.entries:
            h.update(repr(entry).encode())
    for row in vocab.grammar:
        h.update(repr(row).encode())
    return h.hexdigest()[:length]
