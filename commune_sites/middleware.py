"""Request plumbing of the portals."""

from .selectors import portal_for_request


class PortalMiddleware:
    """Finds the request's Site and collectivity in the cache before any view, Wagtail's page
    serving included (see `portal_for_request`). After CommonMiddleware, which checks the host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        portal_for_request(request)
        return self.get_response(request)
