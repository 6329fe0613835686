"""The procedure page: what a procedure is, who may apply, what to prepare, how to apply."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from commune_sites.agendas.models import Agenda
from commune_sites.retention import (
    CHANGE_RETENTION,
    RETENTION_MONTHS_MAX,
    RETENTION_MONTHS_MIN,
    validate_retention_months,
)
from forms_builder.blocks import FormFieldsBlock
from forms_builder.snapshot import form_snapshot, iter_inputs

from ..api.fields import CollectivitySerializer, RubricSerializer
from ..blocks import DocumentToPrepareBlock
from ..blocks.richtext import INLINE_RICH_TEXT_FEATURES
from .ownership import CollectivityOwnedPage
from .rubrics import Rubric


class ProcedurePageForm(WagtailAdminPageForm):
    """Offers only the rubrics of the collectivity that owns the catalogue, and accepts only
    its agendas in the form's appointment questions."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        # A new page is not in the tree yet: its collectivity is the catalogue's.
        owner = self.instance if self.instance.collectivity_id else parent_page.specific
        self.collectivity_id = owner.collectivity_id
        self.fields["rubrics"].queryset = Rubric.objects.filter(
            collectivity_id=owner.collectivity_id, locale_id=owner.locale_id
        )

    def clean(self):
        cleaned_data = super().clean()
        if labels := foreign_agenda_questions(
            cleaned_data.get("form") or [], collectivity_id=self.collectivity_id
        ):
            self.add_error(
                "form",
                _("Choose one of your collectivity’s agendas for: %(questions)s.")
                % {"questions": ", ".join(f"“{label}”" for label in labels)},
            )
        return cleaned_data


def foreign_agenda_questions(stream, *, collectivity_id: int | None) -> list[str]:
    """The labels of the appointment questions of `stream` (a form's StreamValue) whose agenda
    belongs to another collectivity than `collectivity_id`."""
    questions = [
        question
        for _step, question, _conditions in iter_inputs(form_snapshot(stream))
        if question["type"] == "appointment" and question["agenda"] is not None
    ]
    foreign = set(
        Agenda.objects.filter(pk__in={question["agenda"] for question in questions})
        .exclude(collectivity_id=collectivity_id)
        .values_list("pk", flat=True)
    )
    return [question["label"] for question in questions if question["agenda"] in foreign]


class ProcedurePage(CollectivityOwnedPage):
    """A procedure offered by a collectivity; online ones have a form and a request button."""

    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in the catalogue.")
    )
    rubrics = ParentalManyToManyField(
        "pages.Rubric", verbose_name=_("rubrics"), blank=True, related_name="procedures"
    )
    eligibility = RichTextField(_("who may apply"), blank=True, features=INLINE_RICH_TEXT_FEATURES)
    documents = StreamField(
        [("document", DocumentToPrepareBlock())],
        verbose_name=_("documents to prepare"),
        blank=True,
    )
    processing_time = models.CharField(
        _("expected processing time"),
        max_length=120,
        blank=True,
        help_text=_("For example: about two weeks"),
    )
    online = models.BooleanField(
        _("online"),
        default=True,
        help_text=_("Citizens make the request on the portal. Otherwise, at the counter."),
    )
    counter_place = models.TextField(
        _("where (at the counter)"), blank=True, help_text=_("Address of the counter")
    )
    counter_hours = models.TextField(
        _("when (at the counter)"), blank=True, help_text=_("Opening hours, appointments")
    )
    is_incident_report = models.BooleanField(
        _("incident report"),
        default=False,
        help_text=_("Reports of a problem in public space (road, lighting…)."),
    )
    form = StreamField(FormFieldsBlock(), verbose_name=_("form"), blank=True, use_json_field=True)
    retention_months = models.PositiveSmallIntegerField(
        _("retention period of its requests (months)"),
        null=True,
        blank=True,
        validators=[validate_retention_months],
        help_text=_(
            "How long a request of this procedure is kept after it is closed, before it is "
            "anonymised. Leave empty to use the collectivity's period."
        ),
    )

    base_form_class = ProcedurePageForm
    content_panels = [
        *CollectivityOwnedPage.content_panels,
        FieldPanel("summary"),
        FieldPanel("rubrics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("eligibility"),
        FieldPanel("documents"),
        FieldPanel("processing_time"),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldRowPanel([FieldPanel("counter_place"), FieldPanel("counter_hours")]),
                FieldPanel("is_incident_report"),
            ],
            heading=_("How to apply"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(
                [FieldPanel("form"), FieldPanel("retention_months", permission=CHANGE_RETENTION)],
                heading=_("Form"),
            ),
            ObjectList(CollectivityOwnedPage.promote_panels, heading=_("Promote")),
            ObjectList(CollectivityOwnedPage.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *CollectivityOwnedPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("documents"),
        index.FilterField("collectivity"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("rubrics", serializer=RubricSerializer(many=True, read_only=True)),
        APIField("collectivity", serializer=CollectivitySerializer(read_only=True)),
        APIField("eligibility"),
        APIField("documents"),
        APIField("processing_time"),
        APIField("online"),
        APIField("counter_place"),
        APIField("counter_hours"),
        APIField("is_incident_report"),
    ]

    parent_page_types = ["pages.CataloguePage"]
    subpage_types = []
    template = "pages/procedure_page.html"

    class Meta:
        verbose_name = _("procedure")
        verbose_name_plural = _("procedures")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_months__isnull=True)
                | models.Q(retention_months__range=(RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX)),
                name="pages_procedure_retention_within_bounds",
            )
        ]

    @property
    def retention_period(self) -> int:
        """Months its requests are kept after they are closed (its own, else its owner's)."""
        return self.retention_months or self.collectivity.retention_months

    def clean(self):
        super().clean()
        if not self.online and not self.counter_place.strip():
            raise ValidationError(
                {"counter_place": _("Say where citizens go for a procedure made at the counter.")}
            )
