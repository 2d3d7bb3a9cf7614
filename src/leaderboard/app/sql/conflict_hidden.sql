-- How many results of a conflict (by their ids) are below the confidence threshold (confident = FALSE).
SELECT count(*) AS hidden
FROM results r
WHERE list_contains(string_split($result_ids, ','), r.result_id) AND r.confident = FALSE
