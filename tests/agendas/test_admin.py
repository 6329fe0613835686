"""Wagtail admin of agendas: each collectivity's agents and editors see and edit only theirs."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from commune_sites.agendas.models import Agenda, Closure
from commune_sites.agendas.permissions import agendas_managed_by
from commune_sites.agendas.services import booking_confirm, slot_hold

from .helpers import paris


@pytest.fixture
def make_user(db):
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )

    def make(group, email="agent@example.fr"):
        user = get_user_model().objects.create_user(username=email, email=email, password="x")
        group.permissions.add(access_admin)
        user.groups.add(group)
        return user

    return make


@pytest.fixture
def agent_client(client, make_user, collectivity):
    client.force_login(make_user(collectivity.agents_group))
    return client


def agenda_data(collectivity, *, hours=(), closures=(), **fields):
    return nested_form_data(
        {
            "collectivity": collectivity.pk,
            "name": "Passeports",
            "service": "Passeport et carte d'identité",
            "place": "Hôtel de ville",
            "address": "",
            "slot_minutes": 15,
            "capacity": 2,
            "book_min_notice_hours": 2,
            "book_max_days_ahead": 60,
            "cancel_min_notice_hours": 24,
            "active": "on",
            "opening_hours": inline_formset(list(hours)),
            "closures": inline_formset(list(closures)),
            **fields,
        }
    )


def test_the_listing_shows_only_the_users_agendas(agent_client, make_agenda, other_collectivity):
    make_agenda(name="Passeports Saint-Étienne")
    make_agenda(name="Passeports Firminy", collectivity=other_collectivity)
    response = agent_client.get(reverse("agendas:index"))
    assert response.status_code == 200
    assert "Passeports Saint-Étienne" in response.text
    assert "Passeports Firminy" not in response.text


@pytest.mark.parametrize("view", ["agendas:edit", "agendas:delete", "agendas:history"])
def test_another_collectivitys_agenda_answers_404(
    agent_client, make_agenda, other_collectivity, view
):
    theirs = make_agenda(collectivity=other_collectivity)
    assert agent_client.get(reverse(view, args=[theirs.pk])).status_code == 404
    assert agent_client.get(reverse(view, args=[make_agenda().pk])).status_code == 200


def test_a_user_of_no_collectivity_has_no_agendas(client, make_user, make_agenda):
    make_agenda()
    client.force_login(make_user(Group.objects.create(name="Other staff")))
    assert client.get(reverse("agendas:index")).status_code == 302
    assert not agendas_managed_by(get_user_model().objects.get()).exists()


def test_editors_manage_agendas_too(client, make_user, collectivity, make_agenda):
    client.force_login(make_user(collectivity.editors_group, email="editor@example.fr"))
    assert client.get(reverse("agendas:edit", args=[make_agenda().pk])).status_code == 200


def test_an_agent_creates_an_agenda_with_opening_hours(agent_client, collectivity):
    data = agenda_data(
        collectivity,
        hours=[
            {"weekday": 0, "start_time": "09:00", "end_time": "12:00"},
            {"weekday": 0, "start_time": "14:00", "end_time": "17:00"},
        ],
        closures=[{"start": "2026-05-01 00:00", "end": "2026-05-02 00:00", "reason": "1er mai"}],
    )
    form = agent_client.get(reverse("agendas:add")).context["form"]
    assert list(form.fields["collectivity"].queryset) == [collectivity]
    response = agent_client.post(reverse("agendas:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    agenda = Agenda.objects.get()
    assert (agenda.collectivity, agenda.capacity) == (collectivity, 2)
    assert agenda.opening_hours.count() == 2
    assert agenda.closures.get().start == paris(2026, 5, 1)


def test_an_agent_cannot_create_an_agenda_for_another_collectivity(
    agent_client, other_collectivity
):
    response = agent_client.post(reverse("agendas:add"), agenda_data(other_collectivity))
    assert response.status_code == 200
    assert "collectivity" in response.context["form"].errors
    assert not Agenda.objects.exists()


def test_a_closure_over_existing_appointments_is_refused(agent_client, make_agenda, collectivity):
    agenda = make_agenda(book_max_days_ahead=366)
    start = paris(2026, 12, 1, 10, 0)
    booking_confirm(
        booking=slot_hold(agenda=agenda, start=start, holder="user:1", now=paris(2026, 11, 1, 9, 0))
    )
    data = agenda_data(
        collectivity,
        hours=[
            {"id": h.pk, "weekday": h.weekday, "start_time": h.start_time, "end_time": h.end_time}
            for h in agenda.opening_hours.all()
        ],
        closures=[{"start": "2026-12-01 00:00", "end": "2026-12-02 00:00", "reason": "Grève"}],
    )
    with translation.override("en"):
        response = agent_client.post(reverse("agendas:edit", args=[agenda.pk]), data)
    assert response.status_code == 200
    assert "1 appointment is already made in this period" in response.text
    assert not Closure.objects.exists()

    data["closures-0-start"], data["closures-0-end"] = "2026-12-02 00:00", "2026-12-03 00:00"
    response = agent_client.post(reverse("agendas:edit", args=[agenda.pk]), data)
    assert response.status_code == 302
    assert Closure.objects.get().start == paris(2026, 12, 2)
