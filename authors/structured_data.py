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
    """The author as the page's edition shows them: name, role, description and languages
    from the bio in its language where there is one (Author.in_language)."""
    profile = author.in_language()
    url = absolute_url(author.get_absolute_url())
    data = {"@type": "Person", "@id": f"{url}#person", "name": profile.name, "url": url}
    if profile.role:
        data["jobTitle"] = profile.role
    if profile.short_bio:
        data["description"] = description_text(profile.short_bio)
    if author.photo_id:
        data["image"] = absolute_url(author.photo.file.url)
    if profile.languages:
        data["knowsLanguage"] = [
            name.strip() for name in profile.languages.split(",") if name.strip()
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
