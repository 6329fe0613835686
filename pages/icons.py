"""The small set of icons editors may pick for rubrics and home page features.

Each name is a `<symbol id="icon-<name>">` of `site/static/icons/sprite.svg`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Icon(models.TextChoices):
    DOCUMENT = "document", _("Document")
    IDENTITY = "identity", _("Identity card")
    FAMILY = "family", _("Family")
    HOUSE = "house", _("House")
    ROAD = "road", _("Road works")
    CALENDAR = "calendar", _("Calendar")
    WASTE = "waste", _("Waste")
    PEOPLE = "people", _("Associations")
    SCHOOL = "school", _("School")
    CLOCK = "clock", _("Any time")
    LAPTOP = "laptop", _("Online")
    EYE = "eye", _("Follow-up")
    CHAT = "chat", _("Messages")
    BOLT = "bolt", _("Automatic")
