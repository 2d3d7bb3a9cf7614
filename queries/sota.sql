-- title: State of the art per benchmark and metric
-- description: The best reported value on each benchmark, metric and setting (by the metric's direction), with the paper that reports it.
SELECT benchmark, subset, metric, unit, method, value_text, title, published, url
FROM leaderboard
WHERE position = 1
ORDER BY benchmark, metric, subset NULLS FIRST
