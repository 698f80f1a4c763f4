from django.shortcuts import get_object_or_404, render
from django.utils.html import strip_tags
from django.utils.text import Truncator

from caching import keys
from caching.dependencies import exact, shows, shows_exactly
from pages.models import Page
from website.metadata import canonical_for, site_meta
from website.translations import group_rows


def page(request, slug):
    pages = Page.objects.published().in_edition().annotate(group_rows=group_rows(Page))
    page = get_object_or_404(pages, slug=slug)
    shows_exactly(page)
    with exact():  # its translations' addresses: in its head and the language switcher
        shows(*(keys.shown_pk("pages.Page", row["id"]) for row in page.group_rows))
    description = page.seo_description or Truncator(strip_tags(page.body)).words(30)
    meta = site_meta(
        title=page.seo_title or page.title,
        description=description,
        canonical=canonical_for(request),
    )
    return render(request, "pages/page.html", {"page": page, "meta": meta})
