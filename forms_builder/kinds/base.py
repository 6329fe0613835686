"""How the engine handles one type of snapshot item: its form fields, answer and display."""

from collections.abc import Mapping

from django import forms
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from ..rendering import question_html

# `autocomplete` token of a field prefilled from the citizen's profile (WCAG 1.3.5).
AUTOCOMPLETE = {
    "first_name": "given-name",
    "last_name": "family-name",
    "birth_date": "bday",
    "email": "email",
    "phone": "tel",
}


class Kind:
    """Base of the item types of a snapshot; the subclasses of `InputKind` ask questions."""

    type = ""
    template = ""
    is_input = False

    def render(self, item) -> SafeString:
        """The item's HTML in the form: its template, given the item."""
        return render_to_string(self.template, {"item": item})


class InputKind(Kind):
    """A question. Its form fields are "parts", named `<name>` or `<name>-<suffix>`.

    Answers are JSON values; None (or no key) means "not answered".
    """

    is_input = True
    template = "forms_builder/fields/question.html"
    has_uploads = False  # new files are given back apart from the answer (StepForm.uploaded_files)
    reads_query = False  # parts() also takes `query`, the page's query parameters

    def render(self, item) -> SafeString:
        # A question of one field is written out in Python (its template only calls this);
        # the kinds with a template of their own use it.
        if self.template == InputKind.template:
            return question_html(item)
        return super().render(item)

    def parts(
        self, definition: Mapping, *, required: bool, existing: list | None = None
    ) -> dict[str, forms.Field]:
        """The Django form fields of this question, keyed by suffix ("" for a single field).
        `existing`: the files already stored (file questions only)."""
        raise NotImplementedError

    def answer(
        self, definition: Mapping, cleaned: Mapping[str, object], existing: list | None = None
    ) -> object:
        """The JSON answer from the parts' cleaned values; ValidationError({suffix: …}) if the
        parts are valid one by one but not together."""
        return cleaned[""] if cleaned[""] not in ("", None) else None

    def data(self, definition: Mapping, answer: object) -> dict[str, object]:
        """Form data (keyed by suffix) that gives back `answer`: initial values, re-validation."""
        return {"": answer}

    def display(self, definition: Mapping, answer: object) -> str:
        """The answer as a citizen or an agent reads it ("" when not answered)."""
        return "" if answer is None else str(answer)

    @staticmethod
    def autocomplete(definition: Mapping) -> dict[str, str]:
        token = AUTOCOMPLETE.get(definition.get("prefill") or "")
        return {"autocomplete": token} if token else {}
