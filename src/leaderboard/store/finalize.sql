-- Turn the load-time tables into the tables users query. Runs once, at the end of a build.

-- One row per paper_id: the record with an abstract wins over one without, then the later record. When the
-- kept record lacks a date or URL that another record of the paper has, it takes the latest such record's:
-- an undated record never makes a dated paper undated. `records` counts the records of the id, so the steps
-- below only look at the ids loaded more than once. (`has_abstract` was set at load time: reading every
-- abstract here would cost more than the rest of this file.)
CREATE TABLE kept_seq AS
SELECT paper_id, arg_max(seq, (has_abstract, seq)) AS seq,
       arg_max(published, seq) FILTER (WHERE published IS NOT NULL) AS any_published,
       arg_max(url, seq) FILTER (WHERE url IS NOT NULL AND url <> '') AS any_url, count(*) AS records
FROM papers_raw
GROUP BY paper_id;

INSERT INTO rejected
SELECT r.source_file, r.source_line,
       'superseded by a later record with the same id ' || r.paper_id || ' (' || k.source_file || ':'
           || coalesce(CAST(k.source_line AS VARCHAR), '?') || ')',
       left(r.title, 200), 'dedup'
FROM papers_raw r
JOIN (SELECT paper_id, seq FROM kept_seq WHERE records > 1) ks USING (paper_id)
JOIN papers_raw k ON k.seq = ks.seq
WHERE r.seq <> ks.seq AND r.has_abstract
ORDER BY r.seq;

-- papers_raw becomes `papers` in place, less the superseded records: no copy of the abstracts, and the rows
-- keep their load order (they were inserted in seq order).
DELETE FROM papers_raw WHERE seq NOT IN (SELECT seq FROM kept_seq);
UPDATE papers_raw p SET published = coalesce(p.published, k.any_published), url = coalesce(nullif(p.url, ''), k.any_url)
FROM (SELECT * FROM kept_seq WHERE records > 1) k  -- only papers with several records can gain anything
WHERE k.seq = p.seq AND ((p.published IS NULL AND k.any_published IS NOT NULL)
                         OR (coalesce(p.url, '') = '' AND k.any_url IS NOT NULL));
ALTER TABLE papers_raw DROP COLUMN seq;
ALTER TABLE papers_raw DROP COLUMN has_abstract;
ALTER TABLE papers_raw RENAME TO papers;

-- The extracted and imported rows of the kept papers. A view: curate.sql applies the curation file to it
-- and writes `results` (the one copy of the rows), then drops it with `extracted` and `kept_seq`.
-- A bare absolute value above 1 of a percent metric (the vocabulary's unit, in `metric_info`) is a percentage
-- written without its sign ("an accuracy of 92.0"): its unit is '%', so it shares one leaderboard with
-- "92.0%" (value_text keeps what was written); so is a bare 0, the same in either scale. Other bare values
-- up to 1 may be fractions ("0.92") and keep no unit.
-- `published`: the date the row's source gives it (an imported row's paper_date: a leaderboard submission's
-- own date), else its paper's date.
CREATE VIEW results_base AS
SELECT e.* EXCLUDE (paper_seq) REPLACE (
           CASE WHEN e.unit IS NULL AND e.kind = 'absolute' AND (e.value > 1 OR e.value = 0) AND pm.metric IS NOT NULL THEN '%'
                ELSE e.unit END AS unit,
           coalesce(x.paper_date, p.published) AS published
       )
FROM extracted e
LEFT JOIN kept_seq k ON k.seq = e.paper_seq
LEFT JOIN (SELECT metric FROM metric_info WHERE unit = '%') pm ON pm.metric = e.metric
LEFT JOIN papers p ON p.paper_id = e.paper_id
LEFT JOIN (SELECT result_id, max(paper_date) AS paper_date FROM result_extras GROUP BY result_id) x
       ON x.result_id = e.result_id AND e.paper_seq IS NULL
WHERE e.paper_seq IS NULL OR k.seq IS NOT NULL;
