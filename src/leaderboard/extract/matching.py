"""How a gold name or value meets a predicted one (used by `leaderboard evaluate` for abstracts and tables).

Names match loosely: case, spacing and punctuation are ignored, a vocabulary alias counts as its canonical name,
and one name may contain the other ("WIDER Face (Hard)" vs "WIDER FACE" with subset "hard"). Values match as
written or scaled by 100 ("0.924" vs "92.4%"), within the rounding of the predicted text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.knowledge.precision import half_ulp
from leaderboard.models import Result

_GENERIC_TOKENS = frozenset(
    [
        "score",
        "scores",
        "rate",
        "mean",
        "average",
        "avg",
        "top",
        "test",
        "val",
        "set",
        "the",
        "of",
        "a",
        "an",
        "in",
        "on",
        "and",
        "for",
        "at",
        "by",
        "with",
        "percentage",
        "overall",
        "total",
        "per",
        "all",
    ]
)


def name_key(name: str | None) -> str:
    return re.sub(r"[^0-9a-z]+", "", (name or "").lower())


def _tokens(name: str) -> set[str]:
    return {t for t in re.split(r"[^0-9a-z]+", name.lower()) if t and t not in _GENERIC_TOKENS}


def _contains(longer: str, shorter: str) -> bool:
    """`shorter` inside `longer`, not cutting a number ("cifar10" is not in "cifar100")."""
    i = longer.find(shorter)
    while i >= 0:
        after = longer[i + len(shorter) : i + len(shorter) + 1]
        before = longer[i - 1 : i] if i else ""
        if not (shorter[-1].isdigit() and after.isdigit()) and not (shorter[0].isdigit() and before.isdigit()):
            return True
        i = longer.find(shorter, i + 1)
    return False


def names_match(gold: str | None, pred: str | None, subset: str | None, lookup: Callable | None, loose: bool) -> bool:
    """Loose name equality (see module doc). `loose` also accepts a shared content word (recall-only gold)."""
    if not gold and not pred:
        return True
    if not gold or not pred:
        return False
    g, p = name_key(gold), name_key(pred)
    if not g or not p:
        return g == p
    full = name_key(f"{pred} {subset}") if subset else p
    if g in {p, full} or (len(p) >= 3 and _contains(g, p)) or (len(g) >= 3 and _contains(p, g)):
        return True
    short, long_ = sorted((g, p), key=len)
    if len(short) == 2 and (long_.startswith(short) or long_.endswith(short)):
        return True  # "AP" vs "mAP" / "box AP"
    if lookup is not None:
        pe = lookup(pred)
        candidates = [gold, re.sub(r"\s*\(.*?\)\s*", " ", gold).strip()]
        words = candidates[-1].split()
        candidates += [" ".join(words[:k]) for k in range(len(words) - 1, 0, -1)]
        for c in candidates:
            ge = lookup(c)
            if ge is not None and pe is not None and ge.name == pe.name:
                return True
            if ge is not None and name_key(ge.name) in {p, full}:
                return True
    if loose:
        return bool(_tokens(gold) & _tokens(pred))
    return False


def first_float(text: str) -> float | None:
    m = re.search(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
    return float(m.group()) if m else None


def value_matches(gold: float | None, r: Result) -> bool:
    """Gold value equals the prediction's value (or its range end) as written, up to rounding and a x100 scale."""
    if gold is None:
        return False
    tol = (r.value_half_ulp if r.value_half_ulp is not None else half_ulp(r.value_text, r.value)) + 1e-6
    for v in (r.value, r.value_to):
        if v is None:
            continue
        for scale in (1.0, 100.0, 0.01):
            if abs(abs(gold) * scale - abs(v)) <= tol * max(1.0, scale if scale < 1 else 1.0):
                return True
    return False
