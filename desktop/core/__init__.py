"""Domain rules, pure Python: no Qt, no SQL."""
