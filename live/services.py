"""Writes on live stories: posting, editing, pinning, correcting, deleting and promoting entries,
and the coverage's state. Keyword-only, one transaction each, every rule from live/policy.py."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, Byline
from live import policy
from live.models import LiveEntry, LiveStory
from website.slugs import slug_from

# The words of an entry: a change to one after it is published shows "Updated".
WORDING_FIELDS = (
    "headline",
    "body",
    "image",
    "video_url",
    "post_url",
)


def _refuse(message: str):
    raise PermissionDenied(message)


def _author_of(user):
    return getattr(user, "author", None)


@transaction.atomic
def entry_post(
    *,
    story: LiveStory,
    by: AbstractBaseUser,
    published_at: datetime | None = None,
    authors=None,
    pinned: bool = False,
    **fields,
) -> LiveEntry:
    """A new entry, seen by readers from `published_at` (now when not given)."""
    if not policy.can_post(by, story):
        _refuse(_("You may not post on this live story."))
    if pinned and not policy.can_oversee(by):
        _refuse(_("Only editors pin entries."))
    entry = LiveEntry(
        story=story, created_by=by, published_at=published_at or timezone.now(), **fields
    )
    entry.full_clean(exclude=["story", "authors"])
    entry.save()
    chosen = list(authors) if authors else [author for author in [_author_of(by)] if author]
    entry.authors.set(chosen)
    if pinned:
        _pin(entry=entry)
    return entry


@transaction.atomic
def entry_edit(*, entry: LiveEntry, by: AbstractBaseUser, authors=None, **fields) -> LiveEntry:
    """Change an entry's words or time; once it is out, readers see an "Updated" note."""
    entry = LiveEntry.objects.select_for_update().get(pk=entry.pk)
    if not policy.can_edit(by, entry):
        _refuse(_("You may not edit this entry."))
    changed = [name for name, value in fields.items() if getattr(entry, name) != value]
    for name, value in fields.items():
        setattr(entry, name, value)
    entry.full_clean(exclude=["story", "authors"])
    now = timezone.now()
    if entry.published_at <= now and any(name in WORDING_FIELDS for name in changed):
        entry.edited_at = now
    entry.save()
    if authors is not None:
        entry.authors.set(authors)
    return entry


def _pin(*, entry: LiveEntry) -> None:
    # One pinned entry per story: pinning another unpins the last one.
    for other in LiveEntry.objects.filter(story_id=entry.story_id, is_pinned=True).exclude(
        pk=entry.pk
    ):
        other.is_pinned = False
        other.save(update_fields=["is_pinned", "updated_at"])
    entry.is_pinned = True
    entry.save(update_fields=["is_pinned", "updated_at"])


@transaction.atomic
def entry_pin(*, entry: LiveEntry, by: AbstractBaseUser, pinned: bool = True) -> LiveEntry:
    """Pin the entry above the others (unpinning any other), or unpin it."""
    if not policy.can_oversee(by):
        _refuse(_("Only editors pin entries."))
    entry = LiveEntry.objects.select_for_update().get(pk=entry.pk)
    if pinned:
        _pin(entry=entry)
    else:
        entry.is_pinned = False
        entry.save(update_fields=["is_pinned", "updated_at"])
    return entry


@transaction.atomic
def entry_correct(*, entry: LiveEntry, by: AbstractBaseUser, text: str) -> LiveEntry:
    """A correction shown on the entry as one, dated."""
    if not policy.can_oversee(by):
        _refuse(_("Only editors correct entries."))
    if not text.strip():
        raise ValidationError({"correction": _("Write what was wrong and what is right.")})
    entry = LiveEntry.objects.select_for_update().get(pk=entry.pk)
    entry.correction = text.strip()
    entry.corrected_at = timezone.now()
    entry.save(update_fields=["correction", "corrected_at", "updated_at"])
    return entry


@transaction.atomic
def entry_delete(*, entry: LiveEntry, by: AbstractBaseUser) -> None:
    if not policy.can_oversee(by):
        _refuse(_("Only editors delete entries."))
    entry.delete()


@transaction.atomic
def entry_promote(*, entry: LiveEntry, by: AbstractBaseUser) -> Article:
    """A draft full article from the entry, linked both ways; it goes through review as any."""
    entry = LiveEntry.objects.select_for_update().select_related("story__article").get(pk=entry.pk)
    if entry.promoted_to_id:
        return entry.promoted_to
    if not policy.can_promote(by, entry):
        _refuse(_("You may not make a full article of this entry."))
    story_article = entry.story.article
    title = entry.headline or story_article.title
    base = slug_from(title, max_length=280) or "live-entry"
    article = Article.objects.create(
        title=title,
        slug=f"{base}-{entry.pk}",
        standfirst="",
        body=entry.body,
        section=story_article.section,
        status=Article.Status.DRAFT,
    )
    for position, author in enumerate(entry.authors.all() or [a for a in [_author_of(by)] if a]):
        Byline.objects.create(article=article, author=author, position=position)
    entry.promoted_to = article
    entry.save(update_fields=["promoted_to", "updated_at"])
    return article


@transaction.atomic
def story_set_state(*, story: LiveStory, by: AbstractBaseUser, state: str) -> LiveStory:
    """Live, paused or ended. Ending sets the coverage's end; the page becomes an archive."""
    if not policy.can_oversee(by):
        _refuse(_("Only editors start, pause or end live coverage."))
    story = LiveStory.objects.select_for_update().select_related("article").get(pk=story.pk)
    story.state = state
    now = timezone.now()
    if state == LiveStory.State.ENDED:
        story.coverage_end = (
            story.coverage_end if story.coverage_end and story.coverage_end <= now else now
        )
    elif story.coverage_end and story.coverage_end <= now:
        story.coverage_end = None  # live again
    story.save()
    # Cards carry the LIVE badge: a new article version renders them again.
    story.article.save(update_fields=["updated_at"])
    return story


@transaction.atomic
def story_start(*, article: Article, by: AbstractBaseUser, key_points: str = "") -> LiveStory:
    """Make an article a live story."""
    if not policy.can_oversee(by):
        _refuse(_("Only editors start live coverage."))
    story, _created = LiveStory.objects.get_or_create(
        article=article, defaults={"key_points": key_points}
    )
    article.save(update_fields=["updated_at"])
    return story
