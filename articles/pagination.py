"""Pages of reader listings; a malformed or out-of-range ?page= is a 404, never an error."""

from django.core.paginator import InvalidPage, Page, Paginator
from django.http import Http404


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
