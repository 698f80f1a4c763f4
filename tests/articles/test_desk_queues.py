"""The admin's home as a desk: each role's queues, their counts, one click to each article."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import ArticleTransition
from tests.factories import make_article, make_article_in_state, make_staff
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db

HOME = reverse("admin:index")


def queue(page, key):
    return element(page, f"//section[{with_class('desk-queue--' + key)}]")


def titles(page, key):
    return [
        text(link) for link in elements(queue(page, key), f".//a[{with_class('desk-item__title')}]")
    ]


def nav_counts(page):
    return {
        text(link).rsplit(" ", 1)[0]: int(text(element(link, ".//span")))
        for link in elements(page, "//nav[@class='desk-nav']//a")
    }


def reporters_work(reporter, editor):
    """One article of the reporter's in each of their queues, and a colleague's draft."""
    own = [reporter.author]
    now = timezone.now()
    make_article_in_state("draft", title="My draft", authors=own)
    returned = make_article_in_state("draft", title="Returned draft", authors=own)
    services.article_submit(article=returned, by=reporter)
    services.article_send_back(article=returned, by=editor, note="Add a source.")
    waiting = make_article_in_state("draft", title="Waiting story", authors=own)
    services.article_submit(article=waiting, by=reporter)
    make_article_in_state("scheduled", title="Embargoed story", authors=own)
    make_article(title="Fresh story", authors=own, publish_at=now - timedelta(hours=3))
    make_article(title="Old story", authors=own, publish_at=now - timedelta(days=5))
    make_article_in_state(
        "draft", title="Colleague draft", authors=[make_staff(role="Reporters").author]
    )


def test_reporter_sees_their_queues(client):
    """A reporter's home lists their drafts, sent back, in review, scheduled and recent work."""
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    reporters_work(reporter, editor)
    client.force_login(reporter)
    page = parse(client.get(HOME))
    assert titles(page, "my_drafts") == ["My draft"]
    assert titles(page, "sent_back") == ["Returned draft"]
    assert titles(page, "my_review") == ["Waiting story"]
    assert titles(page, "my_scheduled") == ["Embargoed story"]
    assert titles(page, "my_published") == ["Fresh story"]
    assert nav_counts(page) == {
        "My drafts": 1,
        "Sent back to me": 1,
        "My articles in review": 1,
        "My scheduled": 1,
        "My recently published": 1,
    }


def test_each_item_links_to_its_article(client):
    """Every queued item is one click from its change page."""
    reporter = make_staff(role="Reporters")
    draft = make_article_in_state("draft", title="My draft", authors=[reporter.author])
    client.force_login(reporter)
    link = element(parse(client.get(HOME)), f"//a[{with_class('desk-item__title')}]")
    assert link.get("href") == reverse("admin:articles_article_change", args=[draft.pk])


def test_editor_sees_review_oldest_first_with_waiting_time(client, time_machine):
    """Awaiting review is oldest first and says how long each has waited and who sent it."""
    time_machine.move_to(timezone.now(), tick=False)
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    first = make_article_in_state("draft", title="Sent first", authors=[reporter.author])
    second = make_article_in_state("draft", title="Sent second", authors=[reporter.author])
    services.article_submit(article=first, by=reporter)
    time_machine.shift(timedelta(hours=2))
    services.article_submit(article=second, by=reporter)
    time_machine.shift(timedelta(minutes=30))
    client.force_login(editor)
    page = parse(client.get(HOME))
    assert titles(page, "awaiting_review") == ["Sent first", "Sent second"]
    meta = [
        text(item)
        for item in elements(queue(page, "awaiting_review"), ".//span[@class='desk-item__meta']")
    ]
    assert "waiting 2 hours, 30 minutes" in meta[0]
    assert "waiting 30 minutes" in meta[1]
    assert f"sent by {reporter.username}" in meta[0]


def test_editor_queues_scheduled_today_published_breaking(client, time_machine):
    """Scheduled today stops at the newsroom's midnight; breaking lists live breaking news."""
    noon = timezone.make_aware(timezone.datetime(2026, 3, 10, 12, 0))
    time_machine.move_to(noon, tick=False)
    editor = make_staff(role="Editors")
    make_article(title="This evening", publish_at=noon + timedelta(hours=8))
    make_article(title="Tomorrow morning", publish_at=noon + timedelta(hours=13))
    make_article(title="Breaking now", is_breaking=True, publish_at=noon - timedelta(hours=1))
    make_article(title="Calm story", publish_at=noon - timedelta(hours=2))
    client.force_login(editor)
    page = parse(client.get(HOME))
    assert titles(page, "scheduled_today") == ["This evening"]
    assert titles(page, "recently_published") == ["Breaking now", "Calm story"]
    assert titles(page, "breaking") == ["Breaking now"]
    assert nav_counts(page)["Scheduled today"] == 1


def test_queue_link_lists_the_whole_queue(client):
    """A queue's heading opens the article list filtered to that queue."""
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    reporters_work(reporter, editor)
    client.force_login(reporter)
    url = element(parse(client.get(HOME)), "//h2[@id='queue-sent_back']/a").get("href")
    page = client.get(url)
    assert [article.title for article in page.context["cl"].result_list] == ["Returned draft"]


@pytest.mark.parametrize("role", ["Reporters", "Editors"])
def test_home_runs_a_fixed_number_of_queries(client, role):
    """The home page's queries do not grow with the number of queued articles."""
    user = make_staff(role=role)
    client.force_login(user)
    counts = []
    for _round in range(2):
        reporters_work(
            user if role == "Reporters" else make_staff(role="Reporters"),
            make_staff(role="Editors"),
        )
        with CaptureQueriesContext(connection) as queries:
            assert client.get(HOME).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    expected = {"Reporters": 5 + 1, "Editors": 4 + 1}[role]
    desk_queries = [q for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert len(desk_queries) == expected


def test_sent_back_then_resubmitted_leaves_sent_back(client):
    """An article sent back and submitted again is in review, no longer 'sent back'."""
    reporter, editor = make_staff(role="Reporters"), make_staff(role="Editors")
    article = make_article_in_state("draft", authors=[reporter.author])
    services.article_submit(article=article, by=reporter)
    services.article_send_back(article=article, by=editor, note="Check the figures.")
    services.article_submit(article=article, by=reporter)
    assert article.transitions.first().action == ArticleTransition.Action.SUBMITTED
    client.force_login(reporter)
    page = parse(client.get(HOME))
    assert titles(page, "sent_back") == []
    assert titles(page, "my_review") == [article.title]
