"""Shared plumbing: errors, authentication, MongoDB and Redis clients, health check."""
