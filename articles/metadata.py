"""What search engines, social networks and feed readers are told about an article.

Everything comes from fields the reporters already fill in; the SEO title and
description replace the headline and standfirst when an editor writes them.
"""

from articles.models import Article
from articles.translations import article_alternates
from images.renditions import CROPS, Rendition
from website import editions
from website.identity import absolute_url
from website.metadata import description_text, feed_links, site_meta
from website.richtext import plain_text
from website.structured_data import iso_datetime

# Google asks for 1:1, 4:3 and 16:9 versions (the crops stored with each upload),
# each at least 50,000 pixels.
SOCIAL_CROP = "16x9"
MIN_IMAGE_PIXELS = 50_000


def seo_title(article: Article) -> str:
    return article.seo_title or article.title


def description(article: Article) -> str:
    """The SEO description, else the standfirst, else the start of the body."""
    text = article.seo_description or article.standfirst or plain_text(article.body)
    return description_text(text)


def canonical_url(article: Article) -> str:
    return article.canonical_url or absolute_url(article.get_absolute_url())


def date_modified(article: Article):
    """The last change a reader can see: an edit or a correction, never before publication.

    Reads corrections through the prefetch cache when the caller prefetched them.
    """
    dates = [article.updated_at, article.publish_at]
    dates += [correction.published_at for correction in article.corrections.all()]
    return max(date for date in dates if date)


def hero_crops(article: Article) -> dict[str, Rendition]:
    """The stored 1:1, 4:3 and 16:9 crops of the hero image big enough for search engines.

    Reads only the record saved with the article; without one there are no crops.
    """
    picture = article.hero_picture
    crops = {key: picture.crop(key) for key in CROPS}
    return {
        key: crop
        for key, crop in crops.items()
        if crop and crop.width * crop.height >= MIN_IMAGE_PIXELS
    }


def social_image(article: Article) -> Rendition | None:
    """The wide crop shown when the article is shared."""
    return hero_crops(article).get(SOCIAL_CROP)


def article_meta(article: Article) -> dict:
    """OpenGraph article metadata; uses the bylines and tags the caller prefetched."""
    authors = [byline.author for byline in article.bylines.all()]
    values = {
        "title": seo_title(article),
        "description": description(article),
        "canonical": canonical_url(article),
        "type": "article",
        "twitter_creator": next((a.x_handle.lstrip("@") for a in authors if a.x_handle), ""),
        "published_time": iso_datetime(article.publish_at),
        "modified_time": iso_datetime(date_modified(article)),
        "section": article.section.name,
        "tags": [tag.name for tag in article.tags.all()],
        "authors": [absolute_url(author.get_absolute_url()) for author in authors],
        "feeds": feed_links(article.section),
        "locale": editions.og_locale(article.language),
        # The languages it is published in besides its own.
        "locale_alternates": [
            editions.og_locale(row["language"])
            for row in article_alternates(article)
            if row["language"] != article.language
        ],
    }
    if image := social_image(article):
        values["twitter_card"] = "summary_large_image"
        values["image"] = {
            "url": absolute_url(image.url),
            "width": image.width,
            "height": image.height,
            "alt": article.hero_alt,
        }
    return site_meta(**values)
