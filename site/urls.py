"""Root URLs: admin and machine endpoints, then (per language) accounts, "Mon espace", pages."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Headless: /api/v1/ (public catalogue), /api/v2/ (Wagtail), /d/<id>/ (stable links).
    path("", include("pages.api.urls")),
    path("integration/", include("pages.embed.urls")),
    path("open311/v2/", include("citizen_space.open311.urls")),
    path("ants/", include("citizen_space.appointments.ants.urls")),
    path("donnees-ouvertes/", include("citizen_space.statistics.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages people read: French without prefix, English under /en/.
urlpatterns += i18n_patterns(
    # A change of email starts with a confirmation from the current address (citizen_space).
    path("comptes/email/", RedirectView.as_view(pattern_name="citizen_space:email_change")),
    path("comptes/", include("allauth.urls")),
    path("mon-espace/", include("citizen_space.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
