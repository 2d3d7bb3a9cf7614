-- title: Rejected input records
-- description: Records that could not be used, with file, line and reason; nothing is dropped silently.
SELECT stage, source_file, line, reason, raw
FROM rejected
ORDER BY source_file, line;
