"""Accessible markup: labels, descriptions, fieldsets, autocomplete, the error summary."""

from django.test.signals import template_rendered

from forms_builder.engine import build_step_form

from .builders import Markup, choice, question, snapshot_of


def snapshot():
    return snapshot_of(
        [
            {"type": "heading", "text": "About you"},
            question("short_text", "first", prefill="first_name", help_text="As on your ID."),
            question("short_text", "last", prefill="last_name"),
            question(
                "date", "born", prefill="birth_date", period="past", min_date=None, max_date=None
            ),
            question("email", "mail", prefill="email"),
            question("phone", "phone", prefill="phone", required=False),
            choice("kind", ["first", "renewal"], help_text="Pick one."),
            question("address", "home", prefill="address", help_text="Where you live."),
            question("location", "spot", required=False),
            {"type": "warning", "text": "<p>Check your answers.</p>"},
        ],
        ("Second", [question("yes_no", "later")]),
    )


BAD = {
    "first": "",
    "last": "Martin",
    "born": "2999-01-01",
    "mail": "nope",
    "phone": "12",
    "kind": "",
    "home-street": "1 rue A",
    "home-postal_code": "99999",
    "home-city": "",
    "spot-latitude": "45",
}


def test_every_input_has_a_label_and_described_by_existing_ids():
    html = build_step_form(snapshot(), 0, data=BAD).render()
    page = Markup(html)
    labelled = {attrs["for"] for _tag, attrs in page.elements if _tag == "label"}
    inputs = [
        attrs
        for tag, attrs in page.elements
        if tag in ("input", "select", "textarea") and attrs.get("type") != "radio"
    ]
    assert inputs
    for attrs in inputs:
        assert attrs["id"] in labelled, attrs
    described = [attrs for _tag, attrs in page.elements if attrs.get("aria-describedby")]
    for attrs in described:
        for target in attrs["aria-describedby"].split():
            assert target in page.ids, target
    first = page.find("input", name="first")[0]
    assert first["aria-describedby"] == "id_first_helptext id_first_error"
    assert first["aria-invalid"] == "true"
    assert page.find("fieldset", **{"aria-describedby": "id_kind_helptext id_kind_error"})
    assert page.find("fieldset", **{"aria-describedby": "id_home_helptext"})
    postal = page.find("input", name="home-postal_code")[0]
    assert postal["aria-describedby"] == "id_home-postal_code_error"


def test_grouped_inputs_are_in_a_fieldset_with_a_legend():
    html = build_step_form(snapshot(), 0).render()
    legends = html.count("<legend")
    assert html.count("<fieldset") == legends == 3  # kind, home, spot
    assert '<legend class="form-label">Kind' in html
    assert '<legend class="form-label">Spot <span class="form-optional">(optional)' in html


def test_autocomplete_tokens_for_the_citizens_own_data():
    page = Markup(build_step_form(snapshot(), 0).render())
    tokens = {
        attrs["name"]: attrs.get("autocomplete")
        for tag, attrs in page.elements
        if tag in ("input", "textarea") and "name" in attrs
    }
    assert tokens["first"] == "given-name"
    assert tokens["last"] == "family-name"
    assert tokens["born"] == "bday"
    assert tokens["mail"] == "email"
    assert tokens["phone"] == "tel"
    assert tokens["home-street"] == "street-address"
    assert tokens["home-postal_code"] == "postal-code"
    assert tokens["home-city"] == "address-level2"
    assert tokens["spot-address"] is None


def test_error_summary_links_to_each_faulty_input_and_answers_are_kept():
    form = build_step_form(snapshot(), 0, data=BAD)
    assert not form.is_valid()
    page = Markup(form.render())
    summary_links = [
        attrs["href"][1:] for tag, attrs in page.elements if tag == "a" and "href" in attrs
    ]
    assert summary_links == [
        "id_first",
        "id_born",
        "id_mail",
        "id_phone",
        "id_kind_0",
        "id_home-postal_code",
        "id_home-city",
        "id_spot-longitude",
    ]
    for target in summary_links:
        assert target in page.ids
    assert page.find("input", name="last", value="Martin")
    assert page.find("input", name="home-street", value="1 rue A")
    assert page.find("input", name="spot-latitude", value="45")


def test_progress_indicator_and_step_title():
    first = build_step_form(snapshot(), 0)
    second = build_step_form(snapshot(), 1)
    assert first.progress_label == "Step 1 of 2"
    assert '<p class="form-progress">Step 2 of 2</p>' in second.render()
    assert '<h2 class="form-step-title">Second</h2>' in second.render()


def templates_rendered(html_of) -> list[str]:
    names = []

    def record(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        html_of()
    finally:
        template_rendered.disconnect(record)
    return names


def test_a_step_renders_the_same_templates_whatever_its_number_of_questions():
    """Questions are written out in Python (`forms_builder.rendering`): a step of twenty
    renders no more templates than a step of two."""

    def step_of(count: int):
        questions = [question("short_text", f"q{n}", required=n % 2 == 0) for n in range(count)]
        return build_step_form(snapshot_of(questions), 0, data={}).render

    two, twenty = templates_rendered(step_of(2)), templates_rendered(step_of(20))
    assert twenty == two
    assert len(twenty) <= 2  # the step and its error summary
