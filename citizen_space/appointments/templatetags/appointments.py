"""Template tags of the appointments: the section of "My space" listing them."""

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("appointments/space_section.html", takes_context=True)
def citizen_appointments(context):
    """The signed-in citizen's upcoming appointments."""
    return {"appointments": list(selectors.citizen_appointments(user=context["request"].user))}
