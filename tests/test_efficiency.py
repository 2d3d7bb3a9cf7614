"""Spec cases of the efficiency rules (extract/efficiency.py). Sentences written for these tests: invented names
and numbers, not taken from any development abstract.

Each case: (sentence, expected rows (value, benchmark or None, metric, unit or None)); every extracted value must
be expected.
"""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from tests.helpers import rule_cases

CASES = {
    "SPEED-CUE-AFTER": [
        ("Compared with OrbitNet, PetalLM decodes 3.7x quicker on long prompts.", [(3.7, None, "Speedup", "x")]),
        ("The pruned variant is 27% faster than its dense parent.", [(27, None, "Speedup", "%")]),
        (
            "With paged caching we observe a 5.9x increase in serving throughput over vLLM-style batching.",
            [(5.9, None, "Throughput", "x")],
        ),
        ("Kestrel-2 needs 2.4x less memory than the unpruned teacher.", [(2.4, None, "Memory", "x")]),
    ],
    "SPEED-WORD-IN-NAME": [
        (
            "Our Faster R-CNN variant obtains 38.9 mAP, 3.2 points above the Faster R-CNN baseline on VOC.",
            [(3.2, "VOC", "mAP", "points"), (38.9, "VOC", "mAP", None)],
        ),
        ("Our tracker gains 4.2 points over the Faster R-CNN tracker on MOT17.", [(4.2, "MOT17", "MOTA", "points")]),
        (
            "Our re-ranker is 2.7 points above the Faster BM25 pipeline on MS MARCO.",
            [(2.7, "MS MARCO", "MRR@10", "points")],
        ),
    ],
    "SPEED-VERB-BY": [
        ("Blockwise drafting accelerates greedy decoding by 2.3x.", [(2.3, None, "Speedup", "x")]),
        ("Token merging speeds up the vision encoder by 41%.", [(41, None, "Speedup", "%")]),
        ("Our scheduler speeds up distributed rollout collection by 73%.", [(73, None, "Speedup", "%")]),
        ("With equal top-1 accuracy, the inference latency of PalmNet falls by 29%.", [(29, None, "Latency", "%")]),
        ("Against TorchScript, the compiled graph improves speed by 1.7x.", [(1.7, None, "Speedup", "x")]),
        ("The int4 variant runs 2.6 times as fast as the bf16 checkpoint.", [(2.6, None, "Speedup", "x")]),
    ],
    "PROSE-TIME": [
        ("On a laptop CPU, TinyParse runs in 7 ms per sentence.", [(7, None, "Latency", "ms")]),
        ("Each 1024-pixel poster is rendered in under 1.6 seconds.", [(1.6, None, "Latency", "s")]),
        ("The planner takes 0.45 s per query while matching the oracle.", [(0.45, None, "Latency", "s")]),
        ("The whole mapping pipeline completes in under 3 minutes per room.", [(3, None, "Latency", "min")]),
        ("The 1.2B model trains in 9 hours on a single node.", [(9, None, "Training Time", "h")]),
        ("With tree drafting, the 34B model decodes at 96 tokens per second.", [(96, None, "Throughput", None)]),
    ],
    "COMPARATIVE-ADJECTIVE": [
        (
            "On Places365 the pruned MobiFormer-B stays 3.2% more accurate than ConvLite-M.",
            [(3.2, "Places365", "Accuracy", "%")],
        ),
        (
            "Our parser is 2.4 points more accurate than the strongest transition-based system on the Penn Treebank.",
            [(2.4, "Penn Treebank", "Accuracy", "points")],
        ),
        (
            "The hashing variant is 0.8% less accurate on Caltech-256 but saves half the compute.",
            [(0.8, "Caltech-256", "Accuracy", "%")],
        ),
    ],
    "SPEED-NO-BORROW": [
        (
            "On ScanNet, HoloSeg reaches 71.4 mIoU and is 2.2x faster than PointFormer on an RTX 3090 GPU.",
            [(71.4, "ScanNet", "mIoU", None), (2.2, None, "Speedup", "x")],
        ),
        (
            "QuillNet keeps the same accuracy on Flowers-102 while running 36% faster on a Jetson board.",
            [(36, None, "Speedup", "%")],
        ),
        (
            "Measured on an A100, the sampler generates a clip in 4.5 seconds, with no drop in accuracy.",
            [(4.5, None, "Latency", "s")],
        ),
    ],
    "EFFICIENCY-METRIC": [
        (
            "GlideNet localises lanes on TuSimple with 96.1% accuracy and runs at 58 FPS on a Jetson Xavier.",
            [(96.1, "TuSimple", "Accuracy", "%"), (58, None, "FPS", "FPS")],
        ),
        (
            "Mixed-precision kernels cut training time by 44% for the ViT-L recipe on ImageNet-21k.",
            [(44, None, "Training Time", "%")],
        ),
        ("The streaming variant is accelerated by 2.6x when the cache is shared.", [(2.6, None, "Speedup", "x")]),
    ],
    "SPEED-AT-OPERATING-POINT": [
        (
            "On Cityscapes our segmenter reaches 78.4% mIoU at 41 ms latency per frame.",
            [(78.4, "Cityscapes", "mIoU", "%"), (41, "Cityscapes", "Latency", "ms")],
        ),
        (
            "Our tracker runs 2.7x faster than ByteTrack on the DanceTrack benchmark without extra tuning.",
            [(2.7, None, "Speedup", "x")],
        ),
        (
            "We test on MS MARCO. The distilled ranker cuts latency by 58% relative to its cross-encoder teacher.",
            [(58, None, "Latency", "%")],
        ),
    ],
    "SPEED-BUDGET": [
        (
            "Held to a 150 ms latency budget, the captioner still reaches 118.2 CIDEr on NoCaps.",
            [(118.2, "nocaps", "CIDEr", None)],
        ),
        (  # the share verb names the 71% (METRIC-OF-SHARE-VERB); the 2 s is a budget
            "Under a 2 s time limit per move, the engine wins 71% of its games.",
            [(71, None, "Win Rate", "%")],
        ),
        (
            "Given a 900 ms decoding deadline, the summariser still scores 44.0 ROUGE-1.",
            [(44.0, None, "ROUGE-1", None)],
        ),
    ],
    "PER-DENOMINATOR": [
        (
            "Decoding takes 9 ms per 320 ms audio window on a phone CPU.",
            [(9, None, "Decoding time (latency)", "ms")],  # SPEED-NAMED-BY-ACTIVITY names it
        ),
        ("Serving costs $0.12 per 1,000 generated images with our cache.", []),
        ("The tracker spends 2.2 ms per 64 detections on a desktop GPU.", [(2.2, None, "Latency", "ms")]),
    ],
    "FOLD-RATIO": [
        ("Batched beam pruning yields a 9-fold speedup over the reference decoder.", [(9, None, "Speedup", "x")]),
        (
            "The cache-aware planner gives a 14-fold reduction in latency for warehouse robots.",
            [(14, None, "Latency", "x")],
        ),
        ("Under 10-fold cross-validation the detector reaches 93.6% accuracy.", [(93.6, None, "Accuracy", "%")]),
        ("Our graph sampler brings a 4-fold increase in training throughput.", [(4, None, "Throughput", "x")]),
    ],
    "TIME-PER-ITEM-BY": [
        (
            "With pre-drawn contours, the tool shortened annotation time per volume by 37% for three raters.",
            [(37, None, "annotation time per volume", "%")],
        ),
        ("Index sharding reduces indexing time by 2.8x on commodity disks.", [(2.8, None, "indexing time", "x")]),
        ("Our heuristic brings the planning duration down by 52%.", [(52, None, "planning duration", "%")]),
    ],
    "SIZE-SHARE-OF-A-MODEL": [
        ("The pruned ranker keeps 30% of the cross-encoder's parameters.", []),
        (
            "Our adapter trains 0.6% of the backbone's weights and scores 71.9 on VTAB.",
            [(71.9, "VTAB", "Accuracy", None)],
        ),
        ("At 12% of the original model size, the draft model still drafts well.", []),
    ],
    "HARDWARE-OF-A-TIME": [
        (
            "It labels one gesture in 3.1 ms on a Cortex-M4 with 96.2% accuracy on the Jester benchmark.",
            [(3.1, None, "Latency", "ms"), (96.2, "Jester", "Accuracy", "%")],
        ),
    ],
    "SPEED-COMPARED-TIME": [
        (
            "The mesher tiles a city block in 4.2 minutes, versus 37 minutes for the octree baseline.",
            [(4.2, None, "Latency", "min"), (37, None, "Latency", "min")],
        ),
        (
            "Each rollout takes 0.8 s against 6.1 s for MCTS.",
            [(0.8, None, "Latency", "s"), (6.1, None, "Latency", "s")],
        ),
        ("The survey lasted 40 minutes, compared with 25 minutes last year.", []),
    ],
    "ENERGY": [
        ("Our accelerator uses 43% less energy than a desktop GPU for the same workload.", [(43, None, "Energy", "%")]),
        ("Event-driven inference cuts energy use by 2.7x on the keyword task.", [(2.7, None, "Energy", "x")]),
        ("Energy consumption per query drops by 61% compared with dense retrieval.", [(61, None, "Energy", "%")]),
    ],
    "TIME-LIMIT-OF-SHARE": [
        ("The arm stacks 7 of 12 blocks within 45 seconds.", []),
        ("Our prover closes 61% of the lemmas in under 5 minutes.", [(61, None, None, "%")]),
        ("The solver handles 900 out of 1,000 instances within 2 s each.", []),
        ("A full 3D scene is reconstructed within 8 minutes on a laptop.", [(8, None, "Latency", "min")]),
    ],
    "SPEED-ONE-OPERATING-POINT": [
        (
            "It scores 81.0 on NYUv2 and 64.4 on KITTI, and predicts a depth map in 12 ms.",
            [(81.0, "NYU Depth v2", "AbsRel", None), (64.4, "KITTI", "AP3D", None), (12, None, "Latency", "ms")],
        ),
    ],
}


@rule_cases(CASES)
def test_efficiency_rule(extractor: Extractor, rule: str, sentence: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    got = sorted((r.value, r.benchmark, r.metric, r.unit) for r in rows)
    assert got == sorted(expected), rule


def test_size_is_no_speed(extractor: Extractor) -> None:
    """A measured length before "wind speed" is a variable, not a speed-up."""
    rows = extractor.extract(Paper(paper_id="p", title="", abstract="We forecast 10 m wind speed at 40 stations."))
    assert [r.metric for r in rows] == []


def test_rate_after_run_verb_only() -> None:
    """RATE-AFTER-RUN-VERB (rules/rate_evidence.py): "runs at 25 Hz" is a result, a sampling rate is a setting."""
    from leaderboard.extract import Extractor
    from leaderboard.models import Paper

    ex = Extractor.default()
    runs = ex.extract(Paper("p", "", "The tracker runs at 25 Hz on a Jetson Nano."))
    assert [(r.value, r.metric) for r in runs] == [(25.0, "Frequency")]
    for text in ("Accelerometer streams are sampled at 100 Hz.", "The speech is resampled to 22 kHz."):
        assert ex.extract(Paper("p", "", text)) == [], text
