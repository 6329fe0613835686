"""Account pages (django-allauth) in the portal's layout, with stable ids and labels."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialApp
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from .conftest import PASSWORD, english_client

pytestmark = pytest.mark.django_db


def page(client, url_name, *args) -> str:
    response = client.get(reverse(url_name, args=args))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html and 'id="contenu"' in html  # the portal's layout
    return html


@pytest.mark.parametrize(
    ("url_name", "heading", "form_id"),
    [
        ("account_login", "Sign in", "login-form"),
        ("account_signup", "Create an account", "signup-form"),
        ("account_reset_password", "Reset your password", "password-reset-form"),
    ],
)
def test_entrance_pages(url_name, heading, form_id):
    html = page(english_client(), url_name)
    assert f"<h1>{heading}</h1>" in html
    assert f'id="{form_id}"' in html
    assert f"<title>{heading} – Citizen portal</title>" in html
    # Every input has its label.
    for input_id in re.findall(r'<input[^>]*type="(?:email|password|text)"[^>]*id="([^"]+)"', html):
        assert f'for="{input_id}"' in html


def test_signup_then_verification_then_sign_in(procedure):
    client = english_client()
    response = client.post(
        reverse("account_signup"),
        {"email": "nouveau@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )
    html = response.content.decode()
    assert 'id="verification-sent"' in html
    [message] = mail.outbox
    link = re.search(r"http://\S+/comptes/confirm-email/\S+/", message.body).group(0)
    confirm = client.get(link.split("testserver", 1)[-1] if "testserver" in link else link)
    assert 'id="email-confirm-form"' in confirm.content.decode()
    client.post(confirm.request["PATH_INFO"])
    assert EmailAddress.objects.get(email="nouveau@example.org").verified

    response = client.post(
        reverse("account_login"), {"login": "nouveau@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="nouveau@example.org")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_is_a_clear_error(citizen):
    response = english_client().post(
        reverse("account_login"), {"login": citizen.email, "password": "nope"}
    )
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "The email address and/or password you specified are not correct." in html


def test_logout_page_and_password_reset_done(citizen):
    client = english_client(citizen)
    assert 'id="logout-form"' in page(client, "account_logout")
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    response = client.post(reverse("account_reset_password"), {"email": citizen.email}, follow=True)
    assert 'id="password-reset-sent"' in response.content.decode()
    assert len(mail.outbox) == 1


def test_a_bad_confirmation_link_is_explained():
    html = page(english_client(), "account_confirm_email", "not-a-key")
    assert "This confirmation link has expired or is not valid." in html


def test_other_ways_to_sign_in_keep_the_way_back_to_the_flow():
    SocialApp.objects.create(provider="google", name="Google", client_id="id", secret="secret")
    html = english_client().get("/comptes/login/?next=/mon-espace/").content.decode()
    assert 'id="sign-in-google"' in html
    assert "Continue with Google" in html
    assert "next=%2Fmon-espace%2F" in html
