"""Rubrics and synonyms in the Wagtail admin: each collectivity's editors see only theirs."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from commune_sites.agendas.models import Agenda
from pages.models import ProcedurePage, Rubric, SearchSynonym

from .conftest import catalogue_of

pytestmark = pytest.mark.django_db


def url(model, view, *args):
    return reverse(f"wagtailsnippets_pages_{model}:{view}", args=args)


@pytest.fixture
def editor_client(client, commune, make_user):
    client.force_login(make_user("editor@a.fr", groups=[commune.editors_group]))
    return client


def rubric_of(collectivity, slug="urbanisme"):
    return Rubric.objects.get(collectivity=collectivity, slug=slug)


def test_an_editor_lists_only_their_rubrics(editor_client, commune, other_commune):
    response = editor_client.get(url("rubric", "list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert url("rubric", "edit", rubric_of(commune).pk) in html
    assert url("rubric", "edit", rubric_of(other_commune).pk) not in html
    found = editor_client.get(url("rubric", "list"), {"q": "urba"}).content.decode()
    assert url("rubric", "edit", rubric_of(commune).pk) in found
    assert url("rubric", "edit", rubric_of(commune, "voirie").pk) not in found


@pytest.mark.parametrize("view", ["edit", "delete", "copy", "history", "usage"])
def test_another_collectivity_rubric_is_not_found(editor_client, other_commune, view):
    assert editor_client.get(url("rubric", view, rubric_of(other_commune).pk)).status_code == 404


def test_an_editor_edits_their_rubric(editor_client, commune):
    rubric = rubric_of(commune)
    response = editor_client.post(
        url("rubric", "edit", rubric.pk),
        {
            "collectivity": commune.pk,
            "name": "Urbanisme et travaux",
            "slug": "urbanisme",
            "description": "",
            "icon": "house",
            "sort_order": 3,
        },
    )
    assert response.status_code == 302
    assert Rubric.objects.get(pk=rubric.pk).name == "Urbanisme et travaux"


def test_an_editor_cannot_give_a_rubric_to_another_collectivity(
    editor_client, commune, other_commune
):
    response = editor_client.post(
        url("rubric", "add"),
        {"collectivity": other_commune.pk, "name": "Piscine", "icon": "document", "sort_order": 0},
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Rubric.objects.filter(name="Piscine").exists()
    form = editor_client.get(url("rubric", "add")).content.decode()
    assert "Saint-Martin-la-Plaine" in form
    assert "Firminy" not in form


def test_synonyms_are_isolated_too(editor_client, commune, other_commune):
    mine = SearchSynonym.objects.get(collectivity=commune, term="CNI")
    theirs = SearchSynonym.objects.get(collectivity=other_commune, term="CNI")
    html = editor_client.get(url("searchsynonym", "list")).content.decode()
    assert url("searchsynonym", "edit", mine.pk) in html
    assert url("searchsynonym", "edit", theirs.pk) not in html
    assert editor_client.get(url("searchsynonym", "edit", theirs.pk)).status_code == 404


def test_an_editor_adds_a_synonym(editor_client, commune):
    response = editor_client.post(
        url("searchsynonym", "add"),
        {"collectivity": commune.pk, "term": "ALSH", "expansions": "centre de loisirs\n"},
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.get(collectivity=commune, term="ALSH").expansion_list == [
        "centre de loisirs"
    ]


def test_superusers_see_every_collectivity_rubric(client, commune, other_commune, make_user):
    client.force_login(make_user("root@example.org", is_superuser=True))
    html = client.get(url("rubric", "list")).content.decode()
    assert url("rubric", "edit", rubric_of(commune).pk) in html
    assert url("rubric", "edit", rubric_of(other_commune).pk) in html


def test_the_procedure_form_offers_only_the_catalogue_rubrics(
    client, commune, other_commune, make_user
):
    client.force_login(make_user("editor@a.fr", groups=[commune.editors_group]))
    catalogue = catalogue_of(commune)
    response = client.get(
        reverse("wagtailadmin_pages:add", args=("pages", "procedurepage", catalogue.pk))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{rubric_of(commune).pk}"' in html
    assert f'value="{rubric_of(other_commune).pk}"' not in html


def test_editors_open_every_page_type_of_their_portal(
    client, commune, other_commune, make_user, make_procedure
):
    make_procedure(commune, "Passeport")
    client.force_login(make_user("editor@a.fr", groups=[commune.editors_group]))
    for page in Page.objects.descendant_of(commune.site.root_page, inclusive=True):
        response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
        assert response.status_code == 200, page.specific_class
    foreign = other_commune.site.root_page
    response = client.get(reverse("wagtailadmin_pages:edit", args=(foreign.pk,)))
    assert response.status_code != 200


def test_an_editor_publishes_a_procedure_from_the_admin(client, commune, make_user):
    client.force_login(make_user("editor@a.fr", groups=[commune.editors_group]))
    catalogue = catalogue_of(commune)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "procedurepage", catalogue.pk)),
        {
            "title": "Inscription scolaire",
            "slug": "inscription-scolaire",
            "summary": "Inscrire son enfant à l'école.",
            "rubrics": [rubric_of(commune, "enfance").pk],
            "eligibility": rich_text("<p>Les parents.</p>"),
            "documents-count": 0,
            "processing_time": "",
            "online": "on",
            "counter_place": "",
            "counter_hours": "",
            "form-count": 0,
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    procedure = ProcedurePage.objects.get(slug="inscription-scolaire")
    assert procedure.live and procedure.collectivity == commune
    assert list(procedure.rubrics.values_list("slug", flat=True)) == ["enfance"]


def _procedure_with_appointment(catalogue, agenda) -> dict:
    """The admin's form data of a new procedure whose form asks for a slot of `agenda`."""
    return nested_form_data(
        {
            "title": "Rendez-vous passeport",
            "slug": "rendez-vous-passeport",
            "summary": "Prendre rendez-vous pour un passeport.",
            "eligibility": rich_text("<p>Tout le monde.</p>"),
            "documents": streamfield([]),
            "processing_time": "",
            "online": "on",
            "counter_place": "",
            "counter_hours": "",
            "form": streamfield(
                [
                    (
                        "appointment",
                        {
                            "label": "Votre rendez-vous",
                            "name": "rendez_vous",
                            "help_text": "",
                            "required": "on",
                            "condition": {"field": "", "operator": "", "values": streamfield([])},
                            "agenda": str(agenda.pk),
                        },
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )


@pytest.mark.parametrize("own", [True, False], ids=["own agenda", "another's agenda"])
def test_an_appointment_question_takes_only_an_agenda_of_the_page_s_collectivity(
    client, commune, other_commune, make_user, own
):
    client.force_login(make_user("editor@a.fr", groups=[commune.editors_group]))
    agenda = Agenda.objects.create(
        collectivity=commune if own else other_commune, name="Passeports", slot_minutes=30
    )
    catalogue = catalogue_of(commune)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("pages", "procedurepage", catalogue.pk)),
        _procedure_with_appointment(catalogue, agenda),
    )
    created = ProcedurePage.objects.filter(slug="rendez-vous-passeport")
    if own:
        assert response.status_code == 302, response.content.decode()[:3000]
        assert created.get().live
    else:
        assert response.status_code == 200
        assert not created.exists()
        # Shown above the form's blocks (the stream's errors are passed to it as JSON).
        assert response.context["form"].errors["form"] == [
            "Choisissez un agenda de votre collectivité pour : “Votre rendez-vous”."
        ]
