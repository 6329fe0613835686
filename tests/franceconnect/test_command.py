"""`manage.py franceconnect enable|disable <slug>`."""

import pytest
from allauth.socialaccount.models import SocialApp
from django.core.management import CommandError, call_command

from citizen_space.franceconnect.models import FranceConnectEnrolment

pytestmark = pytest.mark.django_db


def test_enable_then_disable(ville_a, ville_b):
    call_command(
        "franceconnect", "enable", "ville-a", "--client-id=abc", "--secret=s3cret", "--acr=eidas2"
    )
    call_command("franceconnect", "enable", "ville-b", "--client-id=abc", "--secret=s3cret")

    app = SocialApp.objects.get()
    assert (app.provider, app.client_id, app.secret) == ("franceconnect", "abc", "s3cret")
    assert app.settings["base_url"] == "https://fcp-low.sbx.dev-franceconnect.fr/api/v2"
    assert FranceConnectEnrolment.objects.filter(social_app=app).count() == 2

    call_command("franceconnect", "disable", "ville-a")

    assert list(FranceConnectEnrolment.objects.values_list("collectivity__slug", flat=True)) == [
        "ville-b"
    ]


def test_enable_needs_credentials_and_a_known_collectivity(ville_a):
    with pytest.raises(CommandError, match="--client-id and --secret"):
        call_command("franceconnect", "enable", "ville-a", "--client-id=abc")
    with pytest.raises(CommandError, match="No collectivity"):
        call_command("franceconnect", "disable", "nowhere")
