"""Verification of the JWTs FranceConnect signs: the ID token and, in v2, the userinfo.

Only the asymmetric algorithms FranceConnect v2 uses are accepted (ES256, RS256): `alg=none`
and HMAC (HS*) are refused, whatever the header says. The key is the one of the provider's JWKS
with the token's `kid`, of the type the algorithm needs; the JWKS is cached, and fetched again
once when a `kid` is unknown (key rotation).
"""

import hashlib

import jwt
from allauth.socialaccount.adapter import get_adapter
from django.core.cache import cache

from .errors import InvalidToken

ACCEPTED_ALGORITHMS = frozenset({"ES256", "RS256"})
JWKS_CACHE_SECONDS = 3600
CLOCK_LEEWAY_SECONDS = 60


def verify_jwt(
    token: str,
    *,
    jwks_url: str,
    issuer: str,
    audience: str,
    required: tuple[str, ...] = ("iss", "aud", "sub"),
) -> dict:
    """The claims of `token` once its signature, `iss`, `aud` (exactly) and `exp` are checked.

    Raises InvalidToken (with the technical reason) otherwise.
    """
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError as e:
        raise InvalidToken(f"Malformed JWT: {e}") from e
    alg = header.get("alg")
    if alg not in ACCEPTED_ALGORITHMS:
        raise InvalidToken(f"Refused signing algorithm {alg!r}")
    key = _signing_key(jwks_url, kid=header.get("kid"), alg=alg)
    try:
        return jwt.decode(
            token,
            key=key,
            algorithms=[alg],
            issuer=issuer,
            audience=audience,
            leeway=CLOCK_LEEWAY_SECONDS,
            options={"require": list(required), "strict_aud": True},
        )
    except jwt.PyJWTError as e:
        raise InvalidToken(f"Invalid JWT: {e}") from e


def _signing_key(jwks_url: str, *, kid: str | None, alg: str) -> jwt.PyJWK:
    if not kid:
        raise InvalidToken("The JWT header has no 'kid'")
    for refresh in (False, True):
        for jwk in _jwks(jwks_url, refresh=refresh).get("keys", []):
            if jwk.get("kid") == kid and jwk.get("use", "sig") == "sig":
                if jwk.get("alg", alg) != alg:
                    raise InvalidToken(f"Key {kid!r} is not for {alg}")
                try:
                    return jwt.PyJWK(jwk, algorithm=alg)
                except jwt.PyJWTError as e:
                    raise InvalidToken(f"Key {kid!r} does not fit {alg}: {e}") from e
    raise InvalidToken(f"No signing key {kid!r} in {jwks_url}")


def _jwks(url: str, *, refresh: bool) -> dict:
    cache_key = "franceconnect:jwks:" + hashlib.sha256(url.encode()).hexdigest()
    jwks = None if refresh else cache.get(cache_key)
    if jwks is None:
        with get_adapter().get_requests_session() as session:
            response = session.get(url)
            response.raise_for_status()
            jwks = response.json()
        if not isinstance(jwks, dict):
            raise InvalidToken(f"{url} is not a JWKS")
        cache.set(cache_key, jwks, JWKS_CACHE_SECONDS)
    return jwks
