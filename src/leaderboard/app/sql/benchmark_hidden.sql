-- How many rows of a benchmark, metric and setting are extracted guesses below the confidence threshold
-- (confident = FALSE): what the "only confident extractions" toggle hides from the leaderboard table.
SELECT count(*) AS hidden
FROM results r
WHERE r.kind = 'absolute' AND r.benchmark = $benchmark AND r.metric = $metric
  AND coalesce(r.subset, '') = $subset AND coalesce(r.unit, '') = $unit AND r.confident = FALSE
