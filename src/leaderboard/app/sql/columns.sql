-- Columns of one table or view.
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = 'main' AND table_name = $relation
ORDER BY ordinal_position
