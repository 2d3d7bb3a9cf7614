"""Real sentences in, concrete result tuples out: absolute results, deltas, ranges, respectively-lists,
qualifiers, units, unknown benchmark names, and numbers that are not results."""

from __future__ import annotations

import pytest

# (sentence, [(value_text, kind, value, value_to, benchmark, subset, metric, qualifier, unit)])
ABSOLUTE = [
    ("we achieve an FID of 2.20 on CIFAR-10.", [("2.20", "absolute", 2.2, None, "CIFAR-10", None, "FID", None, None)]),
    (
        "Our model reaches 92.0% on Reward-Bench's primary dataset.",
        [("92.0%", "absolute", 92.0, None, "RewardBench", None, "Accuracy", None, "%")],
    ),
    (
        "Our model obtains a top-1 accuracy of 88.5% on ImageNet.",
        [("88.5%", "absolute", 88.5, None, "ImageNet", None, "Top-1 Accuracy", None, "%")],
    ),
    (
        "We obtain a WER of 1.9/3.9 on LibriSpeech test-clean/test-other.",
        [
            ("1.9", "absolute", 1.9, None, "LibriSpeech test-clean", "test-clean", "WER", None, None),
            ("3.9", "absolute", 3.9, None, "LibriSpeech test-other", "test-other", "WER", None, None),
        ],
    ),
    (
        "The big transformer model achieves a BLEU of 28.4 on WMT 2014 English-to-German.",
        [("28.4", "absolute", 28.4, None, "WMT2014 English-German", None, "BLEU", None, None)],
    ),
    (
        "The ensemble scores 85.3 \u00b1 0.2 on SST-2.",
        [("85.3 \u00b1 0.2", "absolute", 85.3, None, "SST-2", None, "Accuracy", None, None)],
    ),
    (
        "The detector reaches 54.3 AP at 20.1 FPS on COCO test-dev.",
        [
            ("54.3", "absolute", 54.3, None, "COCO", "test-dev", "AP", None, None),
            ("20.1", "absolute", 20.1, None, "COCO", "test-dev", "FPS", None, "FPS"),
        ],
    ),
    (
        "We report $92.1$ accuracy on CIFAR-10.",
        [("$92.1$", "absolute", 92.1, None, "CIFAR-10", None, "Accuracy", None, None)],
    ),
    (
        "we propose a retrieval-based method that solves our synthetic task with accuracies upwards of 95%, while "
        "baselines without explanation data achieve below 65% accuracy.",
        [
            ("95%", "absolute", 95.0, None, None, None, "Accuracy", "over", "%"),
            ("65%", "absolute", 65.0, None, None, None, "Accuracy", "below", "%"),
        ],
    ),
    (
        "We obtain a new state of the art of 71.6% IOU accuracy in the test set of PASCAL VOC 2012.",
        [("71.6%", "absolute", 71.6, None, "PASCAL VOC 2012", "test", "IoU", None, "%")],
    ),
    (
        "we achieve a mean joint error of 28.9mm on TotalCapture dataset.",
        [("28.9", "absolute", 28.9, None, "TotalCapture", None, "MPJPE", None, "mm")],
    ),
]

YEAR_LIKE = [  # a whole number in the years' range bound by a metric phrase right before it is a result
    (
        "Our model achieves a Codeforces rating of 2029.",
        [("2029", "absolute", 2029.0, None, "Codeforces", None, "Elo", None, None)],
    ),
    (
        "It reaches an Elo of 2010 on Chatbot Arena.",
        [("2010", "absolute", 2010.0, None, "Chatbot Arena", None, "Elo", None, None)],
    ),
    (
        "It reaches an Elo of 1250 on Chatbot Arena.",
        [("1250", "absolute", 1250.0, None, "Chatbot Arena", None, "Elo", None, None)],
    ),
    (  # a whole number right between a result verb and "on <benchmark>"
        "Our model scores 1820 on MME.",
        [("1820", "absolute", 1820.0, None, "MME", None, None, None, None)],
    ),
]

