"""Addresses of articles, sections, tags and site pages, made without reverse() each time."""

import pytest
from django.urls import reverse
from django.utils import translation

from website.editions import slug_address

ASCII_SLUGS = ["nato-plans-a-new-post", "a_b-1"]
# Only an article's slug may keep its letters (a Ukrainian headline's); the others are
# transliterated (website/slugs.py).
ADDRESSES = [
    *(("articles:detail", slug) for slug in [*ASCII_SLUGS, "київ-новини", "ïle-de-france"]),
    *(
        (url_name, slug)
        for url_name in ("newsfeed:section", "newsfeed:tag", "pages:page")
        for slug in ASCII_SLUGS
    ),
]


@pytest.mark.parametrize("language", ["en", "uk"])
@pytest.mark.parametrize(("url_name", "slug"), ADDRESSES)
def test_an_address_is_what_reverse_gives_in_that_edition(url_name, slug, language):
    """The same address as reverse() in the edition's language, whatever language is on."""
    with translation.override(language):
        expected = reverse(url_name, kwargs={"slug": slug})
    for active in ("en", "uk"):
        with translation.override(active):
            assert slug_address(url_name, language, slug) == expected
