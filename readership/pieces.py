"""Most Popular as readers see it: each window's list of headlines, from cached pieces."""

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from articles.pieces import load_articles, pk_and_version
from caching.dependencies import aside
from caching.pieces import item_pieces
from readership.popular import WINDOWS, most_popular


def popular_item(item) -> str:
    """One headline of Most Popular, with its section; a list shows ten of them on every
    page, so it is written here rather than as a template of its own."""
    return format_html(
        '\n<li class="most-popular__item"><a href="{}">{}</a> '
        '<span class="most-popular__section">{}</span></li>\n',
        item.get_absolute_url(),
        item.title,
        item.section.name,
    )


def popular_blocks() -> list[dict]:
    """The windows that have readers, each with its title and its items' HTML, in rank order.

    The lists come with what their items show: rendering an item reads nothing more. Counts
    make them lag minutes behind the readers anyway, so they may lag behind an edit of one
    of their headlines too (PAGE_CACHE_ASIDE_LAG_SECONDS), on every page that shows them."""

    def render(indexes):
        return [popular_item(item) if item else "" for item in load_articles(rows, indexes)]

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
