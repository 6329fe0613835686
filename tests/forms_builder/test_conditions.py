"""Conditional display, enforced on the server."""

import pytest
from django.core.exceptions import ValidationError

from forms_builder.conditions import condition_met
from forms_builder.display import answers_for_display, export_row
from forms_builder.engine import build_step_form, clean_answers

from .builders import choice, question, snapshot_of, when


@pytest.mark.parametrize(
    "condition, answers, met",
    [
        (None, {}, True),
        (when("a", "equals", "yes"), {"a": "yes"}, True),
        (when("a", "equals", "yes"), {"a": "no"}, False),
        (when("a", "equals", "yes"), {}, False),
        (when("a", "equals", "Paris"), {"a": " paris "}, True),
        (when("a", "one_of", "x", "y"), {"a": "y"}, True),
        (when("a", "one_of", "x", "y"), {"a": "z"}, False),
        (when("a", "one_of", "x", "y"), {"a": ["x", "y"]}, True),
        (when("a", "one_of", "x", "y"), {"a": ["x", "z"]}, False),
        (when("a", "contains", "x"), {"a": ["x", "z"]}, True),
        (when("a", "contains", "x", "y"), {"a": ["z", "y"]}, True),
        (when("a", "contains", "x"), {"a": ["z"]}, False),
        (when("a", "contains", "x"), {"a": []}, False),
        (when("a", "contains", "nid"), {"a": "Un NID de poule"}, True),
        (when("a", "equals", "x"), {"a": ["x"]}, True),
        (when("a", "equals", "x"), {"a": ["x", "y"]}, False),
    ],
)
def test_condition_met(condition, answers, met):
    assert condition_met(condition, answers) is met


def form_with_child_question():
    return snapshot_of(
        [
            question("yes_no", "child"),
            question("short_text", "child_name", condition=when("child", "equals", "yes")),
            question("email", "contact", required=False),
        ]
    )


def test_a_hidden_required_question_is_not_required_and_its_answer_is_dropped():
    snapshot = form_with_child_question()
    form = build_step_form(snapshot, 0, data={"child": "no", "child_name": "not@valid but ignored"})
    assert form.is_valid(), form.errors
    assert form.answers == {"child": "no", "child_name": None, "contact": None}

    form = build_step_form(snapshot, 0, data={"child": "yes", "child_name": ""})
    assert form.errors == {"child_name": ["This field is required."]}


def test_an_invalid_controlling_answer_hides_what_depends_on_it():
    form = build_step_form(form_with_child_question(), 0, data={"child": "perhaps"})
    assert list(form.errors) == ["child"]


def test_conditional_blocks_carry_their_condition_for_the_browser():
    html = build_step_form(form_with_child_question(), 0).render()
    assert 'data-condition="{&quot;field&quot;: &quot;child&quot;' in html
    assert "forms_builder/conditions.js" in html


def group_form():
    return snapshot_of(
        [
            choice("kind", ["house", "flat"]),
            {
                "type": "group",
                "title": "Your flat",
                "condition": when("kind", "one_of", "flat"),
                "items": [
                    {"type": "heading", "text": "Building"},
                    question("number", "floor", min_value="0", max_value=None, decimal_places=0),
                    question("yes_no", "lift"),
                    question("short_text", "code", condition=when("lift", "equals", "yes")),
                ],
            },
        ]
    )


def test_group_condition_hides_all_its_questions():
    form = build_step_form(group_form(), 0, data={"kind": "house", "floor": "x", "lift": ""})
    assert form.is_valid(), form.errors
    assert form.answers == {"kind": "house", "floor": None, "lift": None, "code": None}


def test_inside_a_shown_group_questions_are_required_and_own_conditions_apply():
    form = build_step_form(group_form(), 0, data={"kind": "flat", "floor": "", "lift": "no"})
    assert form.errors == {"floor": ["This field is required."]}
    form = build_step_form(group_form(), 0, data={"kind": "flat", "floor": "3", "lift": "yes"})
    assert form.errors == {"code": ["This field is required."]}


def two_steps():
    return snapshot_of(
        [choice("reason", ["loss", "theft", "renewal"])],
        (
            "Details",
            [
                question(
                    "date",
                    "theft_date",
                    condition=when("reason", "equals", "theft"),
                    period="past",
                    min_date=None,
                    max_date=None,
                ),
                question("long_text", "comment", required=False, max_length=500),
            ],
        ),
    )


def test_a_condition_on_an_earlier_step_is_settled_when_the_form_is_built():
    snapshot = two_steps()
    loss = build_step_form(snapshot, 1, answers={"reason": "loss"}, data={})
    assert "theft_date" not in loss.fields
    assert loss.is_valid()
    assert loss.answers == {"theft_date": None, "comment": None}
    theft = build_step_form(snapshot, 1, answers={"reason": "theft"}, data={})
    assert theft.errors == {"theft_date": ["This field is required."]}
    assert 'data-condition="' not in theft.render()


def test_final_validation_drops_answers_hidden_by_a_changed_answer():
    snapshot = two_steps()
    answers = {"reason": "loss", "theft_date": "2024-01-02", "comment": "Lost in town"}
    assert clean_answers(snapshot, answers) == {"reason": "loss", "comment": "Lost in town"}
    shown = answers_for_display(snapshot, answers)
    assert [item["name"] for step in shown for item in step["items"]] == ["reason", "comment"]
    assert export_row(snapshot, answers) == {"reason": "Loss", "comment": "Lost in town"}


def test_final_validation_lists_the_faulty_steps():
    with pytest.raises(ValidationError) as raised:
        clean_answers(two_steps(), {"reason": "theft"})
    [error] = raised.value.error_list
    assert error.params["step"] == 1
    assert raised.value.messages == ["Details: check Theft date."]
