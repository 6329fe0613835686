"""Writes: enabling FranceConnect on a collectivity's portal."""

from allauth.socialaccount.models import SocialApp
from django.db import transaction

from commune_sites.models import Collectivity

from .models import FranceConnectEnrolment
from .provider import FranceConnectProvider


@transaction.atomic
def franceconnect_enable(
    *, collectivity: Collectivity, client_id: str, secret: str, **settings
) -> FranceConnectEnrolment:
    """Offer FranceConnect on the collectivity's portal with these client credentials.

    `settings` go to the SocialApp's settings (`base_url`, `acr_values`… see provider.py). A
    SocialApp with this client id is reused (and updated), so that collectivities registered
    together share it; the collectivity's previous enrolment, if any, is replaced.
    """
    app, _created = SocialApp.objects.update_or_create(
        provider=FranceConnectProvider.id,
        client_id=client_id,
        defaults={
            "name": f"{FranceConnectProvider.name} – {collectivity.name}",
            "secret": secret,
            "settings": settings,
        },
    )
    enrolment, _created = FranceConnectEnrolment.objects.update_or_create(
        collectivity=collectivity, defaults={"social_app": app}
    )
    return enrolment


def franceconnect_disable(*, collectivity: Collectivity) -> None:
    """Stop offering FranceConnect on the collectivity's portal (linked accounts are kept)."""
    FranceConnectEnrolment.objects.filter(collectivity=collectivity).delete()
