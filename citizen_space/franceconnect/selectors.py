"""Reads: the FranceConnect client (SocialApp) of the portal serving a request."""

from allauth.socialaccount.models import SocialApp

from commune_sites.selectors import collectivity_for_request

from .provider import FranceConnectProvider

_REQUEST_ATTR = "_franceconnect_app"


def franceconnect_app_for_request(request) -> SocialApp | None:
    """The SocialApp of the collectivity whose portal serves `request`; None where not enabled.

    Cached on the request: one query besides the collectivity lookup.
    """
    try:
        return getattr(request, _REQUEST_ATTR)
    except AttributeError:
        pass
    collectivity = collectivity_for_request(request)
    app = None
    if collectivity is not None:
        app = SocialApp.objects.filter(
            provider=FranceConnectProvider.id,
            franceconnect_enrolments__collectivity=collectivity,
        ).first()
    setattr(request, _REQUEST_ATTR, app)
    return app
