"""Retention of requests: anonymising those past their collectivity's period, deleting
abandoned drafts (`services.anonymize_expired`, daily through django-q2)."""
