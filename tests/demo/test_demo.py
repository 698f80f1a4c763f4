import pytest
from django.core.management import call_command

from articles.models import Article, Section
from authors.models import Author

pytestmark = pytest.mark.django_db

SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"


def counts():
    return (Article.objects.count(), Author.objects.count(), Section.objects.count())


def test_load_demo_twice_gives_the_same_content(demo_loaded):
    """Running load_demo twice leaves the same numbers of items, authors and sections."""
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == first
    items, authors, sections = first
    assert items >= 40
    assert authors >= 4
    assert sections >= 4


def test_demo_has_every_kind_and_the_seed_article(demo_loaded):
    """The demo has briefs, videos and the seed article as the seed page shows it."""
    kinds = set(Article.objects.published().values_list("kind", flat=True))
    assert {"article", "brief", "video"} <= kinds
    seed = Article.objects.published().get(slug=SEED_SLUG)
    assert seed.section.name == "News Feed"
    assert seed.hero_caption == "NATO Secretary-General Jens Stoltenberg"
    assert seed.hero_image.width * seed.hero_image.height >= 50_000
    assert seed.reading_time == 2
    byline = seed.bylines.get()
    assert (byline.author.name, byline.author.role) == ("Martin Fornusek", "Reporter")


def test_demo_logins_are_printed_and_work(demo_loaded, client):
    """The demo prints an editor and a reporter login whose passwords let them into the admin."""
    logins = dict(
        line.split(": ", 1)[1].split(" / ")
        for line in demo_loaded.splitlines()
        if line.startswith("Demo login")
    )
    assert set(logins) == {"editor", "reporter"}
    for username, password in logins.items():
        assert client.login(username=username, password=password)
        assert client.get("/admin/").status_code == 200
        client.logout()


def test_every_demo_item_has_a_working_page(demo_loaded, client):
    """Every demo item's page, and every page of the news feed, answers 200."""
    for article in Article.objects.published():
        assert client.get(article.get_absolute_url()).status_code == 200, article.slug
    assert client.get("/news-feed/?page=2").status_code == 200
    assert client.get("/news-feed/?page=3").status_code == 200


def test_bulk_articles_are_complete_and_published(demo_loaded):
    """load_demo --articles N adds N published items with bylines, measured and unique."""
    before = Article.objects.count()
    call_command(
        "load_demo",
        articles=150,
        stdout=open("/dev/null", "w"),  # noqa: SIM115
        stderr=open("/dev/null", "w"),  # noqa: SIM115
    )
    added = Article.objects.order_by("-id")[:150]
    assert Article.objects.count() == before + 150
    assert Article.objects.published().count() == before + 150
    assert all(article.bylines.exists() for article in added)
    assert all(article.reading_time >= 1 for article in added)
    assert {article.kind for article in added} >= {"article", "brief", "video"}
