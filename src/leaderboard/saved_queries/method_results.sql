-- title: One method's results across papers
-- description: Every result whose method (as written or normalised) matches the pattern, case-insensitively.
-- param method: %GPT-4%
SELECT method, benchmark, subset, metric, kind, value, unit, baseline, title, evidence, result_id
FROM results
WHERE method ILIKE $method OR method_norm ILIKE $method
ORDER BY benchmark NULLS LAST, metric, value DESC;
