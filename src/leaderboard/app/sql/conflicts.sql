-- Conflicting reports (the importers' `conflicts` view), optionally for one benchmark.
SELECT * FROM conflicts WHERE $benchmark = '' OR benchmark = $benchmark LIMIT $limit
