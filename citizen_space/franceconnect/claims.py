"""The citizen's identity as FranceConnect certifies it, for the profile to fill and lock."""

import datetime

from allauth.socialaccount.models import SocialAccount, SocialLogin

from .provider import FranceConnectProvider

IDENTITY_CLAIMS = (
    "given_name",
    "family_name",
    "preferred_username",
    "birthdate",
    "birthplace",
    "birthcountry",
    "gender",
)


def identity_claims(sociallogin: SocialLogin | SocialAccount) -> dict:
    """FranceConnect's "identité pivot" of a sign-in (or of a linked account); {} for others.

    Keys: given_name (all given names, space-separated), family_name (birth name),
    preferred_username (usage name, often ""), birthdate (a `datetime.date`, None if
    FranceConnect sent an incomplete date), birthplace (INSEE code of the commune, "" when
    born abroad), birthcountry (INSEE code, "99100" for France), gender ("female"/"male").
    Missing claims are "" (None for birthdate).
    """
    account = sociallogin.account if isinstance(sociallogin, SocialLogin) else sociallogin
    if account.provider != FranceConnectProvider.id:
        return {}
    userinfo = account.extra_data.get("userinfo", {})
    claims = {name: str(userinfo.get(name) or "") for name in IDENTITY_CLAIMS}
    claims["birthdate"] = _date(claims["birthdate"])
    return claims


def _date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
