-- title: Coverage
-- description: How much of the corpus yields results, and how completely they are attributed.
SELECT (SELECT count(*) FROM papers) AS papers,
       (SELECT count(DISTINCT paper_id) FROM results) AS papers_with_results,
       count(*) AS results,
       round(avg(CASE WHEN benchmark IS NOT NULL THEN 1 ELSE 0 END), 3) AS with_benchmark,
       round(avg(CASE WHEN metric IS NOT NULL THEN 1 ELSE 0 END), 3) AS with_metric,
       round(avg(CASE WHEN method IS NOT NULL THEN 1 ELSE 0 END), 3) AS with_method,
       round(avg(CASE WHEN higher_is_better IS NOT NULL THEN 1 ELSE 0 END), 3) AS with_direction,
       sum(CASE WHEN kind = 'absolute' THEN 1 ELSE 0 END) AS absolute,
       sum(CASE WHEN kind = 'delta' THEN 1 ELSE 0 END) AS delta,
       sum(CASE WHEN kind = 'range' THEN 1 ELSE 0 END) AS range,
       (SELECT count(*) FROM rejected) AS rejected
FROM results;
