"""Spec cases of the metric-form rules (extract/metric_forms.py). Sentences written for these tests (invented
systems and numbers); each row is (value, benchmark, metric)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = {
    "METRIC-AT-K": [
        ("F1@25 on Breakfast reaches 74.3%.", [(74.3, "Breakfast Actions", "F1@25")]),
        ("We gain +2.7% in average recall@10 on MSR-VTT.", [(2.7, "MSR-VTT", "average recall@10")]),
        ("Our tracker reaches a MOTA of 61.0 and HOTA@0.5 of 58.9 on DanceTrack.", None),
        ("The localiser scores 44.6 mAP at tIoU=0.7 on ActivityNet.", [(44.6, "ActivityNet", "mAP@0.7")]),
        (
            "On RefCOCO+ the grounder reaches 63.8% recall at an IoU threshold of 0.5.",
            [(63.8, "RefCOCO+", "Recall@0.5")],
        ),
        ("The detector achieves 38.2 AP at 0.75 IoU on Objects365.", [(38.2, "Objects365", "AP@0.75")]),
    ],
    "METRIC-AT-K-WRITTEN": [
        ("On our AirlineOps suite the agent reaches a pass^1 of 52.3.", [(52.3, "AirlineOps", "Pass^1")]),
        ("Its Pass^1 falls to 31.0% on the retail domain of TauShop.", [(31.0, None, "Pass^1")]),
        ("We report pass^1 = 17.5 for the strongest open model on CRMArena.", [(17.5, "CRMArena", "Pass^1")]),
    ],
    "METRIC-GRANULARITY-MODIFIER": [
        ("On our InvoiceKV set the parser reaches a line-level F1 of 88.4.", [(88.4, "InvoiceKV", "line-level F1")]),
        ("SegLite attains 93.7% voxel-wise accuracy on KiTS19.", [(93.7, "KiTS19", "voxel-wise Accuracy")]),
        ("Its clip-level AUC on XD-Violence climbs to 0.861.", [(0.861, "XD-Violence", "clip-level AUC")]),
    ],
    "METRIC-AT-OPERATING-POINT": [
        ("Our membership attack reaches a TPR at 0.5% FPR of 14.2% on ArxivMIA.", [(14.2, "ArxivMIA", "TPR@0.5%FPR")]),
        (
            "The face verifier lowers FPR at 95% TPR from 8.4% to 3.3% on IJB-C.",
            [(3.3, "IJB-C", "FPR@95%TPR"), (8.4, "IJB-C", "FPR@95%TPR"), (8.4, "IJB-C", "FPR@95%TPR")],
        ),
        ("On PubMedQA, its recall at 90% precision is 61.7%.", [(61.7, "PubMedQA", "recall@90%precision")]),
    ],
    "METRIC-HEAD-MODIFIER": [
        (
            "On Atari 100k our world model reaches a human-normalised mean score of 1.43.",
            [(1.43, "Atari 100k", "human-normalised Average Score")],
        ),
        (
            "On Waterbirds, GroupMix lifts worst-group accuracy to 91.2%.",
            [(91.2, "Waterbirds", "Worst-Group Accuracy")],
        ),
        ("On ASQA the reader reaches 77.0 citation recall.", [(77.0, "ASQA", "citation Recall")]),
        (  # a modified metric the vocabulary names takes its canonical name
            "On MultiWOZ 2.1 our tracker achieves 58.2% joint goal accuracy.",
            [(58.2, "MultiWOZ 2.1", "Joint Goal Accuracy")],
        ),
        ("On SMAP our detector reaches a point-adjusted F1 of 0.951.", [(0.951, "SMAP", "point-adjusted F1")]),
        (
            "RepNet raises the clinical efficacy F1 on MIMIC-CXR to 0.389.",
            [(0.389, "MIMIC-CXR", "clinical efficacy F1")],
        ),
        ("Onset F1 is 94.2 on the MAESTRO test split.", [(94.2, "MAESTRO", "Onset F1")]),
        ("On Few-NERD our tagger scores 51.2 entity-level F1.", [(51.2, "Few-NERD", "entity-level F1")]),
        ("The parser gets 77.9 strict F1 on the GENIA corpus.", [(77.9, "GENIA", "strict F1")]),
        (
            "On SGD the tracker improves turn-level accuracy to 91.3%.",
            [(91.3, "Schema-Guided Dialogue", "turn-level Accuracy")],
        ),
        ("On MultiWOZ 2.2 we reach 58.7% joint accuracy.", [(58.7, "MultiWOZ 2.2", "Joint Goal Accuracy")]),
        ("On Waterbirds the worst-class F1 is 71.5.", [(71.5, "Waterbirds", "worst-class F1")]),
        (
            "Our chart parser reaches 90.4 labelled F1 on the CTB test split.",
            [(90.4, "Chinese Treebank", "labelled F1")],
        ),
    ],
    "METRIC-EVALUATIVE-ADJECTIVE": [
        ("It reaches a superior overall score of 71.8 on the MME benchmark.", [(71.8, "MME", "overall score")]),
        ("The system achieves a remarkable R-precision of 0.61 on HumanML3D.", [(0.61, "HumanML3D", "R-Precision")]),
        (
            "Our agent obtains a strong task completion rate of 47.5% on WebShop.",
            [(47.5, "WebShop", "task completion rate")],
        ),
    ],
    "BENCHMARK-SCORE": [
        ("On SuperGLUE, our encoder obtains a SuperGLUE score of 88.1.", [(88.1, "SuperGLUE", "SuperGLUE score")]),
        (
            "The generator reaches 9.81 FID and 0.61 GenEval after fine-tuning.",
            [(9.81, None, "FID"), (0.61, "GenEval", "GenEval score")],
        ),
        ("With a larger teacher the student attains 83.0 GLUE on average.", [(83.0, "GLUE", "GLUE score")]),
    ],
    "SETTING-NOT-METRIC": [
        (
            "Trained with mixed precision, the classifier reaches 71.2% on ImageNet.",
            [(71.2, "ImageNet", "Top-1 Accuracy")],
        ),
        ("Running in half-precision, our ranker attains 0.412 on MS MARCO.", [(0.412, "MS MARCO", "MRR@10")]),
        ("In single precision the parser scores 93.7 on the Penn Treebank.", [(93.7, "Penn Treebank", "F1")]),
        ("In full precision the model gets 78.3% precision on the test split.", [(78.3, None, "Precision")]),
    ],
    "METRIC-PARAPHRASE": [
        (
            "On YouTube-VOS 2019 our tracker reaches 83.1 when region overlap and boundary accuracy are averaged.",
            [(83.1, "YouTube-VOS 2019", "J&F")],
        ),
        (
            "On DAVIS 2017 it scores 86.4% with region similarity and contour accuracy averaged.",
            [(86.4, "DAVIS 2017", "J&F")],
        ),
        (
            "Averaging the Jaccard index and boundary F-measure, the segmenter gets 77.5 on LVOS.",
            [(77.5, "LVOS", "J&F")],
        ),
    ],
    "SHARE-OF-REFERENCE": [
        (
            "Compared with its 70B teacher, the student keeps 94.2% of the teacher's quality on MT-Bench.",
            [(94.2, "MT-Bench", "relative score")],
        ),
        (
            "Measured against Claude answers, TinyChat reaches 81.5% of the reference quality.",
            [(81.5, None, "relative score")],
        ),
        (
            "The distilled tagger retains 97% of the teacher model's accuracy on CoNLL-2003.",
            [(97, "CoNLL 2003", "relative accuracy")],
        ),
        (
            "The quantised model recovers 99.1% of the FP16 model's accuracy on ARC-Challenge.",
            [(99.1, "ARC-Challenge", "relative accuracy")],
        ),
        ("Our pruned LLaMA-7B keeps 91% of LLaMA's accuracy on MMLU.", [(91, "MMLU", "relative accuracy")]),
        (
            "After 4-bit quantisation the model keeps 98.2% of its original accuracy on MMLU.",
            [(98.2, "MMLU", "relative accuracy")],
        ),
    ],
    "METRIC-PHRASE-CANONICAL": [
        ("Our network reaches a test set error of 3.1% on SVHN.", [(3.1, "SVHN", "Error Rate")]),
        ("The model achieves a validation error of 17.2% on ImageNet.", [(17.2, "ImageNet", "Error Rate")]),
        ("The classifier obtains a top-1 test error of 21.5% on ImageNet.", [(21.5, "ImageNet", "Top-1 Error")]),
        ("We obtain a mean joint error of 28.9mm on the MPI-INF-3DHP benchmark.", [(28.9, "MPI-INF-3DHP", "MPJPE")]),
        ("The best cells reach a mean error of 2.91% on SVHN across five runs.", [(2.91, "SVHN", "Error Rate")]),
        ("Our forecaster gets a mean error of 1.3 degrees on the ERA5 benchmark.", [(1.3, "ERA5", "mean error")]),
    ],
    "HUMAN-PREFERENCE": [
        (
            "In blind tests, listeners picked our vocoder over WaveMix 57% of the time.",
            [(57, "human evaluation", "human preference (win rate)")],
        ),
        (
            "Human raters judged our stories more coherent than StoryGen's in 61.5% of cases.",
            [(61.5, "human evaluation", "human preference (win rate)")],
        ),
        (
            "Human raters preferred our samples over DiffuseX in 71.5% of pairwise comparisons.",
            [(71.5, "human evaluation", "human preference (win rate)")],
        ),
        (
            "In a user study, 58% of participants chose our edits over the baseline's.",
            [(58, "human evaluation", "human preference (win rate)")],
        ),
        (
            "Annotators favoured TaleWeaver's stories 63.2% of the time against GPT-3.5.",
            [(63.2, "human evaluation", "human preference (win rate)")],
        ),
    ],
}


@pytest.mark.parametrize(
    ("rule", "sentence", "expected"),
    [(rule, s, e) for rule, cases in CASES.items() for s, e in cases if e is not None],
    ids=[f"{rule}-{i}" for rule, cases in CASES.items() for i, (_, e) in enumerate(cases) if e is not None],
)
def test_metric_form_rule(extractor: Extractor, rule: str, sentence: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    assert sorted((r.value, r.benchmark, r.metric) for r in rows) == sorted(expected), rule


def test_at_k_keeps_each_metric_its_suffix(extractor: Extractor) -> None:
    text = CASES["METRIC-AT-K"][2][0]
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert {r.value: r.metric for r in rows}[58.9] == "HOTA@0.5"
