"""Consents: a citizen lets a collectivity read their profile, or withdraws it; each recorded."""

from django.db import transaction
from django.utils import timezone

from ..models import Consent, ConsentEvent
from ..selectors import SHARED_PROFILE_FIELDS


@transaction.atomic
def consent_grant(*, user, collectivity) -> Consent:
    """Let `collectivity` read the citizen's profile from now on; idempotent.

    A consent already active is returned as it is, without a new event.
    """
    active = (
        Consent.objects.select_for_update()
        .filter(user=user, collectivity=collectivity, withdrawn_at__isnull=True)
        .first()
    )
    if active is not None:
        return active
    consent = Consent.objects.create(
        user=user, collectivity=collectivity, granted_at=timezone.now()
    )
    ConsentEvent.objects.create(
        user=user,
        collectivity=collectivity,
        kind=ConsentEvent.Kind.GRANTED,
        fields=list(SHARED_PROFILE_FIELDS),
    )
    return consent


@transaction.atomic
def consent_withdraw(*, user, collectivity) -> bool:
    """End the collectivity's access to the profile at once; False when it had none."""
    withdrawn = Consent.objects.filter(
        user=user, collectivity=collectivity, withdrawn_at__isnull=True
    ).update(withdrawn_at=timezone.now())
    if withdrawn:
        ConsentEvent.objects.create(
            user=user, collectivity=collectivity, kind=ConsentEvent.Kind.WITHDRAWN
        )
    return bool(withdrawn)
