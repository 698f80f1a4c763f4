"""Prepared queries: compiled once, run with each request's values, same rows as the queryset."""

from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.db import connection
from django.db.models import CharField, DateTimeField
from django.db.models.sql.compiler import SQLCompiler
from django.http import Http404
from django.utils import timezone
from django.utils.translation import override as translation_override

from articles.models import Article
from articles.selectors import article_for_page, article_whole, read_more_rows
from tests.factories import make_article, make_author, make_section, make_tag
from website.prepared import Param, any_of, prepared

pytestmark = pytest.mark.django_db

NOW = Param("now", DateTimeField())
LANGUAGE = Param("language", CharField())


@prepared
def newest(count):
    published = Article.objects.published(NOW).in_edition(LANGUAGE)
    return published.select_related("section").order_by("-publish_at", "-id")[:count]


def compilations(run) -> int:
    """How many times `run()` has Django compile a query."""
    with mock.patch.object(
        SQLCompiler, "as_sql", autospec=True, side_effect=SQLCompiler.as_sql
    ) as as_sql:
        run()
    return as_sql.call_count


def test_rows_are_the_querysets():
    """The articles, their fields and their select_related section are those of the queryset."""
    now = timezone.now()
    for hours in (1, 2, 3):
        make_article(publish_at=now - timedelta(hours=hours))
    make_article(language="uk", publish_at=now - timedelta(minutes=5))
    found = newest(2, now=now, language="en")
    expected = list(
        Article.objects.published(now)
        .in_edition("en")
        .select_related("section")
        .order_by("-publish_at", "-id")[:2]
    )
    assert [vars_of(item) for item in found] == [vars_of(item) for item in expected]
    assert [item.section.name for item in found] == [item.section.name for item in expected]


def vars_of(article):
    return {name: value for name, value in vars(article).items() if name != "_state"}


def test_compiled_once_and_run_with_new_values():
    """A second run compiles nothing, and its time and language are its own, not the first's."""
    now = timezone.now()
    older = make_article(publish_at=now - timedelta(hours=2))
    newer = make_article(publish_at=now + timedelta(hours=1))
    ukrainian = make_article(language="uk", publish_at=now - timedelta(hours=3))
    assert newest(5, now=now, language="en") == [older]
    assert compilations(lambda: newest(5, now=now + timedelta(hours=2), language="en")) == 0
    assert newest(5, now=now + timedelta(hours=2), language="en") == [newer, older]
    assert newest(5, now=now, language="uk") == [ukrainian]
    assert compilations(lambda: newest(1, now=now, language="en")) > 0  # another LIMIT


@prepared
def versions_of():
    return Article.objects.filter(any_of("pk", "pks")).order_by("pk").values_list("pk", "version")


def test_values_list_rows_and_a_list_of_ids():
    """A values_list() query gives the queryset's tuples; any_of() takes a new list each run."""
    first, second, third = make_article(), make_article(), make_article()
    assert versions_of(pks=[first.pk, third.pk]) == [
        (first.pk, first.version),
        (third.pk, third.version),
    ]
    assert compilations(lambda: versions_of(pks=[second.pk])) == 0
    assert versions_of(pks=[second.pk]) == [(second.pk, second.version)]


def test_read_more_follows_the_clock_and_the_article():
    """Read more, prepared once, shows a scheduled item once its time comes, and never the
    article it is shown under."""
    now = timezone.now()
    section, tag = make_section(), make_tag()
    first = make_article(section=section, tags=[tag], publish_at=now - timedelta(hours=3))
    second = make_article(section=section, tags=[tag], publish_at=now - timedelta(hours=2))
    scheduled = make_article(section=section, tags=[tag], publish_at=now + timedelta(hours=1))
    with time_machine.travel(now, tick=False):
        assert read_more_rows(article=first, count=5) == [second]
        assert read_more_rows(article=second, count=5) == [first]
    with time_machine.travel(now + timedelta(hours=2), tick=False):
        assert read_more_rows(article=first, count=5) == [scheduled, second]


