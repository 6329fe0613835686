"""The account: FranceConnect identity in the profile, email change, notifications, deletion,
and the download of one's data."""

import datetime
import io
import json
import re
import zipfile

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from citizen_space.models import (
    ActionRequest,
    CitizenProfile,
    Consent,
    ConsentEvent,
    NotificationPreference,
    Submission,
)
from citizen_space.selectors import notification_preferences
from citizen_space.services.account import profile_certify_identity
from citizen_space.services.consent import consent_grant
from tests.citizen_space.conftest import PASSWORD, english_client, pdf_bytes
from tests.citizen_space.helpers import start

pytestmark = pytest.mark.django_db

CLAIMS = {
    "given_name": "Angela Claire Louise",
    "family_name": "DUBOIS",
    "preferred_username": "",
    "birthdate": datetime.date(1962, 8, 24),
    "birthplace": "75107",
    "birthcountry": "99100",
    "gender": "female",
}


def reauthenticate(client) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


# --- FranceConnect identity


def test_franceconnect_fills_and_locks_the_identity_fields(citizen, citizen_client):
    CitizenProfile.objects.create(user=citizen, first_name="Angie", phone="+33612345678")

    profile = profile_certify_identity(user=citizen, claims=CLAIMS)

    assert profile.identity_certified
    assert (profile.civility, profile.first_name, profile.last_name) == (
        "mme",
        "Angela Claire Louise",
        "DUBOIS",
    )
    assert (profile.birth_date, profile.birth_place) == (datetime.date(1962, 8, 24), "75107")
    assert profile.phone == "+33612345678"
    url = reverse("citizen_space:profile")
    html = citizen_client.get(url).content.decode()
    assert re.search(r'<input[^>]*name="last_name"[^>]*disabled', html)
    assert "Certified by FranceConnect" in html
    citizen_client.post(url, {"last_name": "Martin", "first_name": "Eve", "city": "Lyon"})
    profile.refresh_from_db()
    assert (profile.last_name, profile.first_name, profile.city) == (
        "DUBOIS",
        "Angela Claire Louise",
        "Lyon",
    )


def test_the_birthplace_is_named_when_the_commune_is_known(citizen, commune):
    profile = profile_certify_identity(user=citizen, claims={**CLAIMS, "birthplace": "42279"})
    assert profile.birth_place == commune.name


def test_an_email_sign_in_certifies_nothing(citizen):
    assert profile_certify_identity(user=citizen, claims={}) is None
    assert not CitizenProfile.objects.exists()


# --- Change of email


def test_a_change_of_email_is_confirmed_from_the_old_address_then_verified_at_the_new(
    citizen, citizen_client
):
    response = citizen_client.post(
        reverse("citizen_space:email_change"), {"email": "camille.new@example.org"}
    )
    assert response.status_code == 200
    assert "We have sent a link to your current address" in response.content.decode()
    (to_old,) = mail.outbox
    assert to_old.to == ["camille@example.org"]
    assert "camille.new@example.org" in to_old.body
    confirm_path = path_of(link_in(to_old))
    # Following it from another account does nothing.
    stranger = english_client(get_user_model().objects.create_user("x", "x@example.org"))
    assert stranger.post(confirm_path).status_code == 400
    assert not EmailAddress.objects.filter(email="camille.new@example.org").exists()

    response = citizen_client.post(confirm_path)

    assert "We have sent a link to camille.new@example.org" in response.content.decode()
    to_new = mail.outbox[-1]
    assert to_new.to == ["camille.new@example.org"]
    citizen.refresh_from_db()
    assert citizen.email == "camille@example.org"  # not before the new address is verified

    verify_path = path_of(link_in(to_new))
    mail.outbox.clear()
    citizen_client.post(verify_path)

    citizen.refresh_from_db()
    assert citizen.email == "camille.new@example.org"
    assert list(EmailAddress.objects.filter(user=citizen).values_list("email", flat=True)) == [
        "camille.new@example.org"
    ]
    told = sorted(message.to[0] for message in mail.outbox)
    assert told == ["camille.new@example.org", "camille@example.org"]
    assert all("camille.new@example.org" in message.body for message in mail.outbox)
    # The old link is worthless now.
    assert citizen_client.post(confirm_path).status_code == 400


def test_allauth_email_page_leads_to_the_confirmed_change(citizen_client):
    response = citizen_client.get("/comptes/email/")
    assert response["Location"] == reverse("citizen_space:email_change")


