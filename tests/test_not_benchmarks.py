"""Words in a benchmark slot that are not benchmarks (failure class "non-dataset taken as benchmark"): a signal
modality, a language or a numeric format alone, and a head word inside a hyphenated title word. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("", "On EEG, the classifier reaches 91.2% accuracy.", [(91.2, None)]),
        ("", "On fMRI the decoder keeps a 0.62 Pearson correlation.", [(0.62, None)]),
        ("", "For Tamil, the tagger reaches 83.1% accuracy.", [(83.1, None)]),
        # a numeric format is a setting of the model, not a dataset
        (
            "",
            "Averaged over five tasks, the 4-bit model keeps 68.2% against 69.0% in BF16.",
            [(68.2, None), (69.0, None)],
        ),
        ("", "On INT8, the detector still reaches 0.87 F1.", [(0.87, None)]),
        # PRETRAINING-DATA-ROLE: a pretraining corpus or a teacher's data is not the evaluation set, even alone
        (
            "",
            "Pre-trained on LAION-2B image-text pairs, our dual encoder gets 64.8% zero-shot top-1 accuracy.",
            [(64.8, None)],
        ),
        (
            "",
            "Distilled from a teacher pretrained on ImageNet-21k, the tiny student keeps a top-1 accuracy of 79.3%.",
            [(79.3, None)],
        ),
        (
            "",
            "Once pre-trained on the Pile, the 410M model reaches a 58.0% accuracy on zero-shot cloze questions.",
            [(58.0, None)],
        ),
        # WEIGHTS-OF-NAME: a name that modifies checkpoints, weights or pretraining is the data weights were trained on
        ("", "Starting from Places365 checkpoints, the segmenter reaches 47.3 mIoU.", [(47.3, None)]),
        ("", "Fine-tuned from Kinetics-700 weights, the clip model gets 81.5% top-1 accuracy.", [(81.5, None)]),
        (
            "",
            "Our tagger with OntoNotes pretraining reaches 91.2 F1 on CoNLL-2003.",
            [(91.2, "CoNLL 2003")],
        ),
        # MODIFIER-FORM: "X-like", "X-style" in a fronted slot name no benchmark
        ("", "On an ImageNet-like benchmark of beetles, accuracy is 71.2%.", [(71.2, None)]),
        ("", "On SQuAD-style questions about tax law, the reader gets an F1 of 66.4.", [(66.4, None)]),
        # COINED-NAME-HEAD: "collection" marks only a coined name ("the TallowScript collection"), not a plain word
        ("", "Within the Pareto collection of models, ours attains 0.77 F1.", [(0.77, None)]),
        ("", "The W4A16 variant obtains 55.3 accuracy, against 56.1 for FP16.", [(55.3, None), (56.1, None)]),
        (
            "Quill: A Robust Task-Aware Retriever",
            "Quill retrieves 2.4x faster than ColBERTv2 with 0.391 nDCG@10.",
            [(0.391, None), (2.4, None)],
        ),
        (
            "Heron: Multi-Task Pretraining for Audio Tagging",
            "Heron reaches 0.482 mAP while training 3.1x faster than its single-objective baseline.",
            [(0.482, None), (3.1, None)],
        ),
    ],
)
def test_not_a_benchmark(extractor: Extractor, title: str, text: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title=title, abstract=text))
    assert sorted((r.value, r.benchmark) for r in rows) == expected


def test_a_task_head_still_names_a_shared_task(extractor: Extractor) -> None:
    text = "Our system reaches a macro-F1 of 0.774 in the Egret Claim Detection shared task."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert [(r.value, r.benchmark, r.benchmark_known) for r in rows] == [(0.774, "Egret Claim Detection", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An online A/B test on the LumenMart homepage shows a 6.8% lift in GMV.", [(6.8, None, "GMV")]),
        (
            "Deployed on the Orca news feed, the ranker increases CTR by 2.3% and dwell time by 4.1%.",
            [(2.3, None, "CTR"), (4.1, None, "Dwell Time")],
        ),
        ("Our re-ranker raises the conversion rate by 1.7% in a two-week experiment.", [(1.7, None, "CVR")]),
    ],
)
def test_online_metric_is_not_a_benchmark(extractor: Extractor, text: str, expected: list[tuple]) -> None:
    """ "a lift in CVR": the metric lexicon is asked before a name is taken as a benchmark."""
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted((r.value, r.benchmark, r.metric) for r in rows) == expected
