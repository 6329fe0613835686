"""Forms of the citizen space that are not built from a procedure's form."""

import phonenumbers
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from forms_builder.kinds.files import FileKind, UploadField

from . import app_settings
from .models import CitizenProfile, NotificationPreference


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.identity_certified:
            for name in CitizenProfile.IDENTITY_FIELDS:
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Certified by FranceConnect: it cannot be changed.")

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


class RequestFilterForm(forms.Form):
    """Filters of "My requests": collectivity and status (choices given by the view)."""

    collectivity = forms.TypedChoiceField(
        label=_("Collectivity"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, collectivities, statuses, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["collectivity"].choices = everything + [(c.pk, c.name) for c in collectivities]
        self.fields["status"].choices = everything + list(statuses)


def attachments_field(label) -> UploadField:
    """Optional files under the rules of attachments (ATTACHMENT_FILE_KINDS/_MAX_SIZE_MB)."""
    definition = {
        "kinds": app_settings.attachment_kinds(),
        "max_size_mb": app_settings.attachment_max_size_mb(),
        "multiple": True,
    }
    return UploadField(
        label=label,
        required=False,
        kinds=definition["kinds"],
        max_size_mb=definition["max_size_mb"],
        multiple=True,
        help_text=FileKind.limits_text(definition),
    )


class ActionAnswerForm(forms.Form):
    text = forms.CharField(label=_("Your answer"), required=False, widget=forms.Textarea)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"] = attachments_field(_("Files"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("text", "").strip() and not cleaned.get("files"):
            raise forms.ValidationError(_("Write an answer or attach a file."))
        return cleaned


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"] = attachments_field(_("Attached files (optional)"))


class NotificationPreferencesForm(forms.Form):
    """One box per kind of event: receive an email or not."""

    def __init__(self, *args, preferences: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for event, label in NotificationPreference.Event.choices:
            self.fields[event] = forms.BooleanField(
                label=label, required=False, initial=preferences.get(event, True)
            )


class AccountDeleteForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted for every commune's portal."),
    )
