"""Models of the portal pages, one module per page type, plus the rubric and synonym snippets."""

from .catalogue import CataloguePage
from .content import ContentPage
from .directory import PortalDirectoryPage
from .faq import FaqPage
from .home import CommuneHomePage
from .procedure import ProcedurePage
from .rubrics import Rubric
from .synonyms import SearchSynonym

__all__ = [
    "CataloguePage",
    "CommuneHomePage",
    "ContentPage",
    "FaqPage",
    "PortalDirectoryPage",
    "ProcedurePage",
    "Rubric",
    "SearchSynonym",
]