DELTA = [
    (  # a change in points takes the benchmark's usual metric; in percent it stays unknown
        "Our method improves MMLU by 14.3 points.",
        [("14.3", "delta", 14.3, None, "MMLU", None, "Accuracy", None, "points")],
    ),
    (
        "We observe a 3.1-point gain on GSM8K.",
        [("3.1", "delta", 3.1, None, "GSM8K", None, "Accuracy", None, "points")],
    ),
    (
        "Our method improves the F1 score on MMLU by 14.3 points.",
        [("14.3", "delta", 14.3, None, "MMLU", None, "F1", None, "points")],
    ),
    (
        "Our method improves MMLU by 14.3%.",
        [("14.3%", "delta", 14.3, None, "MMLU", None, None, None, "%")],
    ),
    (
        "Our GPM outperforms the BT reward model on RewardBench with a margin of up to 5.6%.",
        [("5.6%", "delta", 5.6, None, "RewardBench", None, None, "up to", "%")],
    ),
    (
        "The reranker improves NDCG@10 by 4.2 points on MS MARCO.",
        [("4.2", "delta", 4.2, None, "MS MARCO", None, "NDCG@10", None, "points")],
    ),
    (
        "Speed perturbation reduces WER by 12% relative on Switchboard.",
        [("12%", "delta", 12.0, None, "Switchboard", None, "WER", None, "%")],
    ),
    (
        "Guided by these insights, we design a fine-tuning recipe that yields approximately 58.8% accuracy on the "
        "MATH dataset with fine-tuned PaLM 2-L models, an 11.2% accuracy improvement over the few-shot performance "
        "of pre-trained PaLM 2-L model with majority voting.",
        [
            ("58.8%", "absolute", 58.8, None, "MATH", None, "Accuracy", "about", "%"),
            ("11.2%", "delta", 11.2, None, "MATH", None, "Accuracy", None, "%"),
        ],
    ),
    (
        "When applied to a BERT-based ranker, our method yields up to a 4% improvement in MRR and a 9% improvement "
        "in P@1 (compared to the model trained without a curriculum).",
        [
            ("4%", "delta", 4.0, None, None, None, "MRR", "up to", "%"),
            ("9%", "delta", 9.0, None, None, None, "Precision@1", "up to", "%"),
        ],
    ),
    (
        "with performance differences of up to 76 accuracy points when evaluated using LLaMA-2-13B.",
        [("76", "delta", 76.0, None, None, None, "Accuracy", "up to", "pp")],
    ),
    (
        "The model achieves 83.2\\% accuracy on MNLI, a 5\\% gain over BERT.",
        [
            ("83.2\\%", "absolute", 83.2, None, "MultiNLI", None, "Accuracy", None, "%"),
            ("5\\%", "delta", 5.0, None, "MultiNLI", None, "Accuracy", None, "%"),
        ],
    ),
    (
        "Our model achieves 45.2% AP and 60.1% AP50 on COCO, which is 5.6% and 2.6% higher than the baseline.",
        [
            ("45.2%", "absolute", 45.2, None, "COCO", None, "AP", None, "%"),
            ("60.1%", "absolute", 60.1, None, "COCO", None, "AP50", None, "%"),
            ("5.6%", "delta", 5.6, None, "COCO", None, "AP", None, "%"),  # in order: "which is 5.6% and 2.6% higher"
            ("2.6%", "delta", 2.6, None, "COCO", None, "AP50", None, "%"),
        ],
    ),
]

RANGE = [
    (
        "Accuracy on GSM8K rises from 55.1 to 67.2 with self-consistency.",
        [
            ("55.1", "range", 55.1, 67.2, "GSM8K", None, "Accuracy", None, None),
            ("67.2", "absolute", 67.2, None, "GSM8K", None, "Accuracy", None, None),  # the new value is a result
            ("55.1", "absolute", 55.1, None, "GSM8K", None, "Accuracy", None, None),  # and the earlier one
        ],
    ),
    (
        "Our method improves accuracy by 9%-19% across the tasks.",
        [("9%", "range", 9.0, 19.0, None, None, "Accuracy", None, "%")],
    ),
    (
        "The kernel is 10x to 50x faster than the baseline.",
        [("10x", "range", 10.0, 50.0, None, None, "Speedup", None, "x")],
    ),
    (
        "On CIFAR-10, NVAE pushes the state-of-the-art from 2.98 to 2.91 bits per dimension, and it produces "
        "high-quality images on CelebA HQ.",
        [
            ("2.98", "range", 2.98, 2.91, "CIFAR-10", None, "Bits/dim", None, None),
            ("2.91", "absolute", 2.91, None, "CIFAR-10", None, "Bits/dim", None, None),
            ("2.98", "absolute", 2.98, None, "CIFAR-10", None, "Bits/dim", None, None),
        ],
    ),
    (
        "In this task, we observe that the retrieval quality improves from 30% up to 100% when real data is present.",
        [("30%", "range", 30.0, 100.0, None, None, None, None, "%")],
    ),
]

