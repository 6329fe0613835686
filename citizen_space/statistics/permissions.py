"""Who sees which collectivity's statistics: its agents and its editors; superusers, all.
Another collectivity's statistics answer 404."""

from django.db.models import Q, QuerySet
from django.http import Http404

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivities_edited_by, collectivities_served_by


def collectivities_with_statistics_for(user) -> QuerySet[Collectivity]:
    served = collectivities_served_by(user).values("pk")
    edited = collectivities_edited_by(user).values("pk")
    return Collectivity.objects.filter(Q(pk__in=served) | Q(pk__in=edited))


def statistics_collectivity_or_404(user, slug: str) -> Collectivity:
    collectivity = collectivities_with_statistics_for(user).filter(slug=slug).first()
    if collectivity is None:
        raise Http404
    return collectivity
