"""Build src/leaderboard/vocab/{benchmarks,metrics,methods}.csv from curated files and harvested sources.

One-off and re-runnable: `python scripts/harvest_vocab.py` rebuilds the three CSVs offline and
deterministically; `--fetch` first refreshes the registry caches (see vocab_fetch.py).

Inputs (all inside scripts/):
- vocab_curated/*.csv: hand-curated entries (the backbone; `source` = curated) and exclude.txt.
- sources/nlp-progress.json, squad.json, snli.json: Papers with Code evaluation tables (CC-BY-SA-4.0),
  copied from the project's shared data (/work/shared/data/pwc-evaluation-tables/); see sources/NOTICE.
- sources/*.tsv, *.txt: name lists cached from the lm_eval, mteb, tensorflow-datasets and torchvision wheels.

A harvested name that matches a curated entry (case-insensitively, ignoring spaces, hyphens, dots,
underscores, slashes and apostrophes) adds its source to that entry, and, for display-name sources, its
spelling as an alias. A name that matches nothing becomes a new entry only when its source may create
entries (PwC datasets, lm-eval headings, MTEB tasks) and it passes the junk filters and exclude.txt.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vocab_sources import SOURCES, Candidate, all_candidates, curated_rows, excluded  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HEADERS = {
    "benchmarks": ["name", "aliases", "task", "area", "metric", "case_sensitive", "source"],
    "metrics": ["name", "aliases", "unit", "higher_is_better", "min", "max", "case_sensitive", "source"],
    "methods": ["name", "aliases", "source"],
}
SOURCE_ORDER = ["curated", "pwc", "lm-eval", "mteb", "tfds", "torchvision"]
JUNK = {
    "test",
    "dev",
    "val",
    "train",
    "base",
    "all",
    "en",
    "default",
    "main",
    "full",
    "none",
    "data",
    "score",
}


def fold(text: str) -> str:
    """Matching key of the vocabulary: case-insensitive, ignoring spaces, hyphens and dots."""
    return re.sub(r"[\s\-.]+", "", text.casefold())


def loose(text: str) -> str:
    """Looser key for harvested identifiers: also ignores _ / ' and reads `_at_` as `@`."""
    return re.sub(r"[\s\-._/'’]+", "", text.casefold().replace("_at_", "@"))


def is_junk(alias: str) -> bool:
    """True for spellings that would match everywhere: stop words, single letters, bare numbers."""
    text = alias.strip()
    return len(text) < 2 or text.casefold() in JUNK or re.fullmatch(r"[\d.,%\s]+", text) is not None


@dataclass
class Entry:
    """One vocabulary row being built."""

    name: str
    aliases: list[str]
    fields: dict[str, str]
    sources: set[str] = field(default_factory=set)

    def match_keys(self) -> set[str]:
        return {loose(n) for n in [self.name, *self.aliases]}

    def add_alias(self, alias: str) -> None:
        # Case variants are kept: they matter for case-sensitive entries and are harmless elsewhere.
        if not is_junk(alias) and alias not in (self.name, *self.aliases):
            self.aliases.append(alias)