RESPECTIVELY = [
    (
        "Our model achieves 94.04% and 83.82% accuracy on EgoGesture and NVGesture, respectively.",
        [
            ("94.04%", "absolute", 94.04, None, "EgoGesture", None, "Accuracy", None, "%"),
            ("83.82%", "absolute", 83.82, None, "NVGesture", None, "Accuracy", None, "%"),
        ],
    ),
    (
        "The model achieves 5.53% WER on Wall Street Journal dataset, and 5.42% and 14.70% on Librispeech "
        "test-clean and test-other set, respectively.",
        [
            ("5.53%", "absolute", 5.53, None, "Wall Street Journal", None, "WER", None, "%"),
            ("5.42%", "absolute", 5.42, None, "LibriSpeech test-clean", None, "WER", None, "%"),
            ("14.70%", "absolute", 14.7, None, "LibriSpeech test-other", None, "WER", None, "%"),
        ],
    ),
    (
        "We obtain state-of-the-art results on all of the ACE04, ACE05 and CoNLL04 datasets, increasing the SOTA "
        "results on the three datasets to 49.4 (+1.0), 60.2 (+0.6) and 68.9 (+1.1), respectively.",
        [
            ("49.4", "absolute", 49.4, None, "ACE 2004", None, "F1", None, None),
            ("+1.0", "delta", 1.0, None, "ACE 2004", None, "F1", None, None),
            ("60.2", "absolute", 60.2, None, "ACE 2005", None, "F1", None, None),
            ("+0.6", "delta", 0.6, None, "ACE 2005", None, "F1", None, None),
            ("68.9", "absolute", 68.9, None, "CoNLL04", None, "F1", None, None),
            ("+1.1", "delta", 1.1, None, "CoNLL04", None, "F1", None, None),
        ],
    ),
    (
        "Our final model achieves 85.1% mAP / 87.2% rank1 and 91.5% mAP / 96.3% rank1 on CUHK03 and "
        "Market-1501, respectively.",
        [
            ("85.1%", "absolute", 85.1, None, "CUHK03", None, "mAP", None, "%"),
            ("87.2%", "absolute", 87.2, None, "CUHK03", None, "Rank-1", None, "%"),
            ("91.5%", "absolute", 91.5, None, "Market-1501", None, "mAP", None, "%"),
            ("96.3%", "absolute", 96.3, None, "Market-1501", None, "Rank-1", None, "%"),
        ],
    ),
]

UNKNOWN_NAMES = [
    (
        "The proposed model obtains an accuracy of 99.8% on the FooBarQA benchmark.",
        [("99.8%", "absolute", 99.8, None, "FooBarQA", None, "Accuracy", None, "%")],
    ),
    (
        "Our model improves the F1 score from 72.69% to 76.77% on the Quux dataset.",
        [
            ("72.69%", "range", 72.69, 76.77, "Quux", None, "F1", None, "%"),
            ("76.77%", "absolute", 76.77, None, "Quux", None, "F1", None, "%"),
            ("72.69%", "absolute", 72.69, None, "Quux", None, "F1", None, "%"),
        ],
    ),
]


def _tuples(results):
    return [
        (r.value_text, r.kind, r.value, r.value_to, r.benchmark, r.subset, r.metric, r.qualifier, r.unit)
        for r in results
    ]


@pytest.mark.parametrize(("sentence", "expected"), ABSOLUTE + YEAR_LIKE + DELTA + RANGE + RESPECTIVELY + UNKNOWN_NAMES)
def test_sentence(run, sentence, expected):
    assert _tuples(run(sentence)) == expected


