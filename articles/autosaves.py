"""Autosave: the article form's text kept on the server while someone types.

The form posts what it holds every few seconds (static/js/article-form.js). What is
kept is cleaned here the way a save would clean it (lengths, choices, existing section
and tags, the body through the sanitiser), but it is stored apart from the article: no
revision, no new version, nothing a reader sees. Permission is checked by the admin view
exactly as for a save.

The bylines are kept with the text. A hero image chosen in the form is sent once and kept
like an image across a form error (images.pending): the autosave holds its signed token,
and reopening the autosave puts it back into the form.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from articles import revisions
from articles.models import CONTENT_FIELDS, Article, Autosave, Byline
from authors.models import Author
from images import pending
from images.uploads import validate_image_file
from website.fields import sanitized

# The file itself is kept apart (images.pending); the autosave holds its token.
AUTOSAVED_FIELDS = [name for name in CONTENT_FIELDS if name != "hero_image"]
KEPT_IMAGE = "hero_image_pending"
BYLINES = "bylines"
BYLINE_PREFIX = "bylines"
MOST_BYLINES = 20
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
        related = field.related_model._default_manager if field.is_relation else None
        if field.many_to_many:
            wanted = {_integer(pk) for pk in post.getlist(name)} - {None}
            values[name] = sorted(related.filter(pk__in=wanted).values_list("pk", flat=True))
        elif field.is_relation:
            pk = _integer(post.get(name))
            values[name] = pk if pk and related.filter(pk=pk).exists() else None
        elif isinstance(field, models.BooleanField):
            values[name] = post.get(name, "").lower() in TRUE
        else:
            value = str(post.get(name, ""))
            if field.choices and value not in dict(field.flatchoices):
                value = field.get_default()
            if field.max_length:
                value = value[: field.max_length]
            values[name] = str(sanitized(value)) if name == "body" else value
    values[BYLINES] = cleaned_bylines(post)
    return values


def cleaned_bylines(post) -> list[dict]:
    """The byline rows of the form's inline, in order: existing authors only, each once."""
    total = min(_integer(post.get(f"{BYLINE_PREFIX}-TOTAL_FORMS")) or 0, MOST_BYLINES)
    rows = []
    for index in range(total):
        prefix = f"{BYLINE_PREFIX}-{index}-"
        if post.get(prefix + "DELETE", "").lower() in TRUE:
            continue
        author = _integer(post.get(prefix + "author"))
        if author is None:
            continue
        role = str(post.get(prefix + "role", ""))[: Byline._meta.get_field("role").max_length]
        position = _integer(post.get(prefix + "position")) or 0
        rows.append({"author": author, "role": role, "position": max(0, min(position, 32767))})
    known = set(
        Author.objects.filter(pk__in=[row["author"] for row in rows]).values_list("pk", flat=True)
    )
    seen, kept = set(), []
    for row in rows:
        if row["author"] in known and row["author"] not in seen:
            seen.add(row["author"])
            kept.append(row)
    return kept


def kept_image(*, user, post, files) -> str:
    """The token of the hero image the form holds: a newly sent file is checked and kept."""
    upload = files.get("hero_image") if files else None
    if upload is not None:
        try:
            validate_image_file(upload)
        except ValidationError:
            return ""
        return pending.keep(upload, user_id=user.pk)
    token = str(post.get(KEPT_IMAGE, ""))
    return token if pending.url(token, user_id=user.pk) else ""


def autosave_store(*, article: Article | None, user, post, files=None) -> Autosave:
    """Keep what the form holds now as the person's autosave of the article."""
    base_version = _integer(post.get("edited_version")) if article else None
    data = cleaned_values(post)
    data[KEPT_IMAGE] = kept_image(user=user, post=post, files=files)
    autosave, _created = Autosave.objects.update_or_create(
        article=article,
        user=user,
        defaults={
            "data": data,
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
    """What the autosaved text, bylines and image change in the article as saved."""
    content = {name: value for name, value in autosave.data.items() if name in AUTOSAVED_FIELDS}
    bylines = autosave.data.get(BYLINES)
    authors = [row["author"] for row in bylines] if bylines is not None else None
    found = revisions.changes_between(
        revisions.article_display(article),
        revisions.values_display(article, content, byline_author_ids=authors),
    )
    if autosave.data.get(KEPT_IMAGE):
        label = str(Article._meta.get_field("hero_image").verbose_name).capitalize()
        before = article.hero_image.name.rsplit("/", 1)[-1] if article.hero_image else ""
        found.append(revisions.FieldChange(label, before, _("a newly chosen image")))
    return found


def discard(*, article: Article | None, user) -> None:
    Autosave.objects.filter(article=article, user=user).delete()
