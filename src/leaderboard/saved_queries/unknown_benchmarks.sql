-- title: Benchmark names missing from the vocabulary
-- description: Benchmarks as written in papers that the vocabulary does not know, most frequent first (candidates for vocab/benchmarks.csv).
SELECT benchmark, count(*) AS results, count(DISTINCT paper_id) AS papers
FROM results
WHERE benchmark IS NOT NULL AND NOT coalesce(benchmark_known, FALSE)
GROUP BY benchmark
ORDER BY results DESC, benchmark