NON_RESULTS = [
    "We train a 7B model on 120k pairs collected in 2023.",
    "This dataset was released in 2019.",
    "Since 2020, large models have been trained on the web.",
    "The challenge of 2019 was won by a team from Toronto.",
    "We collect 1820 images on MME.",
    "Our model scores 1820 on 5 benchmarks.",
    "MusicScore is curated into small, medium, and large scales of 400, 14k, and 200k image-text pairs.",
    "We evaluate 12 models on 27 benchmarks and six datasets.",
    "We demonstrate high fidelity generation of 1024 x 1024 images for the first time.",
    "Code is at https://github.com/foo/bar2021 [1].",
    "We study (1) retrieval and (2) reranking with GPT-4, ResNet-50 and Llama-2-13B on CIFAR-10 and WMT14.",
    "We train for 300 epochs with a learning rate of 0.001 and batch size of 256.",
    "We evaluate on ImageNet 256x256 and AlpacaEval 2.0.",
    "The models range from 7 billion to 70 billion parameters.",
    "We investigate various LLMs in different sizes, ranging from 250M to 540B parameters.",
    "Encoder models can be finetuned on roughly 50% of the original data without degradation.",
    "As of June 12th, 2024, the leaderboard lists more than 140 reward models.",
    "Raters score each response on a scale of 1-7.",
    "We then demonstrate that a lightly fine-tuned Llama 3 model vastly outperforms GPT-4 on almost all tasks.",
    "In particular, we propose SteerLM 2.0, a model alignment approach.",
    "Expert annotators provide 4-level graded relevance scores in the 3-shot setting.",
    "The average mAP of IoU thresholds from 0.1 to 0.5 is reported in Table 2.",
    "Using only 10% of ImageNet labels and 20% training data, we match the baseline.",
    "Our detector has 77M parameters and 410B FLOPs 1 .",
]


@pytest.mark.parametrize("sentence", NON_RESULTS)
def test_not_a_result(run, sentence):
    assert _tuples(run(sentence)) == []


def test_delta_details(run):
    (r,) = run("Our GPM outperforms the BT reward model on RewardBench with a margin of up to 5.6%.")
    assert (r.baseline, r.delta_relative, r.improvement, r.is_own_method) == ("BT reward model", True, True, True)
    (r,) = run("Speed perturbation reduces WER by 12% relative on Switchboard.")
    assert (r.delta_relative, r.improvement, r.higher_is_better) == (True, True, False)
    (r,) = run("The reranker improves NDCG@10 by 4.2 points on MS MARCO.")
    assert (r.delta_relative, r.improvement) == (False, True)


def test_method_and_own(run):
    rs = run(
        "In this paper we propose TinaFace. On the hard test set of WIDER FACE, our TinaFace achieves 92.1% "
        "average precision (AP).",
        title="TinaFace: Strong but Simple Baseline for Face Detection",
    )
    (r,) = rs
    assert (r.method, r.is_own_method, r.benchmark, r.subset, r.metric) == (
        "TinaFace",
        True,
        "WIDER FACE",
        "hard",
        "AP",
    )


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # the own method named right after "our model" / "the proposed"
        ("Our model AlphaNet achieves an accuracy of 92.0% on CIFAR-10.", ("AlphaNet", True)),
        ("Experiments show that the proposed ColonNet reaches a Dice of 0.82 on Kvasir-SEG.", ("ColonNet", True)),
        # a sentence-initial subject in a later sentence names the system
        ("We propose GammaNet. GammaNet obtains an accuracy of 91.0% on CIFAR-10.", ("GammaNet", True)),
        (
            "We study detectors. HigherNet-X outperforms the best bottom-up method by 2.5% AP on COCO.",
            ("HigherNet-X", False),
        ),
        # a pronoun is not a name
        ("We study trackers. It achieves 68.7 MOTA on MOT17.", (None, None)),
    ],
)
def test_own_method_names(run, abstract, expected):
    got = [(r.method, r.is_own_method) for r in run(abstract)]
    assert got and set(got) == {expected}, got


