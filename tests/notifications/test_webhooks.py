"""Push through the commune's mobile app: a signed JSON event POSTed to a local receiver that
checks the signature as the app's backend would; retried when it answers 500."""

import hashlib
import hmac
import json
import time

import pytest

from citizen_space.notifications.models import Notification
from citizen_space.notifications.tasks import deliver_notification
from citizen_space.notifications.webhooks import webhook_signature, webhook_signature_valid
from citizen_space.services.status import submission_transition

from .conftest import SECRET

pytestmark = pytest.mark.django_db


def receiver_accepts(delivery: dict, secret: str = SECRET) -> bool:
    """The receiver's check, written without the portal's code: HMAC-SHA256 of
    "<timestamp>.<body>" with the shared secret, compared in constant time."""
    headers = {name.lower(): value for name, value in delivery["headers"].items()}
    signed = headers["x-portal-timestamp"].encode() + b"." + delivery["body"]
    expected = "sha256=" + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    fresh = abs(time.time() - int(headers["x-portal-timestamp"])) < 300
    return fresh and hmac.compare_digest(expected, headers["x-portal-signature"])


@pytest.fixture
def agent(commune_a, make_agent):
    return make_agent(commune_a)


@pytest.fixture
def answers():
    """Answers that must never leave in an event."""
    return {
        "last_name": "Lambert-Secret",
        "contact_email": "camille@example.org",
        "details": "Mon fils est allergique aux arachides.",
    }


def test_events_are_signed_and_carry_no_answer(
    webhook, receiver, commune_a, make_procedure, make_request, answers, agent,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(make_procedure(commune_a), answers=answers)
        submission_transition(submission=request, to="in_progress", actor=agent)
    acknowledgement, status_changed = receiver.deliveries
    for delivery in receiver.deliveries:
        assert receiver_accepts(delivery)
        assert not receiver_accepts(delivery, secret="un-autre-secret")
        assert delivery["headers"]["Content-Type"] == "application/json; charset=utf-8"
        assert b"Lambert-Secret" not in delivery["body"] and b"arachides" not in delivery["body"]
        assert b"answers" not in delivery["body"]
    event = json.loads(status_changed["body"])
    notification = Notification.objects.get(channel="push", event="status_changed")
    assert status_changed["headers"]["X-Portal-Delivery"] == str(notification.pk)
    assert status_changed["headers"]["X-Portal-Event"] == "status_changed"
    assert event["id"] == str(notification.pk)
    assert event["event"] == "status_changed"
    assert event["collectivity"] == {"slug": commune_a.slug, "name": commune_a.name}
    assert event["request"]["reference"] == request.reference
    assert event["request"]["status"] == "in_progress"
    assert event["request"]["url"].endswith(f"/mon-espace/demandes/{request.pk}/")
    assert event["citizen"] == {"email": "camille@example.org"}
    assert json.loads(acknowledgement["body"])["event"] == "acknowledgement"


def test_a_receiver_answering_500_is_retried_and_gets_the_event_once(
    webhook, receiver, commune_a, make_procedure, make_request, django_capture_on_commit_callbacks
):
    receiver.statuses = [500]
    with django_capture_on_commit_callbacks(execute=True):
        request = make_request(make_procedure(commune_a))
    push = Notification.objects.get(submission=request, channel="push")
    assert (push.state, push.attempts) == ("pending", 1)
    assert "HTTP Error 500" in push.last_error

    assert deliver_notification(str(push.pk)) == "sent"  # the scheduled retry
    assert deliver_notification(str(push.pk)) == "skipped"
    first, second = receiver.deliveries
    assert [first["status"], second["status"]] == [500, 200]
    # The same delivery id both times: the receiver can tell a retry from a new event.
    assert first["headers"]["X-Portal-Delivery"] == second["headers"]["X-Portal-Delivery"]
    assert [event["id"] for event in receiver.events()] == [str(push.pk)]
    # The email was never held back by the app.
    assert request.notifications.get(channel="email").state == "sent"


def test_the_portal_s_own_check_refuses_tampered_or_stale_events():
    body = b'{"event": "status_changed"}'
    now = str(int(time.time()))
    signature = webhook_signature(SECRET, now, body)
    assert webhook_signature_valid(SECRET, now, body, signature)
    assert not webhook_signature_valid(SECRET, now, body + b" ", signature)
    assert not webhook_signature_valid("autre", now, body, signature)
    old = str(int(time.time()) - 3600)
    assert not webhook_signature_valid(SECRET, old, body, webhook_signature(SECRET, old, body))
    assert not webhook_signature_valid(SECRET, "hier", body, signature)
