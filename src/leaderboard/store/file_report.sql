-- What each source file of a build loaded, before finalize.sql: papers and imported results (by the file
-- they came from), rejected records, the first rejection (by line) and a file-level read error, if any.
-- $files: the build's source files as given; $unreadable: how a file-level read error's reason starts.
WITH files AS (
    SELECT unnest($files::VARCHAR[]) AS source_file, generate_subscripts($files::VARCHAR[], 1) AS i
), loaded AS (
    SELECT source_file, count(*) AS n FROM (
        SELECT source_file FROM papers_raw
        UNION ALL
        SELECT source_file FROM result_extras
        UNION ALL
        SELECT source_file FROM tables  -- a LaTeX source's tables (read or skipped with a reason)
    ) GROUP BY source_file
), bad AS (
    SELECT source_file, count(*) AS n,
           arg_min(reason, coalesce(line, 0)) AS first_reason, arg_min(line, coalesce(line, 0)) AS first_line,
           any_value(reason) FILTER (WHERE starts_with(reason, $unreadable)) AS read_error
    FROM rejected
    GROUP BY source_file
)
SELECT f.source_file, coalesce(l.n, 0) AS loaded, coalesce(b.n, 0) AS rejected, b.first_line, b.first_reason,
       b.read_error
FROM files f
LEFT JOIN loaded l USING (source_file)
LEFT JOIN bad b USING (source_file)
ORDER BY f.i;
