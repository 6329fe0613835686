"""Forms of a request's page in the back office (messages: `citizen_space.forms.MessageForm`)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from citizen_space.models import ActionRequest
from citizen_space.workflow import Status


class TransitionForm(forms.Form):
    """A new status and a comment; whether the move is allowed, the workflow says (the page
    shows one button per move open to the agent)."""

    to = forms.ChoiceField(label=_("New status"), choices=Status.choices)
    comment = forms.CharField(
        label=_("Comment for the citizen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Sent to the citizen with the new status; required to reject or reopen."),
    )


class AssignmentForm(forms.Form):
    agent = forms.ModelChoiceField(
        label=_("Agent in charge"), queryset=None, required=False, empty_label=_("Nobody")
    )

    def __init__(self, *args, agents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agent"].queryset = agents
        self.fields["agent"].label_from_instance = lambda user: user.get_full_name() or user.email


class InternalNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by the agents only, never by the citizen."),
    )


class ActionRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("What is asked"), choices=ActionRequest.Kind.choices)
    explanation = forms.CharField(
        label=_("Explanation for the citizen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Say precisely which document or information is needed, and why."),
    )
    due_date = forms.DateField(label=_("To do before"), widget=AdminDateInput)

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date <= timezone.localdate():
            raise forms.ValidationError(_("Give the citizen at least until tomorrow."))
        if due_date > timezone.localdate() + datetime.timedelta(days=365):
            raise forms.ValidationError(_("Choose a date within a year."))
        return due_date
