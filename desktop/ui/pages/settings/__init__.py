"""설정: the settings page."""
