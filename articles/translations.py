"""Translations: articles in different languages linked as one translation group.

A translation is an article of its own, with its slug in its language, its byline (the
translator too), its workflow and its publish time; it points at its original
(`translation_of`), and the group is the original with its translations. Making one copies
the original's placement and pictures and leaves its text to translate; it remembers what
the original said then (`source_text`), so the translation's editors see later what the
original changed since. Nothing here writes text for readers: a draft is only ever
published by an editor, through the workflow.
"""

import reversion
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, CharField, Exists, Func, OuterRef, Q, Value, When
from django.utils.translation import gettext as _

from articles.models import Article, Byline, Section, Tag
from articles.revisions import FieldChange, article_display, changes_between
from website import editions
from website.translations import alternates_from, group_rows  # noqa: F401 (used by others too)

# What a translation starts with besides its text: the original's placement and pictures.
COPIED_FIELDS = [
    "kind",
    "is_breaking",
    "hero_image",
    "hero_width",
    "hero_height",
    "hero_alt",
    "hero_renditions",
    "hero_caption",
    "hero_credit",
    "video_url",
]
# What a translation has of its own, never "out of date" with the original's.
NOT_TRANSLATED = {"slug", "language", "status", "publish_at", "section", "tags", "authors"}
# Left for the translator to replace: the original's words, as a starting point.
TEXT_FIELDS = ["title", "standfirst", "body", "seo_title", "seo_description"]


def group_of(article: Article) -> int:
    """The id naming the article's translation group: its original's."""
    return article.translation_of_id or article.pk


def editions_of_author() -> Func:
    """The languages an author has published items in, for an annotation.

    One EXISTS per edition, each stopping at the first item through the bylines' index: a
    list of the author's distinct languages would read every item they ever wrote.
    """
    published = Article.objects.published().filter(bylines__author=OuterRef("pk"))
    in_edition = [
        Case(When(Exists(published.filter(language=code)), then=Value(code)))
        for code in settings.EDITIONS
    ]
    languages = Func(*in_edition, template="ARRAY[%(expressions)s]::varchar[]")
    return Func(
        languages,
        Value(None, output_field=CharField()),
        function="array_remove",
        output_field=ArrayField(CharField()),
    )


def article_alternates(article: Article) -> list[dict]:
    """The article and its published translations, from its `group_rows` annotation
    (group_rows(Article))."""
    rows = getattr(article, "group_rows", None) or []
    return alternates_from(article.language, article.get_absolute_url(), rows, "articles:detail")


def translation_of_section(section: Section, language: str) -> Section | None:
    """The same section in another language, if the newsroom has made it."""
    root = section.translation_of_id or section.pk
    group = Section.objects.filter(Q(pk=root) | Q(translation_of_id=root))
    return group.filter(language=language).first()


def _translated_tags(article: Article, language: str) -> list[Tag]:
    roots = [tag.translation_of_id or tag.pk for tag in article.tags.all()]
    group = Tag.objects.filter(Q(pk__in=roots) | Q(translation_of_id__in=roots))
    return list(group.filter(language=language))


def _free_slug(base: str) -> str:
    slug, number = base[:290], 2
    while Article.objects.filter(slug=slug).exists():
        slug, number = f"{base[:285]}-{number}", number + 1
    return slug


@transaction.atomic
def translation_create(*, article: Article, language: str, by: AbstractBaseUser) -> Article:
    """A draft translation of the article into `language`, with its placement and pictures,
    the original's text left to translate, its authors on the byline and the person who
    asked as its translator. The original of a translation is its group's original."""
    source = article.translation_of or article
    if language == source.language or language not in dict(editions.choices()):
        raise ValidationError(_("An article is translated into another edition's language."))
    if source.translations.filter(language=language).exists():
        raise ValidationError(_("This article has a translation in that language already."))
    section = translation_of_section(source.section, language)
    if section is None:
        raise ValidationError(
            _("Make the section “%(section)s” in that language first.")
            % {"section": source.section.name}
        )
    draft = Article(
        language=language,
        translation_of=source,
        section=section,
        slug=_free_slug(f"{source.slug}-{language}"),
        status=Article.Status.DRAFT,
        **{name: getattr(source, name) for name in [*COPIED_FIELDS, *TEXT_FIELDS]},
    )
    if hasattr(source, "hero_id"):
        draft.hero_id = source.hero_id
    _remember_source(draft, source)
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(_("Translation made from “%(title)s”.") % {"title": source.title})
        draft.save()
        draft.tags.set(_translated_tags(source, language))
        bylines = [
            Byline(article=draft, author_id=b.author_id, part=b.part, role=b.role, position=i)
            for i, b in enumerate(source.bylines.exclude(part=Byline.Part.TRANSLATOR))
        ]
        translator = getattr(by, "author", None)
        if translator is not None:
            bylines.append(
                Byline(
                    article=draft,
                    author=translator,
                    part=Byline.Part.TRANSLATOR,
                    position=len(bylines),
                )
            )
        # One byline per author: a writer translating their own story keeps one line.
        seen, unique = set(), []
        for byline in bylines:
            if byline.author_id not in seen:
                seen.add(byline.author_id)
                unique.append(byline)
        Byline.objects.bulk_create(unique)
    return draft


def _remember_source(draft: Article, source: Article) -> None:
    draft.source_version = source.version
    draft.source_text = article_display(source)


def source_changes(article: Article) -> list[FieldChange]:
    """What the original changed since this translation was last brought up to date with
    it; nothing for an article that is no translation."""
    source = article.translation_of
    if source is None or article.source_version == source.version:
        return []

    def text(display: dict) -> dict:
        return {key: value for key, value in display.items() if key not in NOT_TRANSLATED}

    return changes_between(text(article.source_text), text(article_display(source)))


@transaction.atomic
def translation_mark_current(*, article: Article, by: AbstractBaseUser) -> Article:
    """The translation's editor says it now follows the original as the original is now."""
    article = Article.objects.select_for_update().get(pk=article.pk)
    if article.translation_of is None:
        raise ValidationError(_("This article is no translation."))
    _remember_source(article, article.translation_of)
    Article.objects.filter(pk=article.pk).update(
        source_version=article.source_version, source_text=article.source_text
    )
    return article
