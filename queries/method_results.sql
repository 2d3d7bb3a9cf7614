-- title: All results of one method
-- description: Every number reported for a method (matched case-insensitively), across papers and benchmarks.
-- param method: Score SDE
SELECT r.benchmark, r.subset, r.metric, r.value_text, r.unit, r.kind, r.is_own_method, p.title, p.published, r.evidence
FROM results r JOIN papers p USING (paper_id)
WHERE lower(r.method) = lower($method) OR r.method_norm = lower($method)
ORDER BY r.benchmark, r.metric, p.published
