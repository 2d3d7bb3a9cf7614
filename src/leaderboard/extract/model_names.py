"""MODEL-NAME: a network or model name is not a benchmark, even in a benchmark slot.

"75.1 mIoU on MiT-B3", "80.3% on RegNetY-8GF", "with a Swin-L backbone": a name made of a model family and a size
or version code ("-B3", "-8GF", "-L", "-H/14", "V2", "50") names the network the result was obtained with, not the
data it was measured on. The families come from two places: the grammar kind `model_family` (curated backbones and
model families) and the methods vocabulary's brand stems written in CamelCase ("ResNet", "ConvNeXt": never an
ordinary word). Only a family followed by nothing or by a size/version code counts, so "LLaVA-Bench" stays a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from leaderboard.extract.alternation import NEVER

# "-B3", "-8GF", "-L", "-H/14", "V2", "50", "-Tiny": a size or version code after the family
_CODE = r"(?:[A-Za-z]{0,3}\d[\w.]*|[A-Z]{1,2}|Tiny|Small|Base|Large|Huge|Giant|tiny|small|base|large|huge|giant)"
_SUFFIX = rf"(?:[\-_ ]?{_CODE}(?:[\-/]{_CODE}){{0,2}})?"
_STEM = re.compile(r"([A-Za-z]{3,})(?=[\-\d]|\s\d)")
_CAMEL = re.compile(r"[a-z][A-Z]")


@dataclass(frozen=True, slots=True)
class ModelNames:
    """The compiled model-family pattern. Build with `ModelNames.of(grammar words, method entries)` once."""

    pattern: re.Pattern

    @classmethod
    def of(cls, exact: dict[str, frozenset[str]], methods: Iterable) -> ModelNames:
        """`exact`: the grammar's phrases per kind as written (families match case-sensitively: "MiT", not
        "MIT67")."""
        families = {w for w in exact.get("model_family", ()) if w}
        for entry in methods:
            for name in (entry.name, *entry.aliases):
                m = _STEM.match(name)
                if m is not None and _CAMEL.search(m.group(1)):
                    families.add(m.group(1))
        if not families:
            return cls(NEVER)
        alt = "|".join(re.escape(f) for f in sorted(families, key=lambda f: (-len(f), f)))
        return cls(re.compile(rf"(?:{alt}){_SUFFIX}"))

    def is_model(self, name: str) -> bool:
        """Whether `name` is a model family with at most a size or version code ("MiT-B3", "ResNet-50")."""
        return self.pattern.fullmatch(name.strip()) is not None


__all__ = ["ModelNames"]
