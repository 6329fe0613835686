"""Official codes, postal codes and host names of collectivities; duplicates refused clearly."""

import pytest
from django.core.exceptions import ValidationError

from commune_sites.models import Collectivity
from commune_sites.validators import (
    validate_hostname,
    validate_insee_code,
    validate_postal_codes,
    validate_siren,
)


@pytest.mark.parametrize(
    "code",
    ["42218", "01001", "2A004", "2B033", "95127", "97411", "97502", "98818", "13055"],
)
def test_good_insee_codes(code):
    validate_insee_code(code)


@pytest.mark.parametrize(
    "code",
    ["2C001", "1234", "20001", "00001", "96001", "99001", "97901", "123456", "4221A", "42000", ""],
)
def test_bad_insee_codes(code):
    with pytest.raises(ValidationError) as error:
        validate_insee_code(code)
    assert "is not a valid INSEE code" in error.value.messages[0]


@pytest.mark.parametrize("code", ["244200770", "200046977", "242100410", "732829320"])
def test_good_siren(code):
    validate_siren(code)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("244200771", "check digit"),
        ("200046979", "check digit"),
        ("24420077", "exactly 9 digits"),
        ("2442007700", "exactly 9 digits"),
        ("24420O770", "exactly 9 digits"),
        ("SIREN1234", "exactly 9 digits"),
    ],
)
def test_bad_siren(code, reason):
    with pytest.raises(ValidationError) as error:
        validate_siren(code)
    assert reason in error.value.messages[0]


def test_postal_codes():
    validate_postal_codes("42000 42100, 42230")
    with pytest.raises(ValidationError) as error:
        validate_postal_codes("42000 4210 42A00")
    assert error.value.messages == ["These are not postal codes of 5 digits: 4210, 42A00."]


@pytest.mark.parametrize("hostname", ["demarches.ma-commune.fr", "e-services.saint-etienne.fr"])
def test_good_hostnames(hostname):
    validate_hostname(hostname)


@pytest.mark.parametrize(
    "hostname", ["https://ma-commune.fr", "ma-commune.fr/demarches", "localhost", "-a.fr", "A.fr"]
)
def test_bad_hostnames(hostname):
    with pytest.raises(ValidationError):
        validate_hostname(hostname)


def _collectivity(**fields):
    defaults = {"kind": "commune", "name": "Saint-Étienne", "code": "42218", "slug": "st-etienne"}
    return Collectivity(**{**defaults, **fields})


def _errors(collectivity) -> dict:
    with pytest.raises(ValidationError) as error:
        collectivity.full_clean()
    return error.value.message_dict


@pytest.mark.django_db
def test_the_code_is_checked_against_the_kind():
    assert "code" in _errors(_collectivity(code="244200770"))
    assert "code" in _errors(_collectivity(kind="intercommunality", code="42218"))
    _collectivity(kind="intercommunality", code="244200770").full_clean()


@pytest.mark.django_db
def test_clean_normalises_code_and_postal_codes():
    collectivity = _collectivity(name="Ajaccio", code=" 2a004", postal_codes="20000,20090;20167")
    collectivity.full_clean()
    assert collectivity.code == "2A004"
    assert collectivity.postal_codes == "20000 20090 20167"
    assert collectivity.postal_code_list == ["20000", "20090", "20167"]


@pytest.mark.django_db
def test_bad_postal_codes_and_slug_are_refused():
    errors = _errors(_collectivity(postal_codes="42000 4200", slug="-bad-"))
    assert errors["postal_codes"] == ["These are not postal codes of 5 digits: 4200."]
    assert "slug" in errors


@pytest.mark.django_db
def test_duplicates_are_refused_with_a_clear_message():
    _collectivity().save()
    errors = _errors(_collectivity(name="Other", code="42218", slug="other"))
    assert errors == {"code": ["A collectivity with this official code already exists."]}
    errors = _errors(_collectivity(name="Other", code="42095", slug="st-etienne"))
    assert errors == {"slug": ["A collectivity already uses this slug."]}
    # The code is compared once normalised.
    corsica = _collectivity(name="Ajaccio", code="2A004", slug="ajaccio")
    corsica.save()
    assert "code" in _errors(_collectivity(name="Ajaccio bis", code="2a004", slug="ajaccio-2"))


@pytest.mark.django_db
def test_membership_of_an_intercommunality():
    epci = _collectivity(kind="intercommunality", name="SEM", code="244200770", slug="sem")
    epci.save()
    commune = _collectivity(slug="saint-etienne")
    commune.save()
    _collectivity(name="Firminy", code="42095", slug="firminy", intercommunality=epci).full_clean()
    errors = _errors(
        _collectivity(name="Firminy", code="42095", slug="f", intercommunality=commune)
    )
    assert "“Saint-Étienne” is a commune, not an intercommunality." in errors["intercommunality"]
    errors = _errors(
        _collectivity(
            kind="intercommunality", name="X", code="200046977", slug="x", intercommunality=epci
        )
    )
    assert errors["intercommunality"] == [
        "An intercommunality cannot belong to another intercommunality."
    ]
