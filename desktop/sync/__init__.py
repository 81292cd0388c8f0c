"""Sync between laptops: ops, clocks, bundles, hubs."""
