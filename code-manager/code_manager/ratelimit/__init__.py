"""Per-user token bucket for submit and run, kept in Redis with an in-process fallback."""
