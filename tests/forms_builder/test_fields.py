"""Each kind of question validates its own answers, on the server."""

import datetime

import pytest
from django.utils import timezone, translation

from forms_builder.display import answers_for_display
from forms_builder.engine import build_step_form

from .builders import choice, question, snapshot_of


def submit(item, data):
    """The step form of a one-question snapshot, bound to `data`, validated."""
    form = build_step_form(snapshot_of([item]), 0, data=data)
    form.is_valid()
    return form


def answer_of(item, data):
    form = submit(item, data)
    assert form.is_valid(), form.errors
    return form.answers[item["name"]]


def errors_of(item, data) -> str:
    form = submit(item, data)
    assert not form.is_valid()
    return " ".join(message for messages in form.errors.values() for message in messages)


def displayed(item, answer) -> str:
    return answers_for_display(snapshot_of([item]), {item["name"]: answer})[0]["items"][0]["value"]


def test_short_text_is_stripped_and_limited():
    item = question("short_text", "name", max_length=5)
    assert answer_of(item, {"name": "  Anne "}) == "Anne"
    assert "at most 5 characters" in errors_of(item, {"name": "Camille"})


@pytest.mark.parametrize("type_", ["short_text", "long_text", "email", "phone", "date"])
def test_required_and_optional(type_):
    assert "This field is required." in errors_of(question(type_, "x"), {"x": ""})
    assert answer_of(question(type_, "x", required=False), {"x": ""}) is None


def test_long_text_keeps_its_lines():
    item = question("long_text", "story", max_length=5000)
    assert answer_of(item, {"story": "Line 1\nLine 2"}) == "Line 1\nLine 2"


def test_email():
    item = question("email", "mail")
    assert answer_of(item, {"mail": "anne@example.fr"}) == "anne@example.fr"
    assert "valid email" in errors_of(item, {"mail": "anne@"})


@pytest.mark.parametrize(
    "typed, stored, shown",
    [
        ("06 12 34 56 78", "+33612345678", "06 12 34 56 78"),
        ("0612345678", "+33612345678", "06 12 34 56 78"),
        ("+33 1 23 45 67 89", "+33123456789", "01 23 45 67 89"),
        ("0033 6.12.34.56.78", "+33612345678", "06 12 34 56 78"),
        ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),
    ],
)
def test_phone_is_stored_e164_and_shown_french_style(typed, stored, shown):
    item = question("phone", "phone")
    assert answer_of(item, {"phone": typed}) == stored
    assert displayed(item, stored) == shown


@pytest.mark.parametrize("typed", ["06 12", "12345678901234", "not a number", "+33 0 00"])
def test_phone_refuses_invalid_numbers(typed):
    assert "valid phone number" in errors_of(question("phone", "phone"), {"phone": typed})


def test_number_bounds_decimals_and_french_comma():
    item = question("number", "amount", min_value="1", max_value="100", decimal_places=2)
    assert answer_of(item, {"amount": "12,50"}) == "12.50"
    assert answer_of(item, {"amount": "100"}) == "100"
    with translation.override("fr"):
        assert displayed(item, "1234.5") == "1\xa0234,5"
    assert "greater than or equal to 1" in errors_of(item, {"amount": "0.5"})
    assert "less than or equal to 100" in errors_of(item, {"amount": "100.01"})
    assert "2 decimal places" in errors_of(item, {"amount": "1.005"})
    assert "Enter a number" in errors_of(item, {"amount": "douze"})


def test_whole_number():
    item = question("number", "people", min_value=None, max_value=None, decimal_places=0)
    assert answer_of(item, {"people": "3"}) == "3"
    assert answer_of(item, {"people": "1\u202f200"}) == "1200"
    assert "0 decimal places" in errors_of(item, {"people": "3.5"})
    assert "digits" in errors_of(item, {"people": "1e30"})


def test_date_bounds():
    item = question("date", "day", period="any", min_date="2025-01-01", max_date="2025-12-31")
    assert answer_of(item, {"day": "2025-06-01"}) == "2025-06-01"
    with translation.override("fr"):
        assert displayed(item, "2025-06-01") == "01/06/2025"
    assert "from" in errors_of(item, {"day": "2024-12-31"})
    assert "until" in errors_of(item, {"day": "2026-01-01"})
    assert "valid date" in errors_of(item, {"day": "2025-02-30"})


