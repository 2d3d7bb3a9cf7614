-- Methods whose name contains $q (case-insensitive).
SELECT coalesce(method_norm, lower(method)) AS method_key, mode(method) AS method, count(*) AS results,
       count(DISTINCT paper_id) AS papers, count(DISTINCT benchmark) AS benchmarks
FROM results
WHERE method IS NOT NULL AND ($q = '' OR contains(lower(method), lower($q)))
GROUP BY method_key
ORDER BY results DESC, method_key
LIMIT $limit
