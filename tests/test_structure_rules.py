"""Spec cases of the before->after, leak and pairing rules. Sentences written for these tests (invented systems
and numbers). Each case: (sentence, expected rows (value, benchmark, metric, kind)); every row must be expected."""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from tests.helpers import rule_cases

CASES = {
    "BEFORE-AFTER": [
        (
            "Zero-shot exact match on HotpotQA climbs from 41.2 to 47.9 with our retriever.",
            [
                (41.2, "HotpotQA", "Exact Match", "range"),
                (47.9, "HotpotQA", "Exact Match", "absolute"),
                (41.2, "HotpotQA", "Exact Match", "absolute"),
            ],
        ),
        (
            "Entity F1 improves on WNUT-17 (52.3 -> 57.8) and on BC2GM (0.801 -> 0.836) with SpanTagger.",
            [
                (52.3, "WNUT 2017", "F1", "range"),
                (57.8, "WNUT 2017", "F1", "absolute"),
                (52.3, "WNUT 2017", "F1", "absolute"),
                (0.801, "BC2GM", "F1", "range"),
                (0.836, "BC2GM", "F1", "absolute"),
                (0.801, "BC2GM", "F1", "absolute"),
            ],
        ),
        (
            "We cut validation perplexity from 22.4 to 19.7 on PTB, and from 30.1 to 27.5 on WikiText-103.",
            [
                (22.4, "Penn Treebank", "Perplexity", "range"),
                (19.7, "Penn Treebank", "Perplexity", "absolute"),
                (22.4, "Penn Treebank", "Perplexity", "absolute"),
                (30.1, "WikiText-103", "Perplexity", "range"),
                (27.5, "WikiText-103", "Perplexity", "absolute"),
                (30.1, "WikiText-103", "Perplexity", "absolute"),
            ],
        ),
        ("HSTU-X is 5.3x to 15.2x faster than its dense twin.", [(5.3, None, "Speedup", "range")]),
    ],
    "COORDINATION-ALIGNMENT": [
        (
            "Evaluated on Cityscapes and ADE20K, the model obtains 82.1% and 49.6% mIoU.",
            [(82.1, "Cityscapes", "mIoU", "absolute"), (49.6, "ADE20K", "mIoU", "absolute")],
        ),
        (
            "Accuracies of 91.3% and 89.5% are obtained on SNLI and MultiNLI respectively, compared with 88.0% and "
            "85.1% for the strongest earlier systems.",
            [
                (91.3, "SNLI", "Accuracy", "absolute"),
                (89.5, "MultiNLI", "Accuracy", "absolute"),
                (88.0, "SNLI", "Accuracy", "absolute"),
                (85.1, "MultiNLI", "Accuracy", "absolute"),
            ],
        ),
        (
            "Pre-trained on Kinetics-400 and Something-Something V2, the model reaches 81.2% and 70.4% on UCF101 and "
            "HMDB51.",
            [(81.2, "UCF101", "Accuracy", "absolute"), (70.4, "HMDB51", "Accuracy", "absolute")],
        ),
    ],
    "PARALLEL-RUN-OWN-METRIC": [  # a parallel run that writes its own metric keeps it ("Hits@10 of x and y")
        (
            "It reaches 0.352 MRR on FB15k-237 and 0.498 on WN18RR, with Hits@10 of 0.541 and 0.583 on the two sets.",
            [
                (0.352, "FB15k-237", "MRR", "absolute"),
                (0.498, "WN18RR", "MRR", "absolute"),
                (0.541, "FB15k-237", "Hits@10", "absolute"),
                (0.583, "WN18RR", "Hits@10", "absolute"),
            ],
        ),
        (
            "Top-1 is 77.0% on ImageNet and 65.2% on ImageNet-R, while top-5 accuracy of 93.1% and 80.4% follows.",
            [
                (77.0, "ImageNet", "Top-1 Accuracy", "absolute"),
                (65.2, "ImageNet-R", "Top-1 Accuracy", "absolute"),
                (93.1, "ImageNet", "Top-5 Accuracy", "absolute"),
                (80.4, "ImageNet-R", "Top-5 Accuracy", "absolute"),
            ],
        ),
    ],
    "MARGIN-OVER-SYSTEM": [  # "x, N points above/below/ahead of Y": an appositive margin is a change, x stays
        (
            "The network achieves 80.7% top-1 on ImageNet, 1.8 points above ResNet-101.",
            [(80.7, "ImageNet", "Top-1 Accuracy", "absolute"), (1.8, "ImageNet", "Top-1 Accuracy", "delta")],
        ),
        (
            "On the Harlow-QA split it scores 52.7%, 1.1 points below the full chain-of-thought model.",
            [(52.7, "Harlow-QA", None, "absolute"), (1.1, "Harlow-QA", None, "delta")],
        ),
        (
            "Our model obtains 71.3 F1 on DROP, 4.2 points ahead of BERT-large.",
            [(71.3, "DROP", "F1", "absolute"), (4.2, "DROP", "F1", "delta")],
        ),
    ],
    "SIZE-RATIO": [
        (
            "The compact detector is 5x smaller than DETR-R101 yet reaches 44.0 AP on COCO.",
            [(44.0, "COCO", "AP", "absolute")],
        ),
        (
            "With 40% fewer parameters than BERT-base, our encoder still gains 1.2 points on SST-2.",
            [(1.2, "SST-2", "Accuracy", "delta")],
        ),
        ("Our 1.3B model matches rivals 9x its size on reasoning tasks.", []),
        ("Quantisation shrinks the model size by 73% without retraining.", []),
        ("Our distillation recipe can shrink the model by 60% with little loss.", []),
        ("The distilled student is 3.5 times shallower than its teacher.", []),
        (
            "Our tokenizer needs 4x fewer tokens per page than byte-level encoding, with 71.0% accuracy on DocVQA.",
            [(71.0, "DocVQA", "Accuracy", "absolute")],
        ),  # fmt: skip
    ],
    "SETTING-NOUN-AFTER": [
        ("All students are trained under a 40-300 MFLOPs budget.", []),
        ("The audio encoder applies 12x temporal downsampling before the transformer.", []),
        ("Frames are encoded from a 2x downsampled stream before the temporal transformer.", []),
        ("We keep the 0.6 confidence threshold and reach 48.2 AP on COCO.", [(48.2, "COCO", "AP", "absolute")]),
        ("Accuracy under 20% label noise is 88.3% on CIFAR-100.", [(88.3, "CIFAR-100", "Accuracy", "absolute")]),
        ("The detector flags boxes above a 0.35 threshold.", []),
        ("The vocoder conditions on an 8x upsampled pitch contour.", []),
        (
            "In the 5% label regime the classifier still reaches 63.5% top-1 accuracy on ImageNet.",
            [(63.5, "ImageNet", "Top-1 Accuracy", "absolute")],
        ),
        # a rate or subset the setting is run at ("a 30% missing rate", "a 10% labeled subset")
        ("Under a 40% missing rate, the imputer keeps its MAE at 0.27.", [(0.27, None, "MAE", "absolute")]),
        ("Trained on a 10% labeled subset, the segmenter loses little.", []),
        ("We also test a 5% poisoning rate on the backdoor benchmark.", []),
    ],
    "SETTING-PARTICIPLE-SHARE": [  # leaks.py: the passive of a setting verb after a share of something
        ("In our sparse variant, 40% of the attention heads are pruned after warm-up.", []),
        ("During fine-tuning, 25% of the frames are randomly dropped.", []),
        (
            "On CIFAR-10, 94.1% of the test images are classified correctly.",
            [(94.1, "CIFAR-10", "Accuracy", "absolute")],
        ),
    ],
    "SETTING-EXAMPLE": [
        ("The audio codec applies a 20x temporal reduction rather than the usual 4x.", []),
        ("Patch merging can be configured with any factor (e.g., 6x) at build time.", []),
        ("The pruned network is 2.5x faster than the standard ViT-B.", [(2.5, None, "Speedup", "delta")]),
    ],
    "THRESHOLD-AT": [
        (
            "The grounder reaches 71.3% accuracy at 0.5 IoU on Flickr30k Entities.",
            [(71.3, "Flickr30k", "Accuracy@0.5", "absolute")],
        ),
        ("Tracks count as matched at 0.7 overlap with the annotation.", []),
        (
            "Our detector's recall at 0.1% FPR is 41.7% on the LFW verification protocol.",
            [(41.7, "LFW", "recall@0.1%FPR", "absolute")],  # METRIC-AT-OPERATING-POINT keeps the operating point
        ),
        (
            "The selective classifier keeps 97.2% accuracy at 60% coverage on CIFAR-10.",
            [(97.2, "CIFAR-10", "Accuracy", "absolute")],
        ),
        (
            "The retriever reaches a precision of 0.74 at 90% recall on BioASQ.",
            [(0.74, "BioASQ", "Precision", "absolute")],
        ),
        ("A segmenter with an IoU of 0.82 on the liver subset is our best model.", [(0.82, None, "IoU", "absolute")]),
    ],
    "SETTING-VERB-SHARE": [
        ("We subsample 25% of the frames to speed up training.", []),
        (
            "Freezing 90% of the backbone weights, the adapter still reaches 84.2% accuracy on VTAB.",
            [(84.2, "VTAB", "Accuracy", "absolute")],
        ),
        ("During pre-training we mask 60% of the spectrogram patches.", []),
        ("The method prunes 70% of the attention heads in every layer.", []),
        (
            "Randomly dropping 30% of the graph edges, the model still scores 81.4% accuracy on Cora.",
            [(81.4, "Cora", "Accuracy", "absolute")],
        ),
    ],
    "GAP-TO-REFERENCE-SETTING": [
        ("Our 4-bit quantised LLaMA loses at most 0.7 points against full precision on MMLU.", []),
        ("The 3-bit model stays within 0.4 points of the FP16 model on average.", []),
        (
            "At half precision the network achieves 38.4 AP on COCO, dropping only 0.3 AP versus full precision.",
            [(38.4, "COCO", "AP", "absolute")],
        ),
        (
            "After pruning, the network retains 96.1% of full-precision accuracy on ImageNet.",
            [(96.1, "ImageNet", "relative accuracy", "absolute")],
        ),
    ],
    "COORDINATED-SHARE": [  # rules/result.py share_of_named_data: a run of shares after a share verb
        (
            "The agent solves 31.5% of WebShop tasks and 22.8% of ALFWorld tasks without demonstrations.",
            [(22.8, "ALFWorld", "Success Rate", "absolute"), (31.5, "WebShop", "Success Rate", "absolute")],
        ),
        (
            "The coder passes 71.4% of HumanEval and 63.0% of MBPP with a single sample.",
            [(63.0, "MBPP", "Pass@1", "absolute"), (71.4, "HumanEval", "Pass@1", "absolute")],
        ),
        (
            "The agent solves 31.5% and 22.8% of WebShop tasks.",
            [(22.8, "WebShop", "Success Rate", "absolute"), (31.5, "WebShop", "Success Rate", "absolute")],
        ),
        (
            "Fine-tuning on 10% of SQuAD and 20% of NewsQA gives 81.3 F1 on the held-out questions.",
            [(81.3, "NewsQA", "F1", "absolute")],
        ),
    ],
    "TARGET-OF-COST": [
        ("The scheduler needs far fewer rounds than FedProx to reach 85% accuracy on FEMNIST.", []),
        ("Distillation takes fewer GPU hours than pretraining to attain 72.0% accuracy on ImageNet.", []),
        ("Pretraining with our objective uses less compute than MLM to reach a GLUE score of 82.5.", []),
        ("In 50 epochs the student learns to reach 81.2% on CIFAR-100.", [(81.2, "CIFAR-100", "Accuracy", "absolute")]),
    ],
    "SETTING-PHRASE-TOP-SHARE": [
        ("Our data filter keeps the top 20% of crawled pages by perplexity.", []),
        (
            "Curriculum sampling retains the top 40% of episodes, and the policy reaches 73.5% success on Meta-World.",
            [(73.5, "Meta-World", "Success Rate", "absolute")],
        ),
        ("The detector selects the top 10% of proposals for refinement.", []),
    ],
    "FRONTED-CONDITION": [  # rules/result.py fronted_condition: a condition phrase opening the sentence
        ("With 10% label noise, accuracy on CIFAR-10 is 91.4%.", [(91.4, "CIFAR-10", "Accuracy", "absolute")]),
        (
            "With 91.2% accuracy on ImageNet, our model ranks first among 12 entries.",
            [(91.2, "ImageNet", "Accuracy", "absolute")],
        ),
        (
            "With a guidance weight of 3.0, FID on ImageNet 256 is 2.31.",
            [(2.31, "ImageNet 256x256", "FID", "absolute")],
        ),
    ],
    "CHANGE-CLOSED-BY-BASELINE": [  # lists.coordinate: a change with its baseline lends no kind to the next value
        (
            "The parser obtains 93.8 F1 on PTB, 0.9 points above Kitaev, and 89.2 F1 on CTB.",
            [
                (0.9, "Penn Treebank", "F1", "delta"),
                (89.2, "Chinese Treebank", "F1", "absolute"),
                (93.8, "Penn Treebank", "F1", "absolute"),
            ],
        ),
        (
            "Our detector gets 47.1 AP on COCO, 1.8 AP ahead of DINO, and 38.5 AP on LVIS.",
            [(1.8, "COCO", "AP", "delta"), (38.5, "LVIS", "AP", "absolute"), (47.1, "COCO", "AP", "absolute")],
        ),
        (
            "Retrieval recall on COCO is 64.9, 5.5 ahead of the dual encoder.",
            # METRIC-OF-CHANGE-VERB names the copula's subject as written for 64.9
            [(5.5, "COCO", "Recall", "delta"), (64.9, "COCO", "Retrieval recall", "absolute")],
        ),
    ],
    "CAPITALS-ARE-A-NAME": [  # filters.py: a count noun written in capitals is a name ("CLIP" is no "clip")
        (
            "It reaches 82.4% on Places365, 3.1 points above CLIP, and 61.0% on ObjectNet.",
            [
                (3.1, "Places365", "Top-1 Accuracy", "delta"),
                (61.0, "ObjectNet", "Top-1 Accuracy", "absolute"),
                (82.4, "Places365", "Top-1 Accuracy", "absolute"),
            ],
        ),
        (
            "On Food-101 the linear probe lands 1.6 points below CLIP at half the cost.",
            [(1.6, "Food-101", "Accuracy", "delta")],
        ),
        (
            "The model needs 4.1 GFLOPs and reaches 80.1% on ImageNet.",
            [(4.1, "ImageNet", "FLOPs", "absolute"), (80.1, "ImageNet", "Top-1 Accuracy", "absolute")],
        ),
        (  # a mixed-case name is no count either ("image*" is a count noun, "ImageBind" no images)
            "On ESC-50 the audio encoder reaches 93.2% accuracy, 2.4 points above ImageBind.",
            [(2.4, "ESC-50", "Accuracy", "delta"), (93.2, "ESC-50", "Accuracy", "absolute")],
        ),
    ],
    "APPOSITIVE-MARGIN": [  # rules/value_form.py unit.written_once_on_list: a bare comma joins no list
        (
            "On NarrativeQA its ROUGE-L is 58.9, 2.7 points above Longformer.",
            [(2.7, "NarrativeQA", "ROUGE-L", "delta"), (58.9, "NarrativeQA", "ROUGE-L", "absolute")],
        ),
        (
            "The tagger's F1 on CoNLL-2003 reaches 93.4, 0.6 points higher than the CRF baseline.",
            [(0.6, "CoNLL 2003", "F1", "delta"), (93.4, "CoNLL 2003", "F1", "absolute")],
        ),
        (
            "On DROP our reader scores 81.0, 3.3 points ahead of the strongest retrieval baseline.",
            [(3.3, "DROP", "F1", "delta"), (81.0, "DROP", "F1", "absolute")],
        ),
    ],
    "SETTING-PHRASE": [
        (
            "We pre-train with a masking ratio of 0.6 and obtain 84.9% top-1 accuracy on ImageNet.",
            [(84.9, "ImageNet", "Top-1 Accuracy", "absolute")],
        ),
        ("A compression factor of 16 keeps 30.2 dB PSNR on Set14.", [(30.2, "Set14", "PSNR", "absolute")]),
        (
            "At a guidance scale of 7.5 the sampler reaches an FID of 8.31 on MS-COCO.",
            [(8.31, "COCO", "FID", "absolute")],
        ),
    ],
    "SETTING-NOUN-AFTER (confidence)": [  # leaks.py: a confidence level or interval; a share a setting verb alters
        (
            "On CUB-FS it obtains 77.1 ± 0.5% (5-shot), with 95% confidence intervals over 1,000 episodes.",
            [(77.1, "CUB-FS", None, "absolute")],
        ),
        (
            "Across the 14 hospitals, sensitivity is 0.86 at a 90% confidence level for the mean.",
            [(0.86, None, "Sensitivity", "absolute")],
        ),
        (
            "Evicting 70% of the KV cache, Mistral-7B still scores 38.2 on RULER.",
            [(38.2, "RULER", "Accuracy", "absolute")],
        ),
    ],
}


@rule_cases(CASES)
def test_structure_rule(extractor: Extractor, rule: str, sentence: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    assert sorted((r.value, r.benchmark, r.metric, r.kind) for r in rows) == sorted(expected), rule
