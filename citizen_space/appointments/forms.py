"""Forms of the appointment pages: moving to another slot, closing a period of an agenda."""

from datetime import datetime, time, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commune_sites.agendas.slots import portal_timezone
from forms_builder.kinds.appointment import SlotField


class MoveForm(forms.Form):
    """The week's free slots of the appointment's agenda, its current slot ticked."""

    def __init__(self, *args, booking, query, **kwargs):
        super().__init__(*args, **kwargs)
        self.booking = booking
        self.fields["slot"] = SlotField(
            agenda_id=booking.agenda_id, name="slot", query=query, label=_("New slot")
        )
        self.initial["slot"] = timezone.localtime(booking.start).isoformat()

    def clean_slot(self):
        start = self.cleaned_data["slot"]
        if start == self.booking.start:
            raise ValidationError(
                _("This is already the time of your appointment: choose another slot.")
            )
        return start


class CloseRangeForm(forms.Form):
    """A period to close: a whole day, or from a time to another on that day."""

    day = forms.DateField(label=_("Day"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("From"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        help_text=_("Leave both times empty to close the whole day."),
    )
    end_time = forms.TimeField(
        label=_("To"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    reason = forms.CharField(
        label=_("Reason given to the citizens"),
        max_length=200,
        help_text=_("For example: Exceptional closure of the town hall."),
    )

    def clean(self):
        cleaned = super().clean()
        day, start, end = (cleaned.get(key) for key in ("day", "start_time", "end_time"))
        if day is None:
            return cleaned
        if (start is None) != (end is None):
            raise ValidationError(_("Give both times, or none to close the whole day."))
        tz = portal_timezone()
        if start is None:
            cleaned["start"] = datetime.combine(day, time(0), tzinfo=tz)
            cleaned["end"] = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
        elif start >= end:
            raise ValidationError(_("The end time must be after the start time."))
        else:
            cleaned["start"] = datetime.combine(day, start, tzinfo=tz)
            cleaned["end"] = datetime.combine(day, end, tzinfo=tz)
        return cleaned
