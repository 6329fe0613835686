"""Appointments of requests, the emails sent about them, and what ANTS knows of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from commune_sites.agendas.models import Agenda, Booking


class Appointment(models.Model):
    """The booking that answers an appointment question (`field_name`) of a request.

    While the request is a draft the booking is a hold; it is booked when the request is sent.
    A hold that expired is replaced by a new booking, so `booking` may change until then.
    """

    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="appointments",
    )
    field_name = models.CharField(_("question"), max_length=100)
    booking = models.OneToOneField(
        Booking, verbose_name=_("slot"), on_delete=models.PROTECT, related_name="appointment"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "field_name"], name="appointments_one_per_question"
            )
        ]

    def __str__(self):
        return f"{self.submission} – {self.booking}"


class AppointmentNotice(models.Model):
    """An email sent to the citizen about an appointment.

    Each kind is sent once per state of the booking (`version`, the booking's `updated_at`):
    a task run twice, or two workers, send it once; a move makes a new state.
    """

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmation")
        MOVED = "moved", _("Move")
        CANCELLED = "cancelled", _("Cancellation")
        CLOSED = "closed", _("Cancellation by the service")
        REMINDER = "reminder", _("Reminder")

    # The kinds that change the event in the citizen's calendar (its SEQUENCE).
    CHANGES = (Kind.MOVED, Kind.CANCELLED, Kind.CLOSED)

    appointment = models.ForeignKey(Appointment, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    start = models.DateTimeField(_("appointment"))
    version = models.DateTimeField()
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("appointment email")
        verbose_name_plural = _("appointment emails")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "kind", "version"], name="appointments_notice_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.start:%Y-%m-%d %H:%M}"


class PreApplication(models.Model):
    """An ANTS pre-application number given for an appointment, and its declaration to ANTS.

    `declared_start` is the appointment date the coordination API knows (None: not declared);
    `services.ants.ants_sync` brings it in line with the booking, retrying while ANTS is down.
    """

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="pre_applications"
    )
    number = models.CharField(_("pre-application number"), max_length=10, db_index=True)
    declared_start = models.DateTimeField(_("declared to ANTS for"), null=True, blank=True)
    declared_meeting_point = models.CharField(max_length=200, blank=True)
    sync_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("pre-application number")
        verbose_name_plural = _("pre-application numbers")
        constraints = [
            models.UniqueConstraint(
                fields=["appointment", "number"], name="appointments_number_once"
            )
        ]

    def __str__(self):
        return self.number


class MeetingPoint(models.Model):
    """An agenda offered on ANTS's national search site for passports and identity cards."""

    agenda = models.OneToOneField(
        Agenda, verbose_name=_("agenda"), on_delete=models.CASCADE, related_name="meeting_point"
    )
    procedure = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("procedure"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The procedure whose form books this agenda: ANTS sends citizens there."),
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("For example: Mairie de Voiron"))
    public_entry_address = models.CharField(_("address"), max_length=255)
    zip_code = models.CharField(_("postal code"), max_length=5)
    city_name = models.CharField(_("city"), max_length=150)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6)
    logo_url = models.URLField(_("logo address"), blank=True)
    active = models.BooleanField(_("offered on the national site"), default=True)

    class Meta:
        verbose_name = _("ANTS meeting point")
        verbose_name_plural = _("ANTS meeting points")

    def __str__(self):
        return self.name
