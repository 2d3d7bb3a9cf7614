"""Value lists: numbers written "a/b/c" (slash lists) or "a%-b" (colon-labelled pairs, "A: 86.3%-79.5"), paired
with a metric or split list of the same length ("1.9/3.9 WER on test-clean/test-other", "... in accuracy and
macro-F1"). The engine reads them before the numbers (the metric.slash_list and subset.slash_list decisions).

SLASH-HEAD: a slash list of metrics may write a shared part once: a head after the last member ("51.3/45.2
box/mask AP" = Box AP, Mask AP) or a prefix on the first ("43.1/20.4/39.8 ROUGE-1/2/L" = ROUGE-1, ROUGE-2,
ROUGE-L). Each member is completed with it when every completed name is a known metric."""

from __future__ import annotations

import re

from leaderboard.extract.alignment import AT_K, align, name_runs
from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract

# `++`: a blank or "/" must follow the first word, so giving characters back never helps (same matches)
_SLASH_WORDS = re.compile(r"[\w\-+@]++(?:\s*/\s*[\w\-+@]+)+")
_HEAD_AFTER = re.compile(r"[ \t]+([\w\-@]+)")
_PREFIX = re.compile(r"^(.*[A-Za-z][\-\s])[\w@]+$")


def slash_lists(a: Abstract, s0: int, s1: int, idx: list[int], sm: list[Span]) -> tuple[dict, dict]:
    """Numbers written "a/b/c" paired with a metric or split list "x/y/z" of the same length."""
    metric_of: dict[int, Span] = {}
    subset_of: dict[int, str] = {}
    chains: list[list[int]] = []
    for i in idx:
        lk = a.links.get(i - 1)
        if lk is not None and lk.kind == "list" and chains and chains[-1][-1] == i - 1:
            chains[-1].append(i)
        else:
            chains.append([i])
    chains = [c for c in chains if len(c) >= 2]
    if not chains:
        return metric_of, subset_of
    for wm in _SLASH_WORDS.finditer(a.text, s0, s1):
        items = [w.strip() for w in wm.group().split("/")]
        shared = shared_part(a, wm, items)
        if shared is None and any(any(ch.isdigit() for ch in w) and not any(ch.isalpha() for ch in w) for w in items):
            continue
        for chain in chains:
            if len(chain) != len(items):
                continue
            spans = shared or [m for m in sm if wm.start() <= m.start < wm.end()]
            if spans and len(spans) < len(items):  # "rank1/mAP/mINP": unknown items are metrics as written
                if _names_systems(a, items):
                    continue  # "(MAE / DINO / ours): 68.0 / 77.0 / 78.4": a list of systems, not of metrics
                spans = fill_list(a, wm.start(), items, spans)
            if len(spans) == len(items):
                metric_of.update((p.number, p.name) for p in align(chain, spans))
                continue
            subs = [a.g.value_of("subset", w) or w for w in items if a.g.subset.fullmatch(w)]
            if len(subs) == len(items):
                subset_of.update((p.number, p.name) for p in align(chain, subs))
    _paired_metric_list(a, chains, sm, metric_of, subset_of)
    return metric_of, subset_of


def shared_part(a: Abstract, wm: re.Match, items: list[str]) -> list[Span] | None:
    """SLASH-HEAD: the members of a slash list completed with the head after it or the prefix of its first member,
    when every completed name is a known metric (see the module docstring); else None."""
    lookup = a.vocab.metrics.lookup
    if lookup(items[0]) is not None and all(lookup(w) is not None for w in items):
        return None  # "BLEU-4/METEOR": every member is a metric as written
    head = _HEAD_AFTER.match(a.text, wm.end())
    names: list[str] = []
    if head is not None and lookup(items[-1]) is None:
        names = [f"{w} {head.group(1)}" for w in items]
    pre = _PREFIX.match(items[0])
    if not names or not all(lookup(n) is not None for n in names):
        short = all(len(w) <= 3 and "-" not in w for w in items[1:])
        names = [items[0], *(pre.group(1) + w for w in items[1:])] if pre and short else []
    entries = [lookup(n) for n in names]
    if not names or any(e is None for e in entries):
        return None
    out, pos = [], wm.start()
    for w, e in zip(items, entries, strict=True):
        at = a.text.find(w, pos)
        pos = at + len(w)
        out.append(Span(at, pos, e.name, w, e))
    return out


def system_lists(a: Abstract, s0: int, s1: int, sm: list[Span]) -> list[Span]:
    """`sm` without the metric mentions that are members of a slash list of systems ("(MAE / DINO / ours)": MAE is
    the method there, not the mean absolute error)."""
    if not sm or a.text.find("/", s0, s1) < 0:
        return sm
    drop: set[int] = set()
    for wm in _SLASH_WORDS.finditer(a.text, s0, s1):
        items = [w.strip() for w in wm.group().split("/")]
        if _names_systems(a, items):
            drop.update(m.start for m in sm if wm.start() <= m.start < wm.end())
    return [m for m in sm if m.start not in drop] if drop else sm


def _names_systems(a: Abstract, items: list[str]) -> bool:
    """SYSTEM-LIST: a slash list with a known method that is no metric, or the paper's own reference ("ours")."""
    methods, metrics, own = a.vocab.methods.lookup, a.vocab.metrics.lookup, a.g.words.get("own_ref", {})
    return any(w.lower() in own or (metrics(w) is None and methods(w) is not None) for w in items)


def _paired_metric_list(a: Abstract, chains: list[list[int]], sm: list[Span], metric_of: dict, done: dict) -> None:
    """PAIRED-VALUES: chains of paired values ("A: 86.3%-79.5 and B: 84.0%-78.1 in accuracy and macro-F1") with
    no slash list of their own take, member by member, a coordinated metric list of their length after the last
    chain (or else before the first)."""
    runs = name_runs(a.text, sm, AT_K)
    free = [c for c in chains if not any(i in metric_of or i in done for i in c)]
    for n in {len(c) for c in free}:
        group = [c for c in free if len(c) == n]
        last, first = a.nums[group[-1][-1]].end, a.nums[group[0][0]].start
        fits = [r for r in runs if len(r) == n]
        after = [r for r in fits if r[0].start >= last]
        before = [r for r in fits if r[-1].end <= first]
        run = after[0] if after else before[-1] if before else None
        if run is not None:
            for chain in group:
                metric_of.update((p.number, p.name) for p in align(chain, run))


def fill_list(a: Abstract, start: int, items: list[str], known: list[Span]) -> list[Span]:
    out, pos = [], start
    for item in items:
        at = a.text.find(item, pos)
        hit = next((m for m in known if m.start <= at < m.end), None)
        out.append(hit or Span(at, at + len(item), item, item, None))
        pos = at + len(item)
    return out
