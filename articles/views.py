from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render

from articles import pieces, selectors
from caching import keys
from caching.dependencies import aside, exact, shows
from caching.pieces import joined, remembered
from website.pagination import page_number, paged, stream_page_or_404

READ_MORE_PAGE_SIZE = 6
# ?more=N on the article page shows N pages of "Read more", as Show More left them.
MAX_READ_MORE_PAGES = 20


def found_article(slug: str):
    """The article at this address (a 404 is not kept): the list of the latest items
    says which one it is, and its page shows it."""
    article = selectors.article_for_page(slug=slug)
    shows(keys.shown(article))
    return article


def article_at(slug: str):
    """The published article at this address, with what extends it (a live story), or a 404.

    Which article it is shows the latest items, but only as a list beside the article may:
    a change that takes it away from here (withdrawn, renamed) stamps the article itself,
    which its page shows exactly."""
    with aside():
        return remembered("article", lambda: found_article(slug), slug=slug)


def read_more_cards(article, count: int) -> list:
    """The first `count` items of Read more, ready for their cards. The list carries what
    their cards show (headline, kind, time), so it is made again when one of them changes."""
    items = selectors.read_more_rows(article=article, count=count)
    shows(*(keys.shown(item) for item in items))
    return items


@paged("more")
def article_detail(request, slug, article=None):
    """The article page; `article`: the article at this address, when it is known already."""
    try:
        article = article or article_at(slug)
    except Http404:
        # A published article's old slug keeps working, forever, as a 301.
        if new_url := selectors.redirect_for_old_slug(slug=slug):
            return HttpResponsePermanentRedirect(new_url)
        raise
    pages = page_number(request, param="more", maximum=MAX_READ_MORE_PAGES)
    with exact():  # its own text, byline and corrections: fresh on the next request
        parts = pieces.article_parts(article)
    shown = READ_MORE_PAGE_SIZE * pages
    with aside():  # thousands of article pages show the latest items in their Read more
        read_more = remembered(
            "read-more",
            lambda: read_more_cards(article, shown + 1),
            article=article.pk,
            count=shown + 1,
        )
        cards = joined(pieces.feed_cards(read_more[:shown]))
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "parts": parts,
            "read_more": cards,
            "read_more_next": pages + 1 if len(read_more) > shown else None,
        },
    )


@paged()
def read_more(request, slug):
    """The article's "Read more" stream, a page at a time: what Show More fetches."""
    article = selectors.article_for_page(slug=slug)
    page = stream_page_or_404(
        selectors.read_more_items(article=article),
        number=page_number(request),
        per_page=READ_MORE_PAGE_SIZE,
    )
    context = {"article": article, "page": page, "cards": pieces.feed_cards(page.object_list)}
    return render(request, "articles/read_more.html", context)
