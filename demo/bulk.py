"""Many realistic demo articles, fast: bulk inserts in batches, for load tests at scale."""

import random
from collections.abc import Callable
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from articles.models import Article, Byline
from caching.watched import everything_changed
from demo import content as demo

BATCH_SIZE = 2_000
PLACES = [
    "Kyiv",
    "Kharkiv",
    "Lviv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Kherson",
    "Sumy",
    "Brussels",
    "Warsaw",
    "Berlin",
    "Washington",
    "Vilnius",
    "Chernihiv",
    "Poltava",
    "Mykolaiv",
]
EVENTS = [
    "air defense repels overnight drone attack",
    "city council approves reconstruction budget",
    "power restored after strike on substation",
    "volunteers open new shelter for families",
    "officials announce evacuation of frontline villages",
    "court hears corruption case",
    "new bridge opens after repairs",
    "schools return to classrooms",
    "allies pledge more aid",
    "energy company warns of winter outages",
    "prosecutors open war crimes investigation",
    "port handles record grain exports",
    "hospital gets generators from partners",
]
KINDS = [Article.Kind.ARTICLE] * 6 + [Article.Kind.BRIEF] * 3 + [Article.Kind.VIDEO]


def create_bulk_articles(
    count: int,
    *,
    sections: list,
    authors: list,
    tags: list,
    hero_images: list[tuple[str, int, int, dict]],
    progress: Callable[[int], None] = lambda done: None,
) -> int:
    """Insert count published items spread back in time, with bylines and tags."""
    randomizer = random.Random(count)
    start = Article.objects.count()
    now = timezone.now()
    done = 0
    while done < count:
        size = min(BATCH_SIZE, count - done)
        articles = []
        for offset in range(size):
            number = start + done + offset
            kind = randomizer.choice(KINDS)
            title = f"{randomizer.choice(PLACES)}: {randomizer.choice(EVENTS)}"
            paragraphs = randomizer.sample(demo.FILLER_PARAGRAPHS * 3, k=randomizer.randint(4, 12))
            hero = {}
            if kind != Article.Kind.BRIEF:
                name, width, height, record = randomizer.choice(hero_images)
                hero = {
                    "hero_image": name,
                    "hero_width": width,
                    "hero_height": height,
                    "hero_renditions": record,  # the shared image's renditions, made once
                }
            article = Article(
                **hero,
                kind=kind,
                title=title[0].upper() + title[1:],
                slug=f"{slugify(title)}-{number}",
                standfirst=paragraphs[0],
                body=""
                if kind == Article.Kind.BRIEF
                else "".join(f"<p>{p}</p>" for p in paragraphs),
                section=randomizer.choice(sections),
                status=Article.Status.PUBLISHED,
                publish_at=now - timedelta(days=3, minutes=7 * number),
                video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ" if kind == "video" else "",
            )
            if hero:
                article.hero_alt = f"Illustration for: {article.title}"
            article.update_derived_fields()
            articles.append(article)
        with transaction.atomic():
            Article.objects.bulk_create(articles)
            Byline.objects.bulk_create(
                Byline(article=article, author=randomizer.choice(authors)) for article in articles
            )
            Article.tags.through.objects.bulk_create(
                Article.tags.through(article=article, tag=tag)
                for article in articles
                for tag in randomizer.sample(tags, k=randomizer.randint(0, 3))
            )
        done += size
        progress(done)
    with connection.cursor() as cursor:
        cursor.execute(
            "ANALYZE articles_article, articles_byline, articles_article_tags, articles_correction"
        )
    everything_changed()  # bulk inserts send no signals
    return done
