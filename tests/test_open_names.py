"""Spec cases of the open-vocabulary benchmark rules (extract/open_names.py). Sentences written for these tests
with invented dataset names; each row is (value, benchmark, benchmark_known, metric)."""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from tests.helpers import rule_cases

CASES = {
    "NAME-ACRONYM-HEAD": [
        ("The tagger reaches 88.4 F1 on the Kestrel Legal (KLC) corpus.", [(88.4, "Kestrel Legal (KLC)", False, "F1")]),
        (
            "For the Lisbon Sign Motion (LSM) database we measure 93.6% recognition accuracy.",
            [(93.6, "Lisbon Sign Motion (LSM)", False, "Accuracy")],
        ),
        (
            "Our summariser tops the Nordic News Digest (NND-22) challenge with a ROUGE-L of 44.9.",
            [(44.9, "Nordic News Digest (NND-22)", False, "ROUGE-L")],
        ),
    ],
    "EVENT-ON-TITLE-ACRONYM": [
        (
            "Our system ranked first in the Competition on Legal Argument Mining (CLAM) 2019 with a macro-F1 of 0.741.",
            [(0.741, "Competition on Legal Argument Mining (CLAM) 2019", False, "Macro-F1")],
        ),
        (
            "In the Challenge on Marine Debris Detection (MDD), the detector obtains 38.6 AP.",
            [(38.6, "Challenge on Marine Debris Detection (MDD)", False, "AP")],
        ),
        (
            "Entered in the Shared Task on Code-Mixed Humour (CMH-2024), our ensemble gets 0.705 F1.",
            [(0.705, "Shared Task on Code-Mixed Humour (CMH-2024)", False, "F1")],
        ),
    ],
    "TASK-OF-EVENT": [
        ("On Task 3 of PARSEME-2023 our tagger achieves 71.2 F1.", [(71.2, "PARSEME-2023 Task 3", False, "F1")]),
        (
            "For subtask B of CLEF 2022, the ranker obtains 0.552 nDCG@10.",
            [(0.552, "CLEF 2022 Task B", False, "NDCG@10")],
        ),
        (
            "The parser is placed second at Task 5 of the MRP-2020 evaluation with an F1 of 0.82.",
            [(0.82, "MRP-2020 Task 5", False, "F1")],
        ),
    ],
    "LIST-SIBLING": [
        (
            "Accuracy rises on Flowers-102 (97.4%), Stanford Birdsong (88.1%) and Oxford-IIIT Pets (94.3%).",
            [
                (97.4, "Oxford 102 Flowers", True, "Accuracy"),
                (88.1, "Stanford Birdsong", False, "Accuracy"),
                (94.3, "Oxford-IIIT Pets", True, "Accuracy"),
            ],
        ),
        (
            "It lifts F1 on three corpora: BC5CDR to 90.3%, GeneReviews-X to 84.1% and NCBI-disease to 88.9%.",
            [
                (90.3, "BC5CDR", True, "F1"),
                (84.1, "GeneReviews-X", False, "F1"),
                (88.9, "NCBI-disease", True, "F1"),
            ],
        ),
        (
            "We obtain 61.0% on ImageNet-R, 44.7% on Museum Sketch and 72.9% on ImageNet-A.",
            [
                (61.0, "ImageNet-R", True, "Top-1 Accuracy"),
                (44.7, "Museum Sketch", False, "Top-1 Accuracy"),
                (72.9, "ImageNet-A", True, "Top-1 Accuracy"),
            ],
        ),
    ],
    "LIST-SIBLING-FORMS": [  # value (name) items, "to v on A" items, labelled values in parentheses
        (
            "We obtain accuracies of 88.1% (CIFAR-100), 71.4% (Quokka-Birds) and 80.2% (ImageNet).",
            [
                (88.1, "CIFAR-100", True, "Accuracy"),
                (71.4, "Quokka-Birds", False, "Accuracy"),
                (80.2, "ImageNet", True, "Accuracy"),
            ],
        ),
        (
            "The tracker improves HOTA to 64.2 on MOT17, to 61.8 on DanceTrack and to 55.0 on the Pelican-Crowd set.",
            [(64.2, "MOT17", True, "HOTA"), (61.8, "DanceTrack", True, "HOTA"), (55.0, "Pelican-Crowd", False, "HOTA")],
        ),
        (
            "Across Kvasir-SEG (Dice 0.921), Heron-Polyp (Dice 0.874) and CVC-ClinicDB (Dice 0.935) it is best.",
            [
                (0.921, "Kvasir-SEG", True, "Dice"),
                (0.874, "Heron-Polyp", False, "Dice"),
                (0.935, "CVC-ClinicDB", True, "Dice"),
            ],
        ),
    ],
    "GLUED-SCORE": [  # a known benchmark glued to "score": the benchmark's own score
        ("The student obtains an MTEBscore of 63.9 after two epochs.", [(63.9, "MTEB", True, "MTEB score")]),
        (
            "Our bilingual encoder reaches a CLUE-Score of 74.6 after distillation.",
            [(74.6, "CLUE", True, "CLUE score")],
        ),
        (
            "With 4-bit weights the model achieves a SuperGLUEscore of 81.0.",
            [(81.0, "SuperGLUE", True, "SuperGLUE score")],
        ),
    ],
    "NAME-MODIFIER-HEAD": [  # a hyphenated modifier between the name and its head word
        (
            "Our detector sets a new record on the Kestrel open-vocabulary benchmark with a mean 31.4 AP.",
            [(31.4, "Kestrel", False, "AP")],
        ),
        (
            "On the Tern-9 few-shot benchmark the retriever reaches a Recall@10 of 0.713.",
            [(0.713, "Tern-9", False, "Recall@10")],
        ),
        (  # metric.of_share_verb: a share of tasks solved is a success rate
            "The agent solves 44.5% of the tasks in the Marlow multi-turn benchmark.",
            [(44.5, "Marlow", False, "Success Rate")],
        ),
    ],
    "NAME-IN-LANGUAGE-HEAD": [  # the language of a shared task is not its name
        (
            "Within the SemEval Hate Speech Detection in Spanish task, our system attains a macro-F1 of 0.781.",
            [(0.781, "SemEval Hate Speech Detection", False, "Macro-F1")],
        ),
        (
            "Our team placed second in the CASE Event Extraction in Hindi challenge with an F1 of 61.2%.",
            [(61.2, "CASE Event Extraction", False, "F1")],
        ),
        (
            "As participants in the ClinicalQA Retrieval for German shared task, we obtained an nDCG of 0.612.",
            [(0.612, "ClinicalQA Retrieval", False, "NDCG")],
        ),
    ],
    "NAME-LIST-SIBLING": [  # a plain name list with one known member
        (
            "Tests on UrbanSound8K, ESC-50 and FSD-Kaggle show accuracies of 91.2%, 95.1% and 89.6%, respectively.",
            [
                (91.2, "UrbanSound8K", True, "Accuracy"),
                (95.1, "ESC-50", True, "Accuracy"),
                (89.6, "FSD-Kaggle", False, "Accuracy"),
            ],
        ),
        (
            "Across Marlin-QA and HotpotQA our reader gets 61.0 and 70.2 F1, respectively.",
            [(61.0, "Marlin-QA", False, "F1"), (70.2, "HotpotQA", True, "F1")],
        ),
        (
            "Using Cityscapes as well as ACDC-Night, the model reaches 81.3 and 49.6 mIoU respectively.",
            [(81.3, "Cityscapes", True, "mIoU"), (49.6, "ACDC-Night", False, "mIoU")],
        ),
    ],
    "SHORT-FORM-IN-SLOT": [  # a listed short form in a benchmark slot of a result sentence
        (  # a copula after the slot that gives the value keeps it a slot
            "The linear probe accuracy on Flowers is 97.1%.",
            [(97.1, "Oxford 102 Flowers", True, "linear probe accuracy")],
        ),
        (
            "Our classifier reaches 88.4% on Flowers and 79.2% on Cars.",
            [(88.4, "Oxford 102 Flowers", True, "Accuracy"), (79.2, "Stanford Cars", True, "Accuracy")],
        ),
        (
            "Linear probing gives 91.7% on Aircraft and 72.3% for Textures.",
            [(91.7, "FGVC-Aircraft", True, "Accuracy"), (72.3, "DTD", True, "Accuracy")],
        ),
        (
            "We report 61.3% on Pets, 93.2% on Caltech and 84.0% on Food.",
            [
                (61.3, "Oxford-IIIT Pets", True, "Accuracy"),
                (93.2, "Caltech", False, "Accuracy"),
                (84.0, "Food-101", True, "Accuracy"),
            ],
        ),
        (  # graph benchmarks named by a common word: only in the slot, as written
            "HeteroGT attains 39.8% on Actor, 86.5% on Texas and 84.9% on Wisconsin.",
            [
                (39.8, "Actor (film co-occurrence)", True, "Accuracy"),
                (86.5, "WebKB-Texas", True, "Accuracy"),
                (84.9, "WebKB-Wisconsin", True, "Accuracy"),
            ],
        ),
        (
            "Our state tracker reaches 62.0% joint goal accuracy on SGD and 57.1% on MultiWOZ 2.4.",
            [
                (57.1, "MultiWOZ 2.4", True, "Joint Goal Accuracy"),
                (62.0, "Schema-Guided Dialogue", True, "Joint Goal Accuracy"),
            ],
        ),
    ],
    "LIST-SIBLING-BARE": [  # "A 92.4, B 58.1 and C 77.9": name-value items with measured values
        (
            "Token F1 per corpus: CoNLL-2003 92.4, WNUT-17 58.1 and Ardmore-News 77.9.",
            [(92.4, "CoNLL 2003", True, "F1"), (58.1, "WNUT 2017", True, "F1"), (77.9, "Ardmore-News", False, "F1")],
        ),
        (
            "Accuracy by dataset: CIFAR-10 96.2, Pembrook Shapes 88.3, SVHN 97.1.",
            [
                (96.2, "CIFAR-10", True, "Accuracy"),
                (88.3, "Pembrook Shapes", False, "Accuracy"),
                (97.1, "SVHN", True, "Accuracy"),
            ],
        ),
        (
            "BLEU scores are IWSLT14 De-En 36.1, Calder-Subs 29.4 and WMT14 En-De 28.7.",
            [
                (36.1, "IWSLT2014 German-English", True, "BLEU"),
                (29.4, "Calder-Subs", False, "BLEU"),
                (28.7, "WMT2014 English-German", True, "BLEU"),
            ],
        ),
    ],
    "LIST-SIBLING-COLON": [  # "A: v1, B: v2, C: v3"
        (
            "Per-dataset Dice: BraTS: 0.89, Kessling Liver: 0.81, ACDC: 0.92.",
            [(0.89, "BraTS", True, "Dice"), (0.81, "Kessling Liver", False, "Dice"), (0.92, "ACDC", True, "Dice")],
        ),
        (
            "Top-1 by dataset - CIFAR-100: 81.3%, Ashgrove Moths: 66.0%.",
            [(81.3, "CIFAR-100", True, "Accuracy"), (66.0, "Ashgrove Moths", False, "Top-1 Accuracy")],
        ),
        (
            "BLEU per test set: Carlow-Subs: 27.2 and WMT14 En-De: 29.9.",
            [(27.2, "Carlow-Subs", False, "BLEU"), (29.9, "WMT2014 English-German", True, "BLEU")],
        ),
    ],
    "LIST-SIBLING-SPREAD": [  # "v ± s on A": the spread belongs to the value, the item still joins the list
        (
            "Macro-F1 is 64.2 ± 0.7 on Cora, 58.9 ± 1.4 on Brenner Citations and 70.3 ± 0.5 on PubMed.",
            [
                (64.2, "Cora", True, "Macro-F1"),
                (58.9, "Brenner Citations", False, "Macro-F1"),
                (70.3, "PubMed", True, "Macro-F1"),
            ],
        ),
        (
            "Mean accuracy was 81.5 ± 2.1 on CiteSeer and 47.0 ± 3.3 on Tolland Webgraph over five seeds.",
            [(81.5, "Citeseer", True, "Mean Accuracy"), (47.0, "Tolland Webgraph", False, "Mean Accuracy")],
        ),
        (
            "We obtain 33.6 ± 0.9% on the Linwood Forums graph and 88.1 ± 0.4% on Cora.",
            [(33.6, "Linwood Forums", False, "Accuracy"), (88.1, "Cora", True, "Accuracy")],
        ),
    ],
    "MODIFIED-MEMBER": [  # an article and lower-case modifiers open a member; they are not part of its name
        (
            "We report 91.0% on CIFAR-10, 67.3% on CIFAR-100 and 74.5% on the in-house Kilbride Parts set.",
            [
                (91.0, "CIFAR-10", True, "Accuracy"),
                (67.3, "CIFAR-100", True, "Accuracy"),
                (74.5, "Kilbride Parts", False, "Accuracy"),
            ],
        ),
        (
            "Dice reaches 0.88 on BraTS, 0.79 on the internal Carrick Liver cohort and 0.91 on ACDC.",
            [(0.88, "BraTS", True, "Dice"), (0.79, "Carrick Liver", False, "Dice"), (0.91, "ACDC", True, "Dice")],
        ),
        (
            "The model achieves 41.2 and 37.5 BLEU on IWSLT14 De-En and the in-house Verdant-MT set, respectively.",
            [(41.2, "IWSLT2014 German-English", True, "BLEU"), (37.5, "Verdant-MT", False, "BLEU")],
        ),
        (
            "It reaches 71.2% on SST-2 and 64.0% on the held-out Brackley Reviews split.",
            [(71.2, "SST-2", True, "Accuracy"), (64.0, "Brackley Reviews", False, "Accuracy")],
        ),
    ],
    "FRONTED-SLOT": [  # "On X," opening a sentence or a conjunct names the clause's benchmark
        (
            "On the Meridian-9 test set, the parser scores 84.1 LAS.",
            [(84.1, "Meridian-9", False, "LAS")],
        ),
        (
            "Training uses 8 GPUs, and on Tallis Forms, our tagger reaches 91.3% accuracy.",
            [(91.3, "Tallis Forms", False, "Accuracy")],
        ),
        (
            "We keep ImageNet at 80.2% top-1. On Quarry Scenes segmentation, the same encoder gives 47.6 mIoU.",
            [(80.2, "ImageNet", True, "Top-1 Accuracy"), (47.6, "Quarry Scenes", False, "mIoU")],
        ),
        (  # hardware and lower-case openers are no names
            "On A100 GPUs, decoding takes 12 ms. On average, the Brix-QA score rises by 2.1 points.",
            [(12.0, None, None, "Decoding time (latency)"), (2.1, None, None, None)],  # SPEED-NAMED-BY-ACTIVITY
        ),
        (  # no comma: the clause opens with a subject word, a metric or a model
            "Top-1 reaches 81.0% on ImageNet, and on Glimmerfield Flowers it reaches 93.4%.",
            [(81.0, "ImageNet", True, "Top-1 Accuracy"), (93.4, "Glimmerfield Flowers", False, "Top-1 Accuracy")],
        ),
        (  # lower-case modifiers before the name, a head word after it
            "We obtain 52.1 mIoU on ADE20K; on the in-house Harrowgate Aerial set our model gets 47.3 mIoU.",
            [(52.1, "ADE20K", True, "mIoU"), (47.3, "Harrowgate Aerial", False, "mIoU")],
        ),
        (  # a metric opens the clause; the earlier number keeps its own name
            "On Vesper-QA EM is 61.5 and on the private Dunmore Trivia set EM rises to 48.0.",
            [(61.5, "Vesper-QA", False, "Exact Match"), (48.0, "Dunmore Trivia", False, "Exact Match")],
        ),
        (  # a model opens the clause
            "On the multilingual Veldmark-X benchmark GPT-4 scores 71.2% while our model scores 74.9%.",
            [(71.2, "Veldmark-X", False, None), (74.9, "Veldmark-X", False, None)],
        ),
        (  # no name: a lower-case opener, hardware, a language, a count
            "On the other hand it reaches 88.1% on CIFAR-10, and on English it gets 91.2 F1 on CoNLL-2003.",
            [(88.1, "CIFAR-10", True, "Accuracy"), (91.2, "CoNLL 2003", True, "F1")],
        ),
    ],
    "NAME-VERSION": [  # a whole-number release "N.0" after an unknown name in an "on" slot is part of the name
        (
            "It scores 88.1 F1 on Tirana-NER 2.0 and 71.0 on WikiANN.",
            [(88.1, "Tirana-NER 2.0", False, "F1"), (71.0, "WikiANN", True, "F1")],
        ),
        ("We report 62.7 EM on HotBench 1.0.", [(62.7, "HotBench 1.0", False, "Exact Match")]),
        (
            "Accuracy reaches 91.0 on CIFAR 10 and 70.2 on KlueQA 3.0, its newest release.",
            [(91.0, "CIFAR-10", True, "Accuracy"), (70.2, "KlueQA 3.0", False, "Accuracy")],
        ),
    ],
    "CAMPAIGN-PAIR": [  # a translation campaign, its year and a language pair, at the end of its sentence too
        ("Our system obtains 26.1 BLEU on WMT13 Spanish-English.", [(26.1, "WMT13 Spanish-English", False, "BLEU")]),
        (
            "The adapter adds 1.4 BLEU on IWSLT'16 Arabic-English over the dense baseline.",
            [(1.4, "IWSLT'16 Arabic-English", False, "BLEU")],
        ),
        ("Back-translation yields 19.7 BLEU on WMT12 Czech-English.", [(19.7, "WMT12 Czech-English", False, "BLEU")]),
    ],
    "VERSION-OF-NAME": [  # a bare version in a value's "on" slot inside the parenthesis after a name
        (
            "The encoder achieves state-of-the-art results on Moments in Time (41.2% on V1 and 44.9% on V2).",
            [(41.2, "Moments in Time V1", False, None), (44.9, "Moments in Time V2", False, None)],
        ),
        (
            "Our tracker is evaluated on Harbor-Track (an EAO of 0.512 on v2 and 0.487 on v3).",
            [(0.512, "Harbor-Track V2", False, "EAO"), (0.487, "Harbor-Track V3", False, "EAO")],
        ),
        (
            "It improves on UCF101 (97.1%) and Something-Something (61.3% top-1 on V1, 72.8% top-1 on V2).",
            [
                (97.1, "UCF101", True, "Accuracy"),  # metric.named_as_usual: UCF101 reports Accuracy
                (61.3, "Something-Something V1", True, "Top-1 Accuracy"),
                (72.8, "Something-Something V2", True, "Top-1 Accuracy"),
            ],
        ),
    ],
}


