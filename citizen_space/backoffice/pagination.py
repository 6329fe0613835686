"""Pagination of the inbox without counting every request of a large collectivity."""

from django.utils.functional import cached_property
from wagtail.admin.paginator import WagtailPaginator

# Counting stops here: past it, the inbox says "more than" and filters narrow the list.
COUNT_LIMIT = 10_000
# A search by name or reference that matches more than this is too vague to page through; the
# cap keeps its cost (one visit per match) independent of the collectivity's size.
SEARCH_COUNT_LIMIT = 1_000


class CappedCountPaginator(WagtailPaginator):
    """Counts at most `count_limit` + 1 rows, so that a page costs about the same with 1,000
    requests or 100,000; the pages past `count_limit` requests are not offered."""

    def __init__(self, *args, count_limit: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_limit = COUNT_LIMIT if count_limit is None else count_limit

    @cached_property
    def counted(self) -> int:
        return self.object_list[: self.count_limit + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.counted, self.count_limit)

    @cached_property
    def capped(self) -> bool:
        return self.counted > self.count_limit
