"""Real-browser fixtures: Debian's Chromium driven by Playwright, pages checked with axe-core."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

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
def browser():
    with sync_playwright() as playwright:
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


_axe = Axe()


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it is now."""
    results = _axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
    assert blocking == [], f"axe-core on {page.url}:\n" + "\n".join(blocking)
