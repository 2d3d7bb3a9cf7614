-- Apply the curation file (table `curations`, loaded by the build) to `results_base`, giving `results`.
-- Runs after finalize.sql. Adds first, then rejects and fixes (which may name added rows); a later fix of
-- the same field of the same row wins. Curations that touch nothing are reported in `rejected`.

-- The same add twice makes one row; later copies are reported.
UPDATE curations c SET status = 'duplicate'
FROM (SELECT added_id, min(line) AS first FROM curations WHERE action = 'add' GROUP BY added_id) d
WHERE c.action = 'add' AND c.added_id = d.added_id AND c.line > d.first;

-- Added rows, for papers in this build with the offsets (if any) inside the abstract.
CREATE TABLE curation_added AS
SELECT c.line, p.paper_id, CAST(c.value AS DOUBLE) AS value,
       CASE WHEN c.value_start IS NULL THEN c.value
            ELSE substring(p.abstract, c.value_start + 1, c.value_end - c.value_start) END AS value_text,
       'absolute' AS kind, c.method, c.method_norm, c.benchmark, c.subset, c.metric, c.unit,
       c.higher_is_better,
       CASE WHEN c.value_start IS NULL THEN '' ELSE substring(p.abstract, c.value_start + 1,
            c.value_end - c.value_start) END AS evidence,
       c.value_start AS sentence_start, c.value_start, c.value_end, 1.0 AS confidence, TRUE AS confident,
       'curation' AS extractor, '{"result":"curation"}' AS rules, 'curation' AS source, p.title, c.added_id AS result_id,
       p.published, c.value_half_ulp
FROM curations c
JOIN papers p USING (paper_id)
WHERE c.action = 'add' AND c.status IS NULL
  AND (c.value_start IS NULL OR c.value_end <= length(p.abstract));

-- A view, not a copy: the results are copied once, into `results`.
CREATE VIEW curation_candidates AS
SELECT * FROM results_base
UNION ALL BY NAME
SELECT * EXCLUDE (line) FROM curation_added;

-- Which rows each reject and fix names: by result_id, or by paper and offsets.
CREATE TABLE curation_hits AS
SELECT c.line, r.result_id
FROM curations c JOIN curation_candidates r ON r.result_id = c.result_id
WHERE c.action IN ('reject', 'fix')
UNION ALL
SELECT c.line, r.result_id
FROM curations c
JOIN curation_candidates r
  ON r.paper_id = c.paper_id AND r.value_start = c.value_start AND r.value_end = c.value_end
WHERE c.action IN ('reject', 'fix') AND c.result_id IS NULL;

-- The last fix of each (row, field), with the row's extracted value of that field.
CREATE TABLE curation_fixes AS
SELECT h.result_id, c.field, arg_max(coalesce(c.value, ''), c.line) AS value,
       arg_max(c.method_norm, c.line) AS method_norm, arg_max(c.value_half_ulp, c.line) AS value_half_ulp
FROM curation_hits h JOIN curations c USING (line)
WHERE c.action = 'fix'
GROUP BY h.result_id, c.field;

CREATE TABLE curation_fix_rows AS
SELECT f.result_id,
       bool_or(f.field = 'benchmark') AS set_benchmark, max(f.value) FILTER (f.field = 'benchmark') AS benchmark,
       bool_or(f.field = 'metric') AS set_metric, max(f.value) FILTER (f.field = 'metric') AS metric,
       bool_or(f.field = 'method') AS set_method, max(f.value) FILTER (f.field = 'method') AS method,
       max(f.method_norm) FILTER (f.field = 'method') AS method_norm,
       bool_or(f.field = 'value') AS set_value, max(f.value) FILTER (f.field = 'value') AS value,
       max(f.value_half_ulp) FILTER (f.field = 'value') AS value_half_ulp,
       bool_or(f.field = 'subset') AS set_subset, max(f.value) FILTER (f.field = 'subset') AS subset,
       bool_or(f.field = 'unit') AS set_unit, max(f.value) FILTER (f.field = 'unit') AS unit,
       bool_or(f.field = 'higher_is_better') AS set_hib,
       max(f.value) FILTER (f.field = 'higher_is_better') AS higher_is_better,
       json_group_object(f.field, CASE f.field
           WHEN 'benchmark' THEN to_json(r.benchmark) WHEN 'metric' THEN to_json(r.metric)
           WHEN 'method' THEN to_json(r.method) WHEN 'value' THEN to_json(r.value)
           WHEN 'subset' THEN to_json(r.subset) WHEN 'unit' THEN to_json(r.unit)
           ELSE to_json(r.higher_is_better) END) AS original
