"""The citizen's appointment in "My space": see it, move it, cancel it, add it to a calendar;
and the entry from ANTS's national search site."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from citizen_space import selectors as request_selectors
from citizen_space.services.drafts import draft_start
from commune_sites.agendas.exceptions import BookingError
from commune_sites.agendas.models import Booking
from commune_sites.agendas.slots import cancel_deadline
from forms_builder.kinds.appointment import monday_of, parse_start, week_param

from .. import selectors
from ..forms import MoveForm
from ..ics import appointment_ics, ics_filename
from ..models import Appointment, MeetingPoint
from ..services import booking as services


def _visible_or_404(request, pk: int) -> Appointment:
    appointment = selectors.appointment_get_visible(user=request.user, pk=pk)
    if appointment is None:
        raise Http404
    return appointment


def _changeable(booking: Booking) -> bool:
    return booking.status == Booking.Status.BOOKED and timezone.now() <= cancel_deadline(
        booking.agenda, booking.start
    )


@never_cache
@login_required
def appointment_detail(request, pk: int):
    appointment = _visible_or_404(request, pk)
    booking = appointment.booking
    return render(
        request,
        "appointments/detail.html",
        {
            "appointment": appointment,
            "booking": booking,
            "agenda": booking.agenda,
            "changeable": _changeable(booking),
            "deadline": cancel_deadline(booking.agenda, booking.start),
        },
    )


@never_cache
@login_required
def appointment_move(request, pk: int):
    """The week's free slots; the chosen one replaces the appointment's (the old one is freed)."""
    appointment = _visible_or_404(request, pk)
    booking = appointment.booking
    if booking.status != Booking.Status.BOOKED:
        return redirect("citizen_space:appointments:detail", pk)
    form = MoveForm(request.POST or None, booking=booking, query=request.GET)
    if request.method == "POST" and form.is_valid():
        try:
            services.appointment_move(appointment=appointment, new_start=form.cleaned_data["slot"])
        except BookingError as error:
            form.add_error("slot", str(error.message))
        else:
            messages.success(
                request,
                _("Your appointment has been moved. A confirmation is on its way by email."),
            )
            return redirect("citizen_space:appointments:detail", pk)
    return render(
        request,
        "appointments/move.html",
        {"appointment": appointment, "booking": booking, "form": form},
        status=400 if form.errors else 200,
    )


@never_cache
@login_required
def appointment_cancel(request, pk: int):
    """Ask for confirmation, then cancel: the slot is offered to others at once."""
    appointment = _visible_or_404(request, pk)
    booking = appointment.booking
    if booking.status != Booking.Status.BOOKED:
        return redirect("citizen_space:appointments:detail", pk)
    error = None
    if request.method == "POST":
        try:
            services.appointment_cancel(appointment=appointment)
        except BookingError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("Your appointment has been cancelled."))
            return redirect("citizen_space:home")
    return render(
        request,
        "appointments/cancel.html",
        {"appointment": appointment, "booking": booking, "error": error},
        status=400 if error else 200,
    )


@login_required
def appointment_calendar_file(request, pk: int):
    appointment = _visible_or_404(request, pk)
    cancelled = not appointment.booking.is_active
    response = HttpResponse(
        appointment_ics(appointment, cancelled=cancelled), content_type="text/calendar"
    )
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(appointment)}"'
    return response


@login_required
def ants_booking_start(request, meeting_point_id: int):
    """Where ANTS's national search site sends a citizen who chose a slot of our agenda: their
    request on the procedure, at the appointment step with that slot ticked when it is open."""
    point = get_object_or_404(MeetingPoint, pk=meeting_point_id, active=True)
    procedure = request_selectors.procedure_get_open(procedure_id=point.procedure_id or 0)
    if procedure is None:
        raise Http404
    draft = draft_start(user=request.user, procedure=procedure, language=get_language())
    start = parse_start(request.GET.get("creneau", ""))
    for index, question in selectors.appointment_questions(draft.form_snapshot):
        if question["agenda"] != point.agenda_id or index > draft.steps_done:
            continue
        url = reverse("citizen_space:draft_step", args=[draft.pk, index + 1])
        if start is not None:
            name = question["name"]
            monday = monday_of(timezone.localdate(start))
            url += "?" + urlencode({name: start.isoformat(), week_param(name): monday})
        return redirect(url)
    return redirect("citizen_space:draft_resume", draft.pk)
