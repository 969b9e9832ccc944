"""Algocode code manager: problems, test data, submissions and results; publishes jobs, consumes verdicts."""
