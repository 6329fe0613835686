"""The back office in the Wagtail admin: the inbox, a request's page and what agents do there.

Every view finds the request through `selectors.request_get_for_agent` (the requests of the
collectivities the agent processes): any other request answers 404. Writes go through the
services (`citizen_space.services.*`, `.services`).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from citizen_space.forms import MessageForm
from citizen_space.models import Submission
from citizen_space.selectors import profile_visible_to_collectivity
from citizen_space.services.action_requests import action_request_create
from citizen_space.services.conversation import message_post
from citizen_space.services.status import submission_transition
from citizen_space.views.files import attachment_response
from citizen_space.workflow import DECIDED, Status, TransitionNotAllowed

from . import exports, permissions, selectors
from .filters import InboxFilterSet
from .forms import ActionRequestForm, AssignmentForm, InternalNoteForm, TransitionForm
from .models import Consultation
from .pagination import SEARCH_COUNT_LIMIT, CappedCountPaginator
from .services import assignment_set, consultations_record, internal_note_add

URL_NAMESPACE = "backoffice"


def _url(name: str, *args) -> str:
    return reverse(f"{URL_NAMESPACE}:{name}", args=args)


class InboxView(generic.IndexView):
    """The requests of the agent's collectivities: filters, search, sorting, pagination."""

    any_permission_required = ["view"]
    filterset_class = InboxFilterSet
    default_ordering = "-submitted_at"
    page_title = gettext_lazy("Requests")
    results_template_name = "backoffice/inbox_results.html"
    paginator_class = CappedCountPaginator
    columns = [
        TitleColumn(
            "reference",
            label=gettext_lazy("Reference"),
            get_url=lambda submission: _url("detail", submission.pk),
        ),
        Column("applicant_name", label=gettext_lazy("Applicant")),
        Column("procedure_title", label=gettext_lazy("Procedure")),
        Column("collectivity", label=gettext_lazy("Collectivity")),
        DateColumn("submitted_at", label=gettext_lazy("Sent on"), sort_key="submitted_at"),
        StatusTagColumn(
            "get_status_display",
            label=gettext_lazy("Status"),
            primary=lambda submission: submission.status not in DECIDED,
        ),
        Column(
            "assignment",
            label=gettext_lazy("Assigned to"),
            accessor=selectors.assigned_agent_name,
        ),
        DateColumn("updated_at", label=gettext_lazy("Last change"), sort_key="updated_at"),
    ]

    def get_base_queryset(self):
        return selectors.inbox_requests(user=self.request.user)

    def get_paginator(self, *args, **kwargs):
        if self.is_searching:
            kwargs["count_limit"] = SEARCH_COUNT_LIMIT
        return super().get_paginator(*args, **kwargs)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        procedure = self.filters.form.cleaned_data.get("procedure") if self.filters else None
        if procedure and self.request.user.has_perm(permissions.EXPORT):
            context["export_urls"] = [
                (label, f"{_url('export')}?procedure={procedure}&format={name}")
                for name, label in (("csv", "CSV"), ("xlsx", "Excel (XLSX)"))
            ]
        return context


def _request_or_404(request, pk: int) -> Submission:
    submission = selectors.request_get_for_agent(user=request.user, pk=pk)
    if submission is None:
        raise Http404
    return submission


class RequestView(WagtailAdminTemplateMixin, TemplateView):
    """A request's page: answers from its own form snapshot, files, action requests, messages,
    internal notes, timeline, and the forms to act on it. Each visit is logged."""

    template_name = "backoffice/request_detail.html"
    header_icon = "form"
    http_method_names = ["get"]

    def get(self, request, pk: int):
        self.submission = _request_or_404(request, pk)
        consultations_record(
            submissions=[self.submission], user=request.user, kind=Consultation.Kind.DETAIL
        )
        return self.render_page()

    def get_page_title(self):
        return _("Request %(reference)s") % {"reference": self.submission.reference}

    def get_page_subtitle(self):
        return self.submission.procedure_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": _url("index"), "label": _("Requests")},
            {"url": "", "label": self.submission.reference},
        ]

    def render_page(self, status: int = 200, **forms):
        submission, user = self.submission, self.request.user
        forms = {
            "transition_form": TransitionForm(),
            "assignment_form": AssignmentForm(
                agents=selectors.agents_of([submission.collectivity_id]),
                initial={"agent": selectors.assigned_agent(submission)},
            ),
            "note_form": InternalNoteForm(),
            "message_form": MessageForm(),
            "action_request_form": ActionRequestForm(),
            **forms,
        }
        context = self.get_context_data(
            submission=submission,
            # Asking the citizen ("action required") is done with an action request.
            transitions=[
                t
                for t in permissions.transitions_for(user, submission)
                if t.target != Status.ACTION_REQUIRED
            ],
            profile=profile_visible_to_collectivity(
                user=submission.user, collectivity=submission.collectivity
            ),
            **selectors.request_page_data(submission=submission),
            **forms,
        )
        return self.render_to_response(context, status=status)