@rule_cases(CASES)
def test_open_name_rule(extractor: Extractor, rule: str, sentence: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    assert sorted((r.value, r.benchmark, r.benchmark_known, r.metric) for r in rows) == sorted(expected), rule


def test_sibling_metric_is_marked_implied(extractor: Extractor) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=CASES["LIST-SIBLING"][2][0]))
    assert [r.metric_implied for r in sorted(rows, key=lambda r: r.value)] == [True, True, True]


def test_no_list_without_a_known_member(extractor: Extractor) -> None:
    """Two unknown names in a list: nothing to say they are benchmarks (no known sibling)."""
    text = "The probe scores 71.2% on Alder Ridge (v1) and 65.0% on Birch Hollow."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert all(r.benchmark != "Alder Ridge" for r in rows)


def test_name_of_later_results_is_not_carried_back(extractor: Extractor) -> None:
    """The one benchmark of an abstract, first named with later results, is theirs: an earlier number with a
    metric does not take it (benchmark.single_in_abstract)."""
    texts = [
        "Class imbalance alone costs up to 14% accuracy for small networks. Fine-tuned with our sampler, "
        "accuracy on STL-10 increases by about 9%.",
        "Skewed client data lowers the F1 by 6.2 points. With our aggregation, F1 on the Reuters-21578 corpus "
        "rises to 88.0.",
    ]
    got = [
        sorted((r.value, r.benchmark) for r in extractor.extract(Paper(paper_id="p", title="", abstract=t)))
        for t in texts
    ]
    assert got == [[(9.0, "STL-10"), (14.0, None)], [(6.2, None), (88.0, "Reuters-21578")]]


