"""Shared fixtures. Tests run on PostgreSQL (DATABASE_URL, default the local server)."""
