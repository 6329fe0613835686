"""Property: random forms with random answers fail only by invalid forms, and what passes
is JSON-serialisable and passes again."""

import json

from django.utils.datastructures import MultiValueDict
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from forms_builder.conditions import CONDITION_SOURCE_TYPES
from forms_builder.display import answers_for_display, export_row
from forms_builder.engine import build_step_form, clean_answers
from forms_builder.snapshot import iter_inputs

from .builders import question

WORDS = ["yes", "no", "a", "b", "c", "Paris", ""]
text = st.one_of(st.sampled_from(WORDS), st.text(max_size=20))
numbers = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.sampled_from(["0", "-1", "1,5", "1e2", "1E+40", "12.345", "NaN", "Infinity"]),
)
dates = st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(["31/12/2020"]))
option_values = st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=4, unique=True)


@st.composite
def input_item(draw, name, earlier):
    """A random question named `name`, maybe conditioned on one of `earlier`."""
    type_ = draw(
        st.sampled_from(
            sorted(
                [
                    "short_text",
                    "long_text",
                    "email",
                    "phone",
                    "number",
                    "date",
                    "single_choice",
                    "multiple_choice",
                    "yes_no",
                    "address",
                    "location",
                    "file",
                ]
            )
        )
    )
    options = {}
    if type_ in ("short_text", "long_text"):
        options["max_length"] = draw(st.integers(1, 50))
    elif type_ == "number":
        low = draw(st.none() | st.integers(-100, 100))
        high = draw(st.none() | st.integers(-100 if low is None else low, 100))
        options.update(
            min_value=None if low is None else str(low),
            max_value=None if high is None else str(high),
            decimal_places=draw(st.integers(0, 3)),
        )
    elif type_ == "date":
        options.update(
            period=draw(st.sampled_from(["any", "past", "future"])),
            min_date=draw(st.none() | st.just("2000-01-01")),
            max_date=draw(st.none() | st.just("2100-01-01")),
        )
    elif type_ in ("single_choice", "multiple_choice"):
        values = draw(option_values)
        options["options"] = [{"value": v, "label": v.upper()} for v in values]
        if type_ == "single_choice":
            options["widget"] = draw(st.sampled_from(["radio", "select"]))
    elif type_ == "file":
        options.update(kinds=["pdf"], max_size_mb=1, multiple=draw(st.booleans()))
    condition = draw(st.none() | condition_on(earlier)) if earlier else None
    return question(type_, name, required=draw(st.booleans()), condition=condition, **options)


@st.composite
def condition_on(draw, earlier):
    source = draw(st.sampled_from(earlier))
    if source["type"] == "yes_no":
        values = ["yes", "no"]
    elif "options" in source:
        values = [option["value"] for option in source["options"]]
    else:
        values = WORDS
    operator = draw(st.sampled_from(["equals", "one_of", "contains"]))
    size = 1 if operator == "equals" else draw(st.integers(1, len(values)))
    chosen = draw(st.lists(st.sampled_from(values), min_size=size, max_size=size, unique=True))
    return {"field": source["name"], "operator": operator, "values": chosen}


@st.composite
def snapshots(draw):
    counter = iter(range(1000))
    earlier = []  # questions able to drive a condition, in form order

    def new_question():
        item = draw(input_item(f"q{next(counter)}", list(earlier)))
        if item["type"] in CONDITION_SOURCE_TYPES:
            earlier.append(item)
        return item

    steps = []
    for _step in range(draw(st.integers(1, 3))):
        items = []
        for _item in range(draw(st.integers(1, 4))):
            shape = draw(st.sampled_from(["question", "question", "group", "text"]))
            if shape == "text":
                items.append({"type": "help_text", "text": "<p>Help</p>"})
            elif shape == "group":
                condition = draw(st.none() | condition_on(earlier)) if earlier else None
                children = [new_question() for _ in range(draw(st.integers(1, 3)))]
                items.append(
                    {"type": "group", "title": "", "condition": condition, "items": children}
                )
            else:
                items.append(new_question())
        steps.append({"title": f"Step {len(steps) + 1}", "items": items})
    return {"version": 1, "steps": steps}


def part_values(item):
    type_ = item["type"]
    valid = [option["value"] for option in item.get("options", [])] or ["yes", "no"]
    if type_ == "multiple_choice":
        return {"": st.lists(st.sampled_from([*valid, "z"]), max_size=3)}
    if type_ in ("single_choice", "yes_no"):
        return {"": st.sampled_from(valid) | st.sampled_from(["maybe", ""])}
    if type_ == "number":
        return {"": st.integers(-100, 100).map(str) | numbers}
    if type_ == "date":
        return {"": dates}
    if type_ == "phone":
        return {"": st.sampled_from(["06 12 34 56 78", "+44 20 7946 0958", "12", "", "0"])}
    if type_ == "email":
        return {"": st.sampled_from(["anne@example.fr", "x@", ""])}
    if type_ == "address":
        return {
            "street": text,
            "postal_code": st.sampled_from(["69001", "20000", "96000", "abc", ""]),
            "city": text,
        }
    if type_ == "location":
        return {"latitude": numbers, "longitude": numbers, "address": text}
    if type_ == "file":
        return {}
    return {"": text}


@st.composite
def post_data(draw, snapshot, step_index):
    data = MultiValueDict()
    for _index, item, _conditions in iter_inputs(snapshot, step_index):
        for suffix, values in part_values(item).items():
            if draw(st.integers(0, 9)) == 0:
                continue  # not posted at all
            value = draw(values)
            name = f"{item['name']}-{suffix}" if suffix else item["name"]
            data.setlist(name, value if isinstance(value, list) else [value])
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_forms_and_answers(data):
    snapshot = data.draw(snapshots())
    assert json.loads(json.dumps(snapshot)) == snapshot
    answers = {}
    all_valid = True
    for index in range(len(snapshot["steps"])):
        form = build_step_form(
            snapshot, index, data=data.draw(post_data(snapshot, index)), answers=answers
        )
        valid = form.is_valid()
        form.render()
        if not valid:
            assert form.errors
            all_valid = False
            break
        answers.update(form.answers)
    if not all_valid:
        return
    event("all steps valid")
    cleaned = clean_answers(snapshot, answers)
    assert json.loads(json.dumps(cleaned)) == cleaned
    assert clean_answers(snapshot, cleaned) == cleaned
    assert {k: v for k, v in answers.items() if v is not None} == cleaned
    answers_for_display(snapshot, cleaned)
    export_row(snapshot, cleaned)