class RequestActionView(RequestView):
    """A form posted from the request's page: done, then back to the page with a message; or
    the page again with the form's errors."""

    http_method_names = ["post"]
    form_name = ""
    success_message = ""

    def post(self, request, pk: int):
        self.submission = _request_or_404(request, pk)
        form = self.get_form()
        if form.is_valid():
            try:
                self.act(form)
            except TransitionNotAllowed as error:
                form.add_error(None, error.message)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                # Translated now, in the admin's language (the storage would do it later).
                messages.success(request, str(self.success_message))
                return redirect(_url("detail", self.submission.pk))
        return self.render_page(status=400, **{self.form_name: form})

    def get_form(self):
        raise NotImplementedError

    def act(self, form) -> None:
        raise NotImplementedError


class TransitionView(RequestActionView):
    form_name = "transition_form"
    success_message = gettext_lazy("The status of the request has been changed.")

    def get_form(self):
        return TransitionForm(self.request.POST)

    def act(self, form):
        submission_transition(
            submission=self.submission,
            to=form.cleaned_data["to"],
            actor=self.request.user,
            comment=form.cleaned_data["comment"],
        )


class AssignmentView(RequestActionView):
    form_name = "assignment_form"
    success_message = gettext_lazy("The agent in charge has been changed.")

    def get_form(self):
        agents = selectors.agents_of([self.submission.collectivity_id])
        return AssignmentForm(self.request.POST, agents=agents)

    def act(self, form):
        assignment_set(
            submission=self.submission, agent=form.cleaned_data["agent"], by=self.request.user
        )


class InternalNoteView(RequestActionView):
    form_name = "note_form"
    success_message = gettext_lazy("Your note has been saved.")

    def get_form(self):
        return InternalNoteForm(self.request.POST)

    def act(self, form):
        internal_note_add(
            submission=self.submission, author=self.request.user, body=form.cleaned_data["body"]
        )


class MessageView(RequestActionView):
    form_name = "message_form"
    success_message = gettext_lazy("Your message has been sent to the citizen.")

    def get_form(self):
        return MessageForm(self.request.POST, self.request.FILES)

    def act(self, form):
        message_post(
            submission=self.submission,
            author=self.request.user,
            body=form.cleaned_data["body"],
            files=form.cleaned_data["files"],
            from_citizen=False,
        )


class ActionRequestView(RequestActionView):
    form_name = "action_request_form"
    success_message = gettext_lazy("The citizen has been asked; they find it in their space.")

    def get_form(self):
        return ActionRequestForm(self.request.POST)

    def act(self, form):
        action_request_create(
            submission=self.submission, agent=self.request.user, **form.cleaned_data
        )


def file_download(request, pk: int, upload_id):
    """A file of the request, as an attachment; the download is logged."""
    submission = _request_or_404(request, pk)
    upload = selectors.request_upload(submission=submission, upload_id=upload_id)
    if upload is None:
        raise Http404
    consultations_record(submissions=[submission], user=request.user, kind=Consultation.Kind.FILE)
    response = FileResponse(upload.file.open("rb"), content_type=upload.content_type)
    return attachment_response(response, upload.original_name)


def export(request):
    """The requests of one procedure (?procedure=<page id>) as CSV or XLSX (?format=), limited
    to the collectivities whose requests the agent may export; each request's export is logged."""
    ids = permissions.collectivity_ids_processed_by(request.user, permissions.EXPORT)
    wanted = request.GET.get("procedure", "")
    procedure = next((p for p in selectors.procedures_of(ids) if str(p.pk) == wanted), None)
    file_format = request.GET.get("format", "csv")
    if procedure is None or file_format not in exports.FORMATS:
        raise Http404
    submissions = list(selectors.export_requests(user=request.user, procedure=procedure))
    header, rows = exports.export_table(submissions)
    if file_format == "xlsx":
        content = exports.export_xlsx(header, rows, title=procedure.title)
    else:
        content = exports.export_csv(header, rows)
    consultations_record(submissions=submissions, user=request.user, kind=Consultation.Kind.EXPORT)
    filename = f"demandes-{slugify(procedure.title)}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response = HttpResponse(content, content_type=exports.FORMATS[file_format])
    return attachment_response(response, filename)
