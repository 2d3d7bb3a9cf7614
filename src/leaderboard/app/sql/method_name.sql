-- The display name of a method key (NULL when no result has it).
SELECT mode(method) AS method, count(*) AS results
FROM results
WHERE coalesce(method_norm, lower(method)) = lower($method) OR lower(method) = lower($method)
