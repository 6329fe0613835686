"""Sign-in with FranceConnect (v2), the French state's identity federation, as an allauth provider.

The flow is OpenID Connect's code flow, verified here rather than trusted: `state` and `nonce`,
the ID token's and the signed userinfo's signature (ES256/RS256 key chosen by `kid` in the
provider's JWKS), issuer, audience, expiry and eIDAS level (`acr`). Each collectivity enables
FranceConnect with its own client credentials (`FranceConnectEnrolment`).
"""
