"""Value forms and lists of the probes round: a unit written once on a coordinated list, slash lists that share a
head or a prefix (SLASH-HEAD), slash lists of systems (SYSTEM-LIST), share verbs, listed whole numbers and
"respectively" runs. Sentences written for these tests (invented systems and numbers)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.models import Paper


def _rows(extractor: Extractor, text: str) -> list[tuple]:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    return sorted((r.value, r.benchmark, r.metric, r.unit) for r in rows)


@given(st.lists(st.integers(min_value=2, max_value=19), min_size=2, max_size=4, unique=True))
def test_unit_written_once_on_a_list(extractor: Extractor, gains: list[int]) -> None:
    words = [str(g) for g in gains]
    listed = ", ".join(words[:-1]) + " and " + words[-1]
    text = f"The tagger improves F1 by {listed} points over the CRF baseline."
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted(r.value for r in rows) == sorted(float(g) for g in gains)
    assert {r.unit for r in rows} == {"points"}
    assert {r.kind for r in rows} == {"delta"}


def test_slash_head_and_prefix(extractor: Extractor) -> None:
    assert _rows(extractor, "On LVIS our detector gets 36.1/32.9 box/mask AP.") == [
        (32.9, "LVIS", "Mask AP", None),
        (36.1, "LVIS", "Box AP", None),
    ]
    got = _rows(extractor, "On Gigaword the abstractive model reaches 39.2/20.1/36.4 ROUGE-1/2/L.")
    assert [m for _, _, m, _ in got] == ["ROUGE-2", "ROUGE-L", "ROUGE-1"]


def test_slash_list_of_systems_is_no_metric_list(extractor: Extractor) -> None:
    got = _rows(extractor, "Linear-probe top-1 on ImageNet (MAE / DINO / ours): 68.0 / 77.0 / 78.4.")
    assert got == [(v, "ImageNet", "Top-1 Accuracy", None) for v in (68.0, 77.0, 78.4)]


def test_share_verb_keeps_a_score_and_data_share_stays_out(extractor: Extractor) -> None:
    assert _rows(extractor, "Our agent completes 58% of WebShop episodes.") == [(58.0, "WebShop", "Success Rate", "%")]
    assert _rows(extractor, "The classifier was trained on 30% of ImageNet and evaluated on the rest.") == []


def test_settings_are_not_listed_results(extractor: Extractor) -> None:
    assert _rows(extractor, "We trained with 16 on ImageNet and 32 on COCO.") == []
    text = "With dropout set to 0.1 and 0.3 for the encoder and decoder respectively, training is stable."
    assert _rows(extractor, text) == []


def test_parenthesis_without_a_system_label_is_no_result(extractor: Extractor) -> None:
    assert _rows(extractor, "We used batches of 256 (vs. 512 in prior work).") == []
    assert _rows(extractor, "The pipeline was run on 8 GPUs (before 16) to save cost.") == []


def test_count_noun_before_a_metric_qualifies_it(extractor: Extractor) -> None:
    """COUNT-NOUN-MODIFIER (filters.metric_follows): "answer F1", "token accuracy" are metrics, not counts."""
    assert _rows(extractor, "The reader reaches 63.4 answer F1 on StrategyQA.") == [(63.4, "StrategyQA", "F1", None)]
    assert _rows(extractor, "Our model gets 27.5 sentence BLEU on IWSLT15.")[0][2] == "BLEU"
    assert [v for v, *_ in _rows(extractor, "The tagger obtains 95.3 token accuracy on CoNLL-2003.")] == [95.3]
    assert _rows(extractor, "The model was trained on 58 images per class.") == []
    assert _rows(extractor, "With only 100 images, accuracy is 71% on the held-out split.") == [
        (71.0, None, "Accuracy", "%")
    ]
