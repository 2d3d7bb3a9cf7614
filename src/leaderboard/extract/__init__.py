"""Extract: the number grammar, the vocabulary and attribution; one paper in, results out."""

from leaderboard.extract.extractor import Extractor

__all__ = ["Extractor"]
