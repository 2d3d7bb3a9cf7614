"""SHORT-MENTION (extract/short_mentions.py): a known benchmark named in full, later by its first word."""

from __future__ import annotations

from leaderboard.extract import Extractor
from leaderboard.models import Paper


def _rows(extractor: Extractor, text: str) -> list[tuple[float, str | None]]:
    return [(r.value, r.benchmark) for r in extractor.extract(Paper("p", None, text))]


def test_first_word_of_a_known_name_takes_it(extractor: Extractor) -> None:
    text = (
        "We test on the Oxford-IIIT Pets and Describable Textures collections. "
        "Our probe reaches 91.4% on the Oxford benchmark and 74.9% on the Describable benchmark."
    )
    assert _rows(extractor, text) == [(91.4, "Oxford-IIIT Pets"), (74.9, "DTD")]


def test_ambiguous_first_word_stays_unknown(extractor: Extractor) -> None:
    text = (
        "Experiments are run on the Stanford Cars and Stanford Dogs datasets. "
        "We obtain 93.0% on the Stanford benchmark."
    )
    assert _rows(extractor, text) == [(93.0, "Stanford")]


def test_a_word_never_written_in_full_stays_as_written(extractor: Extractor) -> None:
    text = "Our tagger obtains 88.1 F1 on the Harbor benchmark."
    assert _rows(extractor, text) == [(88.1, "Harbor")]
