"""The appointment question of a procedure's form: the slot picker and its answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forms_builder.display import answers_for_display
from forms_builder.engine import build_step_form, clean_answers
from forms_builder.kinds.appointment import monday_of
from forms_builder.slot_sources import agenda_choices
from forms_builder.snapshot import form_snapshot

from .conftest import appointment_question, form_stream, iso, slots_after
from .helpers import step_url

pytestmark = pytest.mark.django_db


def snapshot(agenda, **options):
    return form_snapshot(form_stream([appointment_question(agenda, **options)]))


def test_the_block_stores_the_agenda_id_and_editors_choose_among_the_agendas(agenda, make_agenda):
    other = make_agenda(name="Cartes grises", place="Annexe")
    item = snapshot(agenda, application_ids=True)["steps"][0]["items"][0]
    assert (item["type"], item["agenda"], item["application_ids"]) == (
        "appointment",
        agenda.pk,
        True,
    )
    assert agenda_choices() == [
        (str(other.pk), "Voiron – Cartes grises (Annexe)"),
        (str(agenda.pk), "Voiron – Passeports (Hôtel de ville)"),
    ]


def test_the_picker_shows_a_week_of_radio_buttons_grouped_by_day_without_javascript(
    agenda, citizen_client, make_draft, citizen
):
    draft = make_draft(citizen)
    response = citizen_client.get(step_url(draft, 1))
    html = response.content.decode()
    assert response.status_code == 200
    first = slots_after(agenda, 0, 1)[0]
    assert f'type="radio" name="appointment" id="id_appointment_0" value="{iso(first)}"' in html
    assert html.count('class="form-fieldset slot-picker__day"') >= 1
    week = monday_of(timezone.localdate(first.start))
    assert f"Week of {week:%-d %B %Y}" in html
    assert f'href="?appointment-week={week + timedelta(days=7)}#id_appointment-calendar"' in html
    assert 'id="id_appointment-previous-week"' not in html  # nothing bookable before


def test_a_week_link_shows_that_week(agenda, citizen_client, make_draft, citizen):
    draft = make_draft(citizen)
    monday = monday_of(timezone.localdate()) + timedelta(days=14)
    html = citizen_client.get(step_url(draft, 1), {"appointment-week": monday}).content.decode()
    assert f"Week of {monday:%-d %B %Y}" in html
    assert f'value="{monday}T08:00:00' in html
    assert f'href="?appointment-week={monday - timedelta(days=7)}#id_appointment-calendar"' in html


def test_an_agenda_closed_for_booking_says_so(agenda, citizen_client, make_draft, citizen):
    agenda.active = False
    agenda.save()
    html = citizen_client.get(step_url(make_draft(citizen), 1)).content.decode()
    assert "No appointment can be booked at the moment" in html
    assert 'type="radio"' not in html


def test_the_answer_is_the_slot_start_and_the_numbers_of_each_person(agenda):
    definition = snapshot(agenda, application_ids=True)
    slot = slots_after(agenda, 1, 1)[0]
    form = build_step_form(
        definition,
        0,
        data={"appointment": iso(slot), "appointment-application_ids": "ab12345678, CD98765432"},
    )
    assert form.is_valid(), form.errors
    assert form.answers == {
        "appointment": {"start": iso(slot), "application_ids": ["AB12345678", "CD98765432"]}
    }
    assert clean_answers(definition, form.answers) == form.answers
    shown = answers_for_display(definition, form.answers)[0]["items"][0]["value"]
    local = timezone.localtime(slot.start)
    assert shown.startswith(f"{local:%A %-d %B %Y}, ")
    assert shown.endswith("Pre-application numbers: AB12345678, CD98765432")


@pytest.mark.parametrize(
    ("numbers", "field", "message"),
    [
        ("AB1234", "appointment-application_ids", "has 10 letters or digits"),
        ("", "appointment-application_ids", "Give the pre-application number of each person."),
    ],
)
def test_numbers_are_checked_for_their_shape(agenda, numbers, field, message):
    slot = slots_after(agenda, 1, 1)[0]
    form = build_step_form(
        snapshot(agenda, application_ids=True),
        0,
        data={"appointment": iso(slot), "appointment-application_ids": numbers},
    )
    assert not form.is_valid()
    assert message in " ".join(form.errors[field])


def test_a_required_slot_must_be_chosen_and_be_a_date(agenda):
    empty = build_step_form(snapshot(agenda), 0, data={})
    assert not empty.is_valid() and "appointment" in empty.errors
    wrong = build_step_form(snapshot(agenda), 0, data={"appointment": "tomorrow"})
    assert not wrong.is_valid()
    assert wrong.errors["appointment"] == ["Choose one of the slots offered."]
    assert wrong.error_summary()[0]["anchor"] == "id_appointment_0"


def test_an_impossible_week_falls_back_to_the_first_free_week(
    agenda, citizen_client, make_draft, citizen
):
    response = citizen_client.get(
        step_url(make_draft(citizen), 1), {"appointment-week": "2026-02-31"}
    )
    first = slots_after(agenda, 0, 1)[0]
    assert response.status_code == 200
    assert f'value="{iso(first)}"' in response.content.decode()
