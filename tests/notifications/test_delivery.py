"""Delivery of the outbox through a real local SMTP server (aiosmtpd): a mail server down never
blocks nor loses the change, the email leaves once it is back, exactly once."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.models import Schedule

from citizen_space.notifications.models import Notification
from citizen_space.notifications.tasks import (
    deliver_notification,
    requeue_overdue_notifications,
)
from citizen_space.services.status import submission_transition

pytestmark = pytest.mark.django_db

DELIVER = "citizen_space.notifications.tasks.deliver_notification"


@pytest.fixture
def request_in_progress(commune_a, make_procedure, make_request, make_agent):
    request = make_request(make_procedure(commune_a))  # acknowledgement not sent: not committed
    agent = make_agent(commune_a)
    return request, agent


def test_mail_server_down_the_change_stands_and_the_email_leaves_once_it_is_back(
    smtp, request_in_progress, django_capture_on_commit_callbacks
):
    request, agent = request_in_progress
    with django_capture_on_commit_callbacks(execute=True):
        submission_transition(submission=request, to="in_progress", actor=agent)
    request.refresh_from_db()
    assert request.status == "in_progress"
    notification = Notification.objects.get(event="status_changed")
    assert notification.state == "pending" and notification.attempts == 1
    assert "ConnectionRefusedError" in notification.last_error
    assert notification.next_attempt_at > timezone.now() + timedelta(seconds=50)
    retry = Schedule.objects.get(func=DELIVER)
    assert retry.args == f"('{notification.pk}',)"
    assert retry.schedule_type == Schedule.ONCE
    assert retry.next_run == notification.next_attempt_at

    smtp.start()
    assert deliver_notification(str(notification.pk)) == "sent"  # the scheduled retry
    assert deliver_notification(str(notification.pk)) == "skipped"  # a retry run twice
    [message] = smtp.messages
    assert f"Your request {request.reference} is now".encode() in message
    notification.refresh_from_db()
    assert (notification.state, notification.attempts, notification.last_error) == ("sent", 2, "")


def test_after_the_last_delay_the_delivery_is_given_up(settings, smtp, request_in_progress):
    settings.NOTIFICATION_RETRY_DELAYS = [1, 1]
    request, _agent = request_in_progress
    notification = Notification.objects.get(submission=request, event="acknowledgement")
    pk = str(notification.pk)
    assert [deliver_notification(pk) for _ in range(4)] == [
        "retry scheduled",
        "retry scheduled",
        "given up",
        "skipped",
    ]
    notification.refresh_from_db()
    assert (notification.state, notification.attempts) == ("failed", 3)
    assert smtp.messages == []


def test_a_delivery_whose_task_was_lost_is_queued_again(
    settings, smtp, request_in_progress, django_capture_on_commit_callbacks
):
    """The broker was down when the request was committed: the periodic sweep catches up."""
    request, _agent = request_in_progress
    notification = Notification.objects.get(submission=request, event="acknowledgement")
    smtp.start()
    assert requeue_overdue_notifications() == 0  # not late yet
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=6)
    )
    assert requeue_overdue_notifications() == 1  # queued, and run at once (sync mode)
    notification.refresh_from_db()
    assert notification.state == "sent"
    assert len(smtp.messages) == 1
    assert requeue_overdue_notifications() == 0


def test_without_an_address_any_more_the_notification_is_given_up_at_once(request_in_progress):
    request, _agent = request_in_progress
    notification = Notification.objects.get(submission=request, event="acknowledgement")
    request.user.delete()
    assert deliver_notification(str(notification.pk)) == "given up"
    notification.refresh_from_db()
    assert notification.state == "failed" and "no citizen" in notification.last_error