def test_name_of_a_number_free_sentence_is_still_carried(extractor: Extractor) -> None:
    text = "We evaluate on the ogbn-arxiv graph. Label noise cuts accuracy by 11%. Our loss recovers 72.3% accuracy."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted((r.value, r.benchmark) for r in rows) == [(11.0, "ogbn-arxiv"), (72.3, "ogbn-arxiv")]


def test_compared_name_is_not_the_single_benchmark(extractor: Extractor) -> None:
    """ "than X", "0.21 X perplexity and 97%" in the number's own sentence: X is held by a comparison or by another
    number, it is not the number's benchmark."""
    texts = [
        "Our corpus yields 4 times more distinct errors than CoNLL-2003, with 91.5% inter-annotator agreement.",
        "Trained on far less data than ImageNet-21k requires, the Lynx-S model reaches 83.1% top-1 accuracy.",
        "The 3-bit model loses only 0.21 C4 perplexity and keeps 97% of its few-shot accuracy.",
    ]
    got = [[r.benchmark for r in extractor.extract(Paper(paper_id="p", title="", abstract=t))] for t in texts]
    assert got == [[None, None], [None], ["C4", None]]


def test_version_in_the_name_is_not_a_subset(extractor: Extractor) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=CASES["VERSION-OF-NAME"][1][0]))
    assert [r.subset for r in rows] == [None, None]


