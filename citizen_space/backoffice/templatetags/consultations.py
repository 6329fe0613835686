"""`{% request_consultations submission %}`: on the citizen's request page, who consulted it."""

from django import template

from ..selectors import submission_consultations

register = template.Library()


@register.inclusion_tag("backoffice/includes/consultations.html")
def request_consultations(submission):
    return {"consultations": submission_consultations(submission)}
