"""The shared name normalisation: the same benchmark, metric or method written differently meets itself."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from leaderboard.extract.vocab import Entry, NameIndex, Vocabulary
from leaderboard.normalise import (
    Canonical,
    canonical_benchmark,
    canonical_method,
    canonical_metric,
    clean_name,
    join_subsets,
    split_name,
    task_subset,
)

VOCAB_DIR = Path(__file__).parent / "data" / "vocab"


def _index(name: str) -> NameIndex:
    """A vocabulary index from one of the test files only (the shipped vocabulary changes under us)."""
    index = NameIndex()
    with (VOCAB_DIR / name).open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            aliases = tuple(a for a in row.pop("aliases").split("|") if a)
            case = row.get("case_sensitive") == "true"
            index.add(Entry(row.pop("name"), aliases, tuple(row.items()), case))
    index.compile()
    return index


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(_index("test_benchmarks.csv"), _index("test_metrics.csv"), _index("test_methods.csv"))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("SQuAD1.1", ("SQuAD1.1", None, True)),
        ("SQuAD v1.1 (dev)", ("SQuAD1.1", "dev", True)),
        ("squad 1.1 - Validation set", ("SQuAD1.1", "dev", True)),
        ("SQuADv1.1 [test]", ("SQuAD1.1", "test", True)),
        ("SQuAD 2.0", ("SQuAD2.0", None, True)),
        ("Penn Treebank (Restricted)", ("Penn Treebank", "Restricted", True)),
        ("Switchboard corpus", ("Switchboard", None, True)),
        ("Story Cloze Test", ("Story Cloze Test", None, True)),  # "Test" is part of the name here
        ("SQuAD1.1 dev", ("SQuAD1.1", "dev", True)),
        ("\ufeffSNLI ", ("SNLI", None, True)),
        # unknown names: only an explicit parenthesised split is peeled
        ("Results on WI-LOCNESS test set", ("Results on WI-LOCNESS test set", None, False)),
        ("MyBench (validation)", ("MyBench", "dev", False)),
        ("MyBench (hard)", ("MyBench (hard)", None, False)),
    ],
)
def test_canonical_benchmark(vocab: Vocabulary, written: str, expected: tuple) -> None:
    assert canonical_benchmark(written, vocab) == Canonical(*expected)


def test_the_two_squad_spellings_meet(vocab: Vocabulary) -> None:
    assert canonical_benchmark("SQuAD1.1 dev", vocab) == canonical_benchmark("SQuAD v1.1 (dev)", vocab)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("EM", ("EM", None, True, None, True)),
        ("Exact Match", ("EM", None, True, None, True)),
        ("em", ("em", None, False, None, None)),  # EM is case-sensitive
        ("F1 score", ("F1", None, True, None, True)),
        ("F1 (Quasar-T)", ("F1", "Quasar-T", True, None, True)),
        ("% Test Accuracy", ("Accuracy", "test", True, "%", True)),
        ("% Train Accuracy", ("Accuracy", "train", True, "%", True)),
        ("Accuracy (%)", ("Accuracy", None, True, "%", True)),
        ("Test perplexity", ("Perplexity", "test", True, None, False)),
        ("Validation perplexity", ("Perplexity", "dev", True, None, False)),
        ("Parameters", ("Number of params", None, True, None, None)),
        ("ROUGE-2*", ("ROUGE-2", None, False, None, None)),
        ("P@10%", ("P@10%", None, False, None, None)),  # a name, not a unit
        ("Accuracy in %", ("Accuracy", None, True, "%", True)),
    ],
)
def test_canonical_metric(vocab: Vocabulary, written: str, expected: tuple) -> None:
    assert tuple(canonical_metric(written, vocab)) == expected


@pytest.mark.parametrize(
    ("written", "name", "norm", "known"),
    [
        ("CRF-ASN (Chen et al., 2018)", "CRF-ASN (Chen et al., 2018)", "crfasn", False),
        ("MT-DNN-ensemble (2019)", "MT-DNN-ensemble (2019)", "mtdnnensemble", False),
        ("FPNet (ensemble)", "FPNet (ensemble)", "fpnetensemble", False),
        ("BERT large", "BERT large", "bertlarge", True),
        ("  TinaFace ", "TinaFace", "tinaface", False),
    ],
)
def test_canonical_method(vocab: Vocabulary, written: str, name: str, norm: str, known: bool) -> None:
    assert tuple(canonical_method(written, vocab)) == (name, norm, known)


def test_helpers() -> None:
    assert clean_name("  a\u00a0 b*\u2020 ") == "a b"
    assert split_name("Test Clean") == "test-clean"
    assert split_name("validation set") == "dev"
    assert split_name("restricted") is None
    assert join_subsets("dev", None, "General") == "dev / General"
    assert join_subsets(None, "") is None


@pytest.mark.parametrize(
    ("task_path", "bench", "expected"),
    [
        (["Question Answering"], "SQuAD1.1", None),
        (["Question Answering", "Open-Domain Question Answering"], "SQuAD1.1", None),
        (["Reading Comprehension"], "SQuAD1.1", "Reading Comprehension"),
        (["Language-Modelling", "Word Level Models"], "Penn Treebank", None),  # any level, folded
        (["Modelling"], "Penn Treebank", None),  # one task name contains the other
        (["Shallow Syntax", "Chunking"], "Penn Treebank", "Chunking"),
        (["Natural Language Inference"], "MultiNLI", "Natural Language Inference"),  # not in the vocabulary
        ([], "MultiNLI", None),
    ],
)
def test_task_subset(vocab: Vocabulary, task_path: list[str], bench: str, expected: str | None) -> None:
    assert task_subset(task_path, canonical_benchmark(bench, vocab), vocab) == expected
