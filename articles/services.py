"""Writes beyond a plain save: the editorial workflow, corrections, revisions, share links.

Every function is keyword-only and runs in one transaction. Each one locks the
article row, checks the rule in `articles.policy` against the article as it is
now (so a stale page or a forged request changes nothing), writes, records the
step in the transition log and keeps a revision of the result.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Version

from articles import policy
from articles.models import (
    CONTENT_FIELDS,
    Article,
    ArticleTransition,
    Byline,
    Correction,
    ShareLink,
    SlugRedirect,
    Tag,
)
from articles.policy import Action
from website.richtext import plain_text
from website.slugs import slug_from

# What a revision restore brings back: the content, as stored in a revision (tags and
# bylines are restored on their own). The workflow state (status, publish time) is not
# content: restoring last week's text must not unpublish today's story.
RESTORED_FIELDS = [
    Article._meta.get_field(name).attname for name in CONTENT_FIELDS if name != "tags"
]


def _locked(article: Article) -> Article:
    return Article.objects.select_for_update().get(pk=article.pk)


def _authorize(by: AbstractBaseUser, action: Action, article: Article) -> None:
    if not policy.can(by, action, article):
        raise PermissionDenied(
            _("You may not %(action)s this article while it is %(state)s.")
            % {
                "action": action.label.lower(),
                "state": article.state().label.lower(),
            }
        )


@contextmanager
def _revision(*, article: Article, by: AbstractBaseUser, comment: str) -> Iterator[None]:
    """Keep a revision of what the block saves; inside the admin's own revision, add to it."""
    if not reversion.is_active():
        revision_baseline(article=article)
    with reversion.create_revision():
        reversion.set_user(by)
        earlier = reversion.get_comment()
        reversion.set_comment(f"{earlier} {comment}".strip() if earlier else comment)
        yield


def revision_baseline(*, article: Article) -> None:
    """Keep the article as it stands as its first revision, if it has none yet.

    Articles written before revisions were kept (or loaded by a script) get their
    current text saved before the first edit, so that edit can be undone.
    """
    if article.pk is None or Version.objects.get_for_object(article).exists():
        return
    fresh = Article.objects.get(pk=article.pk)
    with reversion.create_revision():
        reversion.set_comment(_("Earliest kept version."))
        reversion.add_to_revision(fresh)


def _transition(
    *,
    article: Article,
    by: AbstractBaseUser,
    action: ArticleTransition.Action,
    to_status: str,
    note: str = "",
    publish_at: datetime | None = None,
) -> Article:
    from_status = article.status
    article.status = to_status
    if publish_at is not None:
        article.publish_at = publish_at
    article.save()
    ArticleTransition.objects.create(
        article=article,
        action=action,
        from_status=from_status,
        to_status=to_status,
        publish_at=article.publish_at if to_status == Article.Status.PUBLISHED else None,
        note=note,
        by=by,
    )
    return article


def _step(
    *,
    article: Article,
    by: AbstractBaseUser,
    action: Action,
    comment: str,
    logged_as: ArticleTransition.Action,
    to_status: str,
    note: str = "",
    publish_at: datetime | None = None,
) -> Article:
    """One workflow step: lock, check the rule, move the status, log it, keep a revision."""
    article = _locked(article)
    _authorize(by, action, article)
    with _revision(article=article, by=by, comment=comment):
        return _transition(
            article=article,
            by=by,
            action=logged_as,
            to_status=to_status,
            note=note.strip(),
            publish_at=publish_at,
        )