def test_baseline_number_is_not_own(run):
    rs = run("Our model achieves SOTA results on the RACE dataset (90.9% compared to SOTA accuracy of 89.4%).")
    assert [(r.value, r.benchmark, r.is_own_method) for r in rs] == [(90.9, "RACE", True), (89.4, "RACE", False)]


def test_carried_benchmark_and_this_benchmark(run):
    rs = run(
        "The ACM Recommender Systems Challenge 2018 focused on playlist continuation. The highest performing team "
        "achieved an NDCG of 0.3946.",
        title="An Analysis of Approaches Taken in the ACM RecSys Challenge 2018",
    )
    assert [(r.value, r.benchmark, r.metric, r.benchmark_start) for r in rs] == [
        (0.3946, "ACM RecSys Challenge 2018", "NDCG", None)
    ]
    (r,) = run("This benchmark is difficult, with the best model only scoring 58.1% in standard settings.",
               title="CHAMP: A Competition-level Dataset")  # fmt: skip
    assert (r.benchmark, r.benchmark_known, r.subset) == ("CHAMP", False, "standard")


def test_jointly_stated_number_gives_a_row_per_benchmark(run):
    rs = run("Evaluations on AlpacaEval2.0 and MT-Bench reveal improvements with margins up to 9.3%.")
    assert [(r.value_text, r.benchmark) for r in rs] == [("9.3%", "MT-Bench"), ("9.3%", "AlpacaEval 2.0")]
    assert rs[0].value_start == rs[1].value_start


def test_inferred_metric_has_no_mention(run):
    (r,) = run("A Llama model tuned with this approach scores 94.1 on RewardBench.")
    assert (r.metric, r.metric_raw, r.metric_start, r.metric_implied) == ("Accuracy", None, None, True)
    (written,) = run("A Llama model tuned with this approach scores 94.1 accuracy on RewardBench.")
    assert (written.metric, written.metric_raw, written.metric_implied) == ("Accuracy", "accuracy", False)
    assert r.confidence < written.confidence  # an implied metric is less sure than the same one written


HELD_OUT_STYLE = [
    (
        "GPT-4 scores 86.4% on MMLU and 67.0% on HumanEval, while Llama 2 70B reaches 68.9% and 29.9%, respectively.",
        [
            ("86.4%", "absolute", 86.4, None, "MMLU", None, "Accuracy", None, "%"),
            ("67.0%", "absolute", 67.0, None, "HumanEval", None, "Pass@1", None, "%"),
            ("68.9%", "absolute", 68.9, None, "MMLU", None, "Accuracy", None, "%"),
            ("29.9%", "absolute", 29.9, None, "HumanEval", None, "Pass@1", None, "%"),
        ],
    ),
    (
        "We reduce latency from 120 ms to 45 ms on a single A100 GPU.",
        [
            ("120", "range", 120.0, 45.0, None, None, "Latency", None, "ms"),
            ("45", "absolute", 45.0, None, None, None, "Latency", None, "ms"),
            ("120", "absolute", 120.0, None, None, None, "Latency", None, "ms"),
        ],
    ),
    (
        "Our agent achieves a median human-normalized score of 231% on Atari 100k, surpassing EfficientZero by 12%.",
        [
            ("231%", "absolute", 231.0, None, "Atari 100k", None, "Human-Normalized Score", None, "%"),
            ("12%", "delta", 12.0, None, "Atari 100k", None, "Human-Normalized Score", None, "%"),
        ],
    ),
    (
        "On BEIR, our retriever obtains an average nDCG@10 of 52.1, outperforming BM25 by 9.4 points across 18 "
        "datasets.",
        [
            ("52.1", "absolute", 52.1, None, "BEIR", None, "NDCG@10", None, None),
            ("9.4", "delta", 9.4, None, "BEIR", None, "NDCG@10", None, "points"),
        ],
    ),
    (
        "Whisper reaches 2.7% WER on LibriSpeech test-clean, while being 3x faster at inference.",
        [
            ("2.7%", "absolute", 2.7, None, "LibriSpeech test-clean", None, "WER", None, "%"),
            ("3x", "delta", 3.0, None, "LibriSpeech test-clean", None, "Speedup", None, "x"),
        ],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), HELD_OUT_STYLE)