def test_the_article_and_its_whole_follow_the_clock():
    """The article at an address is found once its time comes; its translation group counts
    only translations published by then."""
    now = timezone.now()
    source = make_article(publish_at=now - timedelta(hours=1), authors=[make_author()])
    translation = make_article(
        language="uk", translation_of=source, publish_at=now + timedelta(hours=1)
    )
    with time_machine.travel(now, tick=False):
        assert article_whole(pk=source.pk).group_rows == []
        with translation_override("uk"), pytest.raises(Http404):
            article_for_page(slug=translation.slug)
    with time_machine.travel(now + timedelta(hours=2), tick=False):
        with translation_override("uk"):
            assert article_for_page(slug=translation.slug) == translation
        whole = article_whole(pk=source.pk)
        assert [row["id"] for row in whole.group_rows] == [translation.pk]
        assert [byline.author for byline in whole.bylines.all()] == [
            byline.author for byline in source.bylines.all()
        ]


def test_an_article_page_rendered_again_compiles_no_query(client, settings):
    """Rendered from nothing a second time, the article page compiles none of its queries."""
    settings.PAGE_CACHE_ENABLED = False
    settings.FRAGMENT_CACHE_ENABLED = False
    section, tag = make_section(), make_tag()
    article = make_article(section=section, tags=[tag], authors=[make_author()])
    for hours in (1, 2, 3):
        make_article(
            section=section, tags=[tag], publish_at=timezone.now() - timedelta(hours=hours)
        )
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    compiled = []
    original = SQLCompiler.as_sql

    def noting(compiler, *args, **kwargs):
        sql, params = original(compiler, *args, **kwargs)
        compiled.append(compiler.query.model._meta.label)
        return sql, params

    with mock.patch.object(SQLCompiler, "as_sql", noting):
        assert client.get(url).status_code == 200
    assert compiled == []


def test_the_whole_article_reads_nothing_more(django_assert_num_queries):
    """Its bylines (with their authors), tags and corrections are at hand, in the models'
    orders, as prefetch_related() would leave them."""
    tags = [make_tag(name="Zaporizhzhia"), make_tag(name="Avdiivka")]
    authors = [make_author(name="Second"), make_author(name="First")]
    article = make_article(authors=authors, tags=tags, corrections=["One.", "Two."])
    with django_assert_num_queries(4):
        whole = article_whole(pk=article.pk)
    with django_assert_num_queries(0):
        assert [byline.author.name for byline in whole.bylines.all()] == ["Second", "First"]
        assert all(byline.article is whole for byline in whole.bylines.all())
        assert [tag.name for tag in whole.tags.all()] == ["Avdiivka", "Zaporizhzhia"]
        assert [correction.text for correction in whole.corrections.all()] == ["One.", "Two."]


def prepared_statements() -> dict[str, tuple[int, int]]:
    """The statements prepared on this connection: how often each was planned generically
    (once, then reused) and for its values."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements")
        return {statement: (generic, custom) for statement, generic, custom in cursor.fetchall()}


def test_prepared_queries_are_statements_postgresql_plans_once_per_connection():
    """Run as prepared statements, with the values apart from the SQL: every run after the
    first is one more execution of a statement already there, none is added. Planning is
    PostgreSQL's to choose (a generic plan made once, or a plan for the values); the rows
    are the queryset's, whichever it picks."""
    section = make_section()
    made = [
        make_article(section=section, publish_at=timezone.now() - timedelta(hours=n))
        for n in range(4)
    ]
    values = {"now": timezone.now(), "language": "en"}
    before = prepared_statements()
    first = newest(3, **values)
    added = {sql: plans for sql, plans in prepared_statements().items() if sql not in before}
    assert len(added) == 1
    ((statement, _plans),) = added.items()
    assert "$1" in statement  # the values are sent apart
    assert "LIMIT 3" in statement
    for _ in range(7):
        assert [item.pk for item in newest(3, **values)] == [item.pk for item in first]
    after = prepared_statements()
    assert set(after) == set(before) | {statement}
    assert sum(after[statement]) == 8
    assert [item.pk for item in first] == [item.pk for item in made[:3]]
