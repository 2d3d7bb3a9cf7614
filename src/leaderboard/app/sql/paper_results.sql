-- Every result of one paper, in the order its numbers appear in the abstract.
SELECT *
FROM results
WHERE paper_id = $paper
ORDER BY value_start NULLS LAST, result_id
