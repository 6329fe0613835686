"""Retention periods: their bounds, who sets them in the admin, and what citizens are told."""

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from citizen_space.services.status import submission_transition
from commune_sites.models import Collectivity
from commune_sites.retention import CHANGE_RETENTION
from tests.backoffice.conftest import FORM_WITHOUT_FILE, client_for

pytestmark = pytest.mark.django_db
BOUNDS_MESSAGE = "The retention period must be between 6 and 120 months"


def edit_url(collectivity) -> str:
    return reverse("collectivity_retention:edit", args=[collectivity.pk])


@pytest.mark.parametrize("months", [5, 121, 0])
def test_a_collectivity_s_period_out_of_bounds_is_refused(town, months):
    town.retention_months = months
    with pytest.raises(ValidationError) as refused:
        town.full_clean()
    assert refused.value.message_dict["retention_months"] == [f"{BOUNDS_MESSAGE} ({months} given)."]


@pytest.mark.parametrize("months", [6, 36, 120])
def test_periods_within_bounds_are_accepted(town, months):
    town.retention_months = months
    town.full_clean()


def test_the_database_refuses_a_period_out_of_bounds_too(town):
    with pytest.raises(IntegrityError), transaction.atomic():
        Collectivity.objects.filter(pk=town.pk).update(retention_months=2)


def test_a_procedure_s_own_period_has_the_same_bounds(commune_a, make_procedure):
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    procedure.retention_months = None
    procedure.full_clean()
    procedure.retention_months = 200
    with pytest.raises(ValidationError) as refused:
        procedure.full_clean()
    assert refused.value.message_dict["retention_months"] == [f"{BOUNDS_MESSAGE} (200 given)."]


@pytest.fixture
def administrator(commune_a, make_agent):
    """An agent of commune A who holds the permission to set its retention period."""
    return make_agent(commune_a, perms=[CHANGE_RETENTION])


def test_an_administrator_sets_their_collectivity_s_period(administrator, commune_a, commune_b):
    client = client_for(administrator)
    listing = client.get(reverse("collectivity_retention:index")).content.decode()
    assert edit_url(commune_a) in listing and commune_b.name not in listing

    response = client.post(edit_url(commune_a), {"retention_months": "24"})

    assert response.status_code == 302
    commune_a.refresh_from_db()
    assert commune_a.retention_months == 24
    assert ModelLogEntry.objects.filter(
        object_id=str(commune_a.pk), action="wagtail.edit", user=administrator
    ).exists()


def test_another_collectivity_is_not_found(administrator, commune_b):
    client = client_for(administrator)
    assert client.get(edit_url(commune_b)).status_code == 404
    assert client.post(edit_url(commune_b), {"retention_months": "12"}).status_code == 404
    commune_b.refresh_from_db()
    assert commune_b.retention_months == 36


def test_without_the_permission_even_their_own_collectivity_is_not_found(commune_a, make_agent):
    agent = make_agent(commune_a)
    client = client_for(agent)
    assert client.post(edit_url(commune_a), {"retention_months": "12"}).status_code == 404
    assert (
        edit_url(commune_a)
        not in client.get(reverse("collectivity_retention:index")).content.decode()
    )


def test_an_editor_holding_the_permission_may_too(commune_a, make_user):
    editor = make_user(
        "communication@a.fr", groups=[commune_a.editors_group], perms=[CHANGE_RETENTION]
    )
    assert client_for(editor).get(edit_url(commune_a)).status_code == 200


def test_a_period_out_of_bounds_is_explained_in_the_form(administrator, commune_a):
    response = client_for(administrator).post(edit_url(commune_a), {"retention_months": "3"})
    assert response.status_code == 200
    assert f"{BOUNDS_MESSAGE} (3 given)." in response.content.decode()
    commune_a.refresh_from_db()
    assert commune_a.retention_months == 36


def test_the_page_editor_shows_the_procedure_s_period_to_permission_holders_only(
    commune_a, make_procedure, make_user
):
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    url = reverse("wagtailadmin_pages:edit", args=[procedure.pk])
    editor = make_user("redaction@a.fr", groups=[commune_a.editors_group])
    administrator = make_user(
        "admin@a.fr", groups=[commune_a.editors_group], perms=[CHANGE_RETENTION]
    )
    assert 'name="retention_months"' not in client_for(editor).get(url).content.decode()
    assert 'name="retention_months"' in client_for(administrator).get(url).content.decode()


def test_the_procedure_page_says_how_long_requests_are_kept(client, commune_a, make_procedure):
    usual = make_procedure(commune_a, "Attestation", form=FORM_WITHOUT_FILE)
    shorter = make_procedure(commune_a, "Permis", form=FORM_WITHOUT_FILE)
    shorter.retention_months = 12
    shorter.save_revision().publish()
    host = f"{commune_a.site.hostname}:{commune_a.site.port}"

    def text(page):
        return client.get(page.url, HTTP_HOST=host).content.decode()

    # The procedure pages are French pages: served in French whatever LANGUAGE_CODE says.
    assert "Votre demande est conservée 36 mois après sa clôture, puis anonymisée." in text(usual)
    assert "Votre demande est conservée 12 mois après sa clôture, puis anonymisée." in text(shorter)


def test_the_request_page_in_my_space_says_it_and_when_once_decided(
    commune_a, make_procedure, make_request, citizen, superagent
):
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    request = make_request(procedure)
    url = reverse("citizen_space:request_detail", args=[request.pk])
    page = client_for(citizen).get(url).content.decode()
    assert "Your request is kept 36 months after it is closed, then anonymised." in page
    assert "It will be anonymised from" not in page

    submission_transition(submission=request, to="in_progress", actor=superagent)
    submission_transition(submission=request, to="closed", actor=superagent)

    page = client_for(citizen).get(url).content.decode()
    request.refresh_from_db()
    day = (timezone.localtime(request.decided_at) + relativedelta(months=36)).date()
    with translation.override("en"):
        assert f"It will be anonymised from {date_format(day, 'DATE_FORMAT')}." in page
