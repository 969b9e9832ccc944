"""The languages the platform judges, for clients (`GET /api/v1/languages/`, like Judge0's `/languages`)."""
