"""The SQLite store: schema, build, queries, full-text search, export; no Qt."""
