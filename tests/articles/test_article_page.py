import pytest
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db

SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"


@pytest.fixture
def seed_page(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get(Article.objects.get(slug=SEED_SLUG).get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_seed_article_page_shows_every_part_of_the_seed(seed_page):
    """Section label, headline, reading time, hero caption, body, author box, feed, Show More."""
    for part in [
        '<a href="/section/news-feed/">News Feed</a>',
        "NATO plans to establish new post in Kyiv, &#x27;Trump-proof&#x27; Ukraine aid, WSJ reports",
        "2 min read",
        "NATO Secretary-General Jens Stoltenberg",
        "citing U.S. and allied officials.",
        "Wiesbaden coordinating the flow of military equipment",
        "Martin Fornusek",
        "Reporter",
        "He speaks English, Czech, and Ukrainian.",
        'href="/author/martin-fornusek/"',
        "Read more",
        "Russian troops shot dead two unarmed Ukrainian prisoners of war",
        ">Video<",
        "Show More",
    ]:
        assert part in seed_page, part


def test_read_more_never_lists_the_article_itself(seed_page):
    """The "Read more" block does not link back to the article being read."""
    read_more = seed_page.split('id="read-more-title"', 1)[1]
    assert f"/news/{SEED_SLUG}/" not in read_more


def test_draft_article_page_is_404(client):
    """A draft has no public page."""
    from tests.factories import make_article

    draft = make_article(status="draft", publish_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404