def test_short_form_outside_a_slot_is_no_benchmark(extractor: Extractor) -> None:
    """ "Pets" as a subject, "Textures synthesised", lower-case "cars", a title word: not the benchmarks."""
    for title, text in (
        (None, "We study Pets and their owners, reaching 64.0% accuracy."),
        (None, "We focus on Textures synthesised by GANs and obtain an FID of 12.1."),
        (None, "It works on cars and pets, with 91.0% accuracy on both."),
        ("Cars: Learning to Drive from Video", "The agent reaches a 71.2% success rate."),
        (None, "We optimise with SGD and a cosine schedule, reaching 73.4% top-1 accuracy."),
        (None, "Trained with SGD for 90 epochs, the network scores 76.0% accuracy."),
        (None, "An Actor network and a Critic network reach a 64.2% success rate."),
        (None, "Models trained in Texas hospitals reach 0.91 AUROC."),
        (None, "Pretrained on Beauty and Toys, the recommender reaches 0.061 NDCG@10."),
        (None, "Fine-tuned on Reddit conversations, the chatbot reaches a 61.2% win rate."),
    ):
        rows = extractor.extract(Paper("p", title, text))
        assert rows and [r.benchmark for r in rows] == [None] * len(rows), text


def test_hold_out_set_heads_an_unknown_name(extractor: Extractor) -> None:
    """ "evaluated on the X hold-out set": grammar benchmark heads include the held-out set forms."""
    for text, name in (
        ("Evaluated on the MINC-2500 hold-out set, the encoder achieves 84.1% accuracy.", "MINC-2500"),
        ("Our parser reaches 90.2 LAS on the Tamil-HDT held-out set.", "Tamil-HDT"),
        ("On the Orchard-17 holdout set the counter attains an MAE of 3.4.", "Orchard-17"),
    ):
        rows = extractor.extract(Paper("p", None, text))
        assert [r.benchmark for r in rows] == [name], text


