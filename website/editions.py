"""The editions: one per language in settings.EDITIONS.

The first is the default edition, at the site's plain addresses (/news/...); each other one
lives under its language code (/uk/news/...), through i18n_patterns in the root URLs. A
request's language comes from its address alone, never from a cookie or Accept-Language: a
page's address names its language, so caches and search engines see one page per address.
"""

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale

# OpenGraph wants language_TERRITORY: the territory of a language named alone.
TERRITORIES = {"en": "US", "uk": "UA"}
# Each edition's name in its own language, for the language switcher.
OWN_NAMES = {"en": "English", "uk": "Українська"}


def choices() -> list[tuple[str, str]]:
    """The editions' languages as model field choices."""
    names = {"en": _("English"), "uk": _("Ukrainian")}
    return [(code, names.get(code, code)) for code in settings.EDITIONS]


def language_field(**options):
    """The language of content (articles, sections, tags, site pages): one of the editions."""
    from django.db import models

    return models.CharField(
        _("language"), max_length=10, choices=choices, default=default, **options
    )


def default() -> str:
    return settings.LANGUAGE_CODE


def current() -> str:
    """The language of the edition being rendered (the default outside a request)."""
    language = translation.get_language() or default()
    return language if language in settings.EDITIONS else default()


def others(language: str | None = None) -> list[str]:
    language = language or current()
    return [code for code in settings.EDITIONS if code != language]


def language_tag(language: str) -> str:
    """The BCP 47 tag of a language for lang and hreflang: SITE_LANGUAGE ("en-GB") names
    the default edition's variant."""
    site = settings.SITE_LANGUAGE
    if site.split("-")[0].lower() == language:
        return site
    return language


def og_locale(language: str | None = None) -> str:
    """A language as OpenGraph's locale: "en-GB" is en_GB, "en" en_US, "uk" uk_UA."""
    locale = to_locale(language_tag(language or current()))
    if "_" not in locale and locale in TERRITORIES:
        locale = f"{locale}_{TERRITORIES[locale]}"
    return locale


def own_name(language: str) -> str:
    return OWN_NAMES.get(language, language)


def language_of(path: str) -> str:
    """The language of the edition an address is in: /uk/... Ukrainian, anything else the
    default (an address of no edition too)."""
    return translation.get_language_from_path(path) or default()


def home(language: str) -> str:
    """The address of an edition's home page."""
    with translation.override(language):
        return reverse("newsfeed:home")


# What reverse() leaves unquoted in an address's parts (django/urls/resolvers.py).
ADDRESS_SAFE = "!$&'()*+,;=/~:@"
SLUG_MARKER = "slug-marker"


@lru_cache(maxsize=256)
def _around_slug(url_name: str, language: str, _urlconf, _prefix) -> tuple[str, str]:
    with translation.override(language):
        before, after = reverse(url_name, kwargs={"slug": SLUG_MARKER}).split(SLUG_MARKER)
    return before, after


def slug_address(url_name: str, language: str, slug: str) -> str:
    """reverse(url_name, kwargs={"slug": slug}) in that language's edition, made without
    reverse() and a change of language each time: a page builds dozens of these (cards,
    the navigation, tags). The address around the slug is made once per process."""
    before, after = _around_slug(url_name, language, get_urlconf(), get_script_prefix())
    return f"{before}{quote(slug, safe=ADDRESS_SAFE)}{after}"


class EditionMiddleware:
    """Turns on the language of the edition the address is in: /uk/... Ukrainian, else the
    default; the admin and every other unprefixed address are in the default language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request.path_info)
        request.LANGUAGE_CODE = language
        # For this request only: the thread's language is given back afterwards, so nothing
        # that runs after it (another request's middleware, a test) inherits an edition.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language_tag(language))
        return response
