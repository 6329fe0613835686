"""File questions: uploads checked from their content; storing them is the caller's job."""

from django import forms
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from forms_builder.filetypes import FILE_KINDS
from forms_builder.validators import validate_upload

from .base import InputKind


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class UploadField(forms.FileField):
    """One or several files, each checked for its kind and size; cleans to a list."""

    def __init__(self, *, kinds: list[str], max_size_mb: int, multiple: bool, **kwargs):
        accept = ",".join(ext for key in kinds for ext in FILE_KINDS[key].extensions)
        attrs = {"accept": accept, **({"multiple": True} if multiple else {})}
        widget = (MultipleFileInput if multiple else forms.FileInput)(attrs=attrs)
        super().__init__(widget=widget, **kwargs)
        self.kinds = kinds
        self.max_size_mb = max_size_mb

    def clean(self, data, initial=None):
        uploads = [item for item in (data if isinstance(data, list | tuple) else [data]) if item]
        if not uploads:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        errors, cleaned = [], []
        for upload in uploads:
            try:
                upload = self.to_python(upload)
                validate_upload(upload, kinds=self.kinds, max_size_mb=self.max_size_mb)
            except ValidationError as error:
                errors.extend(error.error_list)
            else:
                cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned


class FileKind(InputKind):
    """Answer: the list of stored files as the caller describes them ({"id", "name", …}).

    The form gives back new uploads apart (`StepForm.uploaded_files`); files stored earlier
    come in as `existing` and stay unless the citizen ticks them for removal, or sends a new
    file in a single-file question.
    """

    type = "file"
    template = "forms_builder/fields/file.html"
    has_uploads = True

    def parts(self, definition, *, required, existing=None):
        parts = {
            "": UploadField(
                required=required and not existing,
                kinds=definition["kinds"],
                max_size_mb=definition["max_size_mb"],
                multiple=definition.get("multiple", False),
                help_text=self.limits_text(definition),
            )
        }
        if existing:
            parts["remove"] = forms.MultipleChoiceField(
                required=False,
                choices=[(str(item["id"]), item.get("name", "")) for item in existing],
                widget=forms.CheckboxSelectMultiple,
                label=_("Files already sent: tick those to remove"),
            )
        return parts

    def answer(self, definition, cleaned, existing=None):
        uploads = cleaned[""]
        removed = set(cleaned.get("remove") or [])
        kept = [item for item in existing or [] if str(item["id"]) not in removed]
        if uploads and not definition.get("multiple"):
            if len(uploads) > 1:
                raise ValidationError({"": _("Send only one file.")})
            kept = []  # a new file replaces the one sent before
        if definition["required"] and not kept and not uploads:
            raise ValidationError({"": _("This field is required.")})
        return kept or None

    def data(self, definition, answer):
        return {}

    def display(self, definition, answer):
        return ", ".join(str(item.get("name", "")) for item in answer or [])

    @staticmethod
    def limits_text(definition) -> str:
        kinds = ", ".join(str(FILE_KINDS[key].label) for key in definition["kinds"])
        size = filesizeformat(definition["max_size_mb"] * 1024 * 1024)
        if definition.get("multiple"):
            return _("Accepted: %(kinds)s. Up to %(size)s per file; several files allowed.") % {
                "kinds": kinds,
                "size": size,
            }
        return _("Accepted: %(kinds)s. Up to %(size)s.") % {"kinds": kinds, "size": size}
