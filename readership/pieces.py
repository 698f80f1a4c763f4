"""Most Popular as readers see it: each window's list of headlines, from cached pieces."""

from django.utils.safestring import SafeString, mark_safe

from articles.pieces import load_articles, pk_and_version, render_each
from caching.dependencies import aside
from caching.pieces import item_pieces
from readership.popular import WINDOWS, most_popular

ITEM_TEMPLATE = "includes/popular_item.html"


def popular_blocks() -> list[dict]:
    """The windows that have readers, each with its title and its items' HTML, in rank order.

    The lists come with what their items show: rendering an item reads nothing more. Counts
    make them lag minutes behind the readers anyway, so they may lag behind an edit of one
    of their headlines too (PAGE_CACHE_ASIDE_LAG_SECONDS), on every page that shows them."""

    def render(indexes):
        return render_each(ITEM_TEMPLATE, load_articles(rows, indexes))

    with aside():
        found = most_popular()
        rows = [row for name, _hours, _title in WINDOWS for row in found[name]]
        items = iter(item_pieces("popular", [pk_and_version(row) for row in rows], render))
    blocks = []
    for name, _hours, title in WINDOWS:
        html: SafeString = mark_safe("".join(next(items) for _row in found[name]))  # noqa: S308
        if html:
            blocks.append({"name": name, "title": title, "items": html})
    return blocks
