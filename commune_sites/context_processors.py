"""Template context: the collectivity whose portal is being served."""

from django.utils.functional import SimpleLazyObject

from .selectors import collectivity_for_request


def collectivity(request) -> dict:
    """`collectivity` in every template, looked up only when a template uses it.

    It is falsy on the portal directory (no collectivity).
    """
    return {"collectivity": SimpleLazyObject(lambda: collectivity_for_request(request))}
