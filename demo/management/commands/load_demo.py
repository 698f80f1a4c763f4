"""Load the demo newsroom: the seed article, 40+ items around it, authors and two logins.

Safe to run twice: what exists is left as it is, so a second run adds nothing.
"""

import io
import sys
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw
from tqdm import tqdm

from articles.models import Article, Byline, Section, Tag
from authors.models import Author
from demo import content as demo
from demo.bulk import create_bulk_articles
from demo.curation import load_pins
from demo.logins import ensure_logins, login_lines
from demo.newsletters import load_newsletters
from demo.pages import load_pages
from demo.readership import load_view_counts


def demo_image(seed: int, size=(1600, 900), color=(40, 60, 90)) -> ContentFile:
    """A JPEG drawn with Pillow: a gradient sky and layered shapes, different for each seed."""
    width, height = size
    image = Image.new("RGB", size, color)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 4):
        shade = y / height
        draw.rectangle(
            [0, y, width, y + 4],
            fill=tuple(int(channel * (0.6 + 0.8 * shade)) % 256 for channel in color),
        )
    for index in range(6):
        offset = (seed * 97 + index * 211) % width
        top = height // 2 + ((seed + index) * 37) % (height // 3)
        tone = tuple(max(0, channel - 30 * index) for channel in color)
        draw.polygon([(offset - 500, height), (offset, top), (offset + 500, height)], fill=tone)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    return ContentFile(buffer.getvalue(), name=f"demo-{seed}.jpg")


class Command(BaseCommand):
    help = "Load demo content (the seed article and 40+ items) and two demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            help="Also create this many more realistic articles with bulk inserts (load tests).",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            sections = self.load_sections()
            authors = self.load_authors()
            tags = {
                name: Tag.objects.get_or_create(name=name, slug=slugify(name))[0]
                for name in demo.TAGS
            }
            created = self.load_articles(sections, authors, tags)
            logins = self.load_logins(authors)
            load_pages()
            load_newsletters()
            load_pins()
            load_view_counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {Article.objects.count()} items ({created} new), "
                f"{Author.objects.count()} authors, {Section.objects.count()} sections."
            )
        )
        for line in login_lines(logins):
            self.stdout.write(line)
        if options["articles"]:
            self.load_bulk(options["articles"], sections, authors, tags)

    def load_bulk(self, count, sections, authors, tags):
        hero_images = list(
            Article.objects.exclude(hero_image="").values_list(
                "hero_image", "hero_width", "hero_height", "hero_renditions"
            )[:20]
        )

        with tqdm(total=count, unit="articles", file=sys.stderr) as bar:
            created = create_bulk_articles(
                count,
                sections=list(sections.values()),
                authors=list(authors.values()),
                tags=list(tags.values()),
                hero_images=hero_images,
                progress=lambda done: bar.update(done - bar.n),
            )
        self.stdout.write(self.style.SUCCESS(f"Bulk: {created} more items created."))

    def load_sections(self):
        sections = {}
        for position, (name, slug, description) in enumerate(demo.SECTIONS):
            sections[slug], _ = Section.objects.get_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
        return sections

    def load_authors(self):
        authors = {}
        for index, data in enumerate(demo.AUTHORS):
            fields = {key: value for key, value in data.items() if key not in {"slug", "color"}}
            author, created = Author.objects.get_or_create(slug=data["slug"], defaults=fields)
            if created:
                author.photo.save(
                    f"{data['slug']}.jpg",
                    demo_image(index + 100, size=(400, 400), color=data["color"]),
                    save=False,
                )
                author.photo_alt = f"Portrait of {data['name']}"
                author.save()
            authors[data["slug"]] = author
        return authors

    def load_articles(self, sections, authors, tags):
        now = timezone.now()
        items = [
            {
                **demo.SEED_ARTICLE,
                "body": "".join(f"<p>{p}</p>" for p in demo.SEED_ARTICLE["body"]),
            },
            *demo.SEED_FEED_ITEMS,
        ]
        for index, (section, kind, author, title, tag_names) in enumerate(demo.OTHER_ITEMS):
            paragraphs = demo.FILLER_PARAGRAPHS[index % 4 :] + demo.FILLER_PARAGRAPHS[: index % 4]
            items.append(
                {
                    "slug": slugify(title),
                    "title": title,
                    "kind": kind,
                    "section": section,
                    "author": author,
                    "tags": tag_names,
                    "standfirst": paragraphs[0] if kind != "brief" else f"{title}. {paragraphs[0]}",
                    "body": "" if kind == "brief" else "".join(f"<p>{p}</p>" for p in paragraphs),
                    "video_url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
                    if kind == "video"
                    else "",
                    "is_breaking": index == 0,
                }
            )
        created = 0
        for index, data in enumerate(items):
            if Article.objects.filter(slug=data["slug"]).exists():
                continue
            created += 1
            article = Article(
                slug=data["slug"],
                title=data["title"],
                kind=data["kind"],
                section=sections[data["section"]],
                standfirst=data.get("standfirst", ""),
                body=data.get("body", ""),
                video_url=data.get("video_url", ""),
                is_breaking=data.get("is_breaking", False),
                status=Article.Status.PUBLISHED,
                publish_at=now - timedelta(minutes=30 + 95 * index),
            )
            if data["kind"] != "brief":
                article.hero_image.save(
                    f"{data['slug'][:60]}.jpg",
                    demo_image(index, color=(40 + index * 5 % 120, 60, 90 + index * 7 % 100)),
                    save=False,
                )
                article.hero_alt = data.get("hero_alt") or f"Illustration for: {data['title']}"
                article.hero_caption = data.get("hero_caption", "")
                article.hero_credit = data.get("hero_credit") or "Illustration: The Kyiv Ledger"
            article.save()
            Byline.objects.create(article=article, author=authors[data["author"]])
            article.tags.set([tags[name] for name in data["tags"]])
        return created

    def load_logins(self, authors):
        """Made once, then kept: a second run prints the same passwords."""
        return ensure_logins(authors)
