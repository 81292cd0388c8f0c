"""Reproducible performance suite: `make bench` (full) and `make bench-quick`."""
