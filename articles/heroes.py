"""An article's hero image is a library image (images.Image), reused as it is.

The article keeps the library image's file name, size and renditions record beside its
own alt text and caption, so reader pages show the hero without joining the library, and
the renditions are those the library made once. A new upload goes into the library first,
or finds the same file already there. Credit and rights are the library's: they are copied
from it on every save, and a change in the library is saved into the articles using it.
"""

from caching import keys, watched
from images import services as library
from images.models import Image

COPIED = ("hero_image", "hero_width", "hero_height", "hero_renditions", "hero_credit")


def attach(article, *, user=None) -> None:
    """Make the article's hero a library image and copy what pages show from it.

    A new upload goes into the library (or finds itself there). A library image chosen
    for the article is used as it is. A stored file named on the article by code (demo
    content, an import) is adopted by the library.
    """
    upload = article.hero_image
    if upload and not upload._committed:
        article.hero, _created = library.add_image(
            upload.file,
            user=user,
            alt_text=article.hero_alt,
            caption=article.hero_caption,
            credit=article.hero_credit,
        )
    elif _file_changed_by_code(article):
        article.hero = (
            library.adopt(
                upload.name,
                alt_text=article.hero_alt,
                caption=article.hero_caption,
                credit=article.hero_credit,
            )
            if upload
            else None
        )
    copy_from_library(article)


def _file_changed_by_code(article) -> bool:
    """The hero file is not the library image's, and no library image was just chosen."""
    name = article.hero_image.name if article.hero_image else ""
    if article.hero_id is None:
        return bool(name)
    if article.hero.file.name == name:
        return False
    saved = type(article).objects.filter(pk=article.pk).values_list("hero_id", flat=True)
    return article.pk is not None and saved.first() == article.hero_id


def copy_from_library(article) -> None:
    hero: Image | None = article.hero if article.hero_id else None
    if hero is None:
        article.hero_image, article.hero_width, article.hero_height = "", None, None
        article.hero_renditions, article.hero_credit = {}, ""
        return
    if article.hero_image.name != hero.file.name:
        # Setting the field reads the file for its size: only when the file is another.
        article.hero_image = hero.file.name
    article.hero_width, article.hero_height = hero.width, hero.height
    article.hero_renditions = hero.renditions
    article.hero_credit = hero.credit
    # The article's own words for this use of the image, else the library's.
    article.hero_alt = article.hero_alt or hero.alt_text
    article.hero_caption = article.hero_caption or hero.caption


def library_changed(sender, instance: Image, raw=False, **kwargs) -> None:
    """(post_save of images.Image) Copy the library's new credit or renditions into the
    articles using the image: not a new version of them (nobody's edit is refused for
    it), but their pages are shown anew."""
    if raw:
        return
    changed = []
    for article in instance.hero_articles.all():
        before = [getattr(article, name) for name in COPIED]
        copy_from_library(article)
        after = [getattr(article, name) for name in COPIED]
        if after != before:
            type(article).objects.filter(pk=article.pk).update(
                **dict(zip(COPIED, after, strict=True))
            )
            changed.append(article.pk)
    if changed:
        watched.shown_changed({keys.shown_pk("articles.Article", pk) for pk in changed})
