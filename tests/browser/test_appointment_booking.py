"""A citizen books a passport appointment inside the demo's procedure of Voiron, in Chromium:
picks a slot with the keyboard, gets the confirmation with its .ics file, moves the appointment
from "My space", then cancels it. The slot picker is checked with axe-core."""

import re
from datetime import datetime

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from citizen_space.appointments.models import Appointment
from portal.demo.accounts import CITIZEN
from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def calendar_mails() -> list[Calendar]:
    """The .ics files of the appointment emails sent so far, in order."""
    return [
        Calendar.from_ical(content)
        for message in mail.outbox
        for name, content, _mimetype in message.attachments
        if name.endswith(".ics")
    ]


def test_a_citizen_books_moves_and_cancels_a_passport_appointment(page, host_url, demo):
    mail.outbox.clear()
    portal = host_url("voiron")
    page.goto(f"{portal}/demarches/rendez-vous-passeport-carte-identite/")
    page.get_by_role("link", name=re.compile("^(Faire la demande|Make the request)$")).click()
    page.wait_for_url(re.compile(r"/comptes/login/\?next="))
    page.locator("#id_login").fill(CITIZEN.email)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#login-form-submit").click()
    page.wait_for_url(re.compile(r"/mon-espace/demarches/\d+/demande/$"))
    page.locator("#consent-accept").click()
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))
    draft_url = page.url.removesuffix("etapes/1/")

    # The slot picker: days as groups of radio buttons, weeks as links; usable with the keys.
    picker = page.locator("#id_appointment-calendar")
    expect(picker.locator("fieldset.slot-picker__day").first).to_be_visible()
    assert_accessible(page)
    page.locator("#id_appointment-next-week").click()
    page.wait_for_url(re.compile(r"\?appointment-week=\d{4}-\d\d-\d\d#id_appointment-calendar$"))
    first = page.locator("#id_appointment_0")
    first.focus()
    page.keyboard.press("Space")
    expect(first).to_be_checked()
    chosen = first.get_attribute("value")
    page.locator("#id_appointment-application_ids").fill("AB12345678")
    assert_accessible(page)
    page.locator("#step-submit").click()
    page.wait_for_url(draft_url + "etapes/2/")

    page.locator("#id_document_0").check()
    page.locator("#id_reason_0").check()
    page.locator("#id_phone").fill("06 12 34 56 78")
    page.locator("#step-submit").click()
    page.wait_for_url(draft_url + "recapitulatif/")
    page.locator("#submit-request").click()
    page.wait_for_url(re.compile(r"/mon-espace/demandes/\d+/confirmation/$"))

    appointment = Appointment.objects.select_related("booking").get()
    assert appointment.booking.status == "booked"
    assert appointment.booking.start == datetime.fromisoformat(chosen)
    (confirmation,) = calendar_mails()
    event = confirmation.walk("VEVENT")[0]
    assert confirmation["METHOD"] == "REQUEST"
    assert event.decoded("DTSTART") == appointment.booking.start

    # From "My space": move to another slot.
    page.goto(f"{portal}/mon-espace/")
    page.locator(f"#appointment-{appointment.pk} a").click()
    page.locator("#appointment-move").click()
    expect(page.locator("input[name=slot]:checked")).to_have_value(chosen)
    assert_accessible(page)
    other = page.locator("input[name=slot]:not(:checked)").first
    new_start = other.get_attribute("value")
    other.check()
    page.locator("#move-submit").click()
    page.wait_for_url(re.compile(rf"/mon-espace/rendez-vous/{appointment.pk}/$"))
    appointment.booking.refresh_from_db()
    moved = calendar_mails()[-1].walk("VEVENT")[0]
    assert moved.decoded("DTSTART") == appointment.booking.start
    assert moved["SEQUENCE"] == 1
    assert appointment.booking.start == datetime.fromisoformat(new_start)

    # Then cancel it: the slot is free again.
    page.locator("#appointment-cancel").click()
    page.locator("#cancel-submit").click()
    page.wait_for_url(re.compile(r"/mon-espace/$"))
    expect(page.locator(f"#appointment-{appointment.pk}")).to_have_count(0)
    appointment.booking.refresh_from_db()
    assert appointment.booking.status == "cancelled"
    assert calendar_mails()[-1]["METHOD"] == "CANCEL"
