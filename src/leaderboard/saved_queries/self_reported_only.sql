-- title: Methods only their own papers report
-- description: Methods with results that no third-party paper confirms (every row comes from a paper proposing the method).
SELECT coalesce(method_norm, lower(method)) AS method, count(*) AS results, count(DISTINCT paper_id) AS papers,
       count(DISTINCT benchmark) AS benchmarks
FROM results
WHERE method IS NOT NULL
GROUP BY 1
HAVING bool_and(coalesce(is_own_method, FALSE))
ORDER BY results DESC, method
