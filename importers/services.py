"""Writing an export into the newsroom: authors, sections, tags, articles, site pages and
the old addresses, in one transaction, updating what an earlier import of it brought."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Byline, Section, Tag
from authors.models import Author
from caching.watched import everything_changed
from images import renditions
from images import services as library
from images.models import Image
from importers import markup
from importers.ghost import GhostExport
from importers.media import ImageStore, MediaFolder
from importers.models import ImportedItem, OldAddress, Source
from importers.records import ExportError, Person, Post, Report, State, Term, digest
from importers.wordpress import WordPressExport
from pages.models import Page

Kind = ImportedItem.Kind
READERS = {Source.WORDPRESS: WordPressExport, Source.GHOST: GhostExport}
# Articles are written this many at a time.
BATCH_SIZE = 500
# What an import writes of an existing article (the derived fields included).
BULK_FIELDS = [
    *("title", "standfirst", "body", "section", "status", "publish_at", "first_published_at"),
    *("seo_title", "seo_description", "canonical_url", "word_count", "reading_time"),
    *("hero_image", "hero_width", "hero_height", "hero_alt", "hero_caption", "hero_renditions"),
    *("version", "updated_at"),
]


@dataclass
class Pending:
    """An article waiting for its batch to be written, with what goes with it."""

    article: Article
    item: ImportedItem | None
    post: Post
    fingerprint: str
    tags: list[Tag]
    authors: list[Author]


class SectionsFrom:
    """Which terms of the export become sections; the rest become tags."""

    CATEGORIES = "categories"  # WordPress's categories (a post's first is its section)
    PRIMARY_TAG = "primary-tag"  # a post's first tag, as Ghost themes show it
    NONE = "none"  # every post goes to the default section

    choices = (CATEGORIES, PRIMARY_TAG, NONE)


class Rollback(Exception):
    """Raised inside the transaction of a dry run, so nothing it wrote is kept."""


def read_export(*, source: str, path: Path):
    """The export at path, read and checked; ExportError says why a file is refused."""
    try:
        return READERS[source](path)
    except OSError as error:
        raise ExportError(f"The file cannot be read: {error.strerror or error}.") from error


def import_file(
    *,
    source: str,
    path: Path,
    media: Path | None = None,
    sections_from: str | None = None,
    default_section: str = "News",
    dry_run: bool = False,
    progress: Callable[[Iterable, int], Iterable] | None = None,
) -> Report:
    """Import the export at path. A file that cannot be trusted imports nothing; the report
    says so, and otherwise what was created, updated, left unchanged and skipped, and why."""
    report = Report(dry_run=dry_run)
    try:
        export = read_export(source=source, path=path)
        if sections_from is None:
            sections_from = (
                SectionsFrom.CATEGORIES if source == Source.WORDPRESS else SectionsFrom.PRIMARY_TAG
            )
        with transaction.atomic():
            loader = Loader(
                source=source,
                export=export,
                report=report,
                media=MediaFolder(media),
                sections_from=sections_from,
                default_section=default_section,
                dry_run=dry_run,
            )
            loader.load(progress or (lambda items, total: items))
            if dry_run:
                raise Rollback
    except Rollback:
        pass
    except ExportError as error:
        report.error = str(error)
    except DatabaseError as error:
        report.error = f"The database refused an item, so the whole import was undone: {error}"
    return report


class Loader:
    def __init__(self, *, source, export, report, media, sections_from, default_section, dry_run):
        self.source = source
        self.export = export
        self.report = report
        self.sections_from = sections_from
        self.default_section_name = default_section
        self.site = export.site[:200]
        self.images = ImageStore(
            source=source, site=self.site, folder=media, report=report, dry_run=dry_run
        )
        self.now = timezone.now()
        self.items = {
            (item.kind, item.source_id): item
            for item in ImportedItem.objects.filter(source=source, site=self.site).exclude(
                kind=Kind.IMAGE
            )
        }
        self.types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Author, Section, Tag, Article, Page)
        }
        self.authors: dict[str, Author] = {}
        self.sections: dict[str, Section] = {}
        self.tags: dict[str, Tag] = {}
        self.addresses: list[tuple[str, ImportedItem]] = []
        self.batch: list[Pending] = []
        self.written_in_bulk = False
        posts = [item.object_id for (kind, _), item in self.items.items() if kind == Kind.POST]
        self.article_ids = set(Article.objects.filter(pk__in=posts).values_list("pk", flat=True))
        # Every slug in use, so that each new article's is found without a query.
        self.article_slugs = set(Article.objects.values_list("slug", flat=True))

    # --- the mapping table ---------------------------------------------------------------

    def known(self, kind: str, key: str, model):
        """The item an earlier import made of (kind, key) and its object, if both still exist."""
        item = self.items.get((kind, key))
        if item is None or item.object_id is None:
            return item, None
        return item, model.objects.filter(pk=item.object_id).first()

    def remember(self, item, kind: str, key: str, obj, fingerprint: str) -> ImportedItem:
        if item is None:
            item = ImportedItem(source=self.source, site=self.site, kind=kind, source_id=key)
        item.content_type = self.types[type(obj)]
        item.object_id = obj.pk
        item.fingerprint = fingerprint
        item.save()
        self.items[kind, key] = item
        return item

    def outcome(self, item, obj, fingerprint: str) -> str:
        if obj is None:
            return "created"
        return "unchanged" if item.fingerprint == fingerprint else "updated"

    # --- the whole export -----------------------------------------------------------------

    def load(self, progress) -> None:
        for person in self.export.people.values():
            self.author(person)
        for term in self.export.terms.values():
            self.term(term)
        for post in progress(self.export.posts(), self.export.total):
            self.post(post)
        self.write_batch()
        self.save_addresses()
        if self.written_in_bulk and not self.images.dry_run:
            everything_changed()  # bulk writes send no signals

    def author(self, person: Person) -> Author:
        """A byline without a login: no account, no password, no private email."""
        fingerprint = digest(person.__dict__)
        item, author = self.known(Kind.AUTHOR, person.key, Author)
        outcome = self.outcome(item, author, fingerprint)
        if author is None:
            author = Author.objects.filter(slug=person.slug[:200]).first()
            if author is not None:
                self.report.note(
                    f"Author {person.name} is the existing author {author.get_absolute_url()}"
                )
        if author is None:
            author = Author(slug=self.free_slug(Author, person.slug or "author", 200))
        if outcome != "unchanged":
            author.name = markup.shorten(person.name, 200) or author.slug
            author.short_bio = markup.shorten(person.bio, 300)
            author.location = markup.shorten(person.location, 200)
            author.website = valid_url(person.website)
            self.photo(author, person)
            author.save()
            item = self.remember(item, Kind.AUTHOR, person.key, author, fingerprint)
            for path in self.export.author_addresses(person):
                self.addresses.append((path, item))
        self.report.count(outcome, "author")
        self.authors[person.key] = author
        return author

    def photo(self, author: Author, person: Person) -> None:
        """The author's picture from the old site, checked like an upload; their name is its alt."""
        if not person.photo_url or author.photo_id:
            return
        field = Image._meta.get_field("file")
        folder = timezone.now().strftime("authors/%Y")
        what = f"author {person.name}"
        name = self.images.store(person.photo_url, storage=field.storage, folder=folder, what=what)
        if name and not self.images.dry_run:
            # Into the media library, like every picture the desk uses.
            author.photo = library.adopt(name, alt_text=markup.shorten(person.name, 300))

    def term(self, term: Term):
        """A term as a section or a tag, as the import was told; existing ones are reused."""
        as_section = term.kind == "category" and self.sections_from == SectionsFrom.CATEGORIES
        if as_section:
            return self.section_for(term)
        return self.tag_for(term)

    def section_for(self, term: Term) -> Section:
        key = f"{term.kind}:{term.key}"
        if key in self.sections:
            return self.sections[key]
        section = self.shared_term(Kind.SECTION, key, term, Section)
        self.sections[key] = section
        return section

    def tag_for(self, term: Term) -> Tag:
        key = f"{term.kind}:{term.key}"
        if key in self.tags:
            return self.tags[key]
        tag = self.shared_term(Kind.TAG, key, term, Tag)
        self.tags[key] = tag
        return tag

    def shared_term(self, kind: str, key: str, term: Term, model):
        fingerprint = digest(term.__dict__)
        item, obj = self.known(kind, key, model)
        outcome = self.outcome(item, obj, fingerprint)
        slug = term.slug or markup.ascii_slug(term.name) or model._meta.model_name
        if obj is None:
            obj = (
                model.objects.filter(slug=slug).first()
                or model.objects.filter(name__iexact=term.name).first()
            )
        if obj is None:
            obj = model.objects.create(name=term.name, slug=slug)
        elif outcome == "updated" and model is Section and term.description:
            obj.description = term.description
            obj.save(update_fields=["description"])
        if model is Section and not obj.description and term.description:
            obj.description = term.description
            obj.save(update_fields=["description"])
        if outcome != "unchanged":
            item = self.remember(item, kind, key, obj, fingerprint)
            for path in self.export.term_addresses(term):
                self.addresses.append((path, item))
        self.report.count(outcome, model._meta.model_name)
        return obj

    def default_section(self) -> Section:
        if "" not in self.sections:
            name = self.default_section_name
            self.sections[""] = (
                Section.objects.filter(name__iexact=name).first()
                or Section.objects.filter(slug=slugify(name)).first()
                or Section.objects.create(name=name, slug=slugify(name) or "news")
            )
        return self.sections[""]

    # --- posts and pages ------------------------------------------------------------------

    def post(self, post: Post) -> None:
        label = f"{post.kind} {post.key} “{markup.shorten(post.title, 60)}”"
        if not post.key:
            self.report.skip(
                post.kind, f"“{markup.shorten(post.title, 60)}”", "it has no id in the export"
            )
            return
        if not post.title and not markup.text(post.body):
            self.report.skip(post.kind, post.key, "it has neither a title nor any text")
            return
        if post.state == State.PUBLISHED and post.publish_at is None:
            post.state = State.DRAFT
            post.notes.append("published, but with no date: kept as a draft")
        post.title = post.title or markup.shorten(markup.text(post.body), 80)
        for note in post.notes:
            self.report.note(f"{label[0].upper()}{label[1:]}: {note}")
        if post.kind == "page":
            self.page(post, label)
        else:
            self.article(post, label)

    def placement(self, post: Post) -> tuple[Section, list[Tag]]:
        terms = self.export.terms
        categories = [
            terms[key] for key in (("category", k) for k in post.categories) if key in terms
        ]
        tags = [terms[key] for key in (("tag", k) for k in post.tags) if key in terms]
        section = None
        if self.sections_from == SectionsFrom.CATEGORIES:
            if categories:
                section = self.section_for(categories[0])
            tag_terms = tags
        else:
            tag_terms = categories + tags
            if self.sections_from == SectionsFrom.PRIMARY_TAG and tags:
                primary = tags[0]
                section = self.section_for(
                    Term(
                        kind="primary",
                        key=primary.key,
                        name=primary.name,
                        slug=primary.slug,
                        old_slug=primary.old_slug,
                    )
                )
        return section or self.default_section(), list(
            dict.fromkeys(self.tag_for(term) for term in tag_terms)
        )

    def article(self, post: Post, label: str) -> None:
        """An article, written with the others of its batch (bulk writes, no signals)."""
        fingerprint = post.fingerprint()
        item = self.items.get((Kind.POST, post.key))
        exists = item is not None and item.object_id in self.article_ids
        if exists and item.fingerprint == fingerprint:
            self.report.count("unchanged", "post")
            return
        if exists:
            article = Article.objects.get(pk=item.object_id)
        else:
            article = Article(slug=self.free_article_slug(post.slug or f"post-{post.key}"))
        section, tags = self.placement(post)
        article.title = markup.shorten(post.title, 300)
        article.standfirst = post.standfirst
        article.body = self.images.body_images(post.body, what=label)
        article.section = section
        article.status, article.publish_at = self.status(post, Article.Status)
        article.seo_title = markup.shorten(post.seo_title, 70)
        article.seo_description = markup.shorten(post.seo_description, 200)
        article.canonical_url = valid_url(post.canonical_url)
        self.hero(article, post, label)
        authors = [self.authors[key] for key in dict.fromkeys(post.authors) if key in self.authors]
        self.batch.append(Pending(article, item, post, fingerprint, tags, authors))
        self.report.count("updated" if exists else "created", "post")
        if len(self.batch) >= BATCH_SIZE:
            self.write_batch()

    def write_batch(self) -> None:
        """The pending articles, their bylines, tags, mapping and old addresses, in bulk."""
        batch, self.batch = self.batch, []
        if not batch:
            return
        now = timezone.now()
        created = [entry.article for entry in batch if entry.article.pk is None]
        updated = [entry.article for entry in batch if entry.article.pk is not None]
        for article in created + updated:
            article.update_derived_fields()  # what save() does, for the bulk path
            article.hero_renditions = renditions.record_for(
                article.hero_image, article.hero_renditions
            )
        for article in updated:
            article.version += 1
            article.updated_at = now
        Article.objects.bulk_create(created)
        Article.objects.bulk_update(updated, fields=BULK_FIELDS)
        self.article_ids.update(article.pk for article in created)
        links = Article.tags.through
        links.objects.filter(article__in=updated).delete()
        links.objects.bulk_create(
            links(article=entry.article, tag=tag) for entry in batch for tag in entry.tags
        )
        Byline.objects.filter(article__in=updated).delete()
        Byline.objects.bulk_create(
            Byline(article=entry.article, author=author, position=position)
            for entry in batch
            for position, author in enumerate(entry.authors)
        )
        items = []
        for entry in batch:
            item = entry.item or ImportedItem(
                source=self.source, site=self.site, kind=Kind.POST, source_id=entry.post.key
            )
            item.content_type = self.types[Article]
            item.object_id = entry.article.pk
            item.fingerprint = entry.fingerprint
            item.imported_at = now
            self.items[Kind.POST, entry.post.key] = item
            items.append(item)
            self.addresses.extend((path, item) for path in entry.post.old_addresses)
        known = [item for item in items if item.pk is not None]
        ImportedItem.objects.bulk_create([item for item in items if item.pk is None])
        ImportedItem.objects.bulk_update(
            known, fields=["content_type", "object_id", "fingerprint", "imported_at"]
        )
        self.written_in_bulk = True
        self.save_addresses()  # so the list stays as short as a batch

    def status(self, post: Post, statuses) -> tuple[str, object]:
        if post.state == State.PUBLISHED:
            return statuses.PUBLISHED, post.publish_at
        if post.state == State.REVIEW:
            return statuses.IN_REVIEW, post.publish_at
        return statuses.DRAFT, post.publish_at

    def hero(self, article: Article, post: Post, label: str) -> None:
        picture = post.picture
        if picture is None or not picture.url:
            article.hero_image, article.hero_alt, article.hero_caption = "", "", ""
            return
        field = Article._meta.get_field("hero_image")
        folder = field.generate_filename(article, "x").rsplit("/", 1)[0]
        name = self.images.store(picture.url, storage=field.storage, folder=folder, what=label)
        if not name:
            return
        alt = picture.alt or picture.caption
        if not alt:
            alt = article.title
            self.report.note(f"{label}: the feature image has no alt text; the headline stands in")
        article.hero_image = name if not self.images.dry_run else ""
        article.hero_alt = markup.shorten(alt, 300)
        article.hero_caption = markup.shorten(picture.caption, 500)

    def page(self, post: Post, label: str) -> None:
        """About, Contact and the like: site pages, public only when public in the source."""
        fingerprint = post.fingerprint()
        item, page = self.known(Kind.PAGE, post.key, Page)
        outcome = self.outcome(item, page, fingerprint)
        if outcome == "unchanged":
            self.report.count(outcome, "page")
            return
        if page is None:
            # Site pages live at /<slug>/, where only ASCII slugs are routed.
            slug = self.free_slug(Page, markup.ascii_slug(post.slug) or f"page-{post.key}", 100)
            if not Page.address_is_free(slug):
                slug = self.free_slug(Page, f"{slug[:94]}-page", 100)
                self.report.note(f"{label}: /{post.slug}/ is an address of the site; now /{slug}/")
            page = Page(slug=slug, show_in_footer=False)
        page.title = markup.shorten(post.title, 200)
        page.body = self.images.body_images(post.body, what=label)
        page.seo_title = markup.shorten(post.seo_title, 200)
        page.seo_description = markup.shorten(post.seo_description or post.standfirst, 300)
        live = post.state == State.PUBLISHED and post.publish_at <= self.now
        if post.state == State.PUBLISHED and not live:
            self.report.note(
                f"{label}: scheduled in the source; publish it here when its time comes"
            )
        page.is_published = live
        page.save()
        item = self.remember(item, Kind.PAGE, post.key, page, fingerprint)
        self.addresses.extend(
            (path, item) for path in post.old_addresses if path != page.get_absolute_url()
        )
        self.report.count(outcome, "page")

    # --- helpers ----------------------------------------------------------------------

    def free_article_slug(self, slug: str) -> str:
        """free_slug for articles, counting those of the batch not yet written."""
        base = slug[:300].strip("-") or "post"
        candidate, number = base, 1
        while candidate in self.article_slugs:
            number += 1
            candidate = f"{base[: 300 - len(str(number)) - 1]}-{number}"
        self.article_slugs.add(candidate)
        return candidate

    def free_slug(self, model, slug: str, limit: int) -> str:
        """slug, or slug-2, slug-3... when another row already has it."""
        base = slug[:limit].strip("-") or model._meta.model_name
        candidate, number = base, 1
        while model.objects.filter(slug=candidate).exists():
            number += 1
            suffix = f"-{number}"
            candidate = base[: limit - len(suffix)] + suffix
        return candidate

    def save_addresses(self) -> None:
        """The old addresses, the first claim on each kept (one item per address)."""
        wanted = {}
        for path, item in self.addresses:
            wanted.setdefault(path[:500], item)
        self.addresses = []
        existing = set(OldAddress.objects.filter(path__in=wanted).values_list("path", flat=True))
        OldAddress.objects.bulk_create(
            [
                OldAddress(path=path, item=item)
                for path, item in wanted.items()
                if path not in existing
            ],
            batch_size=1000,
        )
        if created := len(set(wanted) - existing):
            self.report.counts["created", "redirect"] += created


def valid_url(value: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > 200:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value
