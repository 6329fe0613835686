"""Who sees which collectivity's statistics: its agents and its editors; superusers, all.
Another collectivity's statistics answer 404."""

from django.http import Http404

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivities_staffed_by


def statistics_collectivity_or_404(user, slug: str) -> Collectivity:
    collectivity = collectivities_staffed_by(user).filter(slug=slug).first()
    if collectivity is None:
        raise Http404
    return collectivity
