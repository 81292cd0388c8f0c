"""사례 목록: the filterable, sortable list of all cases."""
