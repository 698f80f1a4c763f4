"""An article as schema.org data: NewsArticle, its breadcrumbs and, for video items, VideoObject."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from articles import video
from articles.metadata import date_modified, description, hero_crops
from articles.models import Article
from authors.structured_data import person
from images.structured_data import image_rights
from website import editions
from website.identity import absolute_url, publisher
from website.structured_data import breadcrumb_list, iso_datetime

ARTICLE_TYPES = {
    Article.Kind.OPINION: "OpinionNewsArticle",
    Article.Kind.ANALYSIS: "AnalysisNewsArticle",
}


def news_article(article: Article) -> dict:
    """The article for Google News and other readers of schema.org.

    Uses the bylines, tags, corrections and library image the caller fetched with it.
    """
    url = absolute_url(article.get_absolute_url())
    authors = [person(byline.author) for byline in article.bylines.all()]
    rights = image_rights(article.hero if article.hero_id else None)
    data = {
        "@type": ARTICLE_TYPES.get(article.kind, "NewsArticle"),
        "@id": f"{url}#article",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.title,
        "description": description(article),
        "image": [
            {"@type": "ImageObject", "url": absolute_url(crop.url), **crop_size(crop), **rights}
            for crop in hero_crops(article).values()
        ],
        "datePublished": iso_datetime(article.publish_at),
        "dateModified": iso_datetime(date_modified(article)),
        "author": authors or [{"@type": "Organization", "name": settings.SITE_NAME}],
        "publisher": publisher(),
        "articleSection": article.section.name,
        "keywords": [tag.name for tag in article.tags.all()],
        "wordCount": article.word_count,
        "inLanguage": editions.language_tag(article.language),
        "isAccessibleForFree": True,
    }
    if corrections := article.corrections.all():
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": iso_datetime(correction.published_at),
            }
            for correction in corrections
        ]
    data.update(translation_links(article))
    if not data["image"]:
        del data["image"]
    return data


def translation_links(article: Article) -> dict:
    """translationOfWork (the original of a translation) or workTranslation (an original's
    translations), from the group the article was fetched with; only published ones."""
    rows = getattr(article, "group_rows", None) or []

    def work(row):
        with translation.override(row["language"]):
            url = absolute_url(reverse("articles:detail", kwargs={"slug": row["slug"]}))
        return {
            "@id": f"{url}#article",
            "url": url,
            "inLanguage": editions.language_tag(row["language"]),
        }

    if article.translation_of_id:
        originals = [row for row in rows if row["id"] == article.translation_of_id]
        return {"translationOfWork": work(originals[0])} if originals else {}
    if rows:
        return {"workTranslation": [work(row) for row in rows]}
    return {}


def crop_size(crop) -> dict:
    return {"width": crop.width, "height": crop.height}


def article_breadcrumbs(article: Article) -> dict:
    return breadcrumb_list(
        [
            (settings.SITE_NAME, reverse("newsfeed:home")),
            (article.section.name, article.section.get_absolute_url()),
            (article.title, article.get_absolute_url()),
        ]
    )


def video_object(article: Article) -> dict | None:
    """The video of a video item, or None for other kinds."""
    if article.kind != Article.Kind.VIDEO or not article.video_url:
        return None
    clip = video.parse(article.video_url)
    thumbnails = [absolute_url(crop.url) for crop in hero_crops(article).values()]
    if not thumbnails and clip and clip.thumbnail_url:
        thumbnails = [clip.thumbnail_url]
    data = {
        "@type": "VideoObject",
        "name": article.title,
        "description": description(article) or article.title,
        "thumbnailUrl": thumbnails,
        "uploadDate": iso_datetime(article.publish_at),
        "url": absolute_url(article.get_absolute_url()),
        "publisher": {"@id": publisher()["@id"]},
    }
    if clip:
        data["embedUrl"] = clip.player_url()
    return data
