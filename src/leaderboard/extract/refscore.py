"""The project's judging rules for gold sets, reimplemented in-process (no database, no subprocess).

Two gold kinds: an exhaustive folder (abstracts.jsonl, results.jsonl, non_results.jsonl: every number annotated,
precision and recall) and a recall-only file of per-paper tuples ({paper_id, title, abstract, tuples}).
Matching is one-to-one within a paper, by value: equal up to the coarser written precision, a fraction written
without "%" matches its percentage, a range row stands for both ends. Names are equal after normalisation
(case, punctuation, "v" before versions, apostrophe years, language names), one inside the other (3+ chars),
half the words shared, an acronym of the other, or spellings of one metric (vocab/metric_synonyms.csv).
A gold name "unspecified" or describing an unnamed thing counts as not stated: the prediction must leave it empty.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from leaderboard.knowledge.loader import shipped_synonyms
from leaderboard.models import Result

NULLISH = frozenset({"", "unspecified", "unknown", "none", "null", "n/a", "na"})
_STOP = frozenset({"of", "the", "in", "and", "on", "for", "a", "dataset", "benchmark", "corpus"})


@dataclass(frozen=True, slots=True)
class Names:
    """Language names -> codes and groups of metric spellings one judge accepts as equal."""

    lang: dict[str, str]
    syn: dict[str, int]

    @classmethod
    def load(cls) -> Names:
        entries = shipped_synonyms()  # read and validated by the knowledge loader (errors name file and line)
        lang = {e.key: e.value for e in entries if e.kind == "language"}
        groups: dict[str, int] = {}
        syn: dict[str, int] = {}
        for e in entries:
            if e.kind == "metric":
                syn[e.value] = groups.setdefault(e.key, len(groups))
        return cls(lang, syn)

    def norm(self, s: object) -> str:
        if s is None:
            return ""
        t = unicodedata.normalize("NFKC", str(s)).lower()
        if re.search(r"\((this paper|unnamed)\)", t) or t.strip() in ("score", "unspecified"):
            return ""
        if self.lang:
            t = re.sub(r"\b(" + "|".join(self.lang) + r")\b", lambda m: self.lang[m.group(1)], t)
        t = re.sub(r"(?<=[a-z])[\s'’_-]*(?:20)?(\d\d)\b", r"\1", t)
        t = re.sub(r"\bv(?=\d)", "", t)
        return re.sub(r"[^a-z0-9@]+", "", t)

    def match(self, pred: object, *golds: object) -> bool:
        p = self.norm(pred)
        if p in NULLISH:
            return False
        for g in golds:
            n = self.norm(g)
            if n in NULLISH:
                continue
            if p == n or (p in self.syn and self.syn.get(n) == self.syn[p]):
                return True
            if len(p) >= 3 and (_acronym(g) == p or _acronym(pred) == n):
                return True
            if len(p) >= 3 and len(n) >= 3 and (p in n or n in p):
                return True
            tp, tg = _tokens(pred), _tokens(g)
            if tp and tg and len(tp & tg) / len(tp | tg) >= 0.5:
                return True
        return False

    def stated(self, name: object) -> bool:
        return self.norm(name) not in NULLISH


def _tokens(s: object) -> set[str]:
    t = unicodedata.normalize("NFKC", str(s or "")).lower()
    return {w for w in re.split(r"[^a-z0-9@]+", t) if w}


def _acronym(s: object) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", str(s or "")) if w and w.lower() not in _STOP]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def _tol(text: object) -> float:
    m = re.search(r"\d\.(\d+)", str(text or ""))
    return 0.5 * 10 ** -len(m.group(1)) if m else 0.0


def value_match(p: float | None, g: object, text: object = None, gold_text: object = None) -> bool:
    """Equal up to the coarser written precision; a fraction without "%" matches its percentage and back."""
    if p is None or g is None:
        return False
    try:
        pv, gv = float(p), float(g)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    eps = 1e-6 * max(1.0, abs(gv)) + 1e-9
    if abs(pv - gv) <= max(_tol(text), _tol(gold_text)) + eps:
        return True
    if abs(pv) <= 1 < abs(gv) and "%" not in str(text or ""):
        return abs(pv * 100 - gv) <= max(_tol(text) * 100, _tol(gold_text)) + eps
    if abs(gv) <= 1 < abs(pv):
        return abs(pv / 100 - gv) <= max(_tol(text) / 100, _tol(gold_text)) + eps
    return False


def vmatch(r: Result, g: object, gold_text: object = None) -> bool:
    return any(value_match(v, g, r.value_text, gold_text) for v in (r.value, r.value_to) if v is not None)


@dataclass(slots=True)
class Tally:
    """Counts of one scoring run; `errors` counts each class of error ("benchmark wrong", "value missed", ...)."""

    predicted: int = 0
    value_tp: int = 0
    clear: int = 0
    hit: dict[str, int] = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    correct: list[tuple[Result, bool]] = field(default_factory=list)  # (prediction, tuple right) for calibration
    details: list[str] = field(default_factory=list)  # one line per error: class, value, predicted vs gold

    def figures(self) -> dict[str, float]:
        p = self.value_tp / self.predicted if self.predicted else 0.0
        r = self.hit["value"] / self.clear if self.clear else 0.0
        tr = self.hit["tuple"] / self.clear if self.clear else 0.0
        tp = p * self.hit["tuple"] / max(self.hit["value"], 1) if self.value_tp else 0.0
        out = {"value_precision": p, "value_recall": r, "tuple_recall": tr, "tuple_f1": _f1(tp, tr)}
        for k in ("benchmark", "metric"):
            out[f"{k}_acc"] = self.hit[k] / self.hit["value"] if self.hit["value"] else 0.0
        return out


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def exhaustive(names: Names, preds: list[Result], golds: list[dict], nons: list[dict], t: Tally) -> None:
    """Score one paper against exhaustive gold (first pass value + benchmark, then value alone)."""
    t.predicted += len(preds)
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for strict in (True, False):
        for gi, g in enumerate(golds):
            if gi in pairs:
                continue
            for pi, p in enumerate(preds):
                if pi in used or not vmatch(p, g["value"], g.get("value_surface")):
                    continue
                if strict and not _bench_ok(names, p, g.get("benchmark"), g.get("benchmark_surface")):
                    continue
                pairs[gi] = pi
                used.add(pi)
                break
    t.value_tp += len(pairs)
    right = {pi: False for pi in range(len(preds))}
    for pi, p in enumerate(preds):
        if pi not in used:
            nonres = any(vmatch(p, n["value"], n.get("surface")) for n in nons)
            t.errors["extra row (known non-result)" if nonres else "extra row"] += 1
            t.details.append(f"extra row: {p.paper_id} {p.value_text} | {p.benchmark} | {p.metric}")
    for gi, g in enumerate(golds):
        if gi in pairs:
            bok, mok = _fields_ok(names, preds[pairs[gi]], g, t)
            right[pairs[gi]] = bok and mok
        if g.get("confidence") != "clear":
            continue
        t.clear += 1
        if gi not in pairs:
            t.errors["value missed"] += 1
            t.details.append(f"value missed: {g['id']} {g['value']} | {g.get('benchmark')} | {g.get('metric')}")
            continue
        bok, mok = _fields_ok(names, preds[pairs[gi]], g, t, count=True)
        t.hit["value"] += 1
        t.hit["benchmark"] += bok
        t.hit["metric"] += mok
        t.hit["tuple"] += bok and mok
    t.correct.extend((p, right[pi]) for pi, p in enumerate(preds))


def _bench_ok(names: Names, p: Result, *golds: object) -> bool:
    return names.match(p.benchmark, *golds) or names.match(p.benchmark_raw, *golds)


def _fields_ok(names: Names, p: Result, g: dict, t: Tally, count: bool = False) -> tuple[bool, bool]:
    gb, gm = names.stated(g.get("benchmark")), names.stated(g.get("metric"))
    bok = _bench_ok(names, p, g.get("benchmark"), g.get("benchmark_surface")) if gb else not names.stated(p.benchmark)
    mok = names.match(p.metric, g.get("metric"), g.get("metric_surface")) if gm else True
    if count:
        if not bok:
            t.errors["benchmark " + ("missing" if not p.benchmark else "wrong" if gb else "given, none stated")] += 1
        if not mok:
            t.errors["metric " + ("missing" if not p.metric else "wrong")] += 1
        if not (bok and mok):
            t.details.append(
                f"field: {p.paper_id} {p.value_text} | {p.benchmark} | {p.metric}"
                f"  gold: {g.get('benchmark')} | {g.get('metric')}"
            )
    return bok, mok


def recall_only(names: Names, preds: list[Result], row: dict, t: Tally) -> None:
    """Score one recall-only paper: each gold tuple takes its best-matching prediction (dataset, then metric)."""
    numbers = re.findall(r"\d+(?:,\d{3})*(?:\.\d+)?", row["abstract"])
    used: set[int] = set()
    seen: dict[int, float] = {}
    t.predicted += len(preds)
    for tup in row["tuples"]:
        text = str(tup["score"]).replace("%", "").strip()
        try:
            g = float(text)
        except ValueError:
            continue
        if not any(value_match(float(n.replace(",", "")), g, n, text) for n in numbers):
            continue
        t.clear += 1
        best = None
        for pi, p in enumerate(preds):
            if not vmatch(p, g, text) or (pi in used and seen.get(pi) != g):
                continue
            d_ok, m_ok = _bench_ok(names, p, tup.get("dataset")), names.match(p.metric, tup.get("metric"))
            rank = 2 * d_ok + m_ok
            if best is None or rank > best[0]:
                best = (rank, pi, d_ok, m_ok)
        if best is None:
            t.errors["value missed"] += 1
            t.details.append(f"value missed: {row['paper_id']} {text} | {tup.get('dataset')} | {tup.get('metric')}")
            continue
        if best[1] not in used:  # (prediction, tuple right) of the rows this gold can judge
            t.correct.append((preds[best[1]], bool(best[2] and best[3])))
        used.add(best[1])
        seen[best[1]] = g
        t.hit["value"] += 1
        t.hit["benchmark"] += best[2]
        t.hit["tuple"] += best[2] and best[3]
        t.hit["metric"] += best[3]
        if not best[2]:
            t.errors["dataset " + ("missing" if not preds[best[1]].benchmark else "wrong")] += 1
        if not best[3]:
            t.errors["metric " + ("missing" if not preds[best[1]].metric else "wrong")] += 1
        if not (best[2] and best[3]):
            p = preds[best[1]]
            t.details.append(
                f"field: {row['paper_id']} {p.value_text} | {p.benchmark} | {p.metric}"
                f"  gold: {tup.get('dataset')} | {tup.get('metric')}"
            )
    t.value_tp += len(used)


def recall_figures(t: Tally) -> dict[str, float]:
    n = t.clear or 1
    return {
        "value_recall": t.hit["value"] / n,
        "value_dataset_recall": t.hit["benchmark"] / n,
        "value_dataset_metric_recall": t.hit["tuple"] / n,
    }


Extract = Callable[[str, str, str], list[Result]]

__all__ = ["Names", "Tally", "exhaustive", "recall_figures", "recall_only", "value_match"]
