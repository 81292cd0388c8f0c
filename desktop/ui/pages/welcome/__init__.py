"""First-run welcome: who I am, this laptop, how to start (empty, demo or a team), where data lives."""
