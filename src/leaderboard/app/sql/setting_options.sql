-- The (subset, unit) settings of one benchmark and metric: values are ranked only within one setting.
SELECT coalesce(subset, '') AS subset, coalesce(unit, '') AS unit, count(*) AS results
FROM results
WHERE kind = 'absolute' AND benchmark = $benchmark AND metric = $metric
GROUP BY ALL
ORDER BY results DESC, subset, unit
