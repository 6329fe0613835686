"""The emails of the notifications: text and HTML, in the language of the request."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from citizen_space.models import ActionRequest, StatusChange
from citizen_space.receipts import receipt_filename, receipt_pdf
from citizen_space.workflow import status_label

from .exceptions import Undeliverable
from .links import portal_url
from .models import Notification

TEMPLATE_DIR = "notifications/email"


def email_send(notification: Notification) -> None:
    """Send the email of `notification` (`Undeliverable` when the citizen has no address)."""
    email_message(notification).send()


def email_message(notification: Notification) -> EmailMultiAlternatives:
    """The email of a notification, rendered in the language the request was made in.

    Templates: notifications/email/<event>_subject.txt, <event>.txt and <event>.html. The
    acknowledgement of receipt carries the PDF receipt.
    """
    submission = notification.submission
    if submission.user is None or not submission.user.email:
        raise Undeliverable("The request has no citizen with an email address any more.")
    language = submission.language
    with translation.override(language):
        context = _context(notification)
        name = f"{TEMPLATE_DIR}/{notification.event}"
        subject = " ".join(render_to_string(f"{name}_subject.txt", context).split())
        context["subject"] = subject
        message = EmailMultiAlternatives(
            subject,
            render_to_string(f"{name}.txt", context),
            to=[submission.user.email],
            headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(render_to_string(f"{name}.html", context), "text/html")
        if notification.event == Notification.Event.ACKNOWLEDGEMENT:
            message.attach(receipt_filename(submission), receipt_pdf(submission), "application/pdf")
    return message


def _context(notification: Notification) -> dict:
    submission = notification.submission
    data = notification.data
    context = {
        "submission": submission,
        "collectivity": submission.collectivity,
        "language": translation.get_language(),
        "request_url": portal_url(submission, "citizen_space:request_detail", submission.pk),
        "status": status_label(data.get("status", submission.status)),
    }
    if "status_change" in data:
        context["change"] = StatusChange.objects.filter(pk=data["status_change"]).first()
    if "action_request" in data:
        action_request = ActionRequest.objects.filter(pk=data["action_request"]).first()
        context["action_request"] = action_request
        if action_request is not None:
            context["action_url"] = portal_url(
                submission, "citizen_space:action_answer", action_request.pk
            )
    return context
