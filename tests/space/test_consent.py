"""Consent per collectivity: asked at the first request, recorded, listed, withdrawn."""

import re

import pytest
from django.urls import reverse

from citizen_space.models import CitizenProfile, Consent, ConsentEvent, Submission
from citizen_space.selectors import (
    SHARED_PROFILE_FIELDS,
    consent_active,
    prefill_profile,
    profile_visible_to_collectivity,
)
from citizen_space.services.consent import consent_grant, consent_withdraw
from tests.citizen_space.helpers import start, step_url

pytestmark = pytest.mark.django_db


def start_url(procedure) -> str:
    return reverse("citizen_space:request_start", args=[procedure.pk])


def test_the_first_request_to_a_collectivity_asks_consent_listing_the_data(
    procedure, commune, citizen, citizen_client
):
    CitizenProfile.objects.create(user=citizen, last_name="Dupont", phone="+33612345678")

    response = citizen_client.get(start_url(procedure))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"Share your details with {commune.name}?" in html
    for label in ("Last name", "Phone", "Email address", "Date of birth", "Postal code"):
        assert f"<dt>{label}</dt>" in html
    assert "Dupont" in html and "camille@example.org" in html
    assert 'value="accept"' in html and 'value="decline"' in html
    assert not Submission.objects.exists()


def test_accept_records_the_consent_and_continues_with_a_prefilled_form(
    procedure, commune, citizen, citizen_client
):
    CitizenProfile.objects.create(user=citizen, last_name="Dupont")

    response = citizen_client.post(start_url(procedure), {"consent": "accept"})

    draft = Submission.objects.get(user=citizen)
    assert response["Location"] == step_url(draft, 1)
    consent = Consent.objects.get(user=citizen)
    assert (consent.collectivity, consent.withdrawn_at) == (commune, None)
    event = ConsentEvent.objects.get(user=citizen)
    assert (event.kind, event.collectivity) == ("granted", commune)
    assert event.fields == list(SHARED_PROFILE_FIELDS)
    html = citizen_client.get(step_url(draft, 1)).content.decode()
    assert re.search(r'<input[^>]*name="last_name"[^>]*value="Dupont"', html)


def test_without_consent_nothing_is_prefilled_and_agents_see_no_profile(
    procedure, commune, citizen, citizen_client
):
    CitizenProfile.objects.create(user=citizen, last_name="Dupont")

    response = citizen_client.post(start_url(procedure), {"consent": "decline"})

    draft = Submission.objects.get(user=citizen)
    assert response["Location"] == step_url(draft, 1)
    assert not Consent.objects.exists() and not ConsentEvent.objects.exists()
    html = citizen_client.get(step_url(draft, 1)).content.decode()
    assert "Dupont" not in html and "camille@example.org" not in html
    assert prefill_profile(user=citizen, collectivity_id=commune.pk) == {}
    assert profile_visible_to_collectivity(user=citizen, collectivity=commune) is None


def test_consent_is_asked_once_per_collectivity(
    procedure, commune, other_commune, make_procedure, citizen, citizen_client
):
    start(citizen_client, procedure, consent="decline")
    second = make_procedure(commune, "Inscription à la cantine")
    elsewhere = make_procedure(other_commune, "Carte de stationnement")

    assert citizen_client.get(start_url(second)).status_code == 302
    response = citizen_client.get(start_url(elsewhere))
    assert response.status_code == 200
    assert f"Share your details with {other_commune.name}?" in response.content.decode()


def test_an_intercommunal_procedure_asks_the_intercommunality(
    intercommunality, commune, make_procedure, citizen, citizen_client
):
    procedure = make_procedure(intercommunality, "Inscription à la crèche")
    html = citizen_client.get(start_url(procedure)).content.decode()
    assert f"Share your details with {intercommunality.name}?" in html
    citizen_client.post(start_url(procedure), {"consent": "accept"})
    assert Consent.objects.get(user=citizen).collectivity == intercommunality


def test_agents_read_the_profile_only_while_the_consent_is_active(citizen, commune):
    profile = CitizenProfile.objects.create(user=citizen, last_name="Dupont")
    consent_grant(user=citizen, collectivity=commune)
    assert profile_visible_to_collectivity(user=citizen, collectivity=commune) == profile
    assert profile_visible_to_collectivity(user=None, collectivity=commune) is None

    assert consent_withdraw(user=citizen, collectivity=commune) is True

    assert profile_visible_to_collectivity(user=citizen, collectivity=commune) is None
    assert prefill_profile(user=citizen, collectivity_id=commune.pk) == {}


def test_each_grant_and_withdrawal_is_recorded(citizen, commune):
    first = consent_grant(user=citizen, collectivity=commune)
    assert consent_grant(user=citizen, collectivity=commune) == first  # idempotent
    consent_withdraw(user=citizen, collectivity=commune)
    assert consent_withdraw(user=citizen, collectivity=commune) is False
    second = consent_grant(user=citizen, collectivity=commune)

    assert second.pk != first.pk
    first.refresh_from_db()
    assert first.withdrawn_at is not None
    assert consent_active(user=citizen, collectivity_id=commune.pk) == second
    kinds = list(ConsentEvent.objects.filter(user=citizen).values_list("kind", flat=True))
    assert kinds == ["granted", "withdrawn", "granted"]


def test_my_space_lists_access_with_its_date_and_withdraws_it_at_once(
    procedure, commune, other_commune, make_procedure, citizen, citizen_client
):
    start(citizen_client, procedure, consent="accept")
    start(citizen_client, make_procedure(other_commune, "Carte"), consent="decline")
    consent = Consent.objects.get(user=citizen)

    html = citizen_client.get(reverse("citizen_space:consents")).content.decode()
    row = html.split(f'id="consent-{commune.pk}"', 1)[1].split("</tr>", 1)[0]
    assert commune.name in row and "Allowed since" in row
    assert f"consent-withdraw-{commune.pk}" in row
    other_row = html.split(f'id="consent-{other_commune.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Not allowed" in other_row

    response = citizen_client.post(
        reverse("citizen_space:consent_withdraw", args=[commune.pk]), follow=True
    )
    assert f"{commune.name} can no longer read your details." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert profile_visible_to_collectivity(user=citizen, collectivity=commune) is None

    citizen_client.post(reverse("citizen_space:consent_grant", args=[other_commune.pk]))
    assert consent_active(user=citizen, collectivity_id=other_commune.pk) is not None


def test_a_collectivity_not_in_the_list_cannot_be_granted_nor_withdrawn(
    other_commune, citizen_client
):
    for name in ("consent_grant", "consent_withdraw"):
        url = reverse(f"citizen_space:{name}", args=[other_commune.pk])
        assert citizen_client.post(url).status_code == 404
    assert not Consent.objects.exists()
