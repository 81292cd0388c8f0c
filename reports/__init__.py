"""PDF and Excel reports and spreadsheet import; no Qt."""
