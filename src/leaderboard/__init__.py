"""leaderboard: results reported in papers, as a queryable fact table, rankings and a dashboard."""

__version__ = "0.1.0"
