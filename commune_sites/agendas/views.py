"""Wagtail admin for agendas: each user sees and edits those of the collectivities they manage."""

from django.contrib.auth.models import Permission
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Agenda
from .permissions import agendas_managed_by, collectivities_with_agendas_managed_by
from .selectors import active_bookings_between


class AgendaForm(WagtailAdminModelForm):
    """Offers only the user's collectivities; a closure may not fall on existing appointments.

    Appointments are cancelled, and their citizens told, by the agents' views through
    `services.agenda_close_range`, not by editing closures here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "collectivity" in self.fields:
            self.fields["collectivity"].queryset = collectivities_with_agendas_managed_by(
                self.for_user
            )

    def is_valid(self):
        # The closures' own fields are cleaned by their formset, after this form's clean().
        return super().is_valid() and self._closures_spare_appointments()

    def _closures_spare_appointments(self) -> bool:
        if self.instance._state.adding:
            return True
        formset = self.formsets["closures"]
        valid = True
        for form in formset.forms:
            if not form.has_changed() or form.cleaned_data.get(DELETION_FIELD_NAME):
                continue
            bookings = list(
                active_bookings_between(
                    agenda=self.instance,
                    start=form.cleaned_data["start"],
                    end=form.cleaned_data["end"],
                )
            )
            if bookings:
                first = formats.date_format(
                    timezone.localtime(bookings[0].start), "DATETIME_FORMAT"
                )
                form.add_error(
                    None,
                    ngettext(
                        "%(count)d appointment is already made in this period (%(first)s). "
                        "Move or cancel it before closing the period.",
                        "%(count)d appointments are already made in this period (the first "
                        "on %(first)s). Move or cancel them before closing the period.",
                        len(bookings),
                    )
                    % {"count": len(bookings), "first": first},
                )
                valid = False
        return valid


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return agendas_managed_by(self.request.user).select_related("collectivity")


class EditView(generic.EditView):
    def get_queryset(self):
        return agendas_managed_by(self.request.user)


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return agendas_managed_by(self.request.user)


class HistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return agendas_managed_by(self.request.user)


class UsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return agendas_managed_by(self.request.user)


class AgendaViewSet(ModelViewSet):
    """Agendas with their weekly opening hours and closures; others' agendas answer 404."""

    model = Agenda
    icon = "calendar-alt"
    menu_label = _("Agendas")
    add_to_admin_menu = True
    menu_order = 260
    copy_view_enabled = False
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    list_display = ["name", "service", "place", "collectivity", "active"]
    list_filter = ["active"]
    search_fields = ["name", "service", "place"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("collectivity"),
                    FieldPanel("name"),
                    FieldPanel("service"),
                    FieldPanel("place"),
                    FieldPanel("address"),
                    FieldPanel("active"),
                ],
                heading=_("Service"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("slot_minutes"),
                    FieldPanel("capacity"),
                    FieldPanel("book_min_notice_hours"),
                    FieldPanel("book_max_days_ahead"),
                    FieldPanel("cancel_min_notice_hours"),
                    FieldPanel("allow_multiple_per_person"),
                ],
                heading=_("Booking rules"),
            ),
            InlinePanel("opening_hours", heading=_("Weekly opening hours"), label=_("Range")),
            InlinePanel("closures", heading=_("Closures and public holidays"), label=_("Closure")),
        ],
        base_form_class=AgendaForm,
    )

    def get_permissions_to_register(self):
        # Access follows the collectivity groups (see permissions.AgendaPermissionPolicy).
        return Permission.objects.none()
