-- Headline counts for the overview.
SELECT (SELECT count(*) FROM papers) AS papers,
       (SELECT count(*) FROM results) AS results,
       (SELECT count(DISTINCT benchmark) FROM results) AS benchmarks,
       (SELECT count(DISTINCT coalesce(method_norm, lower(method))) FROM results) AS methods,
       (SELECT count(*) FROM rejected) AS rejected
