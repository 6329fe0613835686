"""Errors of the notifications' delivery."""


class Undeliverable(Exception):
    """Nothing can ever deliver this notification (no address, no webhook any more)."""
