-- Tables and views of the database.
SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = 'main'
