"""The catalogue's filters as they appear in its URL: `?q=passeport&rubrique=etat-civil`."""

import hashlib
from dataclasses import dataclass

from django.http import QueryDict
from django.utils.text import slugify

QUERY_PARAM = "q"
RUBRIC_PARAM = "rubrique"
PAGE_PARAM = "page"
QUERY_MAX_LENGTH = 100
MAX_RUBRICS = 20


@dataclass(frozen=True)
class CatalogueFilters:
    """What the citizen searches for: words, rubric slugs (any of them), the page of results."""

    query: str = ""
    rubric_slugs: tuple[str, ...] = ()
    page: int = 1

    @classmethod
    def from_querydict(cls, params: QueryDict) -> "CatalogueFilters":
        query = " ".join(params.get(QUERY_PARAM, "").split())[:QUERY_MAX_LENGTH]
        slugs = []
        for value in params.getlist(RUBRIC_PARAM)[:MAX_RUBRICS]:
            slug = slugify(value)
            if slug and slug not in slugs:
                slugs.append(slug)
        page = params.get(PAGE_PARAM, "")
        page_number = int(page) if page.isascii() and page.isdigit() and len(page) < 6 else 1
        return cls(query=query, rubric_slugs=tuple(slugs), page=max(page_number, 1))

    @property
    def cache_key(self) -> str:
        """A short key of these filters for the cached listing."""
        encoded = self.querystring(page=self.page).encode()
        return hashlib.blake2b(encoded, digest_size=12).hexdigest()

    @property
    def is_active(self) -> bool:
        return bool(self.query or self.rubric_slugs)

    def querystring(self, rubric_slugs: tuple[str, ...] | None = None, page: int = 1) -> str:
        """`?q=…&rubrique=…&page=…` for these words and rubrics (or others); "" when empty."""
        params = QueryDict(mutable=True)
        if self.query:
            params[QUERY_PARAM] = self.query
        params.setlist(
            RUBRIC_PARAM, list(self.rubric_slugs if rubric_slugs is None else rubric_slugs)
        )
        if page > 1:
            params[PAGE_PARAM] = str(page)
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else ""

    def toggled(self, slug: str) -> str:
        """The querystring with this rubric added, or removed when it is already selected.

        Back to the first page of results."""
        if slug in self.rubric_slugs:
            return self.querystring(tuple(s for s in self.rubric_slugs if s != slug))
        return self.querystring((*self.rubric_slugs, slug))
