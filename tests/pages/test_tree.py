"""A collectivity's page tree, rubrics and synonyms, built when it is provisioned."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from wagtail.models import Page

from pages.models import (
    CataloguePage,
    CommuneHomePage,
    FaqPage,
    ProcedurePage,
    Rubric,
    SearchSynonym,
)

from .conftest import catalogue_of

pytestmark = pytest.mark.django_db


def test_provisioning_builds_home_catalogue_faq_rubrics_and_synonyms(commune):
    home = commune.site.root_page.specific
    assert isinstance(home, CommuneHomePage)
    assert home.collectivity == commune
    assert home.live and home.get_latest_revision() is not None
    children = {type(page) for page in home.get_children().specific()}
    assert children == {CataloguePage, FaqPage}
    assert catalogue_of(commune).collectivity == commune
    assert FaqPage.objects.get(collectivity=commune).sections
    slugs = set(Rubric.objects.filter(collectivity=commune).values_list("slug", flat=True))
    assert {"etat-civil", "urbanisme", "voirie"} <= slugs
    assert SearchSynonym.objects.filter(collectivity=commune, term="CNI").exists()


def test_default_rubrics_have_the_same_slugs_everywhere(commune, intercommunality):
    def slugs(collectivity):
        return set(Rubric.objects.filter(collectivity=collectivity).values_list("slug", flat=True))

    assert slugs(commune) == slugs(intercommunality)


def test_editors_receive_the_rubric_and_synonym_permissions(commune):
    granted = set(
        Permission.objects.filter(group=commune.editors_group).values_list("codename", flat=True)
    )
    assert {"change_rubric", "add_searchsynonym", "delete_searchsynonym"} <= granted


def test_a_procedure_belongs_to_the_collectivity_of_its_catalogue(commune, make_procedure):
    procedure = make_procedure(commune, "Inscription sur les listes électorales")
    assert ProcedurePage.objects.get(pk=procedure.pk).collectivity_id == commune.pk


def test_a_procedure_moved_to_another_catalogue_changes_collectivity(
    commune, other_commune, make_procedure
):
    procedure = make_procedure(commune, "Inscription sur les listes électorales")
    procedure.move(catalogue_of(other_commune), pos="last-child")
    assert ProcedurePage.objects.get(pk=procedure.pk).collectivity_id == other_commune.pk


def test_a_counter_procedure_says_where_to_go(commune, make_procedure):
    with pytest.raises(ValidationError) as error:
        make_procedure(commune, "Recensement citoyen", online=False)
    assert "counter_place" in error.value.message_dict


def test_the_tree_stays_sane():
    assert CommuneHomePage.allowed_parent_page_models() == [Page]
    assert set(CommuneHomePage.allowed_subpage_models()) >= {CataloguePage, FaqPage}
    assert CataloguePage.allowed_subpage_models() == [ProcedurePage]
    assert ProcedurePage.allowed_parent_page_models() == [CataloguePage]


def test_rubric_names_are_unique_per_collectivity_and_language(commune, other_commune):
    Rubric(collectivity=other_commune, name="Cimetière").full_clean()
    Rubric.objects.create(collectivity=commune, name="Cimetière", slug="cimetiere")
    with pytest.raises(ValidationError):
        Rubric(collectivity=commune, name="Cimetière").full_clean()
