"""Driving the FranceConnect flow: the portal through Django's test client, the stand-in
through HTTP requests (as a browser would, without one)."""

import re
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests
from django.test import Client

CLIENT_SECRET = "stand-in-client-secret-of-at-least-32-bytes"
LOGIN_PATH = "/comptes/franceconnect/login/"
CALLBACK_PATH = "/comptes/franceconnect/login/callback/"
LOGOUT_PATH = "/comptes/franceconnect/logout/"
LOGOUT_CALLBACK_PATH = "/comptes/franceconnect/logout/callback/"
MAX_REDIRECTS = 10


def host(slug: str) -> str:
    return f"{slug}.portal.localhost"


def portal_client(slug: str) -> Client:
    """A browser on the collectivity's portal, reading it in English (as the tests' messages)."""
    return Client(HTTP_HOST=host(slug), HTTP_ACCEPT_LANGUAGE="en")


def start_sign_in(client: Client, **params) -> str:
    """Press the FranceConnect button; the URL of FranceConnect's authorize endpoint."""
    response = client.post(LOGIN_PATH + ("?" + urlencode(params) if params else ""))
    assert response.status_code == 302, response.content
    return response["Location"]


def approve_at_stand_in(authorize_url: str, browser: requests.Session | None = None) -> str:
    """Go through the stand-in's login and consent; the callback URL it sends back to."""
    browser = browser or requests.Session()
    url = authorize_url
    for _step in range(MAX_REDIRECTS):
        response = browser.get(url, allow_redirects=False)
        if response.status_code == 200 and "/interaction/" in url:
            response = browser.post(url, allow_redirects=False)
        assert response.status_code in (302, 303), response.text
        url = urljoin(url, response.headers["Location"])
        if urlsplit(url).path == CALLBACK_PATH:
            return url
    raise AssertionError(f"The stand-in never sent back to the portal (last: {url})")


def local(url: str) -> str:
    """The path and query of an absolute URL on the portal, for the test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def query_of(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def sign_in(client: Client, browser: requests.Session | None = None, **params):
    """The whole FranceConnect sign-in; the portal's answer to the callback."""
    callback_url = approve_at_stand_in(start_sign_in(client, **params), browser)
    return client.get(local(callback_url))


def confirm_logout_at_stand_in(end_session_url: str, browser: requests.Session) -> str:
    """Confirm the logout on the stand-in's page; the URL it sends back to."""
    page = browser.get(end_session_url, allow_redirects=False)
    assert page.status_code == 200, page.text
    form = re.search(
        r'<form id="op.logoutForm" method="post" action="([^"]+)">(.*?)</form>', page.text
    )
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))
    response = browser.post(
        urljoin(end_session_url, form.group(1)),
        data={**fields, "logout": "yes"},
        allow_redirects=False,
    )
    assert response.status_code in (302, 303), response.text
    return urljoin(end_session_url, response.headers["Location"])
