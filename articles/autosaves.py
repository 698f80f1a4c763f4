"""Autosave: the article form's text kept on the server while someone types.

The form posts what it holds every few seconds (static/js/article-form.js). What is
kept is cleaned here the way a save would clean it (lengths, choices, existing section
and tags, the body through the sanitiser), but it is stored apart from the article: no
revision, no new version, nothing a reader sees. Permission is checked by the admin view
exactly as for a save.
"""

from django.db import models
from django.utils import timezone

from articles import revisions
from articles.models import CONTENT_FIELDS, Article, Autosave, Section, Tag
from website.fields import sanitized

# Files are not autosaved: a browser cannot post them in the background.
AUTOSAVED_FIELDS = [name for name in CONTENT_FIELDS if name != "hero_image"]
TRUE = {"on", "true", "1"}


def _integer(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def cleaned_values(post) -> dict:
    """The form's content fields from a POST, in the shape of the form's initial data."""
    values = {}
    for name in AUTOSAVED_FIELDS:
        field = Article._meta.get_field(name)
        if field.many_to_many:
            wanted = {_integer(pk) for pk in post.getlist(name)} - {None}
            values[name] = sorted(Tag.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        elif field.is_relation:
            pk = _integer(post.get(name))
            values[name] = pk if pk and Section.objects.filter(pk=pk).exists() else None
        elif isinstance(field, models.BooleanField):
            values[name] = post.get(name, "").lower() in TRUE
        else:
            value = str(post.get(name, ""))
            if field.choices and value not in dict(field.flatchoices):
                value = field.get_default()
            if field.max_length:
                value = value[: field.max_length]
            values[name] = str(sanitized(value)) if name == "body" else value
    return values


def autosave_store(*, article: Article | None, user, post) -> Autosave:
    """Keep what the form holds now as the person's autosave of the article."""
    base_version = _integer(post.get("edited_version")) if article else None
    autosave, _created = Autosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={
            "data": cleaned_values(post),
            "base_version": base_version,
            "saved_at": timezone.now(),
        },
    )
    return autosave


def pending_for(*, article: Article | None, user) -> Autosave | None:
    """The person's autosave, if it holds text newer than the saved article and different."""
    autosave = Autosave.objects.filter(article=article, user=user).first()
    if autosave is None:
        return None
    stale = article is not None and (
        autosave.saved_at <= article.updated_at or not changes(autosave, article)
    )
    return None if stale else autosave


def changes(autosave: Autosave, article: Article) -> list[revisions.FieldChange]:
    """What the autosaved text changes in the article as saved."""
    return revisions.changes_between(
        revisions.article_display(article), revisions.values_display(article, autosave.data)
    )


def discard(*, article: Article | None, user) -> None:
    Autosave.objects.filter(article=article, user=user).delete()
