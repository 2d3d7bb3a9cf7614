-- Turn the load-time tables into the tables users query. Runs once, at the end of a build.

-- One row per paper_id: the record with an abstract wins over one without, then the later record.
CREATE TABLE kept_seq AS
SELECT paper_id, arg_max(seq, (coalesce(abstract, '') <> '', seq)) AS seq
FROM papers_raw
GROUP BY paper_id;

INSERT INTO rejected
SELECT r.source_file, r.source_line,
       'superseded by a later record with the same id ' || r.paper_id || ' (' || k.source_file || ':'
           || coalesce(CAST(k.source_line AS VARCHAR), '?') || ')',
       left(r.title, 200), 'dedup'
FROM papers_raw r
JOIN kept_seq ks USING (paper_id)
JOIN papers_raw k ON k.seq = ks.seq
WHERE r.seq <> ks.seq AND coalesce(r.abstract, '') <> ''
ORDER BY r.seq;

-- papers_raw becomes `papers` in place, less the superseded records: no copy of the abstracts, and the rows
-- keep their load order (they were inserted in seq order).
DELETE FROM papers_raw WHERE seq NOT IN (SELECT seq FROM kept_seq);
ALTER TABLE papers_raw DROP COLUMN seq;
ALTER TABLE papers_raw RENAME TO papers;

-- The extracted and imported rows of the kept papers. A view: curate.sql applies the curation file to it
-- and writes `results` (the one copy of the rows), then drops it with `extracted` and `kept_seq`.
CREATE VIEW results_base AS
SELECT e.* EXCLUDE (paper_seq)
FROM extracted e
LEFT JOIN kept_seq k ON k.seq = e.paper_seq
WHERE e.paper_seq IS NULL OR k.seq IS NOT NULL;
