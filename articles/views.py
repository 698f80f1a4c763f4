from django.shortcuts import render

from articles import selectors

READ_MORE_ITEMS = 6


def article_detail(request, slug):
    article = selectors.article_for_page(slug=slug)
    read_more = selectors.read_more_items(article=article, limit=READ_MORE_ITEMS)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "read_more": read_more},
    )
