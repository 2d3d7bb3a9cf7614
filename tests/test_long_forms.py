"""LONG-FORM-WITH-ACRONYM (extract/long_forms.py): a benchmark written in full with its short form in parentheses is
one mention whose surface keeps both forms. Sentences written for these tests."""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.models import Paper


def test_long_form_and_short_form_are_one_mention(extractor: Extractor) -> None:
    for text, name, raw in (
        (
            "Our digit reader reaches 98.1% accuracy on the Street View House Numbers (SVHN) test images.",
            "SVHN",
            "Street View House Numbers (SVHN)",
        ),
        (
            "Fine-tuned on the Multi-Genre NLI corpus (MNLI), Wren-Base reaches 86.2% accuracy.",
            "MultiNLI",
            "Multi-Genre NLI corpus (MNLI)",
        ),
        (
            "On the Stanford Sentiment Treebank ( SST-2 ) the distilled tagger keeps 92.6% accuracy.",
            "SST-2",
            "Stanford Sentiment Treebank ( SST-2 )",
        ),
    ):
        rows = extractor.extract(Paper("p", None, text))
        assert [(r.benchmark, r.benchmark_raw) for r in rows] == [(name, raw)], text



def test_a_different_name_in_parentheses_is_no_short_form(extractor: Extractor) -> None:
    """ "PASCAL VOC (COCO-style AP)": only a short form of the same entry joins the name before it."""
    text = "The detector scores 80.2 mAP on PASCAL VOC (and 44.0 AP on COCO)."
    rows = extractor.extract(Paper("p", None, text))
    assert [(r.benchmark, r.benchmark_raw) for r in rows] == [("PASCAL VOC", "PASCAL VOC"), ("COCO", "COCO")]
