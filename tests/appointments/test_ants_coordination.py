"""ANTS's coordination API, played by a local stand-in: numbers checked, appointments declared
and withdrawn, and retried when it is down, without ever blocking a booking."""

import socket

import pytest
from django.urls import reverse
from django.utils import timezone
from django_q.models import Schedule

from citizen_space.appointments.models import Appointment, PreApplication
from citizen_space.appointments.tasks import sync_with_ants

from .conftest import iso, slots_after
from .helpers import book, post_step

pytestmark = pytest.mark.django_db
VALID = {"status": "validated", "appointments": []}


def hold(client, draft, slot, numbers):
    return post_step(
        client, draft, 1, {"appointment": iso(slot), "appointment-application_ids": numbers}
    )


def local(start) -> str:
    return timezone.localtime(start).strftime("%Y-%m-%dT%H:%M:%S")


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ({"status": "consumed", "appointments": []}, "has already been used for an application"),
        (None, "is not known by the ANTS. Check the number"),
        (
            {
                "status": "validated",
                "appointments": [
                    {
                        "meeting_point": "Mairie de Grenoble",
                        "appointment_date": "2026-03-04T10:00:00",
                        "management_url": "https://grenoble.example.fr/rdv/42",
                    }
                ],
            },
            "already has an appointment (Wednesday 4 March 2026, 10 a.m., Mairie de Grenoble)",
        ),
    ],
)
def test_a_refused_pre_application_number_is_told_clearly_and_nothing_is_held(
    coordination, agenda, citizen, citizen_client, make_draft, status, message
):
    if status:
        coordination.statuses["AB12345678"] = status
    draft = make_draft(citizen)
    response = hold(citizen_client, draft, slots_after(agenda, 48, 1)[0], "AB12345678")
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'href="#id_appointment-application_ids"' in html
    assert not Appointment.objects.filter(submission=draft).exists()
    method, path, params, headers = coordination.calls[0]
    assert (method, path, params) == ("GET", "/api/status", {"application_ids": "AB12345678"})
    assert headers["x-rdv-opt-auth-token"] == "coordination-token"


def test_declared_when_booked_moved_then_withdrawn_when_cancelled(
    coordination, agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks
):
    coordination.statuses.update({"AB12345678": VALID, "CD12345678": VALID})
    first, second = slots_after(agenda, 48, 2)
    with django_capture_on_commit_callbacks(execute=True):
        request = book(citizen_client, make_draft(citizen), iso(first), "AB12345678 CD12345678")
    appointment = request.appointments.get()
    management = f"http://voiron.portal.localhost:8000/mon-espace/rendez-vous/{appointment.pk}/"
    declared = coordination.appointments("POST")
    assert [d["application_id"] for d in declared] == ["AB12345678", "CD12345678"]
    assert declared[0] == {
        "application_id": "AB12345678",
        "meeting_point": "Hôtel de ville, Voiron",
        "appointment_date": local(first.start),
        "management_url": management,
    }
    assert set(PreApplication.objects.values_list("declared_start", flat=True)) == {first.start}

    with django_capture_on_commit_callbacks(execute=True):
        citizen_client.post(
            reverse("citizen_space:appointments:move", args=[appointment.pk]),
            {"slot": iso(second)},
        )
    withdrawn = coordination.appointments("DELETE")
    assert [(w["application_id"], w["appointment_date"]) for w in withdrawn] == [
        ("AB12345678", local(first.start)),
        ("CD12345678", local(first.start)),
    ]
    assert coordination.appointments("POST")[-1]["appointment_date"] == local(second.start)

    with django_capture_on_commit_callbacks(execute=True):
        citizen_client.post(reverse("citizen_space:appointments:cancel", args=[appointment.pk]))
    assert len(coordination.appointments("DELETE")) == 4
    assert set(PreApplication.objects.values_list("declared_start", flat=True)) == {None}
    assert sync_with_ants(appointment.pk) == "in sync"
    assert len(coordination.calls) == 1 + 2 + 4 + 2  # status, declare, move, withdraw


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_api_blocks_nothing_and_the_declaration_is_retried(
    coordination,
    settings,
    agenda,
    citizen,
    citizen_client,
    make_draft,
    django_capture_on_commit_callbacks,
):
    settings.ANTS_API_URL = f"http://127.0.0.1:{free_port()}/api"  # nobody listens there
    with django_capture_on_commit_callbacks(execute=True):
        request = book(
            citizen_client, make_draft(citizen), iso(slots_after(agenda, 48, 1)[0]), "AB12345678"
        )
    appointment = request.appointments.select_related("booking").get()
    assert appointment.booking.status == "booked"
    pre = PreApplication.objects.get()
    assert (pre.declared_start, pre.sync_attempts) == (None, 1)
    retry = Schedule.objects.get(func="citizen_space.appointments.tasks.sync_with_ants")
    assert (retry.args, retry.schedule_type) == (f"({appointment.pk},)", Schedule.ONCE)
    assert retry.next_run > timezone.now()

    settings.ANTS_API_URL = coordination.url  # back up: the scheduled run declares it
    assert sync_with_ants(appointment.pk) == "in sync"
    pre.refresh_from_db()
    assert (pre.declared_start, pre.sync_attempts) == (appointment.booking.start, 0)
    assert [d["application_id"] for d in coordination.appointments("POST")] == ["AB12345678"]


def test_a_declaration_refused_while_the_api_is_down_is_tried_again(
    coordination, agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks
):
    coordination.statuses["AB12345678"] = VALID
    draft = make_draft(citizen)
    hold(citizen_client, draft, slots_after(agenda, 48, 1)[0], "AB12345678")
    coordination.available = False
    with django_capture_on_commit_callbacks(execute=True):
        request = book(citizen_client, draft, iso(Appointment.objects.get().booking), "AB12345678")
    appointment = request.appointments.get()
    with django_capture_on_commit_callbacks(execute=True):
        assert sync_with_ants(appointment.pk) == "retry scheduled"
    assert PreApplication.objects.get().sync_attempts == 2
    assert (
        Schedule.objects.filter(func="citizen_space.appointments.tasks.sync_with_ants").count() == 2
    )
    coordination.available = True
    assert sync_with_ants(appointment.pk) == "in sync"
    assert PreApplication.objects.get().declared_start is not None
