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
# Headlines after the place's name, each with a standfirst that belongs to it.
EVENTS = [
    (
        "air defense repels overnight drone attack",
        (
            "Air defense units over {place} shot down most of the drones launched overnight, "
            "officials said; falling debris damaged several homes."
        ),
    ),
    (
        "city council approves reconstruction budget",
        (
            "{place}'s council voted through next year's reconstruction budget, with most of the "
            "money for housing, schools and heating."
        ),
    ),
    (
        "power restored after strike on substation",
        (
            "Engineers restored electricity to most of {place} after a strike on a substation left "
            "districts without power overnight."
        ),
    ),
    (
        "volunteers open new shelter for families",
        (
            "A volunteer group in {place} opened a shelter with beds for 120 people, for families "
            "forced from their homes by shelling."
        ),
    ),
    (
        "officials announce evacuation of frontline villages",
        (
            "Authorities ordered families with children to leave villages near {place} as fighting "
            "moved closer, promising transport and housing."
        ),
    ),
    (
        "court hears corruption case",
        (
            "A court in {place} began hearing the case against officials accused of inflating "
            "prices in contracts for military supplies."
        ),
    ),
    (
        "new bridge opens after repairs",
        (
            "Traffic returned to {place}'s main bridge after repairs to damage from a missile "
            "strike, cutting the detour by an hour."
        ),
    ),
    (
        "schools return to classrooms",
        (
            "Pupils in {place} went back to classrooms for the first time in months, with lessons "
            "moving to shelters during air raid alerts."
        ),
    ),
    (
        "allies pledge more aid",
        (
            "Partners meeting in {place} pledged more air defense systems and ammunition, and money"
            " to repair the energy grid."
        ),
    ),
    (
        "energy company warns of winter outages",
        (
            "The power company serving {place} warned of scheduled outages this winter, asking "
            "residents to prepare for blackouts of several hours."
        ),
    ),
    (
        "prosecutors open war crimes investigation",
        (
            "Prosecutors in {place} opened an investigation into the shelling of a residential "
            "district, which they classify as a war crime."
        ),
    ),
    (
        "port handles record grain exports",
        (
            "The port near {place} shipped a record volume of grain last month despite attacks on "
            "its terminals, its operator said."
        ),
    ),
    (
        "hospital gets generators from partners",
        (
            "A hospital in {place} received generators and fuel from partner cities, so that "
            "surgeries can go on through blackouts."
        ),
    ),
]
KINDS = [Article.Kind.ARTICLE] * 6 + [Article.Kind.BRIEF] * 3 + [Article.Kind.VIDEO]


def create_bulk_articles(
    count: int,
    *,
    sections: list,
    authors: list,
    tags: list,
    hero_images: list[tuple[int, str, int, int, dict]],
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
            place = randomizer.choice(PLACES)
            event, standfirst = randomizer.choice(EVENTS)
            title = f"{place}: {event}"
            paragraphs = randomizer.sample(demo.FILLER_PARAGRAPHS * 3, k=randomizer.randint(4, 12))
            hero = {}
            if kind != Article.Kind.BRIEF:
                library_id, name, width, height, record = randomizer.choice(hero_images)
                hero = {
                    "hero_id": library_id,  # one library image, used by many articles
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
                standfirst=standfirst.format(place=place),
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