def test_a_measured_number_is_no_list_member(extractor: Extractor) -> None:
    """ "on COCO and 63.2 AP ...": NAME-LIST-SIBLING never takes a number with its unit as a name."""
    text = "Our detector obtains 41.0 AP on COCO and 63.2 AP on Objects365."
    rows = extractor.extract(Paper("p", None, text))
    assert [(r.value, r.benchmark) for r in rows] == [(41.0, "COCO"), (63.2, "Objects365")]


def test_modifiers_and_plural_acronyms_are_no_list_members(extractor: Extractor) -> None:
    """ "on ImageNet and Transformer-based models", "on ImageNet and CNNs": not datasets."""
    for text in (
        "Our approach reaches 81.3% on ImageNet and Transformer-based models gain 1.2%.",
        "Results on ImageNet and CNNs show 79.2% accuracy.",
        "We compare on CIFAR-10 and Adam-trained networks reach 94.1%.",
    ):
        rows = extractor.extract(Paper("p", None, text))
        assert {r.benchmark for r in rows} <= {"ImageNet", "CIFAR-10"}, text


def test_indefinite_description_is_no_name(extractor: Extractor) -> None:
    """INDEFINITE-DESCRIPTION (names.py): "a/an X task|benchmark" describes a kind of data, it names none; "the X
    benchmark" still names one."""
    title = "Back-Translation and Data Filtering for a Low-Resource Translation Task"
    rows = extractor.extract(Paper(paper_id="p", title=title, abstract="We reach 24.1 BLEU on the test set."))
    assert [(r.value, r.benchmark) for r in rows] == [(24.1, None)]
    text = "We reach 61.0% on the Tilbury Logic benchmark and 55.1% on a Synthetic Counting benchmark."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert {r.benchmark for r in rows} == {"Tilbury Logic"}


