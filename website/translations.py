"""Translation groups, whatever they hold: an original and its translations in the other
editions, each pointing at it (`translation_of`). Articles, sections, tags and site pages
are grouped so; their pages name each other (hreflang, the language switcher, sitemaps).
"""

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import OuterRef, Q
from django.db.models.functions import Coalesce, JSONObject
from django.utils.translation import gettext_lazy as _

from website.editions import slug_address


def translation_of_field(model: str):
    return models.ForeignKey(
        model,
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translations",
        help_text=_("The original, if this is its translation."),
    )


def group_rows(model, *, only: Q | None = None, now=None) -> ArraySubquery:
    """The other members of a row's translation group as {id, language, slug} objects, for
    an annotation: the group comes in the row's own query.

    Of a model with a published() rule (articles, site pages), only what readers may see
    counts (at `now` where the rule takes a time, by default the time it runs); `only`
    narrows the group further.
    """
    root = Coalesce(OuterRef("translation_of_id"), OuterRef("pk"))
    members = model.objects.all()
    if hasattr(members, "published"):
        members = members.published() if now is None else members.published(now)
    members = members.filter(Q(pk=root) | Q(translation_of_id=root)).exclude(pk=OuterRef("pk"))
    if only is not None:
        members = members.filter(only)
    rows = members.order_by("language").values(
        row=JSONObject(id="pk", language="language", slug="slug")
    )
    return ArraySubquery(rows)


def _url(url_name: str, language: str, slug: str) -> str:
    return slug_address(url_name, language, slug)


def alternates_from(language: str, url: str, rows: list[dict], url_name: str) -> list[dict]:
    """A page and its translations as [{"language", "url"}], in the editions' order; only
    a page that has a translation has alternates at all."""
    if not rows:
        return []
    found = {language: url}
    for row in rows:
        found.setdefault(row["language"], _url(url_name, row["language"], row["slug"]))
    return [{"language": code, "url": found[code]} for code in settings.EDITIONS if code in found]
