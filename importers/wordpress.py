"""Reading a WordPress export (WXR 1.0 to 1.2) as a stream, refusing what could harm us.

The file is read twice, element by element, never whole: the first pass checks
that it is a well-formed WXR file and collects the small things posts refer to
(people, terms, attachments, Co-Authors Plus guest authors); the second yields
the posts. Expat parses it through defusedxml with DTDs forbidden, so entity
bombs and external entities (a local file, a network address) are refused before
any entity is read, and nothing is fetched.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils import timezone
from django.utils.text import slugify

from importers import markup
from importers.records import ExportError, Person, Picture, Post, State, Term
from importers.wordpress_markup import Attachments, Converter

NAMESPACES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
WXR_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(1\.[0-2])/(excerpt/)?$")
VERSIONS = {"1.0", "1.1", "1.2"}
# The meta keys of the SEO plugins most sites use: Yoast, Rank Math, All in One SEO.
SEO_TITLE_KEYS = ("_yoast_wpseo_title", "rank_math_title", "_aioseo_title", "_aioseop_title")
SEO_DESCRIPTION_KEYS = (
    "_yoast_wpseo_metadesc",
    "rank_math_description",
    "_aioseo_description",
    "_aioseop_description",
)
CANONICAL_KEYS = ("_yoast_wpseo_canonical", "rank_math_canonical_url")
EMPTY_DATE = "0000-00-00 00:00:00"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
GUEST_AUTHOR = "guest-author"


def local_name(tag: str) -> str:
    """ "{http://wordpress.org/export/1.2/}post_id" as "wp:post_id", whatever the version."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    if found := WXR_NAMESPACE.match(namespace):
        return ("excerpt:" if found[2] else "wp:") + name
    prefix = NAMESPACES.get(namespace)
    return f"{prefix}:{name}" if prefix else name


def fields(element) -> dict[str, str]:
    """The element's simple children by name (the first of each), text stripped."""
    found = {}
    for child in element:
        found.setdefault(local_name(child.tag), (child.text or "").strip())
    return found


def meta(element) -> dict[str, str]:
    values = {}
    for child in element:
        if local_name(child.tag) == "wp:postmeta":
            pair = fields(child)
            values.setdefault(pair.get("wp:meta_key", ""), pair.get("wp:meta_value", ""))
    return values


def person_key(login: str) -> str:
    return slugify(login or "", allow_unicode=True)


def co_author_login(category) -> str:
    """The login a Co-Authors Plus byline names: its text, or its nicename less "cap-"."""
    nicename = unquote(category.get("nicename", "")).strip()
    return (category.text or "").strip() or nicename.removeprefix("cap-")


def author_slug(login: str, name: str) -> str:
    return markup.ascii_slug(login) or markup.ascii_slug(name) or "author"


def old_address(url: str) -> str | None:
    """The part of an old URL the new site can be asked for: its path, or "?p=ID"."""
    parts = urlsplit(url or "")
    query = parse_qs(parts.query)
    for name in ("p", "page_id"):
        if query.get(name, [""])[0].isdigit():
            return f"?{name}={query[name][0]}"
    if parts.path and parts.path != "/" and not parts.query:
        return parts.path
    return None


