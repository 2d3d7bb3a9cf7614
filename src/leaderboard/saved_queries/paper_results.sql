-- title: Results by paper
-- description: Every result extracted from the papers whose title matches the pattern, in text order.
-- param title: %
SELECT p.title, r.value_text, r.kind, r.method, r.benchmark, r.subset, r.metric, r.baseline, r.qualifier,
       r.value_start, r.value_end, r.confidence, r.evidence
FROM results r JOIN papers p USING (paper_id)
WHERE p.title ILIKE $title
ORDER BY p.title, r.value_start NULLS LAST;
