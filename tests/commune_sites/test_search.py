"""Directory search: names as citizens type them, postal codes, ranking, only communes online."""

import pytest

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_search

pytestmark = pytest.mark.django_db

COMMUNES = [
    ("Saint-Étienne", "42218", "42000 42100 42230"),
    ("Sainte-Foy-lès-Lyon", "69202", "69110"),
    ("Saint-Étienne-de-Saint-Geoirs", "38384", "38590"),
    ("Étienne-le-Petit", "95001", "95100"),  # made up, to rank "etienne" as a prefix
    ("L'Haÿ-les-Roses", "94038", "94240"),
    ("Stains", "93072", "93240"),
    ("Firminy", "42095", "42700"),
]


@pytest.fixture
def communes(make_collectivity):
    made = {
        name: make_collectivity(name=name, code=code, postal_codes=postal_codes)
        for name, code, postal_codes in COMMUNES
    }
    # A commune known to the portal's database but without a site is not on the portal.
    Collectivity.objects.create(
        kind="commune",
        name="Saint-Chamond",
        slug="saint-chamond",
        code="42207",
        postal_codes="42400",
    )
    return made


def names(query, **kwargs):
    return [c.name for c in collectivity_search(query, **kwargs)]


@pytest.mark.parametrize(
    "query",
    ["Saint-Étienne", "saint etienne", "SAINT-ETIENNE", "st etienne", "St-Étienne", "st. etienne"],
)
def test_accents_case_hyphens_and_st(communes, query):
    assert names(query)[0] == "Saint-Étienne"
    assert names(query) == ["Saint-Étienne", "Saint-Étienne-de-Saint-Geoirs"]


def test_prefixes_of_words(communes):
    assert names("sain eti") == ["Saint-Étienne", "Saint-Étienne-de-Saint-Geoirs"]
    assert names("geoirs") == ["Saint-Étienne-de-Saint-Geoirs"]


def test_sainte_and_ste(communes):
    assert names("ste foy") == ["Sainte-Foy-lès-Lyon"]
    assert names("Sainte Foy les Lyon") == ["Sainte-Foy-lès-Lyon"]


def test_st_also_finds_names_starting_with_st(communes):
    assert "Stains" in names("st")
    assert "Stains" not in names("saint")


def test_apostrophes_and_diaeresis(communes):
    assert names("l hay les roses") == ["L'Haÿ-les-Roses"]
    assert names("lhay") == []


def test_ranking_exact_then_prefix_then_others(communes):
    assert names("etienne") == [
        "Étienne-le-Petit",
        "Saint-Étienne",
        "Saint-Étienne-de-Saint-Geoirs",
    ]
    assert names("saint etienne")[0] == "Saint-Étienne"


def test_postal_codes(communes):
    assert names("42100") == ["Saint-Étienne"]
    assert names("42") == ["Firminy", "Saint-Étienne"]
    assert names("427") == ["Firminy"]
    assert names("42 saint") == ["Saint-Étienne"]


def test_a_full_postal_code_comes_first(communes, make_collectivity):
    make_collectivity(name="Abbeville-la-Rivière", code="91001", postal_codes="42000")
    make_collectivity(name="Aaa", code="91002", postal_codes="42001")
    assert names("42000") == ["Abbeville-la-Rivière", "Saint-Étienne"]
    assert names("4200") == ["Aaa", "Abbeville-la-Rivière", "Saint-Étienne"]


def test_no_result(communes):
    assert names("Paris") == []
    assert names("75001") == []
    assert names("4") == []
    assert names("") == []
    assert names(" - ' ") == []


def test_only_collectivities_on_the_portal(communes):
    assert names("saint chamond") == []
    assert names("42400") == []


def test_limit(communes):
    assert len(collectivity_search("saint", limit=2)) == 2


def test_one_query_with_the_sites(communes, django_assert_num_queries):
    with django_assert_num_queries(1):
        results = collectivity_search("saint")
        roots = [c.site.root_url for c in results]
    assert "http://saint-etienne.portal.localhost:8000" in roots
