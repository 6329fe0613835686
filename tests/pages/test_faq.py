"""The FAQ page: sections, table of contents, schema.org FAQPage data."""

import json
import re

import pytest

from pages.models import FaqPage

pytestmark = pytest.mark.django_db


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD in the page"
    return json.loads(match.group(1))


def test_the_faq_has_a_table_of_contents_and_structured_data(on, commune):
    faq = FaqPage.objects.get(collectivity=commune)
    html = on(commune).get("/faq/").text
    data = json_ld(html)
    assert data["@type"] == "FAQPage"
    questions = [entry["name"] for entry in data["mainEntity"]]
    assert "Comment créer mon compte ?" in questions
    assert all(entry["acceptedAnswer"]["text"] for entry in data["mainEntity"])
    assert len(questions) == sum(len(s.block["questions"]) for s in faq.sections)
    for section in faq.sections:
        assert f'href="#{section.anchor}"' in html
        assert f'id="{section.anchor}"' in html


def test_the_structured_data_cannot_break_out_of_its_script(on, commune):
    faq = FaqPage.objects.get(collectivity=commune)
    faq.body = [
        (
            "section",
            {
                "title": "Sécurité",
                "questions": [
                    {
                        "question": "</script><script>alert(1)</script> & co ?",
                        "answer": "<p>Non.</p>",
                    }
                ],
            },
        ),
        (
            "section",
            {"title": "Sécurité", "questions": [{"question": "Bis ?", "answer": "<p>Oui</p>"}]},
        ),
    ]
    faq.save_revision().publish()
    html = on(commune).get("/faq/").text
    assert "<script>alert(1)" not in html
    data = json_ld(html)
    assert data["mainEntity"][0]["name"] == "</script><script>alert(1)</script> & co ?"
    anchors = [section.anchor for section in FaqPage.objects.get(pk=faq.pk).sections]
    assert anchors == ["securite", "securite-2"]
