from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render

from articles import selectors

READ_MORE_ITEMS = 6


def article_detail(request, slug):
    try:
        article = selectors.article_for_page(slug=slug)
    except Http404:
        # A published article's old slug keeps working, forever, as a 301.
        if new_url := selectors.redirect_for_old_slug(slug=slug):
            return HttpResponsePermanentRedirect(new_url)
        raise
    read_more = selectors.read_more_items(article=article, limit=READ_MORE_ITEMS)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "read_more": read_more},
    )
