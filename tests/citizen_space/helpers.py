"""Steps of the request flow, as a citizen's browser makes them through the test client."""

from django.urls import reverse

from citizen_space.models import Submission

from .conftest import pdf_file


def start(client, procedure, consent: str = "accept"):
    """Make the request; a first request to the collectivity answers its consent screen."""
    url = reverse("citizen_space:request_start", args=[procedure.pk])
    response = client.get(url)
    if response.status_code == 200 and 'id="consent-form"' in response.content.decode():
        response = client.post(url, {"consent": consent})
    return response


def step_url(draft, step: int) -> str:
    return reverse("citizen_space:draft_step", args=[draft.pk, step])


def post_step(client, draft, step: int, data: dict):
    return client.post(step_url(draft, step), data)


def fill_draft(client, procedure) -> Submission:
    """Start the request and answer both steps: the draft is ready for its summary."""
    start(client, procedure)
    draft = Submission.objects.get(procedure=procedure, status="draft")
    post_step(client, draft, 1, {"last_name": "Martin", "contact_email": "camille@example.org"})
    post_step(client, draft, 2, {"proof": pdf_file(), "details": "Pour la crèche."})
    draft.refresh_from_db()
    return draft


def submit(client, draft):
    return client.post(reverse("citizen_space:draft_submit", args=[draft.pk]))
