"""Search and social metadata of listing pages: home, section, tag, author, news feed.

Articles build theirs in articles/metadata.py; both start from website/metadata.py.
"""

from django.utils.translation import gettext as _

from articles.models import Section, Tag
from authors.models import Author
from website.identity import absolute_url
from website.metadata import canonical_for, feed_links, site_meta


def listing_meta(request, subject=None, title="") -> dict:
    """Metadata for a home, section, tag, author or other listing page."""
    values = {"canonical": canonical_for(request), "feeds": feed_links(subject)}
    if title:
        values["title"] = title
    if isinstance(subject, Section):
        values.update(title=subject.name, description=subject.description or subject.name)
    elif isinstance(subject, Tag):
        description = _("Stories about %(name)s.") % {"name": subject.name}
        values.update(title=subject.name, description=description)
    elif isinstance(subject, Author):
        profile = subject.in_language()
        values.update(
            title=profile.name,
            description=profile.short_bio or profile.role or profile.name,
            type="profile",
        )
        if subject.photo_id:
            values["image"] = {
                "url": absolute_url(subject.photo.file.url),
                "width": subject.photo.width,
                "height": subject.photo.height,
                "alt": subject.photo.alt_text,
            }
    return site_meta(**values)