def test_other_fields(run, sentence, expected):
    assert _tuples(run(sentence)) == expected


def test_a_baseline_phrase_is_cut_to_the_known_model_it_holds(run):
    (r,) = run("Our method yields an 11.2% accuracy gain over the few-shot performance of pre-trained PaLM 2-L model.")
    assert (r.baseline, r.kind) == ("PaLM 2-L", "delta")
    (r,) = run("Fine-tuned PaLM 2-L yields an 11.2% accuracy gain over the few-shot performance of PaLM 2-L.")
    assert (r.method, r.baseline) == ("PaLM 2-L", "few-shot performance of PaLM 2-L")  # not itself
    (r,) = run("The reranker improves NDCG@10 by 4.2 points over the BT reward model on MS MARCO.")
    assert r.baseline == "BT reward model"  # no known model inside: kept as written


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        # a name inside a metric mention is not the system that reports the number
        ("Some Title", "DiffuNet reaches a CLIP score of 0.31 on MS-COCO.", ("DiffuNet", False)),
        ("Some Title", "GlowGAN sets a new record with an Inception score of 9.9 on CIFAR-10.", ("GlowGAN", False)),
        (
            "Some Title",
            "StreamSeg outperforms prior work with a mean IoU score of 83.4% on DAVIS 2016.",
            ("StreamSeg", False),
        ),
        # the short name in parentheses after a long proposed name
        (
            "Cascade Refinement Networks for Street Scenes",
            "We propose the Cascade Refinement Network (CRN) for street scenes. Our model reaches 81.2% mIoU on "
            "Cityscapes.",
            ("CRN", True),
        ),
        # a title prefix of ordinary words is not a name; "Named entity ..." opening a sentence names nothing
        (
            "Beyond Pixel Labels: Learning Segmentation from Boxes",
            "We propose BoxSup. Our method reaches 75.2% mIoU on PASCAL VOC 2012.",
            ("BoxSup", True),
        ),
        # a title prefix led by a gerund is a topic ("Revisiting ..."), unless its last word is a name
        (
            "Revisiting Cross-Lingual Tagging: Lessons from Forty Languages",
            "Our tagger reaches 88.3 F1 on the WikiAnn benchmark.",
            (None, True),
        ),
        (
            "Tracking ByteMOT: Association without Appearance",
            "Our tracker reaches 77.1 MOTA on MOT17.",
            ("Tracking ByteMOT", True),
        ),
        (
            "Some Title",
            "Named entity recognition (NER) is a core task. We introduce a span model; our model reaches 91.2 F1 on "
            "CoNLL-2003.",
            (None, True),
        ),
    ],
)
def test_method_names_not_taken_from_metrics_or_title_phrases(run, title, abstract, expected):
    got = [(r.method, r.is_own_method) for r in run(abstract, title=title)]
    assert got and set(got) == {expected}, got


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # after "outperforms X", a number is the subject's unless it stands in parentheses right after X
        (
            "Our detector not only outperforms existing single-stage methods but is also competitive with the latest "
            "bottom-up methods, with 70.2 AP on COCO test-dev.",
            [("70.2", None, True)],
        ),
        ("PoseNet-X surpasses all top-down methods on CrowdPose (67.6% AP).", [("67.6%", "PoseNet-X", False)]),
        (
            "Notably, GFL-2 surpasses the previous ATSS baseline (43.6 AP) by 2.6 AP on COCO test-dev.",
            [("43.6", "previous ATSS baseline", False), ("2.6", "GFL-2", False)],
        ),
        # a comparison inside a closed parenthesis, or inside a metric name, names no baseline for later numbers
        (
            "With a ResNet-18 backbone, we achieve 82.4% (+5.1% over the previous best) top-1 accuracy on UCF101 "
            "and 52.9% on HMDB51.",
            [("82.4%", None, True), ("+5.1%", None, True), ("52.9%", None, True)],
        ),
        (
            "FastSeg yields 68.0% mean intersection over union at 123.5 frames per second on Cityscapes.",
            [("68.0%", "FastSeg", False), ("123.5", "FastSeg", False)],
        ),
        # the first number of a pair after "outperforms X (" is the subject's, the second the baseline's
        (
            "On MOT17, FairTrack outperforms all previous trackers clearly (61.2 vs. 55.3 MOTA).",
            [("61.2", "FairTrack", False), ("55.3", None, False)],
        ),
        # the baseline phrase names the system, not the metric written before its number
        (
            "Our reader reaches 90.9% on RACE (compared to a previous best accuracy of 89.4%).",
            [("90.9%", None, True), ("89.4%", "previous best", False)],
        ),
        # a compared pair is a result even without a result verb; "matches" compares as "outperforms" does, and
        # the pair's second number is the system the verb governs (VS-PAIR)
        (
            "Our 7B model matches GPT-4 on MT-Bench (8.99 vs. 8.96) while using 10x fewer parameters.",
            [("8.99", None, True), ("8.96", "GPT-4", False)],
        ),
        # a baseline number named after it: "compared with 56.8% for GPT-4V"
        (
            "InternVL-2 reaches 62.7% on MMMU, compared with 56.8% for GPT-4V and 59.4% for Gemini Ultra.",
            [("62.7%", "InternVL-2", False), ("56.8%", "GPT-4V", False), ("59.4%", "Gemini Ultra", False)],
        ),
        # a number right after the comparison word is the baseline's, even with no name
        (
            "The ensemble sits atop the SuperGLUE leaderboard with a macro-average score of 90.3 versus 89.8.",
            [("90.3", None, None), ("89.8", None, False)],
        ),
    ],
)
def test_baseline_phrase_owns_only_the_number_it_introduces(run, abstract, expected):
    assert [(r.value_text, r.method, r.is_own_method) for r in run(abstract)] == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # "4x -9x": a range of factors, not a shape ("1024 x 1024") and not a change of 4x; a speed-up factor
        # (a size factor, "4x -9x smaller", is no result: leaks.py)
        (
            "The resulting detectors are 4x -9x faster than previous detectors on COCO while using 13x -42x fewer "
            "FLOPs.",
            [(4.0, "range", 9.0, "x", "Speedup")],
        ),
        # the dash of "9% -19%" joins the two ends; it is not a minus sign
        (
            "Mixing in synthetic data improves the accuracy by 9% -19% on CIFAR-10.",
            [(9.0, "range", 19.0, "%", "Accuracy")],
        ),
    ],
)
def test_ranges_written_with_a_loose_dash(run, abstract, expected):
    assert [(r.value, r.kind, r.value_to, r.unit, r.metric) for r in run(abstract)] == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # a list of splits before a plural head gives the numbers their splits in order, with or without
        # "respectively"
        (
            "On the CHiME-6 dev and eval sets, our system achieves WERs of 35.1% and 38.2%.",
            [(35.1, "CHiME-6", "dev"), (38.2, "CHiME-6", "eval")],
        ),
        (
            "Our tracker reaches joint goal accuracies of 56.2% and 55.4% on the dev and test sets of MultiWOZ, "
            "respectively.",
            [(56.2, "MultiWOZ", "dev"), (55.4, "MultiWOZ", "test")],
        ),
        (
            "On the validation and test splits of Cityscapes, the model reaches 81.2% and 80.5% mIoU.",
            [(81.2, "Cityscapes", "dev"), (80.5, "Cityscapes", "test")],
        ),
        # words that are not all splits make no list
        (
            "After tuning on the train and dev sets, the parser obtains 92.1 and 91.4 F1 on PTB and CTB.",
            [(92.1, "Penn Treebank", None), (91.4, "Chinese Treebank", None)],
        ),
    ],
)
def test_split_lists_without_respectively(run, abstract, expected):
    assert [(r.value, r.benchmark, r.subset) for r in run(abstract)] == expected


