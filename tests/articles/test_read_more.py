from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.selectors import RELATED_ITEMS, article_for_page, read_more_items, read_more_rows
from articles.views import READ_MORE_PAGE_SIZE
from tests.factories import make_article, make_section, make_tag
from tests.html import element, elements, parse, with_class

pytestmark = pytest.mark.django_db


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def newsroom():
    """An article with a tag, and around it related and unrelated items of various ages."""
    home, elsewhere = make_section(), make_section()
    tag, other_tag = make_tag(), make_tag()
    article = make_article(section=home, tags=[tag], publish_at=hours_ago(5))
    items = {
        "same_tag_old": make_article(section=elsewhere, tags=[tag], publish_at=hours_ago(40)),
        "same_tag_new": make_article(section=elsewhere, tags=[tag], publish_at=hours_ago(30)),
        "same_section": make_article(section=home, tags=[other_tag], publish_at=hours_ago(20)),
        "latest": make_article(section=elsewhere, publish_at=hours_ago(1)),
        "older": make_article(section=elsewhere, publish_at=hours_ago(10)),
        "draft": make_article(section=home, tags=[tag], status="draft", publish_at=None),
    }
    return article_for_page(slug=article.slug), items


def test_related_items_come_first_then_the_latest_news(newsroom):
    """Shared tags first, then the same section, then the rest of the feed, newest first."""
    article, items = newsroom
    ids = [pk for pk, _version in read_more_items(article=article)]
    expected = ["same_tag_new", "same_tag_old", "same_section", "latest", "older"]
    assert ids == [items[key].pk for key in expected]


def test_read_more_never_lists_the_article_itself_nor_an_item_twice(newsroom):
    """The article is not in its own Read more; an item sharing several tags shows once."""
    article, items = newsroom
    second_tag = make_tag()
    both = make_article(tags=[*article.tags.all(), second_tag], publish_at=hours_ago(2))
    article.tags.add(second_tag)
    article = article_for_page(slug=article.slug)
    ids = [pk for pk, _version in read_more_items(article=article)]
    assert article.pk not in ids
    assert len(ids) == len(set(ids))
    assert ids[0] == both.pk
    assert items["draft"].pk not in ids


def test_only_the_closest_related_items_jump_the_queue():
    """Beyond the closest few related items, the rest of the feed follows by time."""
    section = make_section()
    article = make_article(section=section, publish_at=hours_ago(1))
    related = [
        make_article(section=section, publish_at=hours_ago(10 + n))
        for n in range(RELATED_ITEMS + 2)
    ]
    newest = make_article(publish_at=hours_ago(2))
    article = article_for_page(slug=article.slug)
    ids = [pk for pk, _version in read_more_items(article=article)]
    assert ids[:RELATED_ITEMS] == [item.pk for item in related[:RELATED_ITEMS]]
    assert ids[RELATED_ITEMS] == newest.pk


@pytest.mark.parametrize("count", [1, RELATED_ITEMS, RELATED_ITEMS + 3, 40])
def test_the_article_pages_one_query_gives_the_streams_first_items(count):
    """read_more_rows (one query, for the article page) agrees with the paged stream."""
    sections, tags = [make_section(), make_section()], [make_tag(), make_tag()]
    items = [
        make_article(
            section=sections[n % 2], tags=tags[: n % 3], publish_at=hours_ago(1 + (n * 7) % 30)
        )
        for n in range(30)
    ]
    article = article_for_page(slug=items[4].slug)
    rows = [(item.pk, item.version) for item in read_more_rows(article=article, count=count)]
    assert rows == read_more_items(article=article)[:count]
    assert [pk for pk, _version in rows] == [
        pk for pk, _version in read_more_items(article=article)
    ][:count]
    assert len(rows) == min(count, len(items) - 1)


def test_read_more_rows_are_ready_for_their_cards(django_assert_num_queries):
    """The article page's Read more comes in one query with what its cards show."""
    section = make_section()
    article = make_article(section=section, publish_at=hours_ago(1))
    related = article_for_page(slug=make_article(section=section, publish_at=hours_ago(2)).slug)
    with django_assert_num_queries(1):
        (item,) = read_more_rows(article=related, count=1)
        assert (item.title, item.kind, item.get_absolute_url()) == (
            article.title,
            article.kind,
            article.get_absolute_url(),
        )
        assert getattr(item, "live_story", None) is None


