-- title: Metrics without a direction
-- description: Metrics the vocabulary gives no direction for; their results stay out of the leaderboard until a --vocab metrics file says whether higher is better.
SELECT metric, results, benchmarks, written_as, sources
FROM unknown_directions;
