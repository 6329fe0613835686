from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Portal pages")

    def ready(self):
        from commune_sites.registry import register_editor_permissions, register_tree_builder

        from . import receivers
        from .services import EDITOR_PERMISSIONS, collectivity_tree_build

        register_tree_builder(collectivity_tree_build)
        register_editor_permissions(*EDITOR_PERMISSIONS)
        receivers.connect()
