-- title: Leaderboard of one benchmark and metric
-- description: Every method's best value on a benchmark and metric, best first.
-- param benchmark: CIFAR-10
-- param metric: FID
SELECT position, method, value_text, unit, subset, is_own_method, title, published, evidence
FROM leaderboard
WHERE benchmark = $benchmark AND metric = $metric
ORDER BY subset NULLS FIRST, position
