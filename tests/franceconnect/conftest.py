"""A real OpenID Connect provider standing in for FranceConnect, and collectivities using it.

The stand-in (`provider/server.mjs`, on the `oidc-provider` npm package) is started once per
test session (per xdist worker) on a free port; `npm ci` runs first if `node_modules` is missing.
"""

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from wagtail.models import Page, Site

from citizen_space.franceconnect.services import franceconnect_enable
from commune_sites.models import Collectivity

from .flow import CALLBACK_PATH, CLIENT_SECRET, LOGOUT_CALLBACK_PATH, host, portal_client

PROVIDER_DIR = Path(__file__).parent / "provider"
SLUGS = ("ville-a", "ville-b")
STARTUP_SECONDS = 30


@dataclass(frozen=True)
class StandIn:
    base_url: str

    @property
    def issuer(self) -> str:
        return self.base_url


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _npm_install() -> None:
    """`npm ci` once, even with several xdist workers starting together."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("Node.js and npm are needed for the FranceConnect stand-in.")
    lock_path = Path(tempfile.gettempdir()) / "portal-franceconnect-npm.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=PROVIDER_DIR, check=True)


@contextlib.contextmanager
def running_stand_in(hosts: Iterable[str]):
    """The stand-in on a free port, accepting the portal's callbacks on `hosts` ("host[:port]")."""
    _npm_install()
    hosts = list(hosts)
    port = _free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "CLIENT_SECRET": CLIENT_SECRET,
        "REDIRECT_URIS": ",".join(f"http://{h}{CALLBACK_PATH}" for h in hosts),
        "POST_LOGOUT_REDIRECT_URIS": ",".join(f"http://{h}{LOGOUT_CALLBACK_PATH}" for h in hosts),
    }
    process = subprocess.Popen(
        ["node", "server.mjs"],
        cwd=PROVIDER_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}/api/v2"
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if process.poll() is not None:
            pytest.fail(f"The FranceConnect stand-in stopped:\n{process.stdout.read()}")
        try:
            requests.get(f"{base_url}/.well-known/openid-configuration", timeout=1)
            break
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("The FranceConnect stand-in did not start in time.")
            time.sleep(0.1)
    try:
        yield StandIn(base_url=base_url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def stand_in():
    with running_stand_in(host(slug) for slug in SLUGS) as running:
        yield running


@pytest.fixture
def unreachable_base_url():
    """FranceConnect's address when it is down: a local port nobody listens on."""
    return f"http://127.0.0.1:{_free_port()}/api/v2"


@pytest.fixture
def make_collectivity(db):
    def make(slug: str, code: str) -> Collectivity:
        site = Site.objects.create(
            hostname=host(slug), port=80, root_page=Page.get_first_root_node()
        )
        return Collectivity.objects.create(
            kind=Collectivity.Kind.COMMUNE,
            name=slug.replace("-", " ").title(),
            slug=slug,
            code=code,
            site=site,
        )

    return make


@pytest.fixture
def ville_a(make_collectivity):
    return make_collectivity("ville-a", "42001")


@pytest.fixture
def ville_b(make_collectivity):
    return make_collectivity("ville-b", "42002")


@pytest.fixture
def enrol(stand_in):
    """Enable FranceConnect on a collectivity's portal with one of the stand-in's clients."""

    def enrol(collectivity, client_id="portal-es256", **settings):
        settings.setdefault("base_url", stand_in.base_url)
        return franceconnect_enable(
            collectivity=collectivity, client_id=client_id, secret=CLIENT_SECRET, **settings
        )

    return enrol


@pytest.fixture
def client_a(ville_a):
    return portal_client("ville-a")


@pytest.fixture(autouse=True)
def english_pages(settings):
    """Refusal messages are checked in the source language (outside i18n_patterns too)."""
    settings.LANGUAGE_CODE = "en"