@transaction.atomic
def article_submit(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """A draft goes to the editors for review."""
    return _step(
        article=article,
        by=by,
        action=Action.SUBMIT,
        comment=_("Submitted for review."),
        logged_as=ArticleTransition.Action.SUBMITTED,
        to_status=Article.Status.IN_REVIEW,
        note=note,
    )


@transaction.atomic
def article_send_back(*, article: Article, by: AbstractBaseUser, note: str) -> Article:
    """An editor returns an article in review to its reporters as a draft, saying why."""
    if not note.strip():
        raise ValidationError({"workflow_note": _("Say what the reporter should change.")})
    return _step(
        article=article,
        by=by,
        action=Action.SEND_BACK,
        comment=_("Sent back."),
        logged_as=ArticleTransition.Action.SENT_BACK,
        to_status=Article.Status.DRAFT,
        note=note,
    )


@transaction.atomic
def article_publish(
    *, article: Article, by: AbstractBaseUser, note: str = "", now: datetime | None = None
) -> Article:
    """Readers see the article from now on."""
    return _step(
        article=article,
        by=by,
        action=Action.PUBLISH,
        comment=_("Published."),
        logged_as=ArticleTransition.Action.PUBLISHED,
        to_status=Article.Status.PUBLISHED,
        note=note,
        publish_at=now or timezone.now(),
    )


@transaction.atomic
def article_schedule(
    *, article: Article, by: AbstractBaseUser, publish_at: datetime, note: str = ""
) -> Article:
    """Readers see the article from publish_at on; nothing has to run at that moment."""
    if publish_at is None or publish_at <= timezone.now():
        raise ValidationError({"schedule_for": _("Choose a publish time in the future.")})
    when = timezone.localtime(publish_at)
    return _step(
        article=article,
        by=by,
        action=Action.SCHEDULE,
        comment=_("Scheduled for %s.") % f"{when:%Y-%m-%d %H:%M}",
        logged_as=ArticleTransition.Action.SCHEDULED,
        to_status=Article.Status.PUBLISHED,
        note=note,
        publish_at=publish_at,
    )


@transaction.atomic
def article_unpublish(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """Readers no longer see the article (or a scheduled one never appears)."""
    return _step(
        article=article,
        by=by,
        action=Action.UNPUBLISH,
        comment=_("Unpublished."),
        logged_as=ArticleTransition.Action.UNPUBLISHED,
        to_status=Article.Status.UNPUBLISHED,
        note=note,
    )


@transaction.atomic
def article_withdraw(*, article: Article, by: AbstractBaseUser, note: str = "") -> Article:
    """A reporter takes their article back from review, as a draft they can edit again."""
    return _step(
        article=article,
        by=by,
        action=Action.WITHDRAW,
        comment=_("Withdrawn from review."),
        logged_as=ArticleTransition.Action.WITHDRAWN,
        to_status=Article.Status.DRAFT,
        note=note,
    )


WORKFLOW_SERVICES = {
    Action.SUBMIT: article_submit,
    Action.SEND_BACK: article_send_back,
    Action.PUBLISH: article_publish,
    Action.UNPUBLISH: article_unpublish,
}


@transaction.atomic
def correction_add(*, article: Article, by: AbstractBaseUser, text: str) -> Correction:
    """A dated correction on a published article; its "Updated" time moves to now."""
    if not text.strip():
        raise ValidationError({"correction_text": _("Write what was wrong and what is right.")})
    article = _locked(article)
    _authorize(by, Action.CORRECT, article)
    with _revision(article=article, by=by, comment=_("Correction added.")):
        correction = Correction.objects.create(
            article=article, text=text.strip(), published_at=timezone.now()
        )
        article.save()  # moves updated_at, the page's "Updated" time
        ArticleTransition.objects.create(
            article=article,
            action=ArticleTransition.Action.CORRECTED,
            from_status=article.status,
            to_status=article.status,
            note=correction.text,
            by=by,
        )
    return correction


def slug_change_record(*, article: Article, old_slug: str) -> None:
    """Keep an article's old URL answering with a 301, once it has ever been published."""
    if old_slug and old_slug != article.slug and article.first_published_at:
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"article": article})
    # The current slug is served by the article itself, never redirected.
    SlugRedirect.objects.filter(old_slug=article.slug, article=article).delete()


def tag_names(text: str) -> list[str]:
    """Comma-separated tag names as typed: markup dropped, spaces tidied, each name once."""
    names = {}
    for part in text.split(","):
        name = " ".join(plain_text(part).split())
        if not slug_from(name):
            continue
        if len(name) > Tag._meta.get_field("name").max_length:
            raise ValidationError(_("A tag name is at most 100 characters: %s") % name[:40])
        names.setdefault(name.lower(), name)
    return list(names.values())