class Vocab:
    """The entries of one file with a loose-key index."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.entries: dict[str, Entry] = {}
        self.index: dict[str, str] = {}
        self.unmatched: list[str] = []

    def add(self, entry: Entry) -> None:
        if entry.name in self.entries:
            raise SystemExit(f"duplicate {self.kind} entry: {entry.name}")
        self.entries[entry.name] = entry
        for key in entry.match_keys():
            self.index.setdefault(key, entry.name)

    def find(self, names: list[str]) -> Entry | None:
        for name in names:
            owner = self.index.get(loose(name))
            if owner:
                return self.entries[owner]
        return None


def load_curated(kind: str) -> Vocab:
    """The curated entries of one kind, with aliases cleaned."""
    vocab = Vocab(kind)
    for fname, row in curated_rows(kind):
        aliases = [a.strip() for a in row.pop("aliases", "").split("|") if a.strip()]
        entry = Entry(row.pop("name"), [], row, {"curated"})
        for alias in aliases:
            entry.add_alias(alias)
        if not entry.name:
            raise SystemExit(f"{fname}: row without a name")
        vocab.add(entry)
    return vocab


def merge(vocabs: dict[str, Vocab], cand: Candidate, skip: set[tuple[str, str]]) -> None:
    """Credit, extend or create an entry from one harvested candidate."""
    vocab = vocabs[cand.kind]
    entry = vocab.find([cand.name, *cand.aliases])
    if entry is not None:
        entry.sources.add(cand.source)
        if cand.add_alias:
            for spelling in [cand.name, *cand.aliases]:
                owner = vocab.index.get(loose(spelling))
                if owner in (None, entry.name) and fold(spelling) not in {fold(a) for a in entry.aliases}:
                    entry.add_alias(spelling)
                    vocab.index.setdefault(loose(spelling), entry.name)
        return
    if not cand.may_create or (cand.kind, cand.name) in skip or is_junk(cand.name) or len(cand.name) > 60:
        vocab.unmatched.append(f"{cand.source}\t{cand.name}")
        return
    metric = vocabs["metrics"].find([cand.fields.get("metric_id", "")]) if cand.fields.get("metric_id") else None
    fields = {
        "task": cand.fields.get("task", ""),
        "area": cand.fields.get("area", "other"),
        "metric": metric.name if metric else "",
        "case_sensitive": "false",
    }
    entry = Entry(cand.name, [], fields, {cand.source})
    for alias in cand.aliases:
        if loose(alias) not in vocab.index:
            entry.add_alias(alias)
    vocab.add(entry)


def source_text(sources: set[str]) -> str:
    """Sources joined with ';', curated first, then in SOURCE_ORDER."""

    def rank(s: str) -> tuple[int, str]:
        prefix = s.split(":")[0]
        return (SOURCE_ORDER.index(prefix) if prefix in SOURCE_ORDER else len(SOURCE_ORDER), s)

    return ";".join(sorted(sources, key=rank))


def row_of(kind: str, entry: Entry) -> list[str]:
    """The CSV row of an entry, with booleans normalised."""
    values = {"name": entry.name, "aliases": "|".join(entry.aliases), "source": source_text(entry.sources)}
    for col in HEADERS[kind]:
        if col not in values:
            value = entry.fields.get(col, "").strip()
            if col in ("case_sensitive", "higher_is_better") and value:
                value = "true" if value.lower() == "true" else "false"
            if col == "case_sensitive" and not value:
                value = "false"
            values[col] = value
    return [values[c] for c in HEADERS[kind]]


def write(kind: str, vocab: Vocab, out_dir: Path) -> int:
    """Write one vocabulary file, sorted by name; returns the row count."""
    rows = sorted((row_of(kind, e) for e in vocab.entries.values()), key=lambda r: (r[0].casefold(), r[0]))
    with (out_dir / f"{kind}.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADERS[kind])
        writer.writerows(rows)
    return len(rows)


def check_metric_refs(vocabs: dict[str, Vocab]) -> None:
    """Fail when a benchmark names a headline metric that metrics.csv does not define."""
    names = set(vocabs["metrics"].entries)
    bad = sorted(
        f"{e.name}: {e.fields['metric']}"
        for e in vocabs["benchmarks"].entries.values()
        if e.fields.get("metric") and e.fields["metric"] not in names
    )
    if bad:
        raise SystemExit("unknown headline metrics:\n" + "\n".join(bad))


def main(argv: list[str] | None = None) -> int:
    """Build the three vocabulary files; print counts and unmatched harvested names to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetch", action="store_true", help="refresh registry caches first (needs pip)")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "leaderboard" / "vocab")
    parser.add_argument("--report", type=Path, help="write unmatched harvested names to this file")
    args = parser.parse_args(argv)
    if args.fetch:
        from vocab_fetch import fetch_all

        fetch_all(SOURCES)
    vocabs = {kind: load_curated(kind) for kind in ("metrics", "benchmarks", "methods")}
    skip = excluded()
    for cand in all_candidates():
        merge(vocabs, cand, skip)
    check_metric_refs(vocabs)
    for kind, vocab in vocabs.items():
        count = write(kind, vocab, args.out)
        harvested = sum(1 for e in vocab.entries.values() if "curated" not in e.sources)
        print(f"{kind}: {count} rows ({harvested} from harvest only)", file=sys.stderr)
    if args.report:
        lines = [f"{k}\t{u}" for k, v in vocabs.items() for u in sorted(set(v.unmatched))]
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
