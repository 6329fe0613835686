"""Steps of the appointment flow, as the citizen's browser makes them through the test client."""

from django.urls import reverse

from citizen_space.models import Submission
from citizen_space.services.submission import submission_submit


def step_url(draft, step: int) -> str:
    return reverse("citizen_space:draft_step", args=[draft.pk, step])


def post_step(client, draft, step: int, data: dict):
    return client.post(step_url(draft, step), data)


def book(client, draft, start: str, numbers: str = "AB12345678") -> Submission:
    """Pick the slot, answer step 2, send the request; returns the request."""
    response = post_step(
        client, draft, 1, {"appointment": start, "appointment-application_ids": numbers}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    response = post_step(client, draft, 2, {"phone": "06 12 34 56 78"})
    assert response.status_code == 302
    return submission_submit(submission_id=draft.pk)
