"""Durations as people read them, in the active language: "12,5 jours" in French."""

import datetime
import math

from django.utils.formats import number_format
from django.utils.translation import ngettext

SECONDS_PER_DAY = 86400


def duration_days(duration: datetime.timedelta) -> float:
    """The duration in days, to one decimal."""
    return round(duration.total_seconds() / SECONDS_PER_DAY, 1)


def days_display(duration: datetime.timedelta | None) -> str:
    """ "12,5 jours", "1 jour", "0,5 jour" (French); "" without a duration."""
    if duration is None:
        return ""
    days = duration_days(duration)
    number = number_format(days, decimal_pos=0 if days.is_integer() else 1, use_l10n=True)
    # In French "0,5 jour" and "1,5 jours": the plural form follows the next whole number.
    return ngettext("%(days)s day", "%(days)s days", math.ceil(days)) % {"days": number}
