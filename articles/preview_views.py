"""Articles as readers will see them, before readers can: for staff and for share links.

Preview pages must never be indexed or cached anywhere: they carry noindex and
no-store headers, and shared ones send no Referer that could leak the token.
"""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_cache_control

from articles import pieces, selectors
from articles.models import ShareLink
from articles.share_tokens import share_link_id
from caching.pieces import joined

READ_MORE_ITEMS = 6


def private_page(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    return response


def render_preview(request, article, *, share_link=None):
    article = selectors.article_whole(pk=article.pk)
    read_more = selectors.read_more_items(article=article)[:READ_MORE_ITEMS]
    context = {
        "article": article,
        # Staff and share links see the saved version as it is, never a cached one.
        "parts": pieces.article_parts(article, cached=False),
        "read_more": joined(pieces.feed_cards(read_more)),
        "share_link": share_link,
    }
    response = private_page(render(request, "articles/article_preview.html", context))
    if share_link is not None:
        response["Referrer-Policy"] = "no-referrer"
    return response


def shared_preview(request, token):
    """An unpublished article for someone without a login, while their link is valid."""
    link_id = share_link_id(token)
    link = ShareLink.objects.filter(pk=link_id).first() if link_id else None
    if link is None:
        return private_page(render(request, "articles/share_link_gone.html", status=404))
    if not link.is_active():
        return private_page(
            render(request, "articles/share_link_gone.html", {"link": link}, status=410)
        )
    return render_preview(request, link.article, share_link=link)
