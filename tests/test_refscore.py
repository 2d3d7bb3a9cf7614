"""The judging rules reimplemented in extract/refscore.py, on small hand-made gold."""

from __future__ import annotations

from leaderboard.extract.refscore import Names, Tally, exhaustive, recall_figures, recall_only, value_match
from leaderboard.models import Result


def _p(value: float, text: str, bench: str | None, metric: str | None) -> Result:
    return Result(paper_id="a", value=value, value_text=text, benchmark=bench, metric=metric)


def test_value_match_rounding_and_percent() -> None:
    assert value_match(93.2, 93.16, "93.2")
    assert value_match(0.924, 92.4, "0.924")
    assert not value_match(0.924, 92.4, "0.924%")
    assert not value_match(93.2, 93.3, "93.2")


def test_names_spelling_version_acronym_synonym() -> None:
    n = Names.load()
    assert n.match("SQuAD1.1", "SQuAD v1.1")
    assert n.match("WMT'17 En-De", "WMT 2017 English-German")
    assert n.match("mIoU", "mean IoU")
    assert n.match("PPL", "perplexity")
    assert n.match("CCN", "Crowd Counting Net")
    assert not n.match("BLEU", "ROUGE-L")
    assert not n.match("CIFAR-10", "unspecified")


def test_exhaustive_counts_fields_and_extras() -> None:
    n, t = Names.load(), Tally()
    golds = [
        {"id": "a", "value": 81.2, "benchmark": "Flowers-102", "metric": "accuracy", "confidence": "clear"},
        {"id": "a", "value": 3.5, "benchmark": "unspecified", "metric": "speedup", "confidence": "clear"},
        {"id": "a", "value": 7.0, "benchmark": "Flowers-102", "metric": "FID", "confidence": "clear"},
    ]
    nons = [{"id": "a", "value": 12, "surface": "12 layers"}]
    preds = [_p(81.2, "81.2%", "Flowers-102", "Accuracy"), _p(3.5, "3.5x", "Flowers-102", "Speedup")]
    preds.append(_p(12, "12", None, None))
    exhaustive(n, preds, golds, nons, t)
    f = t.figures()
    assert (t.predicted, t.value_tp, t.clear) == (3, 2, 3)
    assert round(f["value_precision"], 3) == 0.667 and round(f["tuple_recall"], 3) == 0.333
    assert t.errors == {"benchmark given, none stated": 1, "value missed": 1, "extra row (known non-result)": 1}


def test_recall_only_takes_the_best_prediction() -> None:
    n, t = Names.load(), Tally()
    row = {
        "paper_id": "a",
        "abstract": "We reach 45.1 BLEU on WMT14 and 45.1 on a private set.",
        "tuples": [{"dataset": "WMT2014 English-German", "metric": "BLEU score", "score": "45.1"}],
    }
    recall_only(n, [_p(45.1, "45.1", None, None), _p(45.1, "45.1", "WMT14", "BLEU")], row, t)
    assert recall_figures(t) == {"value_recall": 1.0, "value_dataset_recall": 1.0, "value_dataset_metric_recall": 1.0}
