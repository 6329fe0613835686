"""Refusals of the booking services, each with a message to show to the person as it is."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class BookingError(Exception):
    """A booking operation that was refused; `message` says why, in the user's language."""

    default_message = _("This appointment cannot be changed.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


class SlotUnavailable(BookingError):
    """The slot cannot be taken (full, closed, outside the booking period…): offer others."""

    default_message = _(
        "Sorry, this slot has just been taken or is no longer available. Please choose another one."
    )


class AlreadyHolding(BookingError):
    """The person already has an appointment in this agenda, which allows only one at a time."""

    default_message = _(
        "You already have an appointment, or a slot being booked, with this service. "
        "Move or cancel it rather than booking another one."
    )


class DeadlinePassed(BookingError):
    """Too late for the citizen to cancel or move the appointment."""

    def __init__(self, hours: int):
        super().__init__(
            ngettext_lazy(
                "Appointments can be cancelled or moved until %(hours)d hour before they start. "
                "Please contact the town hall.",
                "Appointments can be cancelled or moved until %(hours)d hours before they start. "
                "Please contact the town hall.",
                "hours",
            )
            % {"hours": hours}
        )
