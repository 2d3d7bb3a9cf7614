"""Store: the DuckDB file (schema and views in .sql files, batched loads, atomic builds)."""
