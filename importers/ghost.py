"""Reading a Ghost export (the JSON file of Settings → Labs → Export, Ghost 1 to 5)."""

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.utils.text import slugify

from importers import markup
from importers.ghost_markup import Renderer
from importers.records import ExportError, Person, Picture, Post, State, Term

GHOST_URL = "__GHOST_URL__"
STATES = {"published": State.PUBLISHED, "scheduled": State.PUBLISHED}


def parse_time(value) -> datetime | None:
    if not value:
        return None
    try:
        if isinstance(value, int | float):  # Ghost 1 wrote milliseconds
            return datetime.fromtimestamp(value / 1000).astimezone()
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        return None


def by_post(rows: list[dict], key: str) -> dict[str, list[str]]:
    """posts_authors or posts_tags as post id -> ids, in their sort order."""
    grouped: dict[str, list[tuple[int, str]]] = {}
    for row in rows:
        order = row.get("sort_order") or 0
        grouped.setdefault(str(row.get("post_id")), []).append((order, str(row.get(key))))
    return {post: [item for _, item in sorted(items)] for post, items in grouped.items()}


class GhostExport:
    source = "ghost"
    site = ""  # Ghost's ids are ObjectIds, unique across sites

    def __init__(self, path: Path):
        self.path = Path(path)
        data = self._load()
        self.people = {
            str(user["id"]): Person(
                key=str(user["id"]),
                name=markup.text(user.get("name")) or user.get("slug", ""),
                slug=markup.ascii_slug(user.get("slug") or user.get("name")) or "author",
                old_slug=str(user.get("slug") or ""),
                bio=markup.text(user.get("bio")),
                website=user.get("website") or "",
                location=markup.text(user.get("location")),
                photo_url=str(user.get("profile_image") or "").replace(GHOST_URL, ""),
            )
            for user in data.get("users", [])
            if isinstance(user, dict) and user.get("id")
        }
        self.internal_tags = set()
        self.terms = {}
        for tag in data.get("tags", []):
            if not isinstance(tag, dict) or not tag.get("id"):
                continue
            # Internal tags (#name) organise the Ghost admin; readers never saw them.
            if tag.get("visibility") == "internal" or str(tag.get("name", "")).startswith("#"):
                self.internal_tags.add(str(tag["id"]))
                continue
            slug = markup.ascii_slug(tag.get("slug") or tag.get("name"))
            self.terms["tag", str(tag["id"])] = Term(
                kind="tag",
                key=str(tag["id"]),
                name=(markup.text(tag.get("name")) or slug)[:100],
                slug=slug[:100],
                description=markup.text(tag.get("description")),
                old_slug=str(tag.get("slug") or ""),
            )
        self.authors_of = by_post(data.get("posts_authors", []), "author_id")
        self.tags_of = by_post(data.get("posts_tags", []), "tag_id")
        self.meta_of = {str(row.get("post_id")): row for row in data.get("posts_meta", [])}
        self.rows = [row for row in data.get("posts", []) if isinstance(row, dict)]
        self.total = len(self.rows)

    def _load(self) -> dict:
        limit = settings.IMPORT_MAX_BYTES
        if self.path.stat().st_size > limit:
            raise ExportError(f"The file is larger than the import limit of {limit} bytes.")
        raw = self.path.read_bytes()
        try:
            document = json.loads(raw)  # UTF-8, -16 or -32, as JSON allows; nothing else
        except UnicodeDecodeError as error:
            raise ExportError(
                f"The file is not UTF-8 text (byte {error.start}); export it again from Ghost."
            ) from error
        except json.JSONDecodeError as error:
            raise ExportError(
                f"The file is not valid JSON (line {error.lineno}, column {error.colno}): "
                f"{error.msg}. It may be cut short or damaged; export it again."
            ) from error
        except RecursionError as error:
            raise ExportError("The file nests too deeply to be a Ghost export.") from error
        if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
            document = document["db"][0]
        data = document.get("data") if isinstance(document, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
            raise ExportError("This is not a Ghost export: it has no posts.")
        version = str((document.get("meta") or {}).get("version", ""))
        if version and version.split(".")[0] not in {"1", "2", "3", "4", "5", "6"}:
            raise ExportError(f"Ghost {version} exports are not supported (Ghost 1 to 5 are).")
        for name in ("users", "tags", "posts_authors", "posts_tags", "posts_meta"):
            if not isinstance(data.get(name, []), list):
                raise ExportError(f"This is not a Ghost export: its {name} are not a list.")
        return data

    def posts(self) -> Iterator[Post]:
        for row in self.rows:
            yield self._post(row)

    def _post(self, row: dict) -> Post:
        key = str(row.get("id", ""))
        meta = {**row, **{k: v for k, v in self.meta_of.get(key, {}).items() if v}}
        renderer = Renderer()
        body, notes = self._body(row, renderer)
        is_page = row.get("type") == "page" or row.get("page") in {True}
        status = row.get("status", "")
        state = STATES.get(status, State.DRAFT)
        visibility = row.get("visibility") or "public"
        if state == State.PUBLISHED and visibility != "public":
            state = State.DRAFT
            notes.append(f"for {visibility} members only in Ghost: kept as a draft")
        if status == "sent":
            notes.append("sent by email only in Ghost: kept as a draft")
        authors = self.authors_of.get(key) or [str(row.get("author_id") or "")]
        tags = [tag for tag in self.tags_of.get(key, []) if ("tag", tag) in self.terms]
        picture = None
        if row.get("feature_image"):
            picture = Picture(
                url=row["feature_image"].replace(GHOST_URL, ""),
                alt=markup.text(meta.get("feature_image_alt")),
                caption=markup.text(meta.get("feature_image_caption")),
            )
        slug = slugify(row.get("slug") or row.get("title") or "", allow_unicode=True)
        addresses = [f"/{row.get('slug')}/"] if row.get("slug") else []
        if addresses and not is_page:
            addresses.append(f"/{row['slug']}/amp/")
        return Post(
            kind="page" if is_page else "post",
            key=key,
            title=markup.text(row.get("title")),
            slug=slug,
            body=body,
            state=state,
            publish_at=parse_time(row.get("published_at")),
            standfirst=markup.text(row.get("custom_excerpt")),
            authors=[author for author in authors if author in self.people],
            tags=tags,
            picture=picture,
            seo_title=markup.text(meta.get("meta_title")),
            seo_description=markup.text(meta.get("meta_description")),
            canonical_url=(row.get("canonical_url") or "").replace(GHOST_URL, ""),
            old_addresses=addresses,
            notes=notes,
        )

    def _body(self, row: dict, renderer: Renderer) -> tuple[str, list[str]]:
        try:
            if row.get("html"):
                source = row["html"]
            elif row.get("lexical"):
                source = renderer.lexical(row["lexical"])
            elif row.get("mobiledoc"):
                source = renderer.mobiledoc(row["mobiledoc"])
            else:
                source = ""
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return "", ["its editor content could not be read: imported without a body"]
        # Ghost's card classes, as the figure classes the body keeps.
        source = source.replace("kg-image-card", "image kg-image-card")
        return markup.ours(source.replace(GHOST_URL, "")), renderer.notes

    def author_addresses(self, person: Person) -> list[str]:
        return [f"/author/{person.old_slug}/"] if person.old_slug else []

    def term_addresses(self, term: Term) -> list[str]:
        return [f"/tag/{term.old_slug}/"] if term.old_slug else []
