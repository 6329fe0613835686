"""The stand-in answers like FranceConnect v2: its paths, keys and levels are the ones we use."""

import requests

from citizen_space.franceconnect.provider import Endpoints


def test_the_stand_in_publishes_franceconnects_v2_endpoints(stand_in):
    discovery = requests.get(f"{stand_in.base_url}/.well-known/openid-configuration").json()
    ours = Endpoints.from_base_url(stand_in.base_url)

    assert discovery["issuer"] == ours.issuer
    assert discovery["authorization_endpoint"] == ours.authorize
    assert discovery["token_endpoint"] == ours.token
    assert discovery["userinfo_endpoint"] == ours.userinfo
    assert discovery["end_session_endpoint"] == ours.end_session
    assert discovery["jwks_uri"] == ours.jwks
    assert {"eidas1", "eidas2"} <= set(discovery["acr_values_supported"])
    keys = requests.get(ours.jwks).json()["keys"]
    assert {(key["kty"], key["alg"]) for key in keys} == {("EC", "ES256"), ("RSA", "RS256")}
