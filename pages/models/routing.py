"""Serving a page under another with one query where Wagtail makes two."""

from django.http import Http404
from wagtail.models import Page


class ChildInOneQueryMixin:
    """Routes to a child page read with its own fields in the same query.

    Wagtail's `Page.route` reads the child, then its specific fields (`.specific`); here the
    tables of the allowed child page types are joined to the first query (other types, such
    as a page moved here by code, are read as Wagtail does).
    """

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        relations = [
            model._meta.model_name
            for model in self.allowed_subpage_models()
            if Page in model._meta.parents
        ]
        child = (
            self.get_children().select_related(*relations).filter(slug=path_components[0]).first()
        )
        if child is None:
            raise Http404
        specific = _joined_specific(child, relations) or child.specific
        specific._cached_parent_obj = self
        return specific.route(request, path_components[1:])


def _joined_specific(page: Page, relations: list[str]) -> Page | None:
    for name in relations:
        if hasattr(page, name):  # a joined row, or None: no query either way
            return getattr(page, name)
    return None
