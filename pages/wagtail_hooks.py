"""Admin registration: rubrics and search synonyms, each collectivity seeing only its own;
the portal's pages marked for the page cache."""

from django.contrib.admin.utils import unquote
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import models
from .forms import CollectivityScopedForm
from .models import Rubric, SearchSynonym
from .page_cache import allow_storing
from .permissions import CollectivityScopedPermissionPolicy, edited_collectivity_ids

register_permission_policy(Rubric, CollectivityScopedPermissionPolicy(Rubric))
register_permission_policy(SearchSynonym, CollectivityScopedPermissionPolicy(SearchSynonym))


class ScopedObjectMixin:
    """An object of a collectivity the user does not edit is not found (404, not 403).

    Checked in `setup()`, before any view loads the object or checks permissions.
    """

    def setup(self, request, *args, **kwargs):
        quoted_pk = kwargs.get(self.pk_url_kwarg)
        if quoted_pk is not None:
            visible = self.model._default_manager.filter(
                collectivity_id__in=edited_collectivity_ids(request.user)
            )
            if not visible.filter(pk=unquote(str(quoted_pk))).exists():
                raise Http404
        super().setup(request, *args, **kwargs)


def _scoped(view_class):
    return type(view_class.__name__, (ScopedObjectMixin, view_class), {})


class CollectivityScopedViewSet(SnippetViewSet):
    """Lists and opens only the objects of the collectivities the user edits."""

    def __init__(self, *args, **kwargs):
        for name in ("edit", "delete", "copy", "history", "usage", "inspect"):
            attribute = f"{name}_view_class"
            setattr(self, attribute, _scoped(getattr(self, attribute)))
        super().__init__(*args, **kwargs)

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_any_permission_for(
            request.user, {"add", "change", "delete", "view"}
        ).select_related("collectivity")


class RubricViewSet(CollectivityScopedViewSet):
    model = Rubric
    icon = "tag"
    menu_label = _("Rubrics")
    list_display = ["name", "collectivity", "slug", "sort_order"]
    search_fields = ["name", "description"]
    edit_handler = ObjectList(
        [
            FieldPanel("collectivity"),
            FieldPanel("name"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("icon"),
            FieldPanel("sort_order"),
        ],
        base_form_class=CollectivityScopedForm,
    )


class SearchSynonymViewSet(CollectivityScopedViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["term", "expansions", "collectivity"]
    search_fields = ["term", "expansions"]
    edit_handler = ObjectList(
        [
            FieldPanel("collectivity"),
            FieldPanel("term"),
            FieldPanel("expansions"),
            FieldPanel("two_way"),
        ],
        base_form_class=CollectivityScopedForm,
    )


class CatalogueViewSetGroup(SnippetViewSetGroup):
    items = (RubricViewSet, SearchSynonymViewSet)
    menu_icon = "list-ul"
    menu_label = _("Catalogue")
    menu_name = "catalogue"


register_snippet(CatalogueViewSetGroup)


# Pages that show the same to every anonymous visitor of an address (see pages.page_cache).
CACHED_PAGES = (
    models.CataloguePage,
    models.CommuneHomePage,
    models.ContentPage,
    models.FaqPage,
    models.PortalDirectoryPage,
    models.ProcedurePage,
)


@hooks.register("on_serve_page")
def allow_page_cache(serve_page):
    def serve(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        if isinstance(page, CACHED_PAGES):
            allow_storing(response)
        return response

    return serve
