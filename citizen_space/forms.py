"""Forms of the citizen space that are not built from a procedure's form."""

import phonenumbers
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import CitizenProfile


class CitizenProfileForm(forms.ModelForm):
    """The citizen's pre-registered data; every field is optional."""

    postal_code = forms.CharField(
        label=_("Postal code"),
        required=False,
        max_length=5,
        validators=[RegexValidator(r"^\d{5}$", _("A postal code has 5 digits, e.g. 42000."))],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "numeric"}),
    )

    class Meta:
        model = CitizenProfile
        fields = [
            "civility",
            "first_name",
            "last_name",
            "birth_date",
            "birth_place",
            "phone",
            "street",
            "postal_code",
            "city",
        ]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "birth_date": forms.DateInput(
                format="%Y-%m-%d", attrs={"type": "date", "autocomplete": "bday"}
            ),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "city": forms.TextInput(attrs={"autocomplete": "address-level2"}),
        }
        help_texts = {
            "phone": _("For example 06 12 34 56 78."),
        }

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return value
        try:
            number = phonenumbers.parse(value, "FR")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _(
                    "This is not a valid phone number. "
                    "Write it as 06 12 34 56 78 or +33 6 12 34 56 78."
                )
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
