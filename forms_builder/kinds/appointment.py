"""Appointment questions: the citizen picks a free slot of an agenda, week by week.

The picker works without JavaScript and with the keyboard: each day of the week shown is a
fieldset of radio buttons, and plain links (GET) show the previous or the next week. The week
shown is the page's query parameter ``<name>-week=YYYY-MM-DD`` if any, else the week of the
chosen slot, else the week of the first free slot.

Answer: ``{"start": ISO 8601 datetime with its offset}``, plus ``"application_ids"`` (the ANTS
pre-application numbers, one per person) when the block asks for them. The form checks their
shape only: holding and booking the slot and checking the numbers belong to the app that owns
the agendas (see `forms_builder.slot_sources`), which adds its refusals to the form.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms_builder import widgets
from forms_builder.slot_sources import slot_source

from .base import InputKind

APPLICATION_ID_RE = re.compile(r"^[A-Z0-9]{10}$")
MAX_APPLICATION_IDS = 10
WEEK = timedelta(days=7)


def week_param(name: str) -> str:
    """The query parameter that chooses the week shown by the picker of question `name`."""
    return f"{name}-week"


def parse_start(value) -> datetime | None:
    """An aware datetime from an ISO 8601 text (None if it is not one)."""
    if isinstance(value, datetime):
        return value
    moment = parse_datetime(value) if isinstance(value, str) else None
    return moment if moment is not None and timezone.is_aware(moment) else None


def _date_or_none(value) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:  # well formed but impossible, such as 2026-02-31
        return None


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def slot_label(start: datetime) -> str:
    """The day and time of a slot as people read them: "Tuesday 3 March 2026, 09:20"."""
    local = timezone.localtime(start)
    return f"{date_format(local, 'l j F Y')}, {time_format(local, 'TIME_FORMAT')}"


@dataclass
class SlotOption:
    id: str
    value: str
    label: str
    checked: bool
    current: bool  # the slot the citizen holds already


@dataclass
class CalendarDay:
    day: date
    options: list[SlotOption] = field(default_factory=list)

    @property
    def label(self) -> str:
        return date_format(self.day, "l j F")


@dataclass
class Calendar:
    week_start: date
    days: list[CalendarDay]
    previous_url: str | None
    next_url: str | None
    bookable: bool  # the agenda takes appointments at all


class SlotBoundField(forms.BoundField):
    """A slot field with the week's calendar to render (computed once, when rendered)."""

    @cached_property
    def calendar(self) -> Calendar:
        return self.field.calendar(
            auto_id=self.auto_id,
            selected=parse_start(self.value()),
            current=parse_start(self.initial),
        )


class SlotField(forms.Field):
    """The start of a slot of agenda `agenda_id`, as an aware datetime.

    Only its shape is checked here: whether the slot can be taken is decided when it is held.
    """

    widget = forms.RadioSelect
    default_error_messages = {"invalid": gettext_lazy("Choose one of the slots offered.")}

    def __init__(self, *, agenda_id: int | None, name: str, query=None, **kwargs):
        super().__init__(**kwargs)
        self.agenda_id = agenda_id
        self.week_param = week_param(name)
        query = query or {}
        self.week = _date_or_none(query.get(self.week_param))
        # A slot suggested by a link (e.g. the national search site): shown ticked.
        self.suggested = parse_start(query.get(name))

    def get_bound_field(self, form, field_name):
        return SlotBoundField(form, self, field_name)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        start = parse_start(value)
        if start is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return start

    def calendar(
        self, *, auto_id: str, selected: datetime | None, current: datetime | None
    ) -> Calendar:
        source = slot_source()
        bookable = None
        if source is not None and self.agenda_id is not None:
            bookable = source.bookable_days(agenda_id=self.agenda_id)
        selected = selected or self.suggested
        week_start = monday_of(self._week_shown(source, bookable, selected or current))
        week_end = week_start + timedelta(days=6)
        slots = []
        if bookable and week_start <= bookable[1] and week_end >= bookable[0]:
            slots = source.free_slots(
                agenda_id=self.agenda_id,
                start_date=max(week_start, bookable[0]),
                end_date=min(week_end, bookable[1]),
            )
        starts = [slot.start for slot in slots]
        if current and week_start <= timezone.localdate(current) <= week_end:
            starts = sorted({*starts, current})
        days: dict[date, CalendarDay] = {}
        for index, start in enumerate(starts):
            local = timezone.localtime(start)
            day = days.setdefault(local.date(), CalendarDay(local.date()))
            day.options.append(
                SlotOption(
                    id=f"{auto_id}_{index}",
                    value=local.isoformat(),
                    label=time_format(local, "TIME_FORMAT"),
                    checked=start == selected,
                    current=start == current,
                )
            )

        def link(monday: date) -> str:
            return f"?{self.week_param}={monday.isoformat()}#{auto_id}-calendar"

        first, last = bookable or (week_start, week_start)
        return Calendar(
            week_start=week_start,
            days=list(days.values()),
            previous_url=link(week_start - WEEK) if week_start > first else None,
            next_url=link(week_start + WEEK) if week_end < last else None,
            bookable=bool(bookable),
        )

    def _week_shown(self, source, bookable, chosen: datetime | None) -> date:
        if self.week:
            return self.week
        if chosen:
            return timezone.localdate(chosen)
        if not bookable:
            return timezone.localdate()
        first = source.free_slots(
            agenda_id=self.agenda_id, start_date=bookable[0], end_date=bookable[1]
        )
        return timezone.localdate(first[0].start) if first else bookable[0]


