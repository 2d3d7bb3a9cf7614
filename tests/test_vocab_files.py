"""The shipped vocabulary files: format as in vocab/README.md, sizes, alias identity and spot checks."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

VOCAB = Path(__file__).resolve().parent.parent / "src" / "leaderboard" / "vocab"
HEADERS = {
    "benchmarks": ["name", "aliases", "task", "area", "metric", "case_sensitive", "source"],
    "metrics": ["name", "aliases", "unit", "higher_is_better", "min", "max", "case_sensitive", "source"],
    "methods": ["name", "aliases", "source"],
}
AREAS = {
    "vision", "nlp", "speech", "ir", "recsys", "rl", "generative", "llm-eval",
    "graph", "tabular", "time-series", "other",
}  # fmt: skip
JUNK_ALIASES = {"test", "base", "all", "en", "default", "dev", "val", "train", "main"}


def load(kind: str) -> tuple[list[str], list[dict[str, str]]]:
    """Header and rows of one vocabulary file, read with the csv module."""
    with (VOCAB / f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, cells, strict=True)) for cells in reader]
    return header, rows


def by_name(kind: str) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in load(kind)[1]}


def spellings(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a for a in row["aliases"].split("|") if a)]


def fold(text: str) -> str:
    """Case-preserving fold of the matcher: spaces, hyphens and dots ignored."""
    return re.sub(r"[\s\-.]+", "", text)


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_headers_match_readme(kind: str) -> None:
    assert load(kind)[0] == HEADERS[kind]


def test_sizes() -> None:
    assert len(load("benchmarks")[1]) >= 1000
    assert len(load("metrics")[1]) >= 100
    assert len(load("methods")[1]) >= 300


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_no_duplicate_canonical_names(kind: str) -> None:
    names = [row["name"].casefold() for row in load(kind)[1]]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_no_alias_maps_to_two_entries(kind: str) -> None:
    owners: dict[str, set[tuple[str, bool, str]]] = defaultdict(set)
    for row in load(kind)[1]:
        cs = row.get("case_sensitive") == "true"
        for spelling in spellings(row):
            owners[fold(spelling).casefold()].add((row["name"], cs, fold(spelling)))
    clashes = []
    for key, found in owners.items():
        if len({name for name, _, _ in found}) < 2:
            continue
        # Allowed only when every owner is case-sensitive and no exact spelling is shared between entries.
        exact: dict[str, set[str]] = defaultdict(set)
        for name, _, spelling in found:
            exact[spelling].add(name)
        if not all(cs for _, cs, _ in found) or any(len(n) > 1 for n in exact.values()):
            clashes.append((key, sorted(found)))
    assert clashes == []


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_no_junk_aliases(kind: str) -> None:
    for row in load(kind)[1]:
        for alias in spellings(row):
            assert alias == alias.strip() and len(alias) >= 2, row["name"]
            assert alias.casefold() not in JUNK_ALIASES, row["name"]
            assert not re.fullmatch(r"[\d.,\s]+", alias), row["name"]
        assert row["source"], row["name"]


def test_benchmark_fields() -> None:
    metrics = set(by_name("metrics"))
    for row in load("benchmarks")[1]:
        assert row["area"] in AREAS, row["name"]
        assert row["case_sensitive"] in {"true", "false"}, row["name"]
        assert row["metric"] == "" or row["metric"] in metrics, row["name"]


def test_every_benchmark_has_its_usual_metric() -> None:
    """A benchmark without a usual metric says why: its source holds metric:none (training data, or no one
    metric is usual for it)."""
    missing = [r["name"] for r in load("benchmarks")[1] if not r["metric"] and "metric:none" not in r["source"]]
    assert missing == []
    assert by_name("benchmarks")["WSJ0-2mix"]["metric"] == "SI-SDRi"  # the improvement, as separation reports it


def test_metric_fields() -> None:
    for row in load("metrics")[1]:
        assert row["higher_is_better"] in {"true", "false", ""}, row["name"]
        assert row["case_sensitive"] in {"true", "false"}, row["name"]
        lo = float(row["min"]) if row["min"] else None
        hi = float(row["max"]) if row["max"] else None
        if lo is not None and hi is not None:
            assert lo < hi, row["name"]
        if row["unit"] == "%" and hi is not None:
            assert hi >= 100, row["name"]


def test_metric_spot_checks() -> None:
    metrics = by_name("metrics")
    assert metrics["FID"]["higher_is_better"] == "false"
    assert metrics["FID"]["min"] == "0"
    assert metrics["WER"]["higher_is_better"] == "false"
    assert metrics["Perplexity"]["min"] == "1"
    assert metrics["Top-1 Accuracy"]["max"] == "100"
    assert metrics["Accuracy"]["unit"] == "%"
    assert metrics["Inception Score"]["case_sensitive"] == "true"
    assert "IS" in spellings(metrics["Inception Score"])
    assert metrics["Exact Match"]["case_sensitive"] == "true"
    assert metrics["Spearman Correlation"]["min"] == "-100"
    assert metrics["Parameters"]["higher_is_better"] == ""
    assert "LCWR" in spellings(metrics["LC Win Rate"])


def test_benchmark_spot_checks() -> None:
    bench = by_name("benchmarks")
    assert "Reward-Bench" in spellings(bench["RewardBench"])
    assert "Reward Bench" in spellings(bench["RewardBench"])
    assert bench["RewardBench"]["area"] == "llm-eval"
    assert "ILSVRC 2012" in spellings(bench["ImageNet"])
    assert "IN-1k" in spellings(bench["ImageNet"])
    assert "Librispeech" in spellings(bench["LibriSpeech"])
    assert bench["LibriSpeech"]["metric"] == "WER"
    assert bench["MATH"]["case_sensitive"] == "true"
    assert bench["The Pile"]["case_sensitive"] == "true"
    assert bench["ARC"]["case_sensitive"] == "true"
    assert bench["Natural Questions"]["case_sensitive"] == "false"
    assert bench["CIFAR-10"]["area"] == "vision"
    assert bench["AlpacaEval 2.0"]["metric"] == "LC Win Rate"
    assert bench["HalfCheetah"]["area"] == "rl"
    assert bench["ETTh1"]["area"] == "time-series"
    assert bench["ogbn-arxiv"]["area"] == "graph"
    assert bench["MovieLens-1M"]["area"] == "recsys"
    assert "WMT14 En-De" in spellings(bench["WMT2014 English-German"])


def test_benchmark_sources_include_harvests() -> None:
    bench = by_name("benchmarks")
    assert bench["SQuAD1.1"]["source"].startswith("curated")
    assert "pwc:squad.json" in bench["SQuAD1.1"]["source"]
    assert "lm-eval:tasks" in bench["HellaSwag"]["source"]
    assert "mteb" in bench["NFCorpus"]["source"].split(";")
    assert "tfds" in bench["CIFAR-10"]["source"].split(";")
    assert "torchvision" in bench["CIFAR-10"]["source"].split(";")


def test_method_alias_normalisation() -> None:
    methods = by_name("methods")
    owners = {fold(s).casefold(): row["name"] for row in methods.values() for s in spellings(row)}
    for spelling in ("LLaMA2-7B", "Llama-2-7B", "llama 2 7b"):
        assert owners[fold(spelling).casefold()] == "Llama 2 7B"
    assert owners[fold("ViT-B/16").casefold()] == "ViT-B/16"
    assert owners[fold("resnet50").casefold()] == "ResNet-50"
    assert owners[fold("Mixtral-8x7B").casefold()] == "Mixtral 8x7B"
    assert "torchvision" in methods["ResNet-50"]["source"].split(";")


def test_breadth_spot_checks() -> None:
    """Metrics and benchmarks of fields beyond the first vocabulary (clinical, driving, music, safety, graphs),
    with their direction and usual metric; sibling versions are entries of their own, not aliases."""
    metrics, bench = by_name("metrics"), by_name("benchmarks")
    assert metrics["Sensitivity"]["higher_is_better"] == "true"
    assert metrics["Specificity"]["unit"] == "%"
    assert metrics["Over-Refusal Rate"]["higher_is_better"] == "false"
    assert metrics["Drop Rate"]["higher_is_better"] == "false"
    assert metrics["L2 Error"]["unit"] == "m"
    assert "weighted chord symbol recall" in spellings(metrics["WCSR"])
    assert "JGA" in spellings(metrics["Joint Goal Accuracy"])
    assert bench["CARLA Longest6"]["metric"] == "Driving Score"
    assert "Longest6" not in spellings(bench["CARLA"])
    assert bench["Isophonics"]["metric"] == "WCSR"
    assert bench["OR-Bench"]["metric"] == "Over-Refusal Rate"
    assert bench["PAD-UFES-20"]["area"] == "vision"
    assert "CoDEx-S" not in spellings(bench["CoDEx-M"]) and bench["CoDEx-S"]["metric"] == "MRR"
    assert "Minerva MATH" not in spellings(bench["MATH"]) and "Minerva Math" in spellings(bench["MinervaMath"])
    assert "xView2" in spellings(bench["xBD"]) and "xView2" not in spellings(bench["xView"])
    for sibling, parent in (("MultiWOZ 2.4", "MultiWOZ"), ("DOTA-v2.0", "DOTA"), ("FER+", "FER2013"),
                            ("LiveCodeBench v6", "LiveCodeBench"), ("CommonsenseQA 2.0", "CommonsenseQA")):  # fmt: skip
        assert sibling in bench and sibling not in spellings(bench[parent]), sibling
