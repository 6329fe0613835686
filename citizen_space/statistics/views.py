"""Wagtail admin pages of the statistics: the choice of a collectivity, then its figures and
charts for a period. Collectivities the user neither serves nor edits: 404."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from commune_sites.selectors import collectivities_staffed_by

from ..workflow import Status
from . import charts, open_data, selectors
from .forms import PeriodForm
from .permissions import statistics_collectivity_or_404

URL_NAMESPACE = "statistics_admin"
STATUS_LABELS = {
    Status.ACCEPTED.value: Status.ACCEPTED.label,
    Status.REJECTED.value: Status.REJECTED.label,
    Status.CLOSED.value: Status.CLOSED.label,
    selectors.OPEN: gettext_lazy("Not decided yet"),
}
STATUS_COLORS = {
    Status.ACCEPTED.value: charts.GREEN,
    Status.REJECTED.value: charts.RED,
    Status.CLOSED.value: charts.GREY,
    selectors.OPEN: charts.BLUE,
}


class ChooserView(WagtailAdminTemplateMixin, TemplateView):
    """The collectivities whose statistics the user may see; straight to the one if only one."""

    template_name = "statistics/admin/chooser.html"
    page_title = gettext_lazy("Statistics")
    header_icon = "table"

    def get(self, request, *args, **kwargs):
        self.collectivities = list(
            collectivities_staffed_by(request.user).only("slug", "name", "kind")
        )
        if not self.collectivities:
            raise Http404
        if len(self.collectivities) == 1:
            return redirect(f"{URL_NAMESPACE}:collectivity", self.collectivities[0].slug)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(collectivities=self.collectivities, **kwargs)


class CollectivityStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "statistics/admin/collectivity.html"
    header_icon = "table"

    def dispatch(self, request, slug: str):
        self.collectivity = statistics_collectivity_or_404(request.user, slug)
        return super().dispatch(request)

    def get_page_title(self):
        return _("Statistics")

    def get_page_subtitle(self):
        return self.collectivity.name

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(f"{URL_NAMESPACE}:chooser"), "label": _("Statistics")},
            {"url": "", "label": self.collectivity.name},
        ]

    def get_context_data(self, **kwargs):
        years = selectors.statistics_years(collectivity=self.collectivity)
        form = PeriodForm(self.request.GET, years=years)
        period = form.period()
        stats = selectors.collectivity_statistics(
            collectivity=self.collectivity, start=period.first_month, end=period.last_month
        )
        csv_url = reverse("open_data:requests_csv")
        return super().get_context_data(
            collectivity=self.collectivity,
            form=form,
            stats=stats,
            period_text=_period_text(period),
            statuses=[(STATUS_LABELS[s.status], s.count) for s in stats.per_status],
            month_chart=_month_chart(stats, self.collectivity.name),
            status_chart=_status_chart(stats),
            procedure_chart=_procedure_chart(stats),
            csv_url=f"{csv_url}?{open_data.COLLECTIVITY_PARAM}={self.collectivity.slug}",
            licence_url=open_data.LICENCE_URL,
            **kwargs,
        )


def _period_text(period) -> str:
    return _("from %(first)s to %(last)s") % {
        "first": date_format(period.first_month, "F Y"),
        "last": date_format(period.last_month, "F Y"),
    }


def _requests(count: int) -> str:
    return ngettext("%(counter)s request", "%(counter)s requests", count) % {"counter": count}


def _legend(items: list[charts.ChartItem]) -> str:
    """The chart's figures in words, for its description."""
    return "; ".join(
        _("%(label)s: %(requests)s") % {"label": item.label, "requests": _requests(item.value)}
        for item in items
    )


def _month_chart(stats, name: str) -> charts.BarChart:
    items = [
        charts.ChartItem(
            label=date_format(m.month, "N"),
            value=m.count,
            sublabel=str(m.month.year) if index == 0 or m.month.month == 1 else "",
        )
        for index, m in enumerate(stats.per_month)
    ]
    busiest = max(stats.per_month, key=lambda m: m.count, default=None)
    description = _("%(total)s, %(period)s.") % {
        "total": _requests(stats.count),
        "period": _period_text(stats.period),
    }
    if busiest is not None and busiest.count:
        description += " " + _("Busiest month: %(month)s (%(requests)s).") % {
            "month": date_format(busiest.month, "F Y"),
            "requests": _requests(busiest.count),
        }
    return charts.column_chart(
        title=_("Requests sent per month to %(name)s") % {"name": name},
        description=description,
        items=items,
    )


def _status_chart(stats) -> charts.BarChart:
    items = [
        charts.ChartItem(
            label=str(STATUS_LABELS[s.status]), value=s.count, color=STATUS_COLORS[s.status]
        )
        for s in stats.per_status
    ]
    return charts.column_chart(
        title=_("Requests by final status"),
        description=_legend(items),
        items=items,
    )


def _procedure_chart(stats) -> charts.BarChart:
    items = [charts.ChartItem(label=p.title, value=p.count) for p in stats.per_procedure]
    return charts.bar_chart(
        title=_("Requests per procedure"),
        description=_legend(items),
        items=items,
    )
