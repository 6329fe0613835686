"""Wagtail admin views of the agents: each agenda's day and week with its appointments and
their requests, marking no-shows, closing a period. Agendas of other collectivities: 404."""

from datetime import date, timedelta

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from commune_sites.agendas.exceptions import BookingError
from commune_sites.agendas.models import Agenda, Booking
from commune_sites.agendas.permissions import agendas_managed_by

from .. import selectors
from ..forms import CloseRangeForm
from ..services import booking as services

PERIOD_DAYS = {"day": 1, "week": 7}


def managed_agenda_or_404(user, agenda_id: int) -> Agenda:
    return get_object_or_404(agendas_managed_by(user).select_related("collectivity"), pk=agenda_id)


class AgendaListView(WagtailAdminTemplateMixin, TemplateView):
    """The agendas the agent manages, each with links to its day and week."""

    template_name = "appointments/admin/agenda_list.html"
    page_title = gettext_lazy("Appointments")
    header_icon = "calendar-alt"

    def get_context_data(self, **kwargs):
        agendas = agendas_managed_by(self.request.user).select_related("collectivity")
        return super().get_context_data(
            agendas=agendas.order_by("collectivity__name", "name"),
            today=timezone.localdate(),
            **kwargs,
        )


class ScheduleView(WagtailAdminTemplateMixin, TemplateView):
    """One day, or the week starting on Monday, of an agenda: its appointments by day."""

    template_name = "appointments/admin/schedule.html"
    header_icon = "calendar-alt"

    def dispatch(self, request, agenda_id: int, period: str, day: str):
        if period not in PERIOD_DAYS:
            raise Http404
        try:
            self.first_day = date.fromisoformat(day)
        except ValueError:
            raise Http404 from None
        if period == "week":
            self.first_day -= timedelta(days=self.first_day.weekday())
        self.period = period
        self.agenda = managed_agenda_or_404(request.user, agenda_id)
        return super().dispatch(request)

    def get_page_title(self):
        return self.agenda.name

    def get_page_subtitle(self):
        if self.period == "day":
            return date_format(self.first_day, "l j F Y").capitalize()
        return _("week of %(date)s") % {"date": date_format(self.first_day, "j F Y")}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("appointments_admin:agendas"), "label": _("Appointments")},
            {"url": "", "label": self.agenda.name},
        ]

    def get_context_data(self, **kwargs):
        length = PERIOD_DAYS[self.period]
        last_day = self.first_day + timedelta(days=length - 1)
        bookings = list(
            selectors.agenda_schedule(
                agenda=self.agenda, first_day=self.first_day, last_day=last_day
            )
        )
        days = [
            {
                "day": day,
                "bookings": [b for b in bookings if timezone.localdate(b.start) == day],
            }
            for day in (self.first_day + timedelta(days=n) for n in range(length))
        ]

        def url(period, day):
            return reverse(
                "appointments_admin:schedule", args=[self.agenda.pk, period, day.isoformat()]
            )

        step = timedelta(days=length)
        return super().get_context_data(
            agenda=self.agenda,
            period=self.period,
            days=days,
            count=sum(b.status == Booking.Status.BOOKED for b in bookings),
            now=timezone.now(),
            previous_url=url(self.period, self.first_day - step),
            next_url=url(self.period, self.first_day + step),
            day_url=url("day", self.first_day),
            week_url=url("week", self.first_day),
            close_url=reverse("appointments_admin:close", args=[self.agenda.pk]),
            **kwargs,
        )


@require_POST
def no_show(request, booking_id: int):
    """Record that the citizen did not come; back to the day of the appointment."""
    booking = get_object_or_404(
        Booking.objects.filter(agenda__in=agendas_managed_by(request.user)), pk=booking_id
    )
    try:
        services.appointment_mark_no_show(booking=booking)
    except BookingError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The appointment is marked as a no-show."))
    day = timezone.localdate(booking.start).isoformat()
    return redirect("appointments_admin:schedule", booking.agenda_id, "day", day)


class CloseRangeView(WagtailAdminTemplateMixin, FormView):
    """Close a day or part of it: its appointments are cancelled and the citizens told."""

    template_name = "appointments/admin/close.html"
    form_class = CloseRangeForm
    header_icon = "calendar-alt"
    page_title = gettext_lazy("Close a period")

    def dispatch(self, request, agenda_id: int):
        self.agenda = managed_agenda_or_404(request.user, agenda_id)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.agenda.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(agenda=self.agenda, **kwargs)

    def form_valid(self, form):
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        ended = services.agenda_close(
            agenda=self.agenda, start=start, end=end, reason=form.cleaned_data["reason"]
        )
        cancelled = sum(b.status == Booking.Status.CANCELLED for b in ended)
        messages.success(
            self.request,
            ngettext(
                "The period is closed. %(count)d appointment was cancelled; the citizen is told "
                "by email.",
                "The period is closed. %(count)d appointments were cancelled; the citizens are "
                "told by email.",
                cancelled,
            )
            % {"count": cancelled},
        )
        day = timezone.localdate(start).isoformat()
        return redirect("appointments_admin:schedule", self.agenda.pk, "day", day)
