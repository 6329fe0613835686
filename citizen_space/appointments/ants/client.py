"""Client of ANTS's coordination API (status of pre-application numbers, declared appointments).

Parameters go in the query string, as the API expects them; our token goes in the
`x-rdv-opt-auth-token` header. Any failure (unreachable, timeout, error status, unreadable
answer) raises `AntsUnavailable`: callers go on without ANTS and try again later.
"""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime

from django.utils import timezone

from .. import app_settings

logger = logging.getLogger(__name__)


class AntsUnavailable(Exception):
    """The coordination API could not answer."""


def is_configured() -> bool:
    return bool(app_settings.ants_api_url())


def _call(method: str, resource: str, params: list[tuple[str, str]]) -> object:
    query = urllib.parse.urlencode([(key, value) for key, value in params if value])
    url = f"{app_settings.ants_api_url()}/{resource}?{query}"
    request = urllib.request.Request(
        url,
        method=method,
        headers={
            "Accept": "application/json",
            "x-rdv-opt-auth-token": app_settings.ants_api_token(),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=app_settings.ants_api_timeout()) as response:
            body = response.read()
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        logger.warning("ANTS coordination API: %s %s failed: %s", method, resource, error)
        raise AntsUnavailable(str(error)) from error
    try:
        return json.loads(body) if body.strip() else {}
    except ValueError as error:
        raise AntsUnavailable(f"unreadable answer: {body[:200]!r}") from error


def appointment_date(start: datetime) -> str:
    """The wall-clock time of an appointment, as ANTS takes it: 2026-03-03T09:20:00."""
    return timezone.localtime(start).replace(tzinfo=None).isoformat(timespec="seconds")


def application_status(numbers: list[str]) -> dict[str, dict]:
    """{number: {"status": "validated" | "consumed" | …, "appointments": [...]}}."""
    answer = _call("GET", "status", [("application_ids", number) for number in numbers])
    if not isinstance(answer, dict):
        raise AntsUnavailable(f"unexpected answer: {answer!r}")
    return answer


def appointment_declare(
    *, number: str, meeting_point: str, meeting_point_id: str, start: datetime, management_url: str
) -> None:
    _call(
        "POST",
        "appointments",
        [
            ("application_id", number),
            ("meeting_point", meeting_point),
            ("meeting_point_id", meeting_point_id),
            ("appointment_date", appointment_date(start)),
            ("management_url", management_url),
        ],
    )


def appointment_withdraw(
    *, number: str, meeting_point: str, meeting_point_id: str, start: datetime
) -> None:
    _call(
        "DELETE",
        "appointments",
        [
            ("application_id", number),
            ("meeting_point", meeting_point),
            ("meeting_point_id", meeting_point_id),
            ("appointment_date", appointment_date(start)),
        ],
    )
