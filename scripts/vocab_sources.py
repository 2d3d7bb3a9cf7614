"""Readers for the vocabulary harvest: curated CSVs and the cached source name lists under scripts/sources/.

Each reader yields Candidate records; harvest_vocab.py merges them into curated entries (or, where the
candidate may create one, into new entries). Nothing here touches the network: registry caches are made
by vocab_fetch.py.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CURATED = HERE / "vocab_curated"
SOURCES = HERE / "sources"
PWC_FILES = ("nlp-progress.json", "squad.json", "snli.json")

# MTEB task types -> the task names leaderboards use for them.
MTEB_TASK_TYPES = {
    "Retrieval": ("Information Retrieval", "ir"),
    "Reranking": ("Reranking", "ir"),
    "Classification": ("Text Classification", "nlp"),
    "Clustering": ("Text Clustering", "nlp"),
    "PairClassification": ("Pair Classification", "nlp"),
    "STS": ("Semantic Textual Similarity", "nlp"),
    "Summarization": ("Summarization Evaluation", "nlp"),
}


@dataclass
class Candidate:
    """A name found in a source, with what the source says about it."""

    kind: str  # benchmarks | metrics | methods
    name: str
    source: str
    aliases: list[str] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    may_create: bool = False  # may become a new entry when it matches none
    add_alias: bool = False  # its name is a display spelling worth keeping as an alias


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV file as dicts (missing cells as "")."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for i, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            raise SystemExit(f"{path.name}:{i}: wrong number of cells")
    return [{k: v.strip() for k, v in row.items()} for row in rows]


def curated_rows(kind: str) -> list[tuple[str, dict[str, str]]]:
    """(file name, row) for every curated row of one kind, in file order."""
    pattern = "metrics.csv" if kind == "metrics" else f"{kind}_*.csv"
    return [(p.name, row) for p in sorted(CURATED.glob(pattern)) for row in read_csv(p)]


def excluded() -> set[tuple[str, str]]:
    """(kind, name) pairs that harvested sources must not add (exclude.txt: `kind: name` lines)."""
    out: set[tuple[str, str]] = set()
    for line in (CURATED / "exclude.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, name = line.partition(":")
            out.add((kind.strip(), name.strip()))
    return out


def _walk_pwc(tasks: list[dict]) -> Iterator[tuple[str, dict]]:
    for task in tasks:
        for ds in task.get("datasets", []):
            yield task["task"], ds
        yield from _walk_pwc(task.get("subtasks", []))


def pwc_candidates() -> Iterator[Candidate]:
    """Dataset, metric and model names from the Papers with Code evaluation tables."""
    for fname in PWC_FILES:
        source = f"pwc:{fname}"
        data = json.loads((SOURCES / fname).read_text(encoding="utf-8"))
        for task, ds in _walk_pwc(data):
            fields = {"task": task.strip().title() if task.islower() else task.strip(), "area": "nlp"}
            yield Candidate("benchmarks", ds["dataset"], source, fields=fields, may_create=True, add_alias=True)
            for row in ds.get("sota", {}).get("rows", []):
                for metric in row.get("metrics", {}):
                    yield Candidate("metrics", metric, source, add_alias=True)
                if row.get("model_name"):
                    yield Candidate("methods", row["model_name"], source)


def _tsv(name: str) -> list[dict[str, str]]:
    path = SOURCES / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _clean_heading(heading: str) -> tuple[str, list[str]]:
    """A display name (and aliases) from an lm-eval README heading, or ("", []) when it is none."""
    text = re.sub(r"[^\x20-\x7e]", "", heading).strip()
    text = text.split(":")[0].strip()
    aliases: list[str] = []
    m = re.fullmatch(r"(.*?)\s*\((.+)\)", text)
    if m:
        text, inner = m.group(1).strip(), m.group(2).strip()
        if sum(c.isupper() for c in inner) >= 2:
            aliases.append(inner)
    if len(text) > 40 and aliases:
        text, aliases = aliases[0], [text]
    if not text or text in ("Task-name", "Paper", "Changelog") or re.fullmatch(r"[a-z0-9_ ]+", text):
        return "", []
    return text, aliases


def lm_eval_candidates() -> Iterator[Candidate]:
    """lm-evaluation-harness task families (README headings) and their headline metric ids."""
    for row in _tsv("lm_eval_tasks.tsv"):
        folder = row["folder"]
        name, aliases = _clean_heading(row["heading"])
        fields = {"area": "llm-eval", "metric_id": row["metric"]}
        if name:
            yield Candidate("benchmarks", name, "lm-eval:tasks", aliases, fields, may_create=True, add_alias=True)
        yield Candidate("benchmarks", folder, "lm-eval:tasks", fields=fields)
        if row["metric"]:
            yield Candidate("metrics", row["metric"], "lm-eval:metrics")


def mteb_candidates() -> Iterator[Candidate]:
    """MTEB tasks of the English and BEIR benchmarks, and MTEB benchmark names."""
    for row in _tsv("mteb_tasks.tsv"):
        task, area = MTEB_TASK_TYPES.get(row["type"], ("", "nlp"))
        name = re.sub(r"\.v\d+$", "", row["name"])
        fields = {"task": task, "area": area, "metric_id": row["main_score"]}
        yield Candidate("benchmarks", name, "mteb", fields=fields, may_create=True)
        if row["main_score"]:
            yield Candidate("metrics", row["main_score"], "mteb")
    for row in _tsv("mteb_benchmarks.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        plain = "(" not in row["name"]
        fields = {"task": "Text Embedding Evaluation", "area": "ir"}
        yield Candidate("benchmarks", row["name"], "mteb", aliases, fields, may_create=plain)


def list_candidates() -> Iterator[Candidate]:
    """Names from TFDS and torchvision: they only confirm curated entries (identifiers, not display names)."""
    lists = (
        ("tfds_datasets.txt", "benchmarks", "tfds"),
        ("torchvision_datasets.txt", "benchmarks", "torchvision"),
        ("torchvision_models.txt", "methods", "torchvision"),
    )
    for fname, kind, source in lists:
        path = SOURCES / fname
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    yield Candidate(kind, line.strip(), source)


def all_candidates() -> Iterator[Candidate]:
    """Every harvested candidate, in a fixed order."""
    yield from pwc_candidates()
    yield from lm_eval_candidates()
    yield from mteb_candidates()
    yield from list_candidates()
