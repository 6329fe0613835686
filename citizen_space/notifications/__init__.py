"""Telling citizens what happens to their requests: the outbox, emails and push webhooks."""
