"""Counts and pages that never read more than CAP + 1 rows: every list of the site, and search."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

CAP = 1000  # rows counted (and, in search, fetched, ranked and faceted) at most; beyond it "1,000+"
PER_PAGE = 20


class BoundedPaginator(Paginator):
    """A Paginator whose count never reads more than cap + 1 rows.

    Past the cap the count shows as "1,000+" (`capped`) and pages stop at the cap: readers
    narrow by date, outlet or person instead of paging through a million rows.
    """

    def __init__(self, object_list, per_page: int = PER_PAGE, *, cap: int = CAP, known_count: int | None = None):
        super().__init__(object_list, per_page)
        self.cap = cap
        self.known_count = known_count

    @cached_property
    def bounded_count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        # No ORDER BY: any cap + 1 rows answer "how many, up to the cap".
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.bounded_count, self.cap)

    @property
    def capped(self) -> bool:
        return self.bounded_count > self.cap

    def _get_page(self, *args, **kwargs) -> BoundedPage:
        return BoundedPage(*args, **kwargs)


class BoundedPage(Page):
    @cached_property
    def links(self) -> list:
        """The page numbers to link: both ends and two either side of this page, ELLIPSIS between.

        Worked out here, not by the template looping over all 51 pages of a capped list (with
        four conditions each, that loop was a fifth of a person page's rendering).
        """
        return list(self.paginator.get_elided_page_range(self.number, on_each_side=2, on_ends=1))


class UndatedLast:
    """A queryset ordered oldest first as its date index gives it (undated rows first: the index, newest first
    with NULLs last, read backwards), paginated with the undated rows last instead (issue 14.6).

    Each page is read from the dated rows, and from the undated ones only past their end: two statements
    that each follow the index, where ORDER BY published ASC NULLS LAST would sort every row the filters
    leave (no index has that order). For BoundedPaginator, which counts through order_by() and reads
    pages by slicing."""

    ordered = True

    def __init__(self, queryset: QuerySet, date: str = "published"):
        self.queryset = queryset
        self.dated = queryset.filter(**{f"{date}__isnull": False})
        self.undated = queryset.filter(**{f"{date}__isnull": True})

    def order_by(self, *fields) -> QuerySet:
        return self.queryset.order_by(*fields)

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list:
        start, stop = index.start or 0, index.stop
        rows = list(self.dated[start:stop])
        if len(rows) == stop - start:
            return rows
        # Past the dated rows: where they end, and the undated ones from there.
        dated = start + len(rows) if rows else self.dated.count()
        return rows + list(self.undated[max(start - dated, 0) : stop - dated])


def paginate(object_list, page_number: Any, **kwargs) -> Page:
    """The requested page; a non-numeric number gives page 1, one past the end the last page."""
    return BoundedPaginator(object_list, **kwargs).get_page(page_number)
