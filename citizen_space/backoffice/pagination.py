"""Pagination of the inbox without counting every request of a large collectivity."""

from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

# Counting stops here: past it, the inbox says "more than" and filters narrow the list.
COUNT_LIMIT = 10_000


class CappedCountPaginator(WagtailPaginator):
    """Counts at most COUNT_LIMIT + 1 rows, so that a page costs about the same with 1,000
    requests or 100,000; the pages past COUNT_LIMIT requests are not offered."""

    @cached_property
    def counted(self) -> int:
        return self.object_list[: COUNT_LIMIT + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, COUNT_LIMIT)

    @cached_property
    def capped(self) -> bool:
        return self.counted > COUNT_LIMIT
