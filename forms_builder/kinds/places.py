"""Questions answered in several inputs, shown as a fieldset: postal address, location."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from forms_builder import widgets
from forms_builder.validators import validate_postal_code

from .base import InputKind


class PlaceKind(InputKind):
    template = "forms_builder/fields/parts.html"

    def data(self, definition, answer):
        return {key: value for key, value in (answer or {}).items() if value is not None}


class AddressKind(PlaceKind):
    """Answer: {"street", "postal_code", "city"}; all three, or none when optional."""

    type = "address"
    PARTS = ("street", "postal_code", "city")

    def parts(self, definition, *, required, existing=None):
        own = definition.get("prefill") == "address"  # the citizen's own address: autocomplete

        def attrs(token, **extra):
            return {**({"autocomplete": token} if own else {}), **extra}

        return {
            "street": forms.CharField(
                label=_("Number and street"),
                required=required,
                max_length=255,
                widget=widgets.TextInput(attrs=attrs("street-address")),
            ),
            "postal_code": forms.CharField(
                label=_("Postal code"),
                required=required,
                max_length=5,
                validators=[validate_postal_code],
                widget=widgets.TextInput(
                    attrs=attrs("postal-code", inputmode="numeric", size=5, maxlength=5)
                ),
            ),
            "city": forms.CharField(
                label=_("City"),
                required=required,
                max_length=255,
                widget=widgets.TextInput(attrs=attrs("address-level2")),
            ),
        }

    def answer(self, definition, cleaned, existing=None):
        if not any(cleaned[part] for part in self.PARTS):
            return None
        missing = {
            part: _("Complete the address: this part is missing.")
            for part in self.PARTS
            if not cleaned[part]
        }
        if missing:
            raise ValidationError(missing)
        return {part: cleaned[part] for part in self.PARTS}

    def display(self, definition, answer):
        if not answer:
            return ""
        return f"{answer['street']}, {answer['postal_code']} {answer['city']}"


class LocationKind(PlaceKind):
    """Answer: {"latitude", "longitude", "address"} (coordinates as decimal strings, each may be
    None). Answered by coordinates, an address, or both; works without JavaScript."""

    type = "location"

    def parts(self, definition, *, required, existing=None):
        def coordinate(label, limit):
            return forms.DecimalField(
                label=label,
                required=False,
                min_value=Decimal(-limit),
                max_value=Decimal(limit),
                max_digits=9,
                decimal_places=6,
                widget=widgets.NumberInput(attrs={"step": "any"}),
            )

        return {
            "latitude": coordinate(_("Latitude"), 90),
            "longitude": coordinate(_("Longitude"), 180),
            "address": forms.CharField(
                label=_("Address or description of the place"), required=False, max_length=255
            ),
        }

    def answer(self, definition, cleaned, existing=None):
        latitude, longitude, address = (
            cleaned["latitude"],
            cleaned["longitude"],
            cleaned["address"],
        )
        if (latitude is None) != (longitude is None):
            missing = "latitude" if latitude is None else "longitude"
            raise ValidationError({missing: _("Give both the latitude and the longitude.")})
        if latitude is None and not address:
            if definition["required"]:
                raise ValidationError(
                    {"address": _("Give the address of the place, or its coordinates.")}
                )
            return None
        return {
            "latitude": None if latitude is None else format(latitude, "f"),
            "longitude": None if longitude is None else format(longitude, "f"),
            "address": address or None,
        }

    def display(self, definition, answer):
        if not answer:
            return ""
        coordinates = f"{answer['latitude']}, {answer['longitude']}" if answer["latitude"] else ""
        if answer["address"] and coordinates:
            return f"{answer['address']} ({coordinates})"
        return answer["address"] or coordinates
