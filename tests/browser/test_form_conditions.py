"""conditions.js shows and hides conditional blocks in a real browser, as the server would."""

from pathlib import Path

import pytest

from forms_builder.engine import build_step_form
from tests.forms_builder.builders import choice, question, snapshot_of, when

pytestmark = pytest.mark.browser

SCRIPT = Path(__file__).resolve().parents[2] / "forms_builder/static/forms_builder/conditions.js"


def snapshot():
    return snapshot_of(
        [
            choice("kind", ["house", "flat"]),
            {
                "type": "group",
                "title": "Your flat",
                "condition": when("kind", "equals", "flat"),
                "items": [
                    question("yes_no", "lift"),
                    question("short_text", "code", condition=when("lift", "equals", "yes")),
                ],
            },
            choice("needs", ["tables", "chairs"], type_="multiple_choice", required=False),
            question("short_text", "how_many", condition=when("needs", "contains", "chairs")),
        ]
    )


def test_blocks_follow_the_answers(page):
    html = build_step_form(snapshot(), 0).render()
    page.set_content(f"<form>{html}</form>")
    page.add_script_tag(path=str(SCRIPT))

    def shown(name):
        return page.locator(f"[name={name}]").first.is_visible()

    assert not shown("lift") and not shown("code") and not shown("how_many")
    assert page.locator("[name=code]").is_disabled()

    page.check("#id_kind_1")  # flat
    assert shown("lift") and not shown("code")
    page.check("#id_lift_0")  # yes
    assert shown("code") and page.locator("[name=code]").is_enabled()

    page.check("#id_kind_0")  # house: the group and what hangs from it are hidden again
    assert not shown("lift") and not shown("code")
    assert page.locator("[name=code]").is_disabled()

    page.check("#id_needs_1")  # chairs
    assert shown("how_many")
    page.uncheck("#id_needs_1")
    assert not shown("how_many")