class ApplicationIdsField(forms.CharField):
    """ANTS pre-application numbers, 10 letters or digits each, separated by spaces or commas."""

    def to_python(self, value):
        text = super().to_python(value)
        numbers = list(dict.fromkeys(re.split(r"[\s,;]+", text.upper().strip()))) if text else []
        numbers = [number for number in numbers if number]
        wrong = [number for number in numbers if not APPLICATION_ID_RE.match(number)]
        if wrong:
            raise ValidationError(
                _(
                    "“%(numbers)s”: a pre-application number has 10 letters or digits, as on "
                    "your pre-application summary."
                )
                % {"numbers": "”, “".join(wrong)},
                code="invalid_application_id",
            )
        if len(numbers) > MAX_APPLICATION_IDS:
            raise ValidationError(
                _("One appointment is for %(count)d people at most.")
                % {"count": MAX_APPLICATION_IDS},
                code="too_many_application_ids",
            )
        return numbers


class AppointmentKind(InputKind):
    type = "appointment"
    template = "forms_builder/fields/appointment.html"
    reads_query = True

    def parts(self, definition, *, required, existing=None, query=None):
        parts = {
            "": SlotField(
                agenda_id=definition.get("agenda"),
                name=definition["name"],
                query=query,
                required=required,
            )
        }
        if definition.get("application_ids"):
            parts["application_ids"] = ApplicationIdsField(
                label=_("Pre-application number of each person"),
                required=False,
                help_text=_(
                    "10 letters or digits, on the summary of your pre-application (ANTS). "
                    "For several people, separate the numbers with spaces."
                ),
                widget=widgets.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            )
        return parts

    def answer(self, definition, cleaned, existing=None):
        start = cleaned[""]
        numbers = cleaned.get("application_ids") or []
        asks_numbers = "application_ids" in cleaned
        if start is None:
            if numbers:
                raise ValidationError({"": _("Choose a slot for these people.")})
            return None
        if asks_numbers and not numbers:
            raise ValidationError(
                {"application_ids": _("Give the pre-application number of each person.")}
            )
        answer = {"start": timezone.localtime(start).isoformat()}
        if asks_numbers:
            answer["application_ids"] = numbers
        return answer

    def data(self, definition, answer):
        data = {"": answer["start"]}
        if definition.get("application_ids"):
            data["application_ids"] = " ".join(answer.get("application_ids") or [])
        return data

    def display(self, definition, answer):
        if not answer:
            return ""
        start = parse_start(answer["start"])
        text = slot_label(start) if start else answer["start"]
        if answer.get("application_ids"):
            numbers = ", ".join(answer["application_ids"])
            text += "\n" + _("Pre-application numbers: %(numbers)s") % {"numbers": numbers}
        return text
