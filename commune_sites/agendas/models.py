"""Agendas of a collectivity, their opening hours and closures, and the bookings of their slots.

Times are wall-clock times of the portal's time zone (Europe/Paris): a 09:00 slot stays at 09:00
across daylight-saving changes. Datetimes are stored aware (UTC in the database).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from commune_sites.models import Collectivity


class Agenda(ClusterableModel):
    """A service offered by appointment at one place, for example passports at the town hall."""

    collectivity = models.ForeignKey(
        Collectivity,
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="agendas",
    )
    name = models.CharField(_("name"), max_length=150)
    service = models.CharField(
        _("service"),
        max_length=150,
        help_text=_("What the appointment is for, for example: Passport and identity card."),
    )
    place = models.CharField(_("place"), max_length=150, help_text=_("For example: Town hall."))
    address = models.TextField(_("address"), blank=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("slot length (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(480)],
    )
    capacity = models.PositiveSmallIntegerField(
        _("people per slot"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many appointments one slot takes, for example the number of counters."),
    )
    book_min_notice_hours = models.PositiveIntegerField(
        _("booking notice (hours)"),
        default=24,
        help_text=_("A slot can be booked until this many hours before it starts."),
    )
    book_max_days_ahead = models.PositiveIntegerField(
        _("booking horizon (days)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text=_("Slots can be booked this many days ahead at most."),
    )
    cancel_min_notice_hours = models.PositiveIntegerField(
        _("cancellation notice (hours)"),
        default=24,
        help_text=_("Citizens can cancel or move an appointment until this many hours before it."),
    )
    allow_multiple_per_person = models.BooleanField(
        _("several appointments per person"),
        default=False,
        help_text=_("Allow one person to hold several upcoming appointments in this agenda."),
    )
    active = models.BooleanField(
        _("open for booking"),
        default=True,
        help_text=_("When unticked, no new appointment can be made; existing ones are kept."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")
        ordering = ["collectivity__name", "name"]

    def __str__(self):
        return self.name


class OpeningHours(models.Model):
    """One opening range of a weekday; a day may have several (morning and afternoon)."""

    class Weekday(models.IntegerChoices):
        # Numbered like date.weekday().
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    agenda = ParentalKey(Agenda, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    start_time = models.TimeField(_("from"))
    end_time = models.TimeField(_("to"))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__lt=F("end_time")), name="agendas_hours_start_before_end"
            )
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        if self.start_time and self.end_time and self.start_time >= self.end_time:
            raise ValidationError({"end_time": _("The closing time must be after the opening.")})


class Closure(models.Model):
    """A period without appointments: a public holiday (a whole day) or a one-off closure."""

    agenda = ParentalKey(Agenda, on_delete=models.CASCADE, related_name="closures")
    start = models.DateTimeField(_("from"))
    end = models.DateTimeField(
        _("until"), help_text=_("For a whole day, from 00:00 to 00:00 the next day.")
    )
    reason = models.CharField(
        _("reason"), max_length=200, blank=True, help_text=_("For example: Public holiday.")
    )

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__lt=F("end")), name="agendas_closure_start_before_end"
            )
        ]
        indexes = [models.Index(fields=["agenda", "start"])]

    def __str__(self):
        return self.reason or _("Closure")

    def clean(self):
        if self.start and self.end and self.start >= self.end:
            raise ValidationError({"end": _("The end must be after the start.")})


class Booking(models.Model):
    """A place in a slot: held while the citizen fills the form, then booked.

    `holder` identifies the person ("user:42") and `reference` what the booking is for (a request
    number); both are opaque to this app. Only `services` writes `status`.
    """

    class Status(models.TextChoices):
        HELD = "held", _("Held")
        BOOKED = "booked", _("Booked")
        RELEASED = "released", _("Released")  # a hold given up or expired
        CANCELLED = "cancelled", _("Cancelled")
        NO_SHOW = "no_show", _("No-show")

    ACTIVE = (Status.HELD, Status.BOOKED)

    agenda = models.ForeignKey(
        Agenda, verbose_name=_("agenda"), on_delete=models.PROTECT, related_name="bookings"
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    holder = models.CharField(_("holder"), max_length=100)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.HELD
    )
    held_until = models.DateTimeField(_("held until"), null=True, blank=True)
    # Copied from the agenda when the booking is made: the one-per-person rule applies to it.
    exclusive = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "holder"],
                condition=Q(status__in=["held", "booked"], exclusive=True),
                name="agendas_one_active_booking_per_holder",
            )
        ]
        indexes = [
            models.Index(fields=["agenda", "start", "status"]),
            models.Index(
                fields=["held_until"], condition=Q(status="held"), name="agendas_held_until"
            ),
        ]

    def __str__(self):
        return f"{self.agenda} {self.start:%Y-%m-%d %H:%M} ({self.holder})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE


class SlotCounter(models.Model):
    """How many active bookings (held or booked) a slot has; the database refuses overbooking.

    Written only by `services`, always by relative updates inside the booking transaction.
    """

    agenda = models.ForeignKey(Agenda, on_delete=models.CASCADE, related_name="+")
    start = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField()
    taken = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "start"], name="agendas_one_counter_per_slot"
            ),
            models.CheckConstraint(
                condition=Q(taken__lte=F("capacity")), name="agendas_counter_within_capacity"
            ),
        ]

    def __str__(self):
        return f"{self.start:%Y-%m-%d %H:%M}: {self.taken}/{self.capacity}"
