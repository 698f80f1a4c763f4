"""What search engines, social networks and feed readers are told about an article.

Everything comes from fields the reporters already fill in; the SEO title and
description replace the headline and standfirst when an editor writes them.
"""

import logging

from django.utils.text import Truncator
from PIL import Image

from articles.crops import Crop, centred_crop
from articles.models import Article
from newsroom.identity import absolute_url
from newsroom.richtext import plain_text

# Google asks for 1:1, 4:3 and 16:9 versions, each at least 50,000 pixels.
STRUCTURED_DATA_RATIOS = [(1, 1), (4, 3), (16, 9)]
SOCIAL_RATIO = (16, 9)
CROP_WIDTH = 1200
MIN_IMAGE_PIXELS = 50_000
DESCRIPTION_LENGTH = 200

logger = logging.getLogger(__name__)


def seo_title(article: Article) -> str:
    return article.seo_title or article.title


def description(article: Article) -> str:
    """The SEO description, else the standfirst, else the start of the body."""
    text = article.seo_description or article.standfirst or plain_text(article.body)
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def canonical_url(article: Article) -> str:
    return article.canonical_url or absolute_url(article.get_absolute_url())


def date_modified(article: Article):
    """The last change a reader can see: an edit or a correction, never before publication.

    Reads corrections through the prefetch cache when the caller prefetched them.
    """
    dates = [article.updated_at, article.publish_at]
    dates += [correction.published_at for correction in article.corrections.all()]
    return max(date for date in dates if date)


def hero_crops(article: Article) -> dict[tuple[int, int], Crop]:
    """The 1:1, 4:3 and 16:9 crops of the hero image that are big enough for search engines."""
    if not hasattr(article, "_hero_crops"):
        try:
            crops = {
                ratio: centred_crop(article.hero_image, ratio=ratio, width=CROP_WIDTH)
                for ratio in STRUCTURED_DATA_RATIOS
            }
        except (OSError, ValueError, Image.DecompressionBombError):
            # A missing or damaged file costs the page its image metadata, not the page.
            logger.exception("No crops for the hero image of article %s", article.pk)
            crops = {}
        article._hero_crops = {
            ratio: crop for ratio, crop in crops.items() if crop and crop.pixels >= MIN_IMAGE_PIXELS
        }
    return article._hero_crops


def social_image(article: Article) -> Crop | None:
    """The wide crop shown when the article is shared."""
    return hero_crops(article).get(SOCIAL_RATIO)
