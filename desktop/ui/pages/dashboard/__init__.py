"""현황판: dashboard figures and the follow-up register."""