# --- Notification preferences


def test_notification_preferences_default_on_and_are_saved(citizen, citizen_client):
    assert set(notification_preferences(citizen).values()) == {True}
    citizen_client.post(
        reverse("citizen_space:notifications"),
        {"status_changed": "on", "message_received": "on"},
    )
    assert notification_preferences(citizen) == {
        "status_changed": True,
        "action_requested": False,
        "message_received": True,
    }
    assert NotificationPreference.objects.filter(user=citizen).count() == 3


# --- Deletion


def test_deleting_the_account_keeps_requests_without_owner(
    procedure, citizen, citizen_client, send_request, make_procedure, commune
):
    sent = send_request(citizen_client, procedure)
    start(citizen_client, make_procedure(commune, "Cantine"))
    draft = Submission.objects.get(status="draft")
    CitizenProfile.objects.create(user=citizen, last_name="Dupont")
    url = reverse("citizen_space:account_delete")
    reauthenticate(citizen_client)
    page = citizen_client.get(url).content.decode()
    assert "your sent request stays with the collectivity" in page

    assert citizen_client.post(url, {}).status_code == 200  # not confirmed: nothing happens
    assert get_user_model().objects.filter(pk=citizen.pk).exists()
    response = citizen_client.post(url, {"confirm": "on"})

    assert response["Location"] == reverse("citizen_space:account_deleted")
    assert "requests you sent stay with the collectivities" in (
        citizen_client.get(response["Location"]).content.decode()
    )
    assert not get_user_model().objects.filter(email="camille@example.org").exists()
    assert not CitizenProfile.objects.exists()
    assert not Consent.objects.exists() and not ConsentEvent.objects.exists()
    assert not EmailAddress.objects.exists()
    assert not Submission.objects.filter(pk=draft.pk).exists()
    sent.refresh_from_db()
    assert sent.user is None and sent.uploads.count() == 1
    assert citizen_client.get(reverse("citizen_space:home")).status_code == 302
    refused = english_client().post(
        reverse("account_login"), {"login": "camille@example.org", "password": PASSWORD}
    )
    assert refused.status_code == 200
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_deletion_asks_for_the_password_first(citizen, citizen_client):
    url = reverse("citizen_space:account_delete")

    response = citizen_client.post(url, {"confirm": "on"})

    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert get_user_model().objects.filter(pk=citizen.pk).exists()
    wrong = citizen_client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    assert wrong.status_code == 200
    assert citizen_client.post(url, {"confirm": "on"})["Location"].startswith(
        reverse("account_reauthenticate")
    )
    reauthenticate(citizen_client)
    assert citizen_client.post(url, {"confirm": "on"})["Location"] == reverse(
        "citizen_space:account_deleted"
    )
    assert not get_user_model().objects.filter(pk=citizen.pk).exists()


# --- Download my data


def test_download_my_data_is_a_zip_of_everything(
    sent_request, citizen, citizen_client, commune, agent_message
):
    CitizenProfile.objects.create(user=citizen, last_name="Dupont", city="Lyon")
    ActionRequest.objects.create(
        submission=sent_request, kind="information", explanation="Précisez.", due_date="2030-01-01"
    )
    SocialAccount.objects.create(user=citizen, provider="google", uid="1")
    consent_grant(user=citizen, collectivity=commune)

    response = citizen_client.get(reverse("citizen_space:data_download"))

    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("mes-donnees.json"))
    assert data["account"]["email"] == "camille@example.org"
    assert data["profile"]["last_name"] == "Dupont"
    assert [c["collectivity"] for c in data["consents"]] == [commune.name]
    assert [e["event"] for e in data["consent_history"]] == ["granted"]
    (request,) = data["requests"]
    assert request["reference"] == sent_request.reference
    assert request["answers"]["details"] == "Pour la crèche."
    assert request["action_requests"][0]["explanation"] == "Précisez."
    assert request["messages"][0]["body"] == agent_message.body
    assert [change["to"] for change in request["status_history"]] == ["submitted"]
    (path,) = request["files"]
    assert path.endswith("justificatif.pdf")
    assert archive.read(path) == pdf_bytes()


def test_the_data_of_others_is_not_in_my_zip(sent_request, other_citizen):
    response = english_client(other_citizen).get(reverse("citizen_space:data_download"))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == ["mes-donnees.json"]
    assert json.loads(archive.read("mes-donnees.json"))["requests"] == []
