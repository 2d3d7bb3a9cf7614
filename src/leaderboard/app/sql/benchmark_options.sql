-- Benchmarks that have at least one absolute result with a metric, most reported first.
SELECT benchmark, count(*) AS results
FROM results
WHERE benchmark IS NOT NULL AND metric IS NOT NULL AND kind = 'absolute'
GROUP BY benchmark
ORDER BY results DESC, benchmark