class WordPressExport:
    source = "wordpress"

    def __init__(self, path: Path, *, default_timezone=None):
        self.path = Path(path)
        self.timezone = default_timezone or timezone.get_default_timezone()
        self.version = ""
        self.people: dict[str, Person] = {}
        self.terms: dict[tuple[str, str], Term] = {}
        self.attachments = Attachments()
        self.bylined: set[str] = set()
        self.parents: dict[str, str] = {}  # category -> its parent category
        self.total = 0
        self.site = ""  # the old site's address: post ids are only unique within a site
        self._scan()

    # --- reading ---------------------------------------------------------------------

    def _elements(self) -> Iterator[tuple[str, ET.Element]]:
        """(name, element) of every channel-level element and item, each once, then freed."""
        try:
            events = iterparse(str(self.path), events=("start", "end"), forbid_dtd=True)
            depth = 0
            channel = root = None
            for event, element in events:
                if event == "start":
                    depth += 1
                    if depth == 1:
                        root = element
                    elif depth == 2 and local_name(element.tag) == "channel":
                        channel = element
                    continue
                depth -= 1
                if depth == 0 and local_name(element.tag) != "rss":
                    raise ExportError("This is not a WordPress export: it is not an RSS file.")
                if depth == 2 and channel is not None:
                    yield local_name(element.tag), element
                    channel.remove(element)  # memory stays bounded however long the file
                elif depth == 1 and root is not None and element is not channel:
                    root.remove(element)
        except DefusedXmlException as error:
            raise ExportError(
                "The file declares a DTD or entities (<!DOCTYPE ...>). WordPress exports "
                "have none, and entities can expand into gigabytes or read files on this "
                "server, so the file is refused."
            ) from error
        except ET.ParseError as error:
            line, column = error.position
            raise ExportError(
                f"The file is not well-formed XML (line {line}, column {column}): "
                f"{describe_parse_error(error)}. It may be cut short or damaged; export it again."
            ) from error
        except (LookupError, UnicodeError, ValueError) as error:
            raise ExportError(f"The file's text encoding cannot be read: {error}.") from error

    def _scan(self) -> None:
        """The first pass: check the file and collect what the posts refer to."""
        seen_item = False
        for name, element in self._elements():
            if name == "wp:wxr_version":
                self.version = (element.text or "").strip()
            elif name == "wp:base_site_url" or (name == "link" and not self.site):
                self.site = (element.text or "").strip().rstrip("/")
            elif name == "wp:author":
                self._add_author(fields(element))
            elif name in {"wp:category", "wp:tag"}:
                self._add_declared_term(name, fields(element))
            elif name == "item":
                if not seen_item:
                    self._check_version()
                    seen_item = True
                self._scan_item(element)
        self._check_version()
        # Co-Authors Plus bylines of people the file describes nowhere else: named by login.
        for login in self.bylined:
            key = person_key(login)
            if key and key not in self.people:
                self.people[key] = Person(
                    key=key, name=login, slug=author_slug(login, login), old_slug=key
                )

    def _check_version(self) -> None:
        if self.version not in VERSIONS:
            found = f"version {self.version!r}" if self.version else "no WXR version"
            raise ExportError(
                f"This is not a WordPress export of WXR version 1.0, 1.1 or 1.2 ({found})."
            )

    def _add_author(self, values: dict) -> None:
        login = values.get("wp:author_login", "")
        key = person_key(login)
        if not key:
            return
        name = markup.text(values.get("wp:author_display_name")) or login
        self.people[key] = Person(key=key, name=name, slug=author_slug(key, name), old_slug=key)

    def _add_declared_term(self, name: str, values: dict) -> None:
        if name == "wp:category":
            kind, slug = "category", values.get("wp:category_nicename", "")
            label = values.get("wp:cat_name", "")
            description = values.get("wp:category_description", "")
            if parent := unquote(values.get("wp:category_parent", "")).strip():
                self.parents[unquote(slug).strip()] = parent
        else:
            kind, slug = "tag", values.get("wp:tag_slug", "")
            label, description = values.get("wp:tag_name", ""), values.get("wp:tag_description", "")
        self._add_term(kind, slug, label, markup.text(description))

    def _add_term(self, kind: str, slug: str, label: str, description: str = "") -> None:
        key = unquote(slug or "").strip()
        name = markup.text(label) or key
        if key and (kind, key) not in self.terms:
            slug = markup.ascii_slug(key) or markup.ascii_slug(name)
            self.terms[kind, key] = Term(
                kind=kind,
                key=key,
                name=name[:100],
                slug=slug[:100],
                description=description,
                old_slug=key,
            )

    def _scan_item(self, item) -> None:
        values = fields(item)
        post_type = values.get("wp:post_type", "")
        if post_type == "attachment":
            postmeta = meta(item)
            url = values.get("wp:attachment_url") or values.get("guid", "")
            self.attachments.add(
                values.get("wp:post_id", ""),
                values.get("wp:post_parent", ""),
                Picture(
                    url=url,
                    alt=markup.text(postmeta.get("_wp_attachment_image_alt")),
                    caption=markup.text(values.get("excerpt:encoded")),
                ),
            )
        elif post_type == GUEST_AUTHOR:
            self._add_guest_author(meta(item), values)
        elif post_type in {"post", "page"}:
            self.total += 1
            creator = person_key(values.get("dc:creator", ""))
            if creator and creator not in self.people:
                name = values["dc:creator"]
                self.people[creator] = Person(
                    key=creator, name=name, slug=author_slug(creator, name), old_slug=creator
                )
            for category in item.iter("category"):
                domain = category.get("domain", "category")
                kind = {"category": "category", "post_tag": "tag"}.get(domain)
                if kind:
                    self._add_term(kind, category.get("nicename", ""), category.text or "")
                elif domain == "author":
                    self.bylined.add(co_author_login(category))

    def _add_guest_author(self, postmeta: dict, values: dict) -> None:
        """A Co-Authors Plus guest author: a byline with no WordPress account."""
        login = postmeta.get("cap-user_login") or values.get("wp:post_name", "")
        key = person_key(login)
        if not key:
            return
        full_name = " ".join(
            part for part in (postmeta.get("cap-first_name"), postmeta.get("cap-last_name")) if part
        )
        name = markup.text(postmeta.get("cap-display_name") or full_name or values.get("title"))
        self.people[key] = Person(
            key=key,
            name=name or login,
            slug=author_slug(key, name),
            old_slug=key,
            bio=markup.text(postmeta.get("cap-description")),
            website=postmeta.get("cap-website", ""),
        )

    # --- posts -----------------------------------------------------------------------

    def posts(self) -> Iterator[Post]:
        """The second pass: each post and page, in the order of the file."""
        for name, element in self._elements():
            if name == "item":
                values = fields(element)
                if values.get("wp:post_type") in {"post", "page"}:
                    yield self._post(element, values)

    def _post(self, item, values: dict) -> Post:
        key = values.get("wp:post_id", "")
        kind = values["wp:post_type"]
        postmeta = meta(item)
        converter = Converter(self.attachments, key)
        body = converter.convert(values.get("content:encoded", ""))
        title = markup.text(values.get("title"))
        state, notes = self._state(values)
        categories, tags, authors = [], [], []
        for category in item.iter("category"):
            domain = category.get("domain", "category")
            nicename = unquote(category.get("nicename", "")).strip()
            if domain == "category" and nicename:
                categories.append(nicename)
            elif domain == "post_tag" and nicename:
                tags.append(nicename)
            elif domain == "author":  # Co-Authors Plus: the bylines, in order
                authors.append(person_key(co_author_login(category)))
        if not authors and person_key(values.get("dc:creator", "")):
            authors = [person_key(values["dc:creator"])]
        picture = self.attachments.by_id.get(postmeta.get("_thumbnail_id", ""))
        slug = unquote(values.get("wp:post_name", "")) or title
        addresses = [old_address(values.get("link", "")), old_address(values.get("guid", ""))]
        addresses.append(f"?{'page_id' if kind == 'page' else 'p'}={key}")
        return Post(
            kind=kind,
            key=key,
            title=title,
            slug=slugify(slug, allow_unicode=True),
            body=body,
            state=state,
            publish_at=self._date(values),
            standfirst=markup.text(values.get("excerpt:encoded")),
            authors=list(dict.fromkeys(authors)),
            categories=list(dict.fromkeys(categories)),
            tags=list(dict.fromkeys(tags)),
            picture=picture,
            seo_title=seo_value(postmeta, SEO_TITLE_KEYS),
            seo_description=seo_value(postmeta, SEO_DESCRIPTION_KEYS),
            canonical_url=seo_value(postmeta, CANONICAL_KEYS),
            old_addresses=list(dict.fromkeys(filter(None, addresses))),
            notes=notes + converter.notes,
        )

    def _state(self, values: dict) -> tuple[str, list[str]]:
        status = values.get("wp:status", "")
        if values.get("wp:post_password"):
            return State.DRAFT, ["password-protected in WordPress: kept as a draft"]
        if status in {"publish", "future"}:
            return State.PUBLISHED, []
        if status == "pending":
            return State.REVIEW, []
        if status == "private":
            return State.DRAFT, ["private in WordPress: kept as a draft"]
        return State.DRAFT, []

    def _date(self, values: dict) -> datetime | None:
        gmt = values.get("wp:post_date_gmt", "")
        local = values.get("wp:post_date", "")
        try:
            if gmt and gmt != EMPTY_DATE:
                return datetime.strptime(gmt, DATE_FORMAT).replace(tzinfo=UTC)
            if local and local != EMPTY_DATE:
                return timezone.make_aware(datetime.strptime(local, DATE_FORMAT), self.timezone)
            if values.get("pubDate"):
                return parsedate_to_datetime(values["pubDate"])
        except (ValueError, TypeError, OverflowError):
            return None
        return None

    def author_addresses(self, person: Person) -> list[str]:
        return [f"/author/{person.old_slug}/"]

    def term_addresses(self, term: Term) -> list[str]:
        if not term.old_slug:
            return []
        if term.kind != "category":
            return [f"/tag/{term.old_slug}/"]
        # A subcategory's archive is /category/parent/child/ (and /category/child/ too).
        path, seen = [term.old_slug], {term.old_slug}
        while (parent := self.parents.get(path[0])) and parent not in seen:
            path.insert(0, parent)
            seen.add(parent)
        return list(dict.fromkeys([f"/category/{'/'.join(path)}/", f"/category/{term.old_slug}/"]))


def seo_value(postmeta: dict, keys) -> str:
    """The first SEO plugin value that is plain text (titles with %%variables%% are skipped)."""
    for key in keys:
        value = markup.text(postmeta.get(key))
        if value and "%%" not in value:
            return value
    return ""


def describe_parse_error(error: ET.ParseError) -> str:
    message = str(error)
    return message.split(":", 1)[0] if ":" in message else message
