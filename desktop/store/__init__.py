"""The SQLite store: the only package that holds SQL."""
