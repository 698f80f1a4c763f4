"""Each reader page's counterparts in the other editions: its hreflang links (with
x-default) and where the language switcher goes.

An article's counterparts are its published translations (from its cached pieces), a
section's, tag's or site page's its translations, an author's page the editions they have
items in; the home page, the news feed, search and corrections exist in every edition. A page with
no counterpart has no hreflang links, and the switcher goes to the other edition's home.
"""

import json

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from articles.models import Section, Tag
from articles.translations import alternates_from
from authors.models import Author
from pages.models import Page
from website import editions
from website.identity import absolute_url

# Pages every edition has, by view name.
EVERY_EDITION = {"newsfeed:home", "newsfeed:stream", "newsfeed:search", "newsfeed:corrections"}


def _in_every_edition(path: str) -> list[dict]:
    return [{"language": code, "url": translate_url(path, code)} for code in settings.EDITIONS]


def author_alternates(author: Author) -> list[dict]:
    """The author's page in each edition they have items in, from its `editions` annotation."""
    languages = [code for code in settings.EDITIONS if code in (getattr(author, "editions", []))]
    if len(languages) < 2:
        return []
    alternates = []
    for code in languages:
        with translation.override(code):
            alternates.append({"language": code, "url": author.get_absolute_url()})
    return alternates


def for_page(context) -> list[dict]:
    """The page and its counterparts as [{"language", "url"}]; empty when it has none."""
    parts = context.get("parts")
    if isinstance(parts, dict) and "alternates" in parts:
        return json.loads(parts["alternates"])
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or request.GET.get("page"):
        # A later page of a list has no counterpart: the editions' lists differ.
        return []
    if match.view_name in EVERY_EDITION:
        return _in_every_edition(request.path)
    for name, url_name in (
        ("section", "newsfeed:section"),
        ("tag", "newsfeed:tag"),
        ("page", "pages:page"),
    ):
        subject = context.get(name)
        if isinstance(subject, Section | Tag | Page):
            rows = getattr(subject, "group_rows", None) or []
            return alternates_from(subject.language, subject.get_absolute_url(), rows, url_name)
    author = context.get("author")
    if isinstance(author, Author):
        return author_alternates(author)
    return []


def hreflang_links(alternates: list[dict]) -> list[dict]:
    """The <link rel="alternate"> of each counterpart, the page's own too, and x-default:
    the default edition's page."""
    links = [
        {"hreflang": editions.language_tag(row["language"]), "url": absolute_url(row["url"])}
        for row in alternates
    ]
    default = next((row for row in alternates if row["language"] == editions.default()), None)
    if default and len(alternates) > 1:
        links.append({"hreflang": "x-default", "url": absolute_url(default["url"])})
    return links if len(alternates) > 1 else []


def switcher(alternates: list[dict]) -> list[dict]:
    """The other editions for the language switcher: this page's counterpart, or the home."""
    found = {row["language"]: row["url"] for row in alternates}
    return [
        {
            "language": code,
            "tag": editions.language_tag(code),
            "name": editions.own_name(code),
            "url": found.get(code) or editions.home(code),
            "is_counterpart": code in found,
        }
        for code in editions.others()
    ]
