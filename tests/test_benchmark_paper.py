"""Spec cases of BENCHMARK-PAPER (extract/benchmark_paper.py): titles and abstracts written for these tests."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = [
    (
        "TideQA: A Benchmark for Tidal-Zone Question Answering",
        "We collect 4,100 questions. The strongest model answers only 48.2% of them correctly.",
        [(48.2, "TideQA", False)],
    ),
    (
        "Lumen: Probing Colour Constancy in Vision-Language Models",
        "We introduce Lumen, a diagnostic benchmark of 900 image pairs. Humans reach 95.1% while GPT-4o scores 61.3%.",
        [(95.1, "Lumen", False), (61.3, "Lumen", False)],
    ),
    (
        "Corvid: Birdsong Retrieval at Scale",
        "We present a dataset called Corvid with 12k recordings; our retriever attains a recall@10 of 0.744.",
        [(0.744, "Corvid", False)],
    ),
    (  # changes in a sentence whose results are on the new benchmark
        "Marten: A Benchmark for Chart Reasoning",
        "The best model scores 48.2% and 41.5%, only 9.1% and 2.4% above chance.",
        [(48.2, "Marten", False), (41.5, "Marten", False), (9.1, "Marten", False), (2.4, "Marten", False)],
    ),
    (  # a change of training on a new dataset is not a result on it
        "Osprey: A Dataset for Preference Alignment",
        "Fine-tuning on it yields a 12.5% improvement in helpfulness and a 31% gain in harmlessness.",
        [(12.5, None, None), (31.0, None, None)],
    ),
    (
        "Kite: A Benchmark for Spatial Reasoning in Agents",
        "Agents solve 33.0% of Kite tasks and improve by 6.5% with memory.",
        [(33.0, "Kite", False), (6.5, "Kite", False)],
    ),
    (  # the title's head name, not its descriptive subtitle, and not taken for the paper's own method
        "PLUM -- Procedural Long-horizon Understanding Benchmark",
        "We introduce PLUM, a benchmark of 3,200 tasks. Frontier models complete 27% of tasks on PLUM.",
        [(27.0, "PLUM", False)],
    ),
    (
        "GRAIL: Grounded Reasoning Across Images and Language Benchmark",
        "The best open model reaches 39.4% accuracy, while humans reach 91.0%.",
        [(39.4, "GRAIL", False), (91.0, "GRAIL", False)],
    ),
    (
        "NIMBUS - A Dataset for Cloud Segmentation",
        "Our baseline obtains 61.7 mIoU on NIMBUS and 58.2 mIoU on its night split.",
        [(61.7, "NIMBUS", False), (58.2, "NIMBUS", False)],
    ),
    (  # the head word is inside the title's head name
        "The Lighthouse Dataset: Maritime Detection at Night",
        "Our detector reaches 41.2 AP and 63.0 AP50.",
        [(41.2, "Lighthouse Dataset", False), (63.0, "Lighthouse Dataset", False)],
    ),
    (
        "The PolyGlot Corpus: Translating Low-Resource Languages",
        "Our baseline gets 21.3 BLEU on it.",
        [(21.3, "PolyGlot Corpus", False)],
    ),
    (
        "Saltmarsh Benchmark: Tidal Flood Forecasting",
        "The best model reaches an RMSE of 0.42 m.",
        [(0.42, "Saltmarsh Benchmark", False)],
    ),
    (  # BENCHMARK-PAPER-CHANGE: a change in a sentence that names no benchmark and no training is on the new one
        "Quarry: Multi-Hop Retrieval over Spreadsheets",
        "We introduce Quarry, a benchmark of 2,400 questions. The best retriever finds 52.0% of the gold tables. "
        "Recall drops by 14.6 points on average when tables span two pages.",
        [(52.0, "Quarry", False), (14.6, "Quarry", False)],
    ),
    (
        "Ferrule: Finding Cable Defects in Factory Images",
        "We release Ferrule, a dataset of 9,000 images. Our detector reaches 44.9 AP. Under motion blur, AP drops "
        "by 3.2 points on average.",
        [(44.9, "Ferrule", False), (3.2, "Ferrule", False)],
    ),
    (
        "Lumberjack: Segmenting Trees in Forest Scans",
        "We present Lumberjack, a dataset of 5,000 forest scans. Our model reaches 71.3% accuracy. In dense canopy, "
        "accuracy decreases by 9.8% on average.",
        [(71.3, "Lumberjack", False), (9.8, "Lumberjack", False)],
    ),
    (  # a method paper: the title head is a method, not a benchmark
        "Heron: Faster Sparse Attention",
        "Heron improves accuracy by 2.1 points and reaches 71.4% top-1 accuracy.",
        [(2.1, None, None), (71.4, None, None)],
    ),
    # COMPOUND-MODIFIER-HEAD: a head word that modifies the next noun ("Task Graphs", "Set Encoders", "Benchmark
    # Scores") does not make the subtitle about a dataset
    (
        "Loomwise: Pruning Task Graphs for Faster Agent Planning",
        "Loomwise reaches a plan success rate of 64.5% with a smaller planner.",
        [(64.5, None, None)],
    ),
    (
        "Quillon: Permutation-Invariant Set Encoders over Point Clouds",
        "On the tabletop split, Quillon obtains 77.9% accuracy.",
        [(77.9, None, None)],
    ),
    (
        "Harrow: Forecasting Competition Outcomes from Team Rosters",
        "Harrow predicts match winners with an accuracy of 68.2%, 4.4 points above the bookmakers' odds.",
        [(68.2, None, None), (4.4, None, None)],
    ),
    (  # a head followed by another head or a function word still heads the subtitle
        "Brackenfold: A Benchmark Suite for Fern Species Recognition",
        "The strongest classifier we test reaches 58.6% top-1 accuracy.",
        [(58.6, "Brackenfold", False)],
    ),
]


@pytest.mark.parametrize(("title", "abstract", "expected"), CASES, ids=[c[0].split(":")[0] for c in CASES])
def test_benchmark_paper(extractor: Extractor, title: str, abstract: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title=title, abstract=abstract))
    assert sorted((r.value, r.benchmark, r.benchmark_known) for r in rows) == sorted(expected)


# THIS-BENCHMARK-IS-OWN (rules/benchmark.py): "our benchmark" is the paper's own name only when that name is the
# dataset the paper introduces, and never for an aggregate over the sets of a suite (a method paper's own suite)
OWN_REF = [
    (  # a method's name is not the dataset "our benchmark" refers to
        "Pebbleton: Monocular Depth with Learned Focal Priors",
        "Pebbleton reduces AbsRel by 11% over DepthPro across the 9 held-out scenes of our benchmark collection.",
        [(11.0, None)],
    ),
    (
        "Marrowlight: Contrastive Pretraining for Bone X-Rays",
        "Marrowlight is pretrained on 80k radiographs. It improves AUROC by 4.2 points on our dataset of fractures.",
        [(4.2, None)],
    ),
    (  # the paper's dataset, named by its own name: "this benchmark" is it
        "Sandpiper: A Benchmark for Coastal Change Detection",
        "We release Sandpiper, a benchmark of 3,000 image pairs. On this benchmark the best detector reaches 57.3 F1.",
        [(57.3, "Sandpiper")],
    ),
    (  # an aggregate over a benchmark paper's suite is its score (BENCHMARK-PAPER), not the rule's
        "Thimblerig: A Benchmark Suite for Shell-Game Tracking",
        "We introduce Thimblerig, a benchmark suite of 7 tracking datasets. Averaged over the 7 datasets of this "
        "benchmark, trackers lose 23.5% of their identity F1.",
        [(23.5, "Thimblerig")],
    ),
]


@pytest.mark.parametrize(("title", "abstract", "expected"), OWN_REF, ids=[c[0].split(":")[0] for c in OWN_REF])
def test_own_reference(extractor: Extractor, title: str, abstract: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title=title, abstract=abstract))
    assert sorted((r.value, r.benchmark) for r in rows) == sorted(expected)


def test_introduced_dataset_is_not_carried_across_another_or_onto_speed(extractor: Extractor) -> None:
    """INTRODUCED-DATASET-DEFAULT: not across a sentence naming another benchmark, never onto an efficiency result."""
    text = (
        "We release Brindle-QA, a new benchmark of scanned tables. On HiTab, Gannet scores 58.2%. "
        "Gannet answers 71.4% of those questions. Decoding is 3.1x faster than with a pipeline of two models."
    )
    rows = extractor.extract(Paper(paper_id="p", title="Gannet: Table Reasoning", abstract=text))
    got = {r.value: r.benchmark for r in rows}
    assert got[71.4] != "Brindle-QA" and got[3.1] is None


DEFINED_SHORT_FORMS = [  # a short form the abstract defines for a dataset is its name, even when a task is written so
    (
        "We release the Sahel Rainfall Logs (SRL) corpus of 310 stations. Our forecaster gets 81.3% accuracy on SRL"
        " and 77.5% on CIFAR-10, against 76.0% and 75.1% for a CNN.",
        {81.3: "SRL", 76.0: "SRL"},
    ),
    (
        "We assemble the Vintage Question Answering (VQA) benchmark of 6,000 photos. Our model gets 61.2% on VQA,"
        " 78.4% on GQA and 70.1% on TextVQA.",
        {61.2: "VQA"},
    ),
    (
        "Here the Ledger Character Recognition (OCR) dataset is built from 900 ledgers. The reader obtains a CER of"
        " 3.1% on OCR and 4.7% on IAM.",
        {3.1: "OCR"},
    ),
]


@pytest.mark.parametrize(("abstract", "expected"), DEFINED_SHORT_FORMS)
def test_short_form_defined_for_a_dataset_is_a_name(extractor: Extractor, abstract: str, expected: dict) -> None:
    got = {r.value: r.benchmark for r in extractor.extract(Paper("p", "", abstract))}
    assert {v: got.get(v) for v in expected} == expected
