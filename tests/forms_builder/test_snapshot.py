"""A request keeps the form it answered: later edits of the form change nothing for it."""

import datetime
import json

from forms_builder.blocks import FormFieldsBlock
from forms_builder.display import answers_for_display, export_columns, export_row
from forms_builder.engine import build_step_form, clean_answers
from forms_builder.prefill import initial_from_profile
from forms_builder.snapshot import form_snapshot, step_count, step_title

from .builders import question, snapshot_of, stream

OPTIONS = [{"label": "Lost", "value": "loss"}, {"label": "Stolen", "value": "theft"}]


def procedure_form():
    return FormFieldsBlock().clean(
        stream(
            ("single_choice", {"label": "Reason", "options": OPTIONS}),
            ("step_break", {"title": "Contact"}),
            ("phone", {"label": "Phone", "required": False, "prefill": "phone"}),
        )
    )


def test_old_snapshot_still_builds_and_displays_the_old_form():
    value = procedure_form()
    old = json.loads(json.dumps(form_snapshot(value)))  # as stored in the database
    answers = {"reason": "theft", "phone": "+33612345678"}

    # The editor renames, re-labels, removes and adds blocks afterwards.
    value[0].value["label"] = "Why?"
    value[0].value["options"][1]["label"] = "Robbed"
    del value[2]
    value.append(("email", FormFieldsBlock().child_blocks["email"].to_python({"label": "Mail"})))
    new = form_snapshot(FormFieldsBlock().clean(value))
    assert new != old

    assert step_count(old) == 2 and step_title(old, 1) == "Contact"
    form = build_step_form(old, 0)
    assert form.fields["reason"].label == "Reason"
    assert ("theft", "Stolen") in form.fields["reason"].choices
    assert "phone" in build_step_form(old, 1).fields

    assert answers_for_display(old, answers) == [
        {
            "index": 0,
            "title": "",
            "items": [
                {
                    "name": "reason",
                    "type": "single_choice",
                    "label": "Reason",
                    "value": "Stolen",
                    "answer": "theft",
                }
            ],
        },
        {
            "index": 1,
            "title": "Contact",
            "items": [
                {
                    "name": "phone",
                    "type": "phone",
                    "label": "Phone",
                    "value": "06 12 34 56 78",
                    "answer": "+33612345678",
                }
            ],
        },
    ]
    assert clean_answers(old, answers) == answers
    assert answers_for_display(new, answers)[0]["items"][0]["value"] == "Robbed"


def test_export_lines_up_versions_by_machine_name():
    v1 = snapshot_of([question("short_text", "name", "Name"), question("email", "mail", "Mail")])
    v2 = snapshot_of(
        [question("short_text", "name", "Full name"), question("phone", "phone", "Phone")]
    )
    assert export_columns([v1, v2]) == [
        {"name": "name", "label": "Full name"},
        {"name": "mail", "label": "Mail"},
        {"name": "phone", "label": "Phone"},
    ]
    assert export_row(v1, {"name": "Anne", "mail": "a@example.fr"}) == {
        "name": "Anne",
        "mail": "a@example.fr",
    }
    assert export_row(v2, {"name": "Bob", "phone": "+33123456789"}) == {
        "name": "Bob",
        "phone": "01 23 45 67 89",
    }


def test_prefill_from_the_profile():
    snapshot = snapshot_of(
        [
            question("short_text", "first", prefill="first_name", max_length=100),
            question(
                "date", "born", prefill="birth_date", period="past", min_date=None, max_date=None
            ),
            question("phone", "mobile", prefill="phone"),
            question("address", "home", prefill="address"),
            question("email", "other_mail", required=False),
        ],
        [question("email", "mail", prefill="email")],
    )
    profile = {
        "first_name": "Anne",
        "birth_date": datetime.date(1990, 5, 17),
        "phone": "+33612345678",
        "address": {"street": "1 place Bellecour", "postal_code": "69002", "city": "Lyon"},
        "email": "anne@example.fr",
        "last_name": "",
    }
    initial = initial_from_profile(snapshot, 0, profile)
    assert initial == {
        "first": "Anne",
        "born": "1990-05-17",
        "mobile": "+33612345678",
        "home": {"street": "1 place Bellecour", "postal_code": "69002", "city": "Lyon"},
    }
    assert initial_from_profile(snapshot, 1, profile) == {"mail": "anne@example.fr"}

    html = build_step_form(snapshot, 0, initial=initial).render()
    assert 'value="Anne"' in html and 'value="1990-05-17"' in html
    assert 'value="06 12 34 56 78"' in html and 'value="69002"' in html
    # An answer already given wins over the profile.
    form = build_step_form(snapshot, 0, initial=initial, answers={"first": "Annie"})
    assert form["first"].value() == "Annie"
