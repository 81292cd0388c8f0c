"""기한 경과: overdue cases across agencies."""
