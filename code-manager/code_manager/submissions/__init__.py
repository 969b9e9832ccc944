"""Submissions and custom runs: creation, job publishing, result storage and the result wait."""
