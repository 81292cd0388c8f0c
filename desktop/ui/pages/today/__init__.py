"""오늘의 현장: the open clinic session, the intake panel and the session's cases."""
