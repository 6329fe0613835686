from django import template

from ..formatting import days_display

register = template.Library()


@register.filter
def days(duration) -> str:
    """A duration in days, the French way: "12,5 jours"; "–" without one."""
    return days_display(duration) or "–"
