"""The extractor's version: a hash of the rules' code and the vocabulary data, so a rebuild says when extraction
changed (`results.extractor`, `build_info.extractor`)."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary

_HERE = Path(__file__).resolve().parent
_KNOWLEDGE = _HERE.parent / "knowledge"  # the canonicaliser decides method_norm and split spellings
_NOT_RULES = frozenset({"evaluate.py", "matching.py"})  # scoring, not extraction


@functools.cache
def _code_digest() -> bytes:
    """Digest of every extractor and knowledge-layer source file, read once per process."""
    h = hashlib.sha1()
    for path in [*sorted(_HERE.rglob("*.py")), *sorted(_KNOWLEDGE.rglob("*.py"))]:
        if path.name not in _NOT_RULES:
            h.update(path.relative_to(_HERE.parent).as_posix().encode())
            h.update(path.read_bytes())
    return h.digest()


def rules_version(vocab: Vocabulary, length: int = 12) -> str:
    """Hex digest over the extractor's code and every vocabulary entry, grammar row and split, in a fixed order."""
    entries = [e for index in (vocab.benchmarks, vocab.metrics, vocab.methods) for e in index.entries]
    data = "\n".join([f"{e.name}\x1f{e.aliases}\x1f{e.attrs}\x1f{e.case_sensitive}" for e in entries])
    rows = "\n".join(["\x1f".join(row) for row in vocab.grammar])
    splits = "\n".join([f"{s.name}\x1f{s.aliases}" for s in vocab.knowledge.splits])
    h = hashlib.sha1(_code_digest())
    h.update(data.encode())
    h.update(rows.encode())
    h.update(splits.encode())
    return h.hexdigest()[:length]
