"""Extension points filled by higher apps in their `AppConfig.ready()`.

`commune_sites` sits on the ground floor: it must not import the `pages` app, yet provisioning a
collectivity needs its page tree. The `pages` app registers here:

- a *tree builder*: ``builder(collectivity) -> Page``, which creates the collectivity's root page
  (home, with FAQ, catalogue and rubrics under it) and returns it saved;
- the model permissions ("app_label.codename") that every editors group receives, for example
  "pages.change_rubric".

`citizen_space.backoffice` registers the permissions that every agents group receives.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from wagtail.models import Page

    from .models import Collectivity

TreeBuilder = Callable[["Collectivity"], "Page"]

_tree_builder: TreeBuilder | None = None
_editor_permissions: list[str] = []
_agent_permissions: list[str] = []


def register_tree_builder(builder: TreeBuilder) -> None:
    """Set the function that builds a collectivity's page tree (the last registration wins)."""
    global _tree_builder
    _tree_builder = builder


def get_tree_builder() -> TreeBuilder:
    if _tree_builder is None:
        raise ImproperlyConfigured(
            "No page tree builder is registered: an app (normally `pages`) must call "
            "commune_sites.registry.register_tree_builder() in its AppConfig.ready()."
        )
    return _tree_builder


def register_editor_permissions(*perms: str) -> None:
    """Add model permissions, as "app_label.codename", that every editors group receives."""
    _register(_editor_permissions, perms)


def get_editor_permissions() -> tuple[str, ...]:
    return tuple(_editor_permissions)


def register_agent_permissions(*perms: str) -> None:
    """Add model permissions, as "app_label.codename", that every agents group receives."""
    _register(_agent_permissions, perms)


def get_agent_permissions() -> tuple[str, ...]:
    return tuple(_agent_permissions)


def _register(registered: list[str], perms: tuple[str, ...]) -> None:
    for perm in perms:
        app_label, dot, codename = perm.partition(".")
        if not (app_label and dot and codename):
            raise ImproperlyConfigured(f"{perm!r} is not an 'app_label.codename' permission.")
        if perm not in registered:
            registered.append(perm)
