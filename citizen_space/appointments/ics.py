"""The iCalendar (.ics) file of an appointment, attached to its emails and downloadable."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vText

from .links import appointment_url
from .models import Appointment, AppointmentNotice

PRODID = "-//Portail citoyen//Rendez-vous//FR"


def ics_uid(appointment: Appointment) -> str:
    return f"appointment-{appointment.pk}@{settings.PORTAL_HOSTNAME}"


def appointment_ics(appointment: Appointment, *, cancelled: bool = False) -> bytes:
    """The appointment as an iCalendar event (METHOD:CANCEL when `cancelled`), in the active
    language. Its SEQUENCE counts the changes told to the citizen, so that calendars replace
    the event they have."""
    sequence = appointment.notices.filter(kind__in=AppointmentNotice.CHANGES).count()
    booking, submission = appointment.booking, appointment.submission
    agenda = booking.agenda
    collectivity = agenda.collectivity
    url = appointment_url(appointment)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", ics_uid(appointment))
    event.add("sequence", sequence)
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", booking.start.astimezone(UTC))
    event.add("dtend", booking.end.astimezone(UTC))
    event.add("summary", _("Appointment: %(service)s") % {"service": agenda.service})
    event.add(
        "location", ", ".join(filter(None, [agenda.place, agenda.address.replace("\n", ", ")]))
    )
    event.add(
        "description",
        _("Request %(reference)s to %(name)s.\nMove or cancel the appointment: %(url)s")
        % {"reference": submission.reference, "name": collectivity.name, "url": url},
    )
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{collectivity.email or settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText(collectivity.name)
    event.add("organizer", organizer)
    if submission.user and submission.user.email:
        attendee = vCalAddress(f"mailto:{submission.user.email}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def ics_filename(appointment: Appointment) -> str:
    return f"rendez-vous-{timezone.localtime(appointment.booking.start):%Y-%m-%d-%Hh%M}.ics"
