"""The embed snippet in a real browser, on a page served from another origin."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Site

from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOST_PAGE = """<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Mairie de Saint-Martin-la-Plaine</title>
<style>body {{ font-family: Georgia, serif; }} .pc-card {{ display: none; }}</style></head>
<body><main>
<h1>Vos démarches</h1>
{snippet}
</main></body>
</html>"""


@pytest.fixture
def other_origin():
    """`serve(html)`: the URL of a page with this HTML, on another origin than the portal."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def serve(snippet: str) -> str:
        path = f"/page-{len(pages)}.html"
        pages[path] = HOST_PAGE.format(snippet=snippet)
        return f"http://127.0.0.1:{server.server_address[1]}{path}"

    yield serve
    server.shutdown()
    server.server_close()


def card_titles(widget) -> list[str]:
    return widget.locator(".pc-card__title").all_inner_texts()


def test_the_script_snippet_lists_searches_and_filters_from_another_origin(
    page, host_url, other_origin, commune, passport, compost
):
    portal = host_url(commune.slug)
    url = other_origin(
        f"<div data-portail-demarches></div>\n<h2>Passeport</h2>\n"
        f'<div data-portail-demarche="{passport.pk}"></div>\n'
        f'<script src="{portal}/integration/embed.js" async></script>'
    )
    page.goto(url)
    widget = page.locator("[data-portail-demarches]")
    cards = widget.locator(".pc-card")
    cards.first.wait_for()
    assert card_titles(widget) == ["Demande de composteur", "Demande de passeport"]
    # The host page's CSS stays out; its font comes in.
    assert cards.first.is_visible()
    font = cards.first.evaluate("element => getComputedStyle(element).fontFamily")
    assert font == "Georgia, serif"

    widget.locator("input[type=search]").fill("passeport")
    widget.locator("input[type=search]").press("Enter")
    page.wait_for_function(
        "() => document.querySelector('[data-portail-demarches]').shadowRoot"
        ".querySelectorAll('.pc-card').length === 1"
    )
    assert card_titles(widget) == ["Demande de passeport"]
    assert widget.locator("input[type=search]").evaluate(
        "input => input.getRootNode().activeElement === input"
    )

    widget.locator("input[type=search]").fill("")
    widget.locator("button[type=submit]").click()
    widget.locator(".pc-card").nth(1).wait_for()
    widget.get_by_role("link", name="Voirie et signalements").click()
    widget.locator(".pc-rubric--selected").wait_for()
    assert card_titles(widget) == ["Demande de composteur"]
    assert "1" in widget.get_by_role("status").inner_text()

    button = page.locator(f'[data-portail-demarche="{passport.pk}"] a.pc-button')
    assert button.get_attribute("href") == f"{portal}/mon-espace/demarches/{passport.pk}/demande/"
    assert page.context.cookies() == []
    assert_accessible(page)


def test_the_iframe_snippet_from_another_origin(
    page, host_url, other_origin, commune, passport, compost
):
    frame_url = f"{host_url(commune.slug)}/integration/demarches/"
    url = other_origin(
        f'<iframe src="{frame_url}" title="Démarches en ligne" '
        'style="width: 100%; height: 40rem; border: 0"></iframe>'
    )
    page.goto(url)
    frame = page.frame_locator("iframe")
    frame.locator(".pc-card").nth(1).wait_for()
    frame.locator("input[type=search]").fill("composteur")
    frame.locator("button[type=submit]").click()
    frame.locator("input[value=composteur]").wait_for()
    assert frame.locator(".pc-card__title").all_inner_texts() == ["Demande de composteur"]
    assert page.context.cookies() == []
    page.goto(frame_url + "?rubrique=etat-civil")
    assert_accessible(page)


def test_the_integration_page_of_the_directory_shows_the_widget_of_a_commune(
    page, host_url, live_server, directory, commune, passport
):
    # The page writes the commune's address from its Site: give the sites the server's port.
    for site in Site.objects.all():
        site.port = int(live_server.url.rsplit(":", 1)[1])
        site.save()
    page.goto(f"{host_url()}/integration/?commune={commune.slug}")
    widget = page.locator("[data-portail-demarches]")
    widget.locator(".pc-card").first.wait_for()
    assert card_titles(widget) == ["Demande de passeport"]
    assert_accessible(page)
