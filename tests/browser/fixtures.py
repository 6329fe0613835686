"""Real-browser fixtures: Debian's Chromium driven by Playwright, pages checked with axe-core."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.db import connections
from playwright.sync_api import sync_playwright

from portal.demo.seed import SeedResult, demo_seed

# Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are sync.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
BLOCKING_IMPACTS = {"serious", "critical"}


@pytest.fixture(scope="session")
def browser(django_db_setup):
    # With Playwright's event loop running in this thread, Django looks connections up in
    # another context (asgiref.local): give the new ones the migrated data that
    # `serialized_rollback` tests restore, or the tests after the first one find no root page.
    serialized = {c.alias: getattr(c, "_test_serialized_contents", None) for c in connections.all()}
    with sync_playwright() as playwright:
        for connection in connections.all():
            if serialized.get(connection.alias) is not None:
                connection._test_serialized_contents = serialized[connection.alias]
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def host_url(live_server):
    """Base URL of a commune's portal on the live server (of the directory when slug is None)."""
    port = live_server.url.rsplit(":", 1)[1]

    def build(slug: str | None = None) -> str:
        host = "portal.localhost" if slug is None else f"{slug}.portal.localhost"
        return f"http://{host}:{port}"

    return build


@pytest.fixture
def demo(live_server, settings) -> SeedResult:
    """The demo data, its Wagtail sites on the live server's port (so that links between the
    directory and the communes' portals lead to it). Needs a transactional database."""
    port = int(live_server.url.rsplit(":", 1)[1])
    settings.PORTAL_DOMAIN = f"portal.localhost:{port}"
    settings.PORTAL_PORT = port
    cache.clear()  # cached header links and listings must not outlive the previous test's data
    yield demo_seed()
    cache.clear()


_axe = Axe()
FINISH_ANIMATIONS = """() => Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
    .map(a => a.finished.catch(() => null)))"""


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page once its finite animations end
    (axe would measure the contrast of a message still fading in)."""
    page.wait_for_load_state("load")
    page.evaluate(FINISH_ANIMATIONS)
    results = _axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"axe-core on {page.url}:\n" + "\n".join(blocking)
