"""Pages of reader listings; a malformed or out-of-range ?page= is a 404, never an error."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404

# Show More pages deeper than this are refused: OFFSET cost grows with the depth.
MAX_STREAM_PAGES = 1_000


def page_or_404(queryset, *, number, per_page: int) -> Page:
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(number if number is not None else 1)
    except InvalidPage as error:
        raise Http404(str(error)) from error


def count_or_404(value, *, maximum: int) -> int:
    """A small positive whole number from the query string (1 when absent), else a 404."""
    if value is None:
        return 1
    try:
        number = int(value)
    except (TypeError, ValueError) as error:
        raise Http404("Not a page number.") from error
    if not 1 <= number <= maximum:
        raise Http404("No such page.")
    return number


@dataclass
class StreamPage:
    """A page of a newest-first stream, for Show More: it knows whether more follow.

    Unlike Django's Page it never counts the whole listing, which on a large
    newsroom is the most expensive query of the page; it fetches one item more
    than it shows instead.
    """

    object_list: list
    number: int
    more: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def stream_page_or_404(queryset, *, number, per_page: int) -> StreamPage:
    """One page of a stream; a malformed, out-of-range or empty later page is a 404."""
    number = count_or_404(number, maximum=MAX_STREAM_PAGES)
    start = (number - 1) * per_page
    items = list(queryset[start : start + per_page + 1])
    if number > 1 and not items:
        raise Http404("No such page.")
    return StreamPage(items[:per_page], number, len(items) > per_page)
