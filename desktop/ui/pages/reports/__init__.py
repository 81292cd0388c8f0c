"""보고서: PDF reports with an in-app preview and printing, Excel export and clinic-sheet import."""
