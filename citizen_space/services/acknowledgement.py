"""The acknowledgement of receipt sent by email once a request is submitted."""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_q.tasks import async_task, schedule

from .. import app_settings
from ..models import Submission
from ..receipts import receipt_filename, receipt_pdf

logger = logging.getLogger(__name__)

SEND_TASK = "citizen_space.tasks.send_acknowledgement"


def acknowledgement_queue(*, submission_id: int) -> None:
    """Queue the sending of the acknowledgement (call it once the request is committed)."""
    async_task(SEND_TASK, submission_id, task_name=f"acknowledgement-{submission_id}")


def acknowledgement_message(submission: Submission) -> EmailMessage:
    """The email telling the citizen their request's reference, with the PDF receipt attached."""
    with translation.override(submission.language):
        context = {
            "submission": submission,
            "collectivity": submission.collectivity,
            "space_url": _space_url(submission),
        }
        subject = render_to_string("citizen_space/emails/acknowledgement_subject.txt", context)
        body = render_to_string("citizen_space/emails/acknowledgement_body.txt", context)
        message = EmailMessage(" ".join(subject.split()), body, to=[submission.user.email])
        message.attach(receipt_filename(submission), receipt_pdf(submission), "application/pdf")
    return message


def _space_url(submission: Submission) -> str:
    """The absolute address of "My space" on the portal of the request's collectivity."""
    site = submission.collectivity.site
    root = site.root_url if site else f"{settings.PORTAL_SCHEME}://{settings.PORTAL_DOMAIN}"
    return root + reverse("citizen_space:home")


def acknowledgement_send(*, submission_id: int) -> str:
    """Send the acknowledgement of a submitted request, once; safe to call again and again.

    The request's row stays locked while the mail is sent and `acknowledged_at` is written in
    the same transaction, so two workers never both send it. When the mail server cannot be
    reached, the attempt is counted and a new one scheduled (ACKNOWLEDGEMENT_RETRY_DELAYS); the
    request itself is never affected. Returns what was done, for the task's result.
    """
    with transaction.atomic():
        submission = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("user", "collectivity")
            .get(pk=submission_id)
        )
        if submission.is_draft or submission.acknowledged_at is not None:
            logger.info("Acknowledgement of request %s skipped: already sent.", submission_id)
            return "skipped"
        if submission.user is None or not submission.user.email:
            logger.warning("Acknowledgement of request %s skipped: no address.", submission_id)
            return "no address"
        try:
            acknowledgement_message(submission).send()
        except (OSError, smtplib.SMTPException) as error:
            submission.acknowledgement_attempts += 1
            submission.save(update_fields=["acknowledgement_attempts"])
            return _retry_later(submission, error)
        submission.acknowledgement_attempts += 1
        submission.acknowledged_at = timezone.now()
        submission.save(update_fields=["acknowledgement_attempts", "acknowledged_at"])
    logger.info("Acknowledgement of request %s sent.", submission.reference)
    return "sent"


def _retry_later(submission: Submission, error: Exception) -> str:
    delays = app_settings.acknowledgement_retry_delays()
    attempt = submission.acknowledgement_attempts
    if attempt > len(delays):
        logger.error(
            "Acknowledgement of request %s not sent after %s attempts: %s",
            submission.reference,
            attempt,
            error,
        )
        return "given up"
    delay = delays[attempt - 1]
    logger.warning(
        "Acknowledgement of request %s not sent (%s); new attempt in %s s.",
        submission.reference,
        error,
        delay,
    )
    transaction.on_commit(
        lambda: schedule(
            SEND_TASK, submission.pk, next_run=timezone.now() + timedelta(seconds=delay)
        )
    )
    return "retry scheduled"
