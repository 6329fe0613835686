"""Wagtail admin views where a collectivity's administrators set how long its requests are kept.

Holders of `commune_sites.change_retention` see the collectivities whose agents or editors they
are (superusers: all); any other collectivity answers 404.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Collectivity
from .permissions import user_can_change_retention
from .selectors import collectivities_retention_managed_by
from .services import collectivity_retention_set

URL_NAMESPACE = "collectivity_retention"


class RetentionForm(forms.ModelForm):
    class Meta:
        model = Collectivity
        fields = ["retention_months"]


class RetentionListView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "commune_sites/admin/retention_list.html"
    page_title = gettext_lazy("Retention of requests")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            collectivities=collectivities_retention_managed_by(self.request.user).order_by("name"),
            **kwargs,
        )


class RetentionEditView(WagtailAdminTemplateMixin, FormView):
    template_name = "commune_sites/admin/retention_edit.html"
    form_class = RetentionForm
    header_icon = "time"

    def dispatch(self, request, pk: int):
        self.collectivity = get_object_or_404(Collectivity, pk=pk)
        if not user_can_change_retention(request.user, self.collectivity):
            raise Http404
        return super().dispatch(request)

    def get_page_title(self):
        return _("Retention of requests")

    def get_page_subtitle(self):
        return self.collectivity.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("Retention of requests")},
            {"url": "", "label": self.collectivity.name},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.collectivity}

    def form_valid(self, form):
        try:
            collectivity_retention_set(
                collectivity=self.collectivity,
                months=form.cleaned_data["retention_months"],
                user=self.request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(name)s now keeps its requests %(months)s months after they are closed.")
            % {"name": self.collectivity.name, "months": form.cleaned_data["retention_months"]},
        )
        return redirect(f"{URL_NAMESPACE}:index")
