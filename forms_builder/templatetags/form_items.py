"""`{{ field|help_errors }}`: a bound field's help text and errors, as the questions show them."""

from django import template

from .. import rendering

register = template.Library()
register.filter("help_errors", rendering.help_errors)