@pytest.mark.parametrize(
    ("title", "abstract", "expected"),
    [
        # a model the system is built on ("with a ResNeXt-101 backbone", "Based on VGG16") does not report the number
        (
            "CascadeNet: Better Detection",
            "On COCO, our CascadeNet with a ResNeXt-101 backbone achieves 50.2 AP.",
            [("50.2", "CascadeNet", True)],
        ),
        (
            "Some Title",
            "Based on VGG16, the detector achieves an F-measure of 85.1% on ICDAR2015.",
            [("85.1%", None, None)],
        ),
        ("Some Title", "Further augmented with BERT, it reaches 71.3% exact match on Spider.", [("71.3%", None, None)]),
        # a model named right after a comparison word is compared with, it does not report later numbers
        (
            "Some Title",
            "Furthermore, our approach outperforms Chinchilla 70B by 5.1% on MMLU in the 5-shot setting.",
            [("5.1%", None, True)],
        ),
        (
            "Some Title",
            "Our models outperform EfficientNet-B0 under similar latency, i.e., NASNet-Z achieves 77.9% top-1 "
            "accuracy on ImageNet.",
            [("77.9%", None, True)],
        ),
        # "the same level as N": a reference number
        (
            "Some Title",
            "Our linear probe reaches 75.9% top-1 accuracy on ImageNet, almost the same level as 76.2% of supervised "
            "training.",
            [("75.9%", None, True), ("76.2%", None, False)],
        ),
        # "X (backbone) achieves": the known model in parentheses after a name is the system's backbone
        (
            "Generalized Focal Loss V2",
            "Notably, GFLV2 (ResNet-101) achieves 46.2 AP on COCO test-dev.",
            [("46.2", "GFLV2", False)],
        ),
        (
            "Some Title",
            "With a single model, MaskFormer (Swin-L) reaches 55.6 mIoU on ADE20K.",
            [("55.6", "MaskFormer", False)],
        ),
        ("Some Title", "Fine-tuned BERT (BERT-large) reaches 93.2 F1 on SQuAD v1.1.", [("93.2", "BERT-large", False)]),
    ],
)
def test_components_and_references_are_not_the_reporting_system(run, title, abstract, expected):
    assert [(r.value_text, r.method, r.is_own_method) for r in run(abstract, title=title)] == expected


