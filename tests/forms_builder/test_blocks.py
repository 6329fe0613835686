"""The editor's side: block values, machine names, and the checks made at publish."""

import pytest
from wagtail.blocks import StreamBlockValidationError

from forms_builder.blocks import FormFieldsBlock, GroupFieldsBlock
from forms_builder.kinds import KINDS
from forms_builder.names import machine_name_from
from forms_builder.snapshot import form_snapshot

from .builders import stream

NO_CONDITION = {"field": "", "operator": "equals", "values": []}


def test_block_type_names_are_the_snapshot_types():
    block = FormFieldsBlock()
    for name, child in block.child_blocks.items():
        assert child.kind == name
        assert name == "step_break" or name in KINDS
    assert "group" not in GroupFieldsBlock().child_blocks
    assert "step_break" not in GroupFieldsBlock().child_blocks


@pytest.mark.parametrize(
    "label, name",
    [
        ("Prénom de l'enfant", "prenom_de_l_enfant"),
        ("Date de naissance", "date_de_naissance"),
        ("2e adresse", "field_2e_adresse"),
        ("!!!", "field"),
    ],
)
def test_machine_name_is_derived_from_the_label(label, name):
    assert machine_name_from(label) == name


def test_empty_name_is_derived_at_creation_then_kept():
    block = FormFieldsBlock()
    value = block.clean(stream(("short_text", {"label": "Nom d'usage"})))
    assert value[0].value["name"] == "nom_d_usage"

    value[0].value["label"] = "Nom marital"
    value = block.clean(block.to_python(block.get_prep_value(value)))
    assert value[0].value["name"] == "nom_d_usage"


def test_duplicate_machine_names_are_refused_at_publish_with_the_name():
    block = FormFieldsBlock()
    value = stream(
        ("short_text", {"label": "Nom"}),
        ("group", {"fields": [{"type": "email", "value": {"label": "E-mail", "name": "nom"}}]}),
    )
    with pytest.raises(StreamBlockValidationError) as raised:
        block.clean(value)
    summary = " ".join(raised.value.non_block_errors.as_data()[0].messages)
    assert "“nom”" in summary and "“Nom”" in summary and "“E-mail”" in summary
    assert set(raised.value.block_errors) == {0, 1}
    assert "name" in raised.value.block_errors[0].block_errors
    group_errors = raised.value.block_errors[1].block_errors["fields"].block_errors
    assert "name" in group_errors[0].block_errors


def test_duplicates_are_allowed_in_a_draft():
    block = FormFieldsBlock()
    value = stream(("short_text", {"label": "Nom"}), ("short_text", {"label": "Nom"}))
    cleaned = block.clean_deferred(value)
    assert [child.value["name"] for child in cleaned] == ["nom", "nom"]
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


@pytest.mark.parametrize(
    "condition, message",
    [
        ({"field": "later", "operator": "equals", "values": ["x"]}, "not the machine name"),
        ({"field": "comment", "operator": "equals", "values": ["x"]}, "cannot drive"),
        ({"field": "kind", "operator": "equals", "values": ["other"]}, "“other” is not a value"),
        ({"field": "agree", "operator": "one_of", "values": ["yes", "maybe"]}, "“maybe”"),
    ],
)
def test_conditions_must_test_an_earlier_field_with_its_values(condition, message):
    options = [{"label": "Renewal", "value": "renewal"}, {"label": "First", "value": "first"}]
    value = stream(
        ("long_text", {"label": "Comment"}),
        ("single_choice", {"label": "Kind", "options": options}),
        ("yes_no", {"label": "Agree"}),
        ("short_text", {"label": "Detail", "condition": condition}),
        ("short_text", {"label": "Later"}),
    )
    with pytest.raises(StreamBlockValidationError) as raised:
        FormFieldsBlock().clean(value)
    assert message in raised.value.non_block_errors.as_data()[0].message
    assert "condition" in raised.value.block_errors[3].block_errors


def test_a_valid_condition_on_a_group_passes():
    value = stream(
        ("yes_no", {"label": "Child"}),
        (
            "group",
            {
                "condition": {"field": "child", "operator": "equals", "values": ["yes"]},
                "fields": [{"type": "short_text", "value": {"label": "Name of the child"}}],
            },
        ),
    )
    FormFieldsBlock().clean(value)


def test_equals_takes_a_single_value():
    value = stream(
        ("yes_no", {"label": "Child"}),
        ("short_text", {"label": "Name", "condition": {**NO_CONDITION, "field": "child"}}),
    )
    with pytest.raises(StreamBlockValidationError):
        FormFieldsBlock().clean(value)


def test_option_values_are_derived_and_unique():
    block = FormFieldsBlock()
    value = block.clean(
        stream(("multiple_choice", {"label": "Needs", "options": [{"label": "Tables"}]}))
    )
    assert value[0].value["options"][0]["value"] == "tables"
    duplicate = [{"label": "Chairs", "value": "x"}, {"label": "Tables", "value": "x"}]
    with pytest.raises(StreamBlockValidationError):
        block.clean(stream(("multiple_choice", {"label": "Needs", "options": duplicate})))


@pytest.mark.parametrize(
    "type_, bounds",
    [
        ("number", {"min_value": "10", "max_value": "2"}),
        ("date", {"min_date": "2025-02-01", "max_date": "2025-01-01"}),
    ],
)
def test_bounds_must_be_in_order(type_, bounds):
    with pytest.raises(StreamBlockValidationError):
        FormFieldsBlock().clean(stream((type_, {"label": "Value", **bounds})))


def test_each_block_renders_its_field_as_the_citizen_sees_it():
    block = FormFieldsBlock()
    for name, child in block.child_blocks.items():
        html = child.render(child.get_preview_value())
        assert html.strip(), name
    group = block.child_blocks["group"]
    html = group.render(group.get_preview_value())
    assert "<legend" in html and "First name of the child" in html and "None" not in html
    phone = block.child_blocks["phone"]
    html = phone.render(phone.to_python({"label": "Mobile", "prefill": "phone"}))
    assert 'type="tel"' in html and 'autocomplete="tel"' in html and "Mobile" in html


def test_snapshot_of_the_stream_is_plain_data_split_in_steps():
    snapshot = form_snapshot(
        FormFieldsBlock().clean(
            stream(
                ("step_break", {"title": "Identity"}),
                ("heading", {"text": "You"}),
                ("short_text", {"label": "Last name", "prefill": "last_name"}),
                ("step_break", {"title": "Documents"}),
                ("file", {"label": "Proof", "kinds": ["pdf"], "max_size_mb": 2}),
            )
        )
    )
    assert snapshot == {
        "version": 1,
        "steps": [
            {
                "title": "Identity",
                "items": [
                    {"type": "heading", "text": "You"},
                    {
                        "type": "short_text",
                        "name": "last_name",
                        "label": "Last name",
                        "help_text": "",
                        "required": True,
                        "prefill": "last_name",
                        "condition": None,
                        "max_length": 255,
                    },
                ],
            },
            {
                "title": "Documents",
                "items": [
                    {
                        "type": "file",
                        "name": "proof",
                        "label": "Proof",
                        "help_text": "",
                        "required": True,
                        "prefill": None,
                        "condition": None,
                        "kinds": ["pdf"],
                        "max_size_mb": 2,
                        "multiple": False,
                    }
                ],
            },
        ],
    }
