"""PDF reports drawn with reportlab and an embedded Korean TTF."""
