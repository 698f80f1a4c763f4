"""An author as schema.org data: a Person, and the ProfilePage of their author page."""

from authors.models import Author
from website.identity import absolute_url
from website.metadata import description_text
from website.structured_data import iso_datetime


def same_as(author: Author) -> list[str]:
    """The author's own pages elsewhere."""
    urls = [author.website, author.facebook_url, author.linkedin_url]
    if author.x_handle:
        urls.append(f"https://x.com/{author.x_handle.lstrip('@')}")
    if author.instagram_handle:
        urls.append(f"https://www.instagram.com/{author.instagram_handle.lstrip('@')}/")
    return [url for url in urls if url]


def person(author: Author) -> dict:
    url = absolute_url(author.get_absolute_url())
    data = {"@type": "Person", "@id": f"{url}#person", "name": author.name, "url": url}
    if author.role:
        data["jobTitle"] = author.role
    if author.short_bio:
        data["description"] = description_text(author.short_bio)
    if author.photo_id:
        data["image"] = absolute_url(author.photo.file.url)
    if author.languages:
        data["knowsLanguage"] = [
            name.strip() for name in author.languages.split(",") if name.strip()
        ]
    if links := same_as(author):
        data["sameAs"] = links
    return data


def profile_page(author: Author) -> dict:
    return {
        "@type": "ProfilePage",
        "url": absolute_url(author.get_absolute_url()),
        "name": author.name,
        "dateCreated": iso_datetime(author.created_at),
        "dateModified": iso_datetime(author.updated_at),
        "mainEntity": person(author),
    }
