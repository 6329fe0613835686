"""The statistics in the Wagtail admin: who sees which collectivity's, and what the page
shows (charts as SVG pictures with their figures in tables, the period, the CSV link)."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from citizen_space.workflow import Status

from .conftest import paris, sent_request

pytestmark = pytest.mark.django_db

CHOOSER = "/admin/statistics/"


def page_of(collectivity) -> str:
    return f"/admin/statistics/{collectivity.slug}/"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def shows_menu_item(client) -> bool:
    return CHOOSER in client.get("/admin/").text


@pytest.fixture
def agent(town, make_user):
    return make_user("agent@saint-joseph.fr", groups=[town.agents_group])


def test_an_agent_goes_straight_to_their_collectivity_and_nowhere_else(town, other_town, agent):
    client = client_for(agent)
    assert shows_menu_item(client)
    response = client.get(CHOOSER)
    assert response.status_code == 302
    assert response.url == page_of(town)
    assert client.get(page_of(town)).status_code == 200
    assert client.get(page_of(other_town)).status_code == 404
    assert client.get("/admin/statistics/nowhere/").status_code == 404


def test_an_editor_sees_their_collectivity_statistics(town, other_town, make_user):
    client = client_for(make_user("com@saint-joseph.fr", groups=[town.editors_group]))
    assert shows_menu_item(client)
    assert client.get(page_of(town)).status_code == 200
    assert client.get(page_of(other_town)).status_code == 404


def test_a_member_of_two_collectivities_chooses_between_them(
    town, other_town, make_town, make_user
):
    third = make_town("Maclas", "maclas", "42130")
    user = make_user("both@example.fr", groups=[town.agents_group, other_town.editors_group])
    response = client_for(user).get(CHOOSER)
    assert response.status_code == 200
    assert page_of(town) in response.text
    assert page_of(other_town) in response.text
    assert page_of(third) not in response.text


def test_a_superuser_chooses_among_all(town, other_town, make_user):
    admin = make_user("admin@example.fr", is_superuser=True, is_staff=True)
    client = client_for(admin)
    response = client.get(CHOOSER)
    assert page_of(town) in response.text and page_of(other_town) in response.text
    assert client.get(page_of(other_town)).status_code == 200


def test_staff_of_no_collectivity_get_no_menu_item_and_404(town, make_user):
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client = client_for(make_user("staff@example.fr", groups=[group]))
    assert client.get("/admin/").status_code == 200
    assert not shows_menu_item(client)
    assert client.get(CHOOSER).status_code == 404
    assert client.get(page_of(town)).status_code == 404


def test_a_citizen_does_not_reach_the_statistics(town, make_user):
    client = client_for(make_user("camille@example.org"))
    assert not shows_menu_item(client)
    for url in (CHOOSER, page_of(town)):
        response = client.get(url)
        assert response.status_code == 302  # to the sign-in page, as for the rest of the admin
        assert response.url.startswith("/comptes/login/?next=/admin/statistics/")


def chart(html: str, chart_id: str) -> str:
    match = re.search(
        rf'<svg[^>]*aria-labelledby="{chart_id}-title[^"]*"[^>]*>.*?</svg>', html, re.S
    )
    assert match, f"no chart {chart_id}"
    return match.group(0)


def test_the_page_draws_the_months_statuses_and_procedures_as_svg_pictures(
    town, agent, make_page, make_requests
):
    permit, parking = make_page("Permis de construire"), make_page("Stationnement")
    make_requests(
        sent_request(
            town,
            procedure=permit,
            submitted_at=paris(2025, 3, 4, 10),
            status=Status.ACCEPTED,
            days=12.5,
        ),
        sent_request(town, procedure=permit, submitted_at=paris(2025, 3, 5, 10)),
        sent_request(
            town,
            procedure=parking,
            submitted_at=paris(2025, 11, 5, 10),
            status=Status.REJECTED,
            days=2,
        ),
    )

    html = client_for(agent).get(page_of(town), {"periode": "2025"}).text

    months = chart(html, "chart-months")
    assert 'role="img"' in months
    assert months.count('class="chart-bar"') == 12
    assert (
        '<title id="chart-months-title">Requests sent per month to Saint-Joseph</title>' in months
    )
    assert chart(html, "chart-statuses").count('class="chart-bar"') == 4
    procedures = chart(html, "chart-procedures")
    assert procedures.count('class="chart-bar"') == 2
    assert "Permis de construire" in procedures
    # The same figures in tables.
    assert re.search(r"<th scope=\"row\">March 2025</th><td class=\"number\">2</td>", html)
    assert re.search(
        r"<th scope=\"row\">Permis de construire</th>\s*<td class=\"number\">2</td>", html
    )
    assert "12.5 days" in html  # the median of the permit (English here, "12,5 jours" in French)
    assert 'option value="2025" selected' in html
    assert "/donnees-ouvertes/demandes.csv?collectivite=saint-joseph" in html


def test_the_page_reads_the_last_12_months_by_default(town, agent):
    html = client_for(agent).get(page_of(town)).text
    assert chart(html, "chart-months").count('class="chart-bar"') == 12
    assert "No request was sent in this period." in html