def test_date_past_only_and_future_only():
    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    yesterday = (today - datetime.timedelta(days=1)).isoformat()
    past = question("date", "born", period="past", min_date=None, max_date=None)
    future = question("date", "event", period="future", min_date=None, max_date=None)
    assert answer_of(past, {"born": today.isoformat()}) == today.isoformat()
    assert "today’s date or an earlier one" in errors_of(past, {"born": tomorrow})
    assert answer_of(future, {"event": tomorrow}) == tomorrow
    assert "today’s date or a later one" in errors_of(future, {"event": yesterday})
    assert f'max="{today.isoformat()}"' in str(submit(past, {"born": ""})["born"])


def test_single_choice_as_radio_or_select():
    radio = choice("kind", ["first", "renewal"], widget="radio")
    select = choice("kind", ["first", "renewal"], widget="select")
    assert answer_of(radio, {"kind": "renewal"}) == "renewal"
    assert answer_of(select, {"kind": "first"}) == "first"
    assert "not one of the available choices" in errors_of(radio, {"kind": "other"})
    assert "This field is required." in errors_of(select, {"kind": ""})
    assert displayed(radio, "renewal") == "Renewal"
    assert 'type="radio"' in str(submit(radio, {})["kind"])
    assert "<select" in str(submit(select, {})["kind"])


def test_multiple_choice_is_stored_in_option_order():
    item = choice("needs", ["tables", "chairs", "stage"], type_="multiple_choice")
    assert answer_of(item, {"needs": ["stage", "tables"]}) == ["tables", "stage"]
    assert "not one of the available choices" in errors_of(item, {"needs": ["tables", "bar"]})
    assert "This field is required." in errors_of(item, {})
    assert displayed(item, ["tables", "stage"]) == "Tables, Stage"


def test_yes_no():
    item = question("yes_no", "first")
    assert answer_of(item, {"first": "no"}) == "no"
    assert "not one of the available choices" in errors_of(item, {"first": "maybe"})
    assert displayed(item, "yes") == "Yes"


def address(street="1 rue de la Paix", code="75002", city="Paris") -> dict:
    return {"home-street": street, "home-postal_code": code, "home-city": city}


@pytest.mark.parametrize("code", ["75002", "20000", "97400", "98000", "01000", "95000"])
def test_address_accepts_french_postal_codes(code):
    item = question("address", "home")
    assert answer_of(item, address(code=code)) == {
        "street": "1 rue de la Paix",
        "postal_code": code,
        "city": "Paris",
    }


@pytest.mark.parametrize(
    "code, message",
    [
        ("7500", "5 digits"),
        ("750021", "5 characters"),
        ("7500A", "5 digits"),
        ("00100", "not a French postal code"),
        ("96000", "not a French postal code"),
        ("97900", "not a French postal code"),
    ],
)
def test_address_refuses_other_postal_codes(code, message):
    assert message in errors_of(question("address", "home"), address(code=code))


def test_address_required_or_complete():
    required = question("address", "home")
    optional = question("address", "home", required=False)
    assert "This field is required." in errors_of(required, address(city=""))
    assert answer_of(optional, address("", "", "")) is None
    form = submit(optional, address(city=""))
    assert list(form.errors) == ["home-city"]
    assert displayed(required, {"street": "2 rue B", "postal_code": "69001", "city": "Lyon"}) == (
        "2 rue B, 69001 Lyon"
    )


def location(latitude="", longitude="", place=""):
    return {"spot-latitude": latitude, "spot-longitude": longitude, "spot-address": place}


def test_location_by_coordinates_or_address():
    item = question("location", "spot")
    assert answer_of(item, location("45.764043", "4.835659")) == {
        "latitude": "45.764043",
        "longitude": "4.835659",
        "address": None,
    }
    assert answer_of(item, location(place="Near the school")) == {
        "latitude": None,
        "longitude": None,
        "address": "Near the school",
    }
    assert "address of the place, or its coordinates" in errors_of(item, location())
    assert "both the latitude and the longitude" in errors_of(item, location("45.7"))
    assert "less than or equal to 90" in errors_of(item, location("91", "4"))
    assert answer_of(question("location", "spot", required=False), location()) is None
    shown = displayed(
        item, {"latitude": "45.76", "longitude": "4.83", "address": "Place Bellecour"}
    )
    assert shown == "Place Bellecour (45.76, 4.83)"
