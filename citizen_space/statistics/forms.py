from django import forms
from django.utils.translation import gettext_lazy as _

from .periods import LAST_12_MONTHS, Period


class PeriodForm(forms.Form):
    """The period of the statistics page: the last 12 months or a calendar year."""

    periode = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["periode"].choices = [
            (LAST_12_MONTHS, _("Last 12 months")),
            *((str(year), str(year)) for year in years),
        ]

    def period(self) -> Period:
        """The period chosen; the last 12 months when none (or an unknown one) is."""
        choice = self.cleaned_data.get("periode") if self.is_valid() else None
        if choice and choice != LAST_12_MONTHS:
            return Period.year(int(choice))
        return Period.last_12_months()
