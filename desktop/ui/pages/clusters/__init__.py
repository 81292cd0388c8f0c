"""밀집지역: cluster crisis levels, indicator import, thresholds, and the support-program catalog."""
