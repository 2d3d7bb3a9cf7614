-- title: Benchmarks outside the vocabulary
-- description: Benchmark names captured by the grammar but not in the vocabulary: candidates to add to a --vocab file.
SELECT benchmark_raw, count(*) AS results, count(DISTINCT paper_id) AS papers, any_value(evidence) AS example
FROM results
WHERE benchmark_known = false
GROUP BY benchmark_raw
ORDER BY results DESC, benchmark_raw;
