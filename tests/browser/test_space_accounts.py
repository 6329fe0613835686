"""Accounts in Chromium on the demo: sign-up with email verification, one session for every
commune's portal, change of email, deletion. Each page is checked with axe-core."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from citizen_space.models import CitizenProfile, Submission
from portal.demo.accounts import CITIZEN
from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NEW_PASSWORD = "Un-mot-de-passe-assez-long-42"


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def sign_in(page, portal: str, email=CITIZEN.email, password=CITIZEN.password) -> None:
    page.goto(f"{portal}/comptes/login/?next=/mon-espace/")
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("#login-form-submit").click()
    page.wait_for_url(f"{portal}/mon-espace/")


def test_sign_up_with_email_verification_then_signed_in_on_every_commune(
    page, host_url, demo, mailoutbox
):
    voiron, crossey = host_url("voiron"), host_url("saint-etienne-de-crossey")
    page.goto(f"{voiron}/comptes/login/")
    assert_accessible(page)
    page.locator("#signup-link").click()
    page.wait_for_url(re.compile(r"/comptes/signup/"))
    assert_accessible(page)

    page.locator("#id_email").fill("lea.nouvelle@example.org")
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.locator("#signup-form-submit").click()
    expect(page.locator("#verification-sent")).to_be_visible()
    assert_accessible(page)

    (message,) = mailoutbox
    assert message.to == ["lea.nouvelle@example.org"]
    page.goto(link_in(message))
    assert page.url.startswith(voiron)
    assert_accessible(page)
    page.locator("#email-confirm-submit").click()
    page.wait_for_url(re.compile(r"/comptes/login/"))

    sign_in(page, voiron, "lea.nouvelle@example.org", NEW_PASSWORD)
    assert_accessible(page)
    session = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    assert session["domain"] == ".portal.localhost"

    # The same session on another commune's portal: no sign-in asked.
    page.goto(f"{crossey}/mon-espace/")
    assert page.url == f"{crossey}/mon-espace/"
    expect(page.locator(".site-header__brand")).to_contain_text("Saint-Étienne-de-Crossey")
    expect(page.locator("#space-nav-account")).to_be_visible()


def test_change_of_email_confirmed_from_both_addresses(page, host_url, demo, mailoutbox):
    voiron = host_url("voiron")
    sign_in(page, voiron)
    page.locator("#space-nav-account").click()
    page.wait_for_url(f"{voiron}/mon-espace/compte/")
    assert_accessible(page)
    page.locator("#email-change-link").click()
    assert_accessible(page)
    page.locator("#id_email").fill("camille.nouvelle@example.fr")
    page.locator("#email-change-form-submit").click()
    expect(page.locator("#email-change-sent")).to_contain_text(CITIZEN.email)
    assert_accessible(page)

    (to_old,) = mailoutbox
    assert to_old.to == [CITIZEN.email]
    page.goto(link_in(to_old))
    assert_accessible(page)
    page.locator("#email-change-confirm").click()
    expect(page.locator("#email-change-verify")).to_contain_text("camille.nouvelle@example.fr")
    to_new = mailoutbox[-1]
    assert to_new.to == ["camille.nouvelle@example.fr"]

    mailoutbox.clear()
    page.goto(link_in(to_new))
    page.locator("#email-confirm-submit").click()
    page.goto(f"{voiron}/mon-espace/compte/")
    expect(page.locator("#account-email")).to_have_text("camille.nouvelle@example.fr")
    assert sorted(m.to[0] for m in mailoutbox) == [CITIZEN.email, "camille.nouvelle@example.fr"]


def test_deleting_the_account_after_the_password(page, host_url, demo):
    voiron = host_url("voiron")
    sign_in(page, voiron)
    user = get_user_model().objects.get(email=CITIZEN.email)
    page.goto(f"{voiron}/mon-espace/compte/")
    page.locator("#account-delete-link").click()

    # allauth asks for the password first.
    page.wait_for_url(re.compile(r"/comptes/reauthenticate/"))
    assert_accessible(page)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#reauthenticate-form-submit").click()
    page.wait_for_url(f"{voiron}/mon-espace/compte/suppression/")
    expect(page.locator("#account-delete-consequences")).to_be_visible()
    assert_accessible(page)

    page.locator("#account-delete-form-submit").click()  # not confirmed
    expect(page.locator("#account-delete-form-errors")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_confirm").check()
    page.locator("#account-delete-form-submit").click()
    page.wait_for_url(f"{voiron}/mon-espace/compte/supprime/")
    expect(page.locator("#account-deleted")).to_be_visible()
    assert_accessible(page)

    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert not CitizenProfile.objects.filter(user_id=user.pk).exists()
    assert not Submission.objects.filter(user_id=user.pk).exists()
    page.goto(f"{voiron}/comptes/login/")
    page.locator("#id_login").fill(CITIZEN.email)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#login-form-submit").click()
    expect(page.locator("#login-form-errors")).to_be_visible()
    assert "/comptes/login/" in page.url
