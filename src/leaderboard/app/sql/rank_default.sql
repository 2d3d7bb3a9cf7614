-- The benchmark and metric the Rankings page opens on: the one whose results compare the most methods
-- (absolute results with a known direction), provided it has at least three.
SELECT benchmark, metric, count(DISTINCT method) AS methods
FROM results
WHERE kind = 'absolute' AND benchmark IS NOT NULL AND metric IS NOT NULL AND method IS NOT NULL
  AND higher_is_better IS NOT NULL
GROUP BY benchmark, metric
HAVING count(DISTINCT method) >= 3
ORDER BY methods DESC, benchmark, metric
LIMIT 1
