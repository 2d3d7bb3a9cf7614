-- The results a conflict is made of (by their ids), with the paper each comes from ($confident_only: less the
-- rows with confident = FALSE).
SELECT r.method, r.value, r.value_text, r.unit, r.source, r.paper_id, p.title, r.published, r.evidence, r.result_id
FROM results r LEFT JOIN papers p USING (paper_id)
WHERE list_contains(string_split($result_ids, ','), r.result_id)
  AND (NOT $confident_only OR r.confident IS NOT FALSE)
ORDER BY r.value, r.source
