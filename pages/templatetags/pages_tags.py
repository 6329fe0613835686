"""Template tags of the portal pages: header links, icons, JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..icons import Icon
from ..selectors import SiteLinks, site_links

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
_ICON_NAMES = frozenset(Icon.values)


@register.simple_tag(takes_context=True)
def portal_links(context) -> SiteLinks:
    """`{% portal_links as links %}`: the catalogue and FAQ addresses of the current portal."""
    request = context.get("request")
    return site_links(request) if request is not None else SiteLinks()


@register.simple_tag
def icon(name: str, css_class: str = "icon"):
    """A decorative icon of the sprite; nothing for an unknown name."""
    if name not in _ICON_NAMES:
        return ""
    return format_html(
        '<svg class="{}" aria-hidden="true" focusable="false"><use href="{}#icon-{}"></use></svg>',
        css_class,
        static("icons/sprite.svg"),
        name,
    )


@register.simple_tag
def json_ld(data: dict):
    """`<script type="application/ld+json">` with the data, escaped like `json_script`."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 (escaped above)
    )
