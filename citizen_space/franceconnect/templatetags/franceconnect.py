from django import template

from ..provider import FranceConnectProvider
from ..selectors import franceconnect_app_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def franceconnect_provider(context) -> FranceConnectProvider | None:
    """The FranceConnect provider of the portal being served, None where it is not enabled."""
    request = context.get("request")
    app = franceconnect_app_for_request(request) if request is not None else None
    return FranceConnectProvider(request, app=app) if app is not None else None
