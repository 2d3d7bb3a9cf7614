"""METRIC-OF-CHANGE-VERB (extract/change_measure.py): what the subject or object of a change verb does not name.
Sentences written for these tests (invented systems and numbers); each row is (value, metric)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = [
    # a system as subject of "reaches" is no measure: the benchmark's usual metric stays
    ("On DAVIS 2017, our segmenter reaches 84.2.", 84.2, "J&F"),
    # an agent noun names a system, not a measure
    ("With 12 views, the reconstructor improves by 1.9 dB.", 1.9, None),
    # a benchmark ending the subject: the number keeps what it had
    ("Few-shot GSM8K drops from 80.1% to 78.3% after quantisation.", 80.1, "Accuracy"),
    # a change noun measures nothing of its own
    ("After distillation the gap shrinks to 0.8 points.", 0.8, None),
    # a measure as subject keeps its written modifier
    ("Caption recall on our StreetCaps split climbs from 41.5% to 57.0%.", 41.5, "Caption recall"),
    # VERB-INSIDE-NAME: a change verb written as (part of) a benchmark's name is no verb ("DROP" is not "drop")
    ("On DROP the numeric reader obtains 84.7.", 84.7, "F1"),
    ("Evaluated on DROP our distilled model gets 79.3.", 79.3, "F1"),
    ("Our tiny solver on DROP achieves 70.2.", 70.2, "F1"),
    # SUBJECT-WITH-PARTICIPLE: a phrase ending in a participle describes a system ("X trained on A"), no measure
    (
        "Sepsis AUROC holds at 0.83 on PhysioNet 2019, while a logistic model fitted on eICU falls to 0.71.",
        0.71,
        "AUROC",
    ),
    (
        "On Criteo our ranker gets an AUC of 0.812, whereas a factorisation machine tuned on Avazu drops to 0.779.",
        0.779,
        "AUC",
    ),
    ("The BLEU of our tagger is 31.4, and a seq2seq baseline pretrained on WMT14 slides to 27.9.", 27.9, "BLEU"),
    # SUBJECT-BEFORE-ASIDE: a participle aside between the measure and the verb is skipped
    (
        "Queue imbalance, computed as the Gini index, drops from 0.37 to 0.11 with our Ferryman scheduler.",
        0.11,
        "Queue imbalance",
    ),
    (
        "On Orchard-QA, answer drift, defined as the share of changed answers, shrinks to 4.2% after alignment.",
        4.2,
        "answer drift",
    ),
    (
        "Label noise tolerance, estimated with 5 random seeds, climbs from 61.0% to 68.5%.",
        68.5,
        "Label noise tolerance",
    ),
    # a head naming a data split or "state (of the art)" measures nothing: the written metric stays
    (
        "On our CourtNER corpus, one BiLSTM tagger improves the previous state of the art from 88.3% F1 to 90.6%, "
        "while an ensemble gets 91.2% F1.",
        90.6,
        "F1",
    ),
    (
        "On the hard split the accuracy of Grover-2 is 61.7%, and it improves the easy split from 70.4% to 75.1%.",
        75.1,
        "Accuracy",
    ),
]


@pytest.mark.parametrize(("sentence", "value", "metric"), CASES)
def test_change_verb_measure(extractor: Extractor, sentence: str, value: float, metric: str | None) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    got = {r.metric for r in rows if r.value == value}
    assert got == {metric}, got


def test_top1_stays_on_a_benchmark_that_reports_it(extractor: Extractor) -> None:
    """METRIC-NAMED-AS-USUAL: on Kinetics-400, whose usual metric is Top-1 Accuracy itself, the name stays."""
    rows = extractor.extract(Paper(paper_id="p", title="", abstract="It reaches 83.9% top-1 accuracy on Kinetics-400."))
    assert [(r.value, r.metric) for r in rows] == [(83.9, "Top-1 Accuracy")]