def test_article_page_shows_the_first_page_and_a_show_more_link(client, newsroom):
    """The Read more block shows its first items and a rel=next link to the next page."""
    article, _ = newsroom
    for hours in range(READ_MORE_PAGE_SIZE):
        make_article(publish_at=hours_ago(50 + hours))
    page = parse(client.get(article.get_absolute_url()))
    read_more = element(page, "//aside[@aria-labelledby='read-more-title']")
    assert len(elements(read_more, f".//article[{with_class('feed-item')}]")) == READ_MORE_PAGE_SIZE
    next_link = element(read_more, ".//a[@rel='next']")
    assert next_link.get("href") == f"/read-more/{article.slug}/?page=2"


def test_show_more_pages_continue_without_repeating(client, newsroom):
    """Page 2 of Read more holds the items after page 1, and no item of page 1."""
    article, _ = newsroom
    extra = [make_article(publish_at=hours_ago(50 + hours)) for hours in range(8)]
    first = client.get(article.get_absolute_url()).content.decode()
    second = client.get(f"/read-more/{article.slug}/?page=2").content.decode()
    # Page 1: three related items, the two latest, then the first of the extra items.
    assert f'href="{extra[0].get_absolute_url()}"' in first
    for item in extra[1:7]:
        assert f'href="{item.get_absolute_url()}"' not in first
        assert f'href="{item.get_absolute_url()}"' in second
    assert f'href="{extra[0].get_absolute_url()}"' not in second


def test_more_parameter_restores_what_show_more_loaded(client, newsroom):
    """?more=2 on the article shows two pages of Read more, as after one Show More."""
    article, _ = newsroom
    extra = [make_article(publish_at=hours_ago(50 + hours)) for hours in range(8)]
    html = client.get(f"{article.get_absolute_url()}?more=2").content.decode()
    assert f'href="{extra[6].get_absolute_url()}"' in html
    assert f'href="{extra[7].get_absolute_url()}"' not in html
    assert f"/read-more/{article.slug}/?page=3" in html


@pytest.mark.parametrize("value", ["0", "-1", "abc", "21", "1.5", ""])
def test_malformed_more_parameter_is_a_404(client, newsroom, value):
    """A ?more= that is not a page count gives the 404 page, never an error."""
    article, _ = newsroom
    response = client.get(f"{article.get_absolute_url()}?more={value}")
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["0", "99", "x"])
def test_out_of_range_read_more_page_is_a_404(client, newsroom, value):
    """A Read more page that does not exist gives the 404 page."""
    article, _ = newsroom
    assert client.get(f"/read-more/{article.slug}/?page={value}").status_code == 404


def test_read_more_is_read_with_the_articles_tags_as_values():
    """The article's tag ids come with it (article_for_page) and go into Read more's query
    as values, so the planner knows how common they are; an article without tags asks
    nothing of the tags. Read from a subquery, an untagged or rarely tagged article had
    PostgreSQL walk the whole archive newest first (40 ms of 10,000 articles)."""
    section, tags = make_section(), [make_tag(), make_tag()]
    tagged = make_article(section=section, tags=tags, publish_at=hours_ago(3))
    untagged = make_article(section=section, publish_at=hours_ago(2))
    other = make_article(tags=tags[:1], publish_at=hours_ago(1))
    for article, expected in ((tagged, other), (untagged, None)):
        article = article_for_page(slug=article.slug)
        assert sorted(article.tag_ids) == sorted(tag.pk for tag in article.tags.all())
        with CaptureQueriesContext(connection) as queries:
            rows = read_more_rows(article=article, count=3)
        (sql,) = [query["sql"] for query in queries]
        if expected is None:
            assert "articles_article_tags" not in sql
        else:
            assert rows[0] == expected
            # Its tags are a value (= ANY(...)), not read from the table a second time.
            assert sql.count('"articles_article_tags"') == 1
            assert '"tag_id" = ANY(' in sql
        assert [(item.pk, item.version) for item in rows] == read_more_items(article=article)[:3]
