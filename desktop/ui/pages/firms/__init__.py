"""기업: firm search and the firm card (contacts, cases, duplicates)."""
