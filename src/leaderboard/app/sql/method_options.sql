-- Methods to pick from: name contains $q (all when empty), most reported first.
SELECT coalesce(method_norm, lower(method)) AS method_key, mode(method) AS method, count(*) AS results
FROM results
WHERE method IS NOT NULL AND ($q = '' OR contains(lower(method), lower($q)))
GROUP BY method_key
ORDER BY results DESC, method_key
LIMIT $limit
