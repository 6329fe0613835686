"""The inbox's filters: procedure, status, date sent, assigned agent, waiting for the citizen."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from citizen_space.workflow import WAITING_FOR_CITIZEN, Status

from . import permissions, selectors
from .models import ReceivedRequest

NOBODY = "nobody"
SENT_STATUSES = [(value, label) for value, label in Status.choices if value != Status.DRAFT]


class InboxFilterSet(WagtailFilterSet):
    procedure = django_filters.ChoiceFilter(
        label=_("Procedure"), method="filter_procedure", empty_label=_("All")
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=SENT_STATUSES,
        widget=forms.CheckboxSelectMultiple,
        distinct=False,  # one row per request already: no DISTINCT over the whole inbox
    )
    submitted_at = django_filters.DateFromToRangeFilter(
        label=_("Sent between"), widget=DateRangePickerWidget
    )
    agent = django_filters.ChoiceFilter(
        label=_("Assigned to"), method="filter_agent", empty_label=_("Anybody")
    )
    waiting_for_citizen = django_filters.BooleanFilter(
        label=_("Waiting for the citizen"), method="filter_waiting", widget=BooleanRadioSelect
    )

    class Meta:
        model = ReceivedRequest
        fields = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        ids = permissions.collectivity_ids_processed_by(request.user)
        self.procedures = {str(p.pk): p for p in selectors.procedures_of(ids)}
        self.filters["procedure"].extra["choices"] = [
            (pk, procedure.title) for pk, procedure in self.procedures.items()
        ]
        self.filters["agent"].extra["choices"] = [(NOBODY, _("Nobody"))] + [
            (str(agent.pk), agent.get_full_name() or agent.email)
            for agent in selectors.agents_of(ids)
        ]

    def filter_procedure(self, queryset, name, value):
        return queryset.filter(
            procedure_id__in=selectors.procedure_page_ids(self.procedures[value])
        )

    def filter_agent(self, queryset, name, value):
        if value == NOBODY:
            return queryset.filter(assignment__isnull=True)
        return queryset.filter(assignment__agent_id=value)

    def filter_waiting(self, queryset, name, value):
        if value is None:
            return queryset
        if value:
            return queryset.filter(status__in=WAITING_FOR_CITIZEN)
        return queryset.exclude(status__in=WAITING_FOR_CITIZEN)