def tag_named(name: str, language: str | None = None) -> Tag | None:
    """The tag a typed name means in the article's edition: the same name in any case, or the
    same slug."""
    tags = Tag.objects.in_edition(language)
    slug = slug_from(name)
    return tags.filter(name__iexact=name).first() or (slug and tags.filter(slug=slug).first())


def _free_tag_slug(name: str, language: str) -> str:
    """An address for a new tag: its name as ASCII, a Ukrainian one transliterated."""
    base = slug_from(name, max_length=90) or "tag"
    slug, number = base, 2
    while Tag.objects.filter(language=language, slug=slug).exists() or slug == "tag":
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def tags_add_by_name(*, article: Article, names: list[str], by: AbstractBaseUser) -> list[Tag]:
    """Put the named tags on the article, creating those that do not exist yet."""
    tags = []
    for name in names:
        tag = tag_named(name, article.language)
        if tag is None:
            if not by.has_perm("articles.add_tag"):
                raise PermissionDenied(_("You may not create tags."))
            tag = Tag.objects.create(
                name=name, slug=_free_tag_slug(name, article.language), language=article.language
            )
        tags.append(tag)
    article.tags.add(*tags)
    return tags


def byline_add_creator(*, article: Article, user: AbstractBaseUser) -> None:
    """Put the person who created the article on its byline, through their author profile."""
    author = getattr(user, "author", None)
    if author is None or article.bylines.filter(author=author).exists():
        return
    position = article.bylines.count()
    Byline.objects.create(article=article, author=author, position=position)


@transaction.atomic
def revision_restore(*, article: Article, version: Version, by: AbstractBaseUser) -> Article:
    """Bring back the text, placement and bylines of an earlier revision, as a new revision."""
    if version.content_type.model_class() is not Article or version.object_id != str(article.pk):
        raise PermissionDenied(_("That revision belongs to another article."))
    article = _locked(article)
    _authorize(by, Action.RESTORE, article)
    old_slug = article.slug
    fields = version.field_dict
    when = timezone.localtime(version.revision.date_created)
    with _revision(
        article=article, by=by, comment=_("Restored the version of %s.") % f"{when:%Y-%m-%d %H:%M}"
    ):
        for name in RESTORED_FIELDS:
            if name in fields:
                setattr(article, name, fields[name])
        article.save()
        if "tags" in fields:
            article.tags.set(fields["tags"])
        _restore_bylines(article=article, version=version)
        slug_change_record(article=article, old_slug=old_slug)
        ArticleTransition.objects.create(
            article=article,
            action=ArticleTransition.Action.RESTORED,
            from_status=article.status,
            to_status=article.status,
            note=_("Version of %s") % f"{when:%Y-%m-%d %H:%M}",
            by=by,
        )
    return article


def _restore_bylines(*, article: Article, version: Version) -> None:
    stored = [
        byline_version.field_dict
        for byline_version in version.revision.version_set.get_for_model(Byline)
        if byline_version.field_dict["article_id"] == article.pk
    ]
    if not stored:
        return
    article.bylines.all().delete()
    for fields in sorted(stored, key=lambda fields: (fields["position"], fields["id"])):
        Byline.objects.create(
            article=article,
            author_id=fields["author_id"],
            role=fields["role"],
            position=fields["position"],
        )


@transaction.atomic
def share_link_create(
    *, article: Article, by: AbstractBaseUser, expires_at: datetime, note: str = ""
) -> ShareLink:
    """A link that shows the unpublished article to someone without a login, until expires_at."""
    now = timezone.now()
    if expires_at is None or expires_at <= now:
        raise ValidationError({"expires_at": _("Choose an expiry time in the future.")})
    article = _locked(article)
    _authorize(by, Action.SHARE, article)
    return ShareLink.objects.create(
        article=article, created_by=by, created_at=now, expires_at=expires_at, note=note.strip()
    )


@transaction.atomic
def share_link_revoke(*, link: ShareLink, by: AbstractBaseUser) -> ShareLink:
    """The link stops working at once."""
    link = ShareLink.objects.select_for_update().select_related("article").get(pk=link.pk)
    _authorize(by, Action.PREVIEW, link.article)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link
