"""How long a collectivity keeps its requests after they are closed: bounds, default, check.

The period (in months) is set per collectivity, and may be overridden per procedure within the
same bounds (`pages.ProcedurePage.retention_months`); past it, `citizen_space.retention`
anonymises the request.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

RETENTION_MONTHS_MIN = 6
RETENTION_MONTHS_MAX = 120
RETENTION_MONTHS_DEFAULT = 36
# Who may change the retention period of the collectivities they belong to.
CHANGE_RETENTION = "commune_sites.change_retention"


def validate_retention_months(value: int) -> None:
    if not RETENTION_MONTHS_MIN <= value <= RETENTION_MONTHS_MAX:
        raise ValidationError(
            _("The retention period must be between %(min)s and %(max)s months (%(value)s given)."),
            code="retention_out_of_bounds",
            params={"min": RETENTION_MONTHS_MIN, "max": RETENTION_MONTHS_MAX, "value": value},
        )
