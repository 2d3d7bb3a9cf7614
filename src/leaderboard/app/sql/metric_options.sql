-- Metrics reported on one benchmark, most reported first, with the metric's direction when known.
SELECT metric, count(*) AS results, count(DISTINCT paper_id) AS papers,
       any_value(higher_is_better) FILTER (WHERE higher_is_better IS NOT NULL) AS higher_is_better
FROM results
WHERE benchmark = $benchmark AND metric IS NOT NULL AND kind = 'absolute'
GROUP BY metric
ORDER BY results DESC, metric
