from django.shortcuts import get_object_or_404, render
from django.utils.html import strip_tags
from django.utils.text import Truncator

from caching.dependencies import shows_exactly
from pages.models import Page
from website.metadata import canonical_for, site_meta


def page(request, slug):
    page = get_object_or_404(Page.objects.published().in_edition(), slug=slug)
    shows_exactly(page)
    description = page.seo_description or Truncator(strip_tags(page.body)).words(30)
    meta = site_meta(
        title=page.seo_title or page.title,
        description=description,
        canonical=canonical_for(request),
    )
    return render(request, "pages/page.html", {"page": page, "meta": meta})