FROM curation_fixes f JOIN curation_candidates r USING (result_id)
GROUP BY f.result_id;

CREATE TABLE results AS
SELECT r.* EXCLUDE (ordinal) REPLACE (
           CASE WHEN f.set_benchmark THEN nullif(f.benchmark, '') ELSE r.benchmark END AS benchmark,
           CASE WHEN f.set_metric THEN nullif(f.metric, '') ELSE r.metric END AS metric,
           CASE WHEN f.set_method THEN nullif(f.method, '') ELSE r.method END AS method,
           CASE WHEN f.set_method THEN f.method_norm ELSE r.method_norm END AS method_norm,
           CASE WHEN f.set_value THEN CAST(f.value AS DOUBLE) ELSE r.value END AS value,
           -- a fixed value is known to the precision the curator wrote it at
           CASE WHEN f.set_value THEN f.value_half_ulp ELSE r.value_half_ulp END AS value_half_ulp,
           CASE WHEN f.set_subset THEN nullif(f.subset, '') ELSE r.subset END AS subset,
           CASE WHEN f.set_unit THEN nullif(f.unit, '') ELSE r.unit END AS unit,
           CASE WHEN f.set_hib THEN CAST(nullif(f.higher_is_better, '') AS BOOLEAN)
                ELSE r.higher_is_better END AS higher_is_better,
           -- a row a person fixed (like one they added, or an imported one) is not an unsure guess any more
           CASE WHEN f.result_id IS NOT NULL THEN TRUE ELSE r.confident END AS confident
       ),
       r.source = 'curation' OR f.result_id IS NOT NULL AS curated,
       f.original
FROM curation_candidates r
LEFT JOIN curation_fix_rows f USING (result_id)
WHERE r.result_id NOT IN (
    SELECT h.result_id FROM curation_hits h JOIN curations c USING (line) WHERE c.action = 'reject'
)
-- Stored by benchmark and metric (then in reading order): the dashboard filters on them, so a filter reads
-- only the row groups of that benchmark (one paper's results are found through an index, see views.sql).
ORDER BY benchmark NULLS LAST, metric NULLS LAST, r.paper_id, r.source, r.value_start NULLS LAST, r.ordinal,
         r.result_id;

UPDATE curations c SET status = 'applied', result_ids = h.ids
FROM (SELECT line, list(result_id ORDER BY result_id) AS ids FROM curation_hits GROUP BY line) h
WHERE c.line = h.line;

UPDATE curations c SET status = 'applied', result_ids = [c.added_id]
WHERE c.action = 'add' AND c.status IS NULL AND c.line IN (SELECT line FROM curation_added);

UPDATE curations SET status = 'orphaned' WHERE status IS NULL;

INSERT INTO rejected
SELECT c.source_file, c.line,
       CASE
           WHEN c.status = 'duplicate' THEN 'curation add: the same result as an earlier line'
           WHEN c.action = 'add' AND p.paper_id IS NULL
               THEN 'orphaned curation add: paper ' || c.paper_id || ' is not in this build'
           WHEN c.action = 'add'
               THEN 'orphaned curation add: offsets [' || c.value_start || ':' || c.value_end
                    || '] are outside the abstract of paper ' || c.paper_id || ' (' || length(p.abstract)
                    || ' characters)'
           WHEN c.result_id IS NOT NULL
               THEN 'orphaned curation ' || c.action || ': no result ' || c.result_id || ' in this build'
           ELSE 'orphaned curation ' || c.action || ': no result at ' || c.paper_id || ' [' || c.value_start
                || ':' || c.value_end || '] in this build'
       END,
       c.raw, 'curation'
FROM curations c LEFT JOIN papers p USING (paper_id)
WHERE c.status IN ('orphaned', 'duplicate')
ORDER BY c.line;

DROP VIEW curation_candidates;
DROP TABLE curation_added;
DROP TABLE curation_hits;
DROP TABLE curation_fixes;
DROP TABLE curation_fix_rows;
DROP VIEW results_base;
DROP TABLE extracted;
DROP TABLE kept_seq;

CREATE OR REPLACE TABLE curations AS SELECT * FROM curations ORDER BY line;
