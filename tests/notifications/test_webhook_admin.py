"""The push webhooks in the Wagtail admin: each collectivity's editors set up theirs only."""

import pytest
from django.urls import reverse

from citizen_space.notifications.models import PushWebhook
from tests.backoffice.conftest import client_for

pytestmark = pytest.mark.django_db


def test_editors_set_up_their_collectivity_s_webhook_only(commune_a, commune_b, make_user):
    editor = make_user("communication@a.fr", groups=[commune_a.editors_group])
    theirs = PushWebhook.objects.create(collectivity=commune_b, url="https://app.b.fr/hook")
    client = client_for(editor)

    response = client.post(
        reverse("push_webhooks:add"),
        {
            "collectivity": commune_b.pk,
            "url": "https://app.a.fr/hook",
            "secret": "s",
            "active": "on",
        },
    )
    assert response.status_code == 200  # the form again: B is not among the choices
    assert not PushWebhook.objects.filter(url="https://app.a.fr/hook").exists()
    response = client.post(
        reverse("push_webhooks:add"),
        {
            "collectivity": commune_a.pk,
            "url": "https://app.a.fr/hook",
            "secret": "s",
            "active": "on",
        },
    )
    assert response.status_code == 302
    mine = PushWebhook.objects.get(collectivity=commune_a)

    listing = client.get(reverse("push_webhooks:index")).content.decode()
    assert "https://app.a.fr/hook" in listing and "https://app.b.fr/hook" not in listing
    assert client.get(reverse("push_webhooks:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("push_webhooks:edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("push_webhooks:delete", args=[theirs.pk])).status_code == 404
    assert PushWebhook.objects.filter(pk=theirs.pk).exists()


def test_a_new_webhook_gets_a_random_secret(commune_a):
    first = PushWebhook.objects.create(collectivity=commune_a, url="https://app.a.fr/hook")
    assert len(first.secret) >= 40