def test_similar_to_names_the_baseline(run):
    (r,) = run("Our configuration similar to RoBERTa-base has 9x fewer parameters and trains about 2.1x faster.")
    assert (r.value_text, r.kind, r.method, r.is_own_method, r.baseline) == (
        "2.1x",
        "delta",
        None,
        True,
        "RoBERTa-base",
    )


@pytest.mark.parametrize(
    "abstract, expected",
    [
        # a generic model family is no own method name
        (
            "We propose a novel convolutional neural network (CNN) based framework for skeleton-based action "
            "recognition. On NTU RGB+D, our model reaches 89.3% accuracy.",
            [("89.3%", None, True)],
        ),
        # a phrase written in capitals is no name
        (
            "In this report, we revisit two problems of existing models, namely ENTITY REPRESENTATION and NOISY "
            "LABELS. Our improved model achieves an F1 of 74.6% on TACRED.",
            [("74.6%", None, True)],
        ),
        # the initials of what the model is for are a task, not its name
        (
            "We present a simple span-based model for semantic role labeling (SRL). Our model achieves 87.4 F1 on "
            "CoNLL-2005.",
            [("87.4", None, True)],
        ),
        (
            "We introduce Named Entity Recognition (NER) as an auxiliary objective for relation extraction, and our "
            "model achieves 71.2 F1 on TACRED.",
            [("71.2", None, True)],
        ),
        # a gerund subject is a procedure, not a system name
        (
            "Fine-tuning improves GSM8K accuracy from 56.8% to 74.4%.",
            [("56.8%", None, None), ("74.4%", None, None), ("56.8%", None, False)],  # the value before: not own
        ),
        # the subject's number and the baseline's number in parentheses after it
        (
            "On MT-Bench, our model scores 8.21, outperforming Vicuna-13B (6.57).",
            [("8.21", None, True), ("6.57", "Vicuna-13B", False)],
        ),
        # a proposed name still is one
        (
            "We present a lightweight speech recognizer called SqueezeFormer (SQF). Our model reaches a WER of 2.5% "
            "on LibriSpeech test-clean.",
            [("2.5%", "SQF", True)],
        ),
    ],
)
def test_generic_words_and_tasks_are_no_own_method_name(run, abstract, expected):
    assert [(r.value_text, r.method, r.is_own_method) for r in run(abstract)] == expected
