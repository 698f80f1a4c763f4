"""The article list an editor scans: headline, thumbnail, state, section, bylines, last change."""

from datetime import timedelta

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import image_file, make_article, make_article_in_state, make_author, make_staff
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db

LIST = reverse("admin:articles_article_changelist")


def rows(page):
    return elements(page, "//table[@id='result_list']/tbody/tr")


def cell(row, name):
    return element(row, f".//*[{with_class('field-' + name)}]")


def test_list_shows_what_an_editor_scans(client):
    """Each row: thumbnail, headline linked to its page, state in colour, section, bylines, who and when."""
    editor = make_staff(role="Editors")
    client.force_login(editor)
    author = make_author(name="Olena Marchuk")
    article = make_article_in_state(
        "scheduled",
        title="Trams return to the river line",
        authors=[author],
        hero_image=image_file(size=(960, 540)),
        hero_alt="A tram on a bridge",
    )
    with reversion.create_revision():
        reversion.set_user(editor)
        article.save()
    row = rows(parse(client.get(LIST)))[0]
    link = element(cell(row, "headline"), ".//a")
    assert text(link) == "Trams return to the river line"
    assert link.get("href") == reverse("admin:articles_article_change", args=[article.pk])
    thumbnail = element(cell(row, "thumbnail"), ".//img")
    assert thumbnail.get("src").endswith(".webp")
    assert element(cell(row, "state_label"), ".//span").get("class") == (
        "state-label state-label--scheduled"
    )
    assert text(cell(row, "section")) == article.section.name
    assert text(cell(row, "byline_names")) == "Olena Marchuk"
    changed = text(cell(row, "last_changed"))
    assert f"{timezone.localtime(article.updated_at):%Y-%m-%d %H:%M}" in changed
    assert editor.username in changed


def test_filters_mine_state_and_section(client):
    """'Mine' keeps the person's bylines; the state filter tells scheduled from published."""
    reporter = make_staff(role="Reporters")
    client.force_login(reporter)
    make_article_in_state("draft", title="My draft", authors=[reporter.author])
    make_article_in_state("published", title="Everyone's live story", authors=[make_author()])
    mine = client.get(LIST + "?mine=yes").context["cl"].result_list
    assert [article.title for article in mine] == ["My draft"]
    editor = make_staff(role="Editors")
    client.force_login(editor)
    later = make_article_in_state("scheduled", title="Later")
    make_article(title="Now", section=later.section, publish_at=timezone.now() - timedelta(hours=1))
    scheduled = client.get(LIST + "?state=scheduled").context["cl"].result_list
    assert [article.title for article in scheduled] == ["Later"]
    in_section = (
        client.get(LIST + f"?section__id__exact={later.section.pk}").context["cl"].result_list
    )
    assert sorted(article.title for article in in_section) == ["Later", "Now"]
    page = parse(client.get(LIST + "?q=Later"))
    assert [text(element(row, ".//th//a")) for row in rows(page)] == ["Later"]


def test_list_runs_a_fixed_number_of_queries(client):
    """The list's queries do not grow with its rows."""
    client.force_login(make_staff(role="Editors"))
    counts = []
    for how_many in [3, 12]:
        for _ in range(how_many):
            make_article(authors=[make_author(), make_author()])
        client.get(LIST)  # content types and sessions read once
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
