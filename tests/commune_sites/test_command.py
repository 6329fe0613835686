"""`manage.py create_collectivity`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from commune_sites.models import Collectivity

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("create_collectivity", *args, stdout=out)
    return out.getvalue()


def test_creates_a_commune_in_its_intercommunality_and_prints_its_address(tree_builder):
    out = run("--kind=intercommunality", "--name=Saint-Étienne Métropole", "--code=244200770")
    assert "http://saint-etienne-metropole.portal.localhost:8000/" in out

    out = run(
        "--kind=commune",
        "--name=Saint-Étienne",
        "--code=42218",
        "--postal-codes=42000 42100",
        "--intercommunality=244200770",
        "--phone=04 77 48 77 48",
        "--opening-hours=Du lundi au vendredi",
    )

    assert out.strip() == "Saint-Étienne (42218): http://saint-etienne.portal.localhost:8000/"
    commune = Collectivity.objects.get(code="42218")
    assert commune.intercommunality.code == "244200770"
    assert (commune.postal_codes, commune.phone) == ("42000 42100", "04 77 48 77 48")
    assert commune.opening_hours == "Du lundi au vendredi"
    assert commune.editors_group is not None


def test_a_second_run_changes_nothing(tree_builder):
    args = ("--kind=commune", "--name=Firminy", "--code=42095", "--slug=ville-de-firminy")
    first = run(*args)
    assert run(*args) == first
    assert Collectivity.objects.count() == 1
    assert len(tree_builder) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kind=commune", "--name=Ajaccio", "--code=20004"],
            "code: “20004” is not a valid INSEE",
        ),
        (
            ["--kind=intercommunality", "--name=CC", "--code=244200771"],
            "code: “244200771” is not a valid SIREN number: its check digit is wrong",
        ),
        (
            ["--kind=commune", "--name=X", "--code=42095", "--postal-codes=4200"],
            "postal_codes: These are not postal codes of 5 digits: 4200.",
        ),
        (
            ["--kind=commune", "--name=X", "--code=42095", "--intercommunality=200046977"],
            "No collectivity has the code 200046977",
        ),
        (
            ["--kind=commune", "--name=X", "--code=42095", "--email=not-an-email"],
            "email: Enter a valid email address.",
        ),
    ],
)
def test_invalid_input_is_refused_clearly(tree_builder, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)
    assert not Collectivity.objects.exists()


def test_a_taken_slug_is_refused_clearly(tree_builder):
    run("--kind=commune", "--name=Firminy", "--code=42095")
    with pytest.raises(CommandError, match="slug: A collectivity already uses this slug."):
        run("--kind=commune", "--name=Firminy", "--code=42096")
