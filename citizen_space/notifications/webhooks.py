"""Push notifications: a signed JSON event POSTed to the collectivity's mobile app backend.

The receiver checks the signature before trusting an event:

    expected = "sha256=" + hex(HMAC-SHA256(secret, f"{X-Portal-Timestamp}.".encode() + body))

compares it with X-Portal-Signature in constant time, refuses old timestamps, and uses
X-Portal-Delivery (the same on every retry) to ignore an event it already handled. The event
names the request, its status and the citizen's address; never the answers.
"""

import hashlib
import hmac
import json
import time
import urllib.request

from . import app_settings
from .exceptions import Undeliverable
from .links import portal_url
from .models import Notification, PushWebhook

SIGNATURE_HEADER = "X-Portal-Signature"
TIMESTAMP_HEADER = "X-Portal-Timestamp"
DELIVERY_HEADER = "X-Portal-Delivery"
EVENT_HEADER = "X-Portal-Event"


def webhook_payload(notification: Notification) -> dict:
    submission = notification.submission
    collectivity = submission.collectivity
    data = notification.data
    payload = {
        "id": str(notification.pk),
        "event": notification.event,
        "created_at": notification.created_at.isoformat(),
        "collectivity": {"slug": collectivity.slug, "name": collectivity.name},
        "request": {
            "reference": submission.reference,
            "procedure": submission.procedure_title,
            "status": data.get("status", submission.status),
            "url": portal_url(submission, "citizen_space:request_detail", submission.pk),
        },
        "citizen": {"email": submission.user.email if submission.user else None},
        "language": submission.language,
    }
    if "due_date" in data:
        payload["action_request"] = {"id": data["action_request"], "due_date": data["due_date"]}
    return payload


def webhook_signature(secret: str, timestamp: str, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"sha256={digest.hexdigest()}"


def webhook_signature_valid(
    secret: str, timestamp: str, body: bytes, signature: str, *, tolerance: int = 300
) -> bool:
    """What a receiver checks (in Python): the signature, and a timestamp less than
    `tolerance` seconds away."""
    try:
        fresh = abs(time.time() - int(timestamp)) <= tolerance
    except ValueError:
        return False
    expected = webhook_signature(secret, timestamp, body)
    return fresh and hmac.compare_digest(expected, signature)


def webhook_send(notification: Notification) -> None:
    """POST the event to the collectivity's active webhook; any answer but 2xx raises an
    `OSError` (`urllib.error.HTTPError`), and the delivery is retried."""
    webhook = PushWebhook.objects.filter(
        collectivity_id=notification.submission.collectivity_id, active=True
    ).first()
    if webhook is None:
        raise Undeliverable("The collectivity's push webhook was removed or deactivated.")
    body = json.dumps(webhook_payload(notification), ensure_ascii=False).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(
        webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "portail-citoyen-webhook/1",
            EVENT_HEADER: notification.event,
            DELIVERY_HEADER: str(notification.pk),
            TIMESTAMP_HEADER: timestamp,
            SIGNATURE_HEADER: webhook_signature(webhook.secret, timestamp, body),
        },
    )
    with urllib.request.urlopen(request, timeout=app_settings.webhook_timeout()) as response:
        response.read()
