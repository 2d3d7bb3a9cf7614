-- How many results of one method are below the confidence threshold (confident = FALSE): what the
-- "only confident extractions" toggle hides from the method's table.
SELECT count(*) AS hidden
FROM results r
WHERE (coalesce(r.method_norm, lower(r.method)) = lower($method) OR lower(r.method) = lower($method))
  AND r.confident = FALSE
