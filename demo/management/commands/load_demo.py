"""Load the demo newsroom: the seed article, 40+ items around it, authors and two logins.

Safe to run twice: what exists is left as it is, so a second run adds nothing.
"""

import sys
from datetime import datetime, timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from tqdm import tqdm

from articles.models import Article, Byline, Section, Tag
from authors.models import Author
from demo import content as demo
from demo import images as demo_images
from demo.bulk import create_bulk_articles
from demo.curation import load_pins
from demo.live import load_live_story, load_ukrainian_live_story
from demo.logins import ensure_logins, login_lines
from demo.newsletters import load_newsletters
from demo.pages import load_pages
from demo.readership import load_view_counts
from demo.ukrainian import load_ukrainian_edition

# Which scenes suit which items (demo/images.py): graphics for comment, lights for video.
SCENES_BY_KIND = {"opinion": ["shapes"], "analysis": ["shapes"], "video": ["lights", "skyline"]}
SCENES_BY_SECTION = {
    "ukraine": ["fields", "hills", "skyline", "lights"],
    "europe": ["skyline", "hills", "harbour"],
    "business": ["harbour", "skyline", "fields"],
}


def scene_for(index: int, *, kind: str, section: str) -> str:
    choices = SCENES_BY_KIND.get(kind) or SCENES_BY_SECTION.get(section) or demo_images.SCENES
    return choices[index % len(choices)]


def publish_time(data: dict, *, index: int, now):
    """When the text says (demo.DATED_ITEMS), else back from now, one item every 95 minutes."""
    dated = demo.DATED_ITEMS.get(data["slug"]) or demo.DATED_ITEMS.get(data["title"])
    if dated:
        return datetime(*dated, tzinfo=timezone.get_current_timezone())
    return now - timedelta(minutes=30 + 95 * index)


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
                name: Tag.objects.in_edition(settings.LANGUAGE_CODE).get_or_create(
                    name=name, slug=slugify(name)
                )[0]
                for name in demo.TAGS
            }
            created = self.load_articles(sections, authors, tags)
            load_live_story(sections=sections, authors=authors)
            created += load_ukrainian_edition()
            load_ukrainian_live_story()
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
            Article.objects.exclude(hero=None).values_list(
                "hero_id", "hero_image", "hero_width", "hero_height", "hero_renditions"
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
            sections[slug], _ = Section.objects.in_edition(settings.LANGUAGE_CODE).get_or_create(
                slug=slug, defaults={"name": name, "description": description, "position": position}
            )
        return sections

    def load_authors(self):
        authors = {}
        for index, data in enumerate(demo.AUTHORS):
            fields = {key: value for key, value in data.items() if key not in {"slug", "color"}}
            author, created = Author.objects.get_or_create(slug=data["slug"], defaults=fields)
            if created:
                author.photo = demo_images.library_portrait(
                    index, name=data["name"], colour=data["color"]
                )
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
        for index, item in enumerate(demo.OTHER_ITEMS):
            section, kind, author, title, tag_names, standfirst = item
            paragraphs = demo.FILLER_PARAGRAPHS[index % 4 :] + demo.FILLER_PARAGRAPHS[: index % 4]
            items.append(
                {
                    "slug": slugify(title),
                    "title": title,
                    "kind": kind,
                    "section": section,
                    "author": author,
                    "tags": tag_names,
                    "standfirst": standfirst,
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
                publish_at=publish_time(data, index=index, now=now),
            )
            if data["kind"] != "brief":
                scene = scene_for(index, kind=data["kind"], section=data["section"])
                article.hero = demo_images.library_image(
                    index, scene=scene, caption=data.get("hero_caption", "")
                )
                article.hero_caption = data.get("hero_caption", "")
            article.save()
            Byline.objects.create(article=article, author=authors[data["author"]])
            article.tags.set([tags[name] for name in data["tags"]])
        return created

    def load_logins(self, authors):
        """Made once, then kept: a second run prints the same passwords."""
        return ensure_logins(authors)
