"""Ranking engine: reported results -> pairwise comparisons -> ratings with intervals and leaderboards.

See `api` for the entry points (`rank_results`, `rank_battles`) and the estimators each module provides.
"""

from leaderboard.rank.api import RankingResult, rank_battles, rank_pairs, rank_results

__all__ = ["RankingResult", "rank_battles", "rank_pairs", "rank_results"]
