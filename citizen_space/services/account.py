"""The citizen's account: profile from FranceConnect, change of email, notification
preferences, deletion."""

import logging

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from commune_sites.models import Collectivity

from ..models import CitizenProfile, NotificationPreference, Submission
from ..workflow import Status
from .uploads import upload_delete

logger = logging.getLogger(__name__)

EMAIL_CHANGE_SALT = "citizen_space.email_change"
EMAIL_CHANGE_MAX_AGE = 24 * 3600
_CIVILITY_BY_GENDER = {"female": CitizenProfile.Civility.MADAM, "male": CitizenProfile.Civility.SIR}


@transaction.atomic
def profile_certify_identity(*, user, claims: dict) -> CitizenProfile | None:
    """Fill the identity fields of the citizen's profile from FranceConnect's `claims`
    (`franceconnect.claims.identity_claims`) and lock them; None when `claims` is empty.

    The birthplace, an INSEE code, is written as the commune's name when the portal knows it.
    """
    if not claims:
        return None
    profile, _created = CitizenProfile.objects.select_for_update().get_or_create(user=user)
    profile.civility = _CIVILITY_BY_GENDER.get(claims["gender"], "")
    profile.first_name = claims["given_name"]
    profile.last_name = claims["preferred_username"] or claims["family_name"]
    profile.birth_date = claims["birthdate"]
    profile.birth_place = _commune_name(claims["birthplace"])
    profile.identity_certified_at = timezone.now()
    profile.save()
    return profile


def _commune_name(insee_code: str) -> str:
    name = (
        Collectivity.objects.filter(kind="commune", code=insee_code)
        .values_list("name", flat=True)
        .first()
    )
    return name or insee_code


def email_change_request(*, request, user, new_email: str) -> None:
    """First step of a change of email: mail the account's current address a link that
    confirms the change (`email_change_confirm` follows it)."""
    token = signing.dumps(
        {"user": user.pk, "from": user.email, "to": new_email}, salt=EMAIL_CHANGE_SALT
    )
    url = request.build_absolute_uri(reverse("citizen_space:email_change_confirm", args=[token]))
    get_adapter(request).send_mail(
        "account/email/email_change_request",
        user.email,
        {"user": user, "new_email": new_email, "confirm_url": url},
    )


def email_change_token_address(*, user, token: str) -> str | None:
    """The new address a change link asks for, if the link is `user`'s, recent, and made for
    their current address; else None."""
    try:
        data = signing.loads(token, salt=EMAIL_CHANGE_SALT, max_age=EMAIL_CHANGE_MAX_AGE)
    except signing.BadSignature:
        return None
    if data.get("user") != user.pk or data.get("from") != user.email:
        return None
    return data.get("to")


def email_change_confirm(*, request, user, token: str) -> EmailAddress | None:
    """Second step: the current address confirmed the change; the new one is now sent its own
    verification link, and replaces the old one once verified (allauth, ACCOUNT_CHANGE_EMAIL;
    both are told then, see `citizen_space.account_adapter`). None for an invalid link."""
    new_email = email_change_token_address(user=user, token=token)
    if new_email is None:
        return None
    return EmailAddress.objects.add_new_email(request, user, new_email)


def notification_preferences_set(*, user, preferences: dict[str, bool]) -> None:
    """Record email on/off for the given kinds of `NotificationPreference.Event`."""
    for event, email in preferences.items():
        NotificationPreference.objects.update_or_create(
            user=user, event=NotificationPreference.Event(event), defaults={"email": email}
        )


@transaction.atomic(durable=True)
def account_delete(*, user) -> int:
    """Delete the citizen's account, for every collectivity at once; returns how many sent
    requests were kept.

    Drafts go, with their files. Sent requests stay with their collectivities, detached from the
    account (`user` empty), until their retention period ends; so do the messages and answers
    given on them. The profile, consents and their history, email addresses, linked
    FranceConnect identities and preferences go with the user row (foreign keys with CASCADE),
    so nobody can sign in to it again.
    """
    for draft in Submission.objects.filter(user=user, status=Status.DRAFT):
        for upload in draft.uploads.all():
            upload_delete(upload=upload)
        draft.delete()
    kept = Submission.objects.filter(user=user).update(user=None)
    user_id = user.pk
    user.delete()
    logger.info("Account %s deleted; %s requests kept without owner.", user_id, kept)
    return kept
