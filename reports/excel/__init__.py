"""Excel export (write-only) and clinic-log import."""
