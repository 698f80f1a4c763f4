"""Pages of reader listings: one rule for ?page= (and ?more=), and pages that never count.

A page number is written one way only: ASCII digits from 2, no leading zero, sign or
space. Page 1 is the list's own address, so ?page=1 is a 301 to it (`paged`); any
other spelling, or a page out of range, is a 404, never an error or a duplicate page.
"""

import re
from dataclasses import dataclass
from functools import wraps

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404, HttpResponsePermanentRedirect

# Show More pages deeper than this are refused: OFFSET cost grows with the depth.
MAX_STREAM_PAGES = 1_000
# [0-9], not \d, which also matches full-width, Arabic-Indic and other digits.
PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,5}")


def is_page_number(value: str) -> bool:
    """Whether value is a page number as this site writes them in links: 2, 3, 4…"""
    return value != "1" and PAGE_NUMBER.fullmatch(value) is not None


def page_number(request, *, param: str = "page", maximum: int = MAX_STREAM_PAGES) -> int:
    """The page the query string asks for: 1 when it names none, else a 404 unless it is one."""
    values = request.GET.getlist(param)
    if not values:
        return 1
    if len(values) > 1 or not is_page_number(values[0]) or int(values[0]) > maximum:
        raise Http404("No such page.")
    return int(values[0])


def first_page_url(request, *, param: str = "page") -> str:
    """The request's address without its page number, keeping the rest of its query."""
    query = request.GET.copy()
    query.pop(param, None)
    return request.path + (f"?{query.urlencode()}" if query else "")


def paged(param: str = "page"):
    """A view of a paged list: ?page=1 (or ?more=1, for param="more") is a 301 to its address."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.GET.getlist(param) == ["1"]:
                return HttpResponsePermanentRedirect(first_page_url(request, param=param))
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def page_or_404(queryset, *, number: int, per_page: int) -> Page:
    """A counted page (search results say how many there are); out of range is a 404."""
    try:
        return Paginator(queryset, per_page).page(number)
    except InvalidPage as error:
        raise Http404(str(error)) from error


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


def stream_page_or_404(queryset, *, number: int, per_page: int) -> StreamPage:
    """One page (from page_number) of a stream; an empty later page is a 404."""
    start = (number - 1) * per_page
    items = list(queryset[start : start + per_page + 1])
    if number > 1 and not items:
        raise Http404("No such page.")
    return StreamPage(items[:per_page], number, len(items) > per_page)
