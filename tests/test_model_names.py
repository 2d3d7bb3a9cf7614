"""MODEL-NAME (extract/model_names.py): a network named in a benchmark slot is not a benchmark."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.extract.model_names import ModelNames
from leaderboard.extract.vocab import Entry
from leaderboard.models import Paper


@pytest.fixture(scope="module")
def models() -> ModelNames:
    return ModelNames.of({"model_family": frozenset({"MiT", "Swin"})}, [Entry("ConvNeXt-T", ("ConvNeXt Tiny",))])


@pytest.mark.parametrize("name", ["MiT-B3", "Swin-L", "Swin", "ConvNeXt-XL", "ConvNeXt V2", "ConvNeXt-B/16"])
def test_a_family_with_a_size_code_is_a_model(models: ModelNames, name: str) -> None:
    assert models.is_model(name) is True


@pytest.mark.parametrize("name", ["MIT67", "MIT-BIH", "Swin-Bench", "ConvNeXtBench", "Swinburne", "Kinetics-700"])
def test_other_names_are_not(models: ModelNames, name: str) -> None:
    assert models.is_model(name) is False


@pytest.mark.parametrize(
    "text",
    [
        "Our segmenter obtains 77.9 mIoU with a Swin-L backbone and 75.1 mIoU on MiT-B3.",
        "The detector gets 47.3 AP on EfficientNet-B5 and 49.0 AP on ResNeXt-152.",
        "Linear probing reaches 83.6% top-1 accuracy on RegNetY-32GF.",
    ],
)
def test_no_model_is_taken_as_the_benchmark(extractor: Extractor, text: str) -> None:
    rows = extractor.extract(Paper("p", None, text))
    assert rows and [r.benchmark for r in rows] == [None] * len(rows)


def test_a_dataset_in_the_same_slot_is_still_found(extractor: Extractor) -> None:
    rows = extractor.extract(Paper("p", None, "With ResNet-50 we reach 41.2 AP on the Harbourview dataset."))
    assert [(r.value, r.benchmark) for r in rows] == [(41.2, "Harbourview")]