def test_fronted_slot_of_hardware_is_no_name(extractor: Extractor) -> None:
    """FRONTED-SLOT: a name followed by a hardware word ("On Android phones it ...") names a device, not data."""
    texts = [
        "On Android phones it runs at 30 FPS with 74.1% accuracy.",
        "We reach 81.0% on ImageNet, and on Pixel smartphones it runs in 12 ms with 79.2% top-1.",
    ]
    for text in texts:
        rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
        assert rows and {r.benchmark for r in rows} <= {None, "ImageNet"}, text


def test_benchmark_is_no_sentence_subject(extractor: Extractor) -> None:
    """method.sentence_subject: a subject that ends in a benchmark of the sentence names no system."""
    text = "mAP on Pascal VOC, Fenwick Drones and COCO is 82.1, 45.3 and 51.0, respectively."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted((r.value, r.benchmark, r.method) for r in rows) == [
        (45.3, "Fenwick Drones", None),
        (51.0, "COCO", None),
        (82.1, "PASCAL VOC", None),
    ]


def test_suite_of_sets_names_one_coded_suite(extractor: Extractor) -> None:
    """SUITE-OF-SETS (names.py): one name coded with letters and a digit before a plural set head ("our X-9 test
    sets") names the suite; a plain word before one ("the NLP datasets") names nothing."""
    for text, name in (
        ("Transfer to Wolof improves by 4.2 points on our MasakhaPOS-3 test sets.", "MasakhaPOS-3"),
        ("The retriever averages 51.7 nDCG@10 over the Quarry-12 datasets.", "Quarry-12"),
        ("On the TabArena2 benchmarks our model wins 61% of pairwise comparisons.", "TabArena2"),
        ("It gains 3.2 points on the NLP datasets.", None),
    ):
        rows = extractor.extract(Paper("p", None, text))
        assert [r.benchmark for r in rows] == [name], text


def test_possessive_compound_is_no_name(extractor: Extractor) -> None:
    """POSSESSIVE-COMPOUND: "in Bird's-Eye View", "for Driver's-Seat Cameras" in a title are compound nouns: their
    first word is no benchmark the title gives the results."""
    for title in ("Sparse Occupancy in Bird's-Eye View", "Gaze Tracking for Driver's-Seat Cameras"):
        rows = extractor.extract(Paper(paper_id="p", title=title, abstract="Our model reaches 61.5% NDS."))
        assert [r.benchmark for r in rows] == [None], title


def test_improves_on_names_the_system(extractor: Extractor) -> None:
    """IMPROVES-ON-SYSTEM: the unknown name after "improves on" is the system improved on, not a benchmark."""
    for text, bench in (
        ("On ShanghaiTech-B the MAE improves on GauNet by 0.9.", "ShanghaiTech-B"),
        ("Our parser improves on StackPointer-X by 1.3 LAS.", None),
    ):
        rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
        assert [r.benchmark for r in rows] == [bench], text
