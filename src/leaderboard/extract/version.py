"""The extractor's version: a hash of the rules' code and the vocabulary data, so a rebuild says when extraction
changed (`results.extractor`, `build_info.extractor`)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary

_HERE = Path(__file__).resolve().parent
_KNOWLEDGE = _HERE.parent / "knowledge"  # the canonicaliser decides method_norm and split spellings
_NOT_RULES = frozenset({"evaluate.py"})  # scoring, not extraction


def rules_version(vocab: Vocabulary, length: int = 12) -> str:
    """Hex digest over every extractor and knowledge-layer source file and every vocabulary entry, grammar row
    and split, in a fixed order."""
    h = hashlib.sha1()
    for path in [*sorted(_HERE.rglob("*.py")), *sorted(_KNOWLEDGE.rglob("*.py"))]:
        if path.name not in _NOT_RULES:
            h.update(path.relative_to(_HERE.parent).as_posix().encode())
            h.update(path.read_bytes())
    for index in (vocab.benchmarks, vocab.metrics, vocab.methods):
        for entry in index.entries:
            h.update(repr(entry).encode())
    for row in vocab.grammar:
        h.update(repr(row).encode())
    for split in vocab.knowledge.splits:
        h.update(repr((split.name, split.aliases)).encode())
    return h.hexdigest()[:length]
