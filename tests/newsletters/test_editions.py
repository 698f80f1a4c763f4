"""A subscriber's pages are in the language of their address, and a newsletter's links go
to its own edition: a Ukrainian newsletter's subscribers get their pages in Ukrainian."""

import re
from datetime import date

import pytest
from django.test import Client

from newsletters.emails import IssueEmail, confirmation_message
from newsletters.models import Issue
from tests.factories import make_article, make_issue, make_newsletter, make_section, make_subscriber
from tests.html import element, parse, text
from tests.newsfeed.test_catalogue import english_words

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"
LINK = re.compile(rf"{re.escape(SITE)}(/\S+/)")


def links_in(body: str) -> list[str]:
    return LINK.findall(body)


def page_language(response) -> str:
    return element(parse(response), "/html").get("lang")


def test_a_ukrainian_newsletters_links_open_ukrainian_pages():
    """The confirmation email's link and the issue's manage, unsubscribe and web links are
    under /uk/; an English newsletter's stay at the plain addresses."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    english = make_newsletter(name="Daily", slug="daily")
    subscriber = make_subscriber(newsletters=[daily, english], email="olena@example.org")

    message = confirmation_message(subscriber, [daily], already_subscribed=False)
    assert [path.split("/")[1:4] for path in links_in(message.body)] == [
        ["uk", "newsletters", "subscriber"]
    ]
    reminder = confirmation_message(subscriber, [daily], already_subscribed=True)
    assert links_in(reminder.body)[0].startswith("/uk/newsletters/subscriber/")

    for newsletter, prefix in ((daily, "/uk/newsletters/"), (english, "/newsletters/")):
        issue = make_issue(
            newsletter=newsletter, articles=[], status=Issue.Status.SENT, date=date(2026, 7, 1)
        )
        email = IssueEmail(issue).message(subscriber)
        paths = links_in(email.body)
        assert len(paths) == 3, paths  # the web page, unsubscribe, manage
        assert all(path.startswith(prefix) for path in paths), paths
        assert email.extra_headers["List-Unsubscribe"].startswith(
            f"<{SITE}{prefix}subscriber/unsubscribe/"
        )


def test_every_subscriber_page_under_uk_is_wholly_ukrainian():
    """Confirm, manage (before and after a save), unsubscribe (before and after), delete and
    deleted: <html lang="uk">, and no English word of the interface."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    subscriber = make_subscriber(newsletters=[daily], email="olena@example.org")
    confirm = links_in(confirmation_message(subscriber, [daily], already_subscribed=False).body)
    email = IssueEmail(make_issue(newsletter=daily, articles=[])).message(subscriber)
    unsubscribe, manage = links_in(email.body)[1:]
    client = Client()
    pages = [
        client.get(confirm[0]),
        client.get(manage),
        client.post(manage, {"newsletters": [daily.pk]}),
        client.post(manage, {}),
        client.get(unsubscribe),
        client.post(unsubscribe),
        client.get(f"{manage}delete/"),
        client.post(f"{manage}delete/"),
    ]
    for response in pages:
        assert response.status_code == 200, response.request["PATH_INFO"]
        assert page_language(response) == "uk", response.request["PATH_INFO"]
        assert english_words(response.content) == set(), response.request["PATH_INFO"]
    assert "Ви відписалися" in text(element(parse(pages[5]), "//main//h1"))


def test_the_same_pages_at_plain_addresses_stay_english():
    """An English newsletter's subscriber page is English, with <html lang="en">."""
    daily = make_newsletter(name="Daily", slug="daily")
    subscriber = make_subscriber(newsletters=[daily])
    manage = links_in(
        IssueEmail(make_issue(newsletter=daily, articles=[])).message(subscriber).body
    )[2]
    response = Client().get(manage)
    assert page_language(response) == "en"
    assert text(element(parse(response), "//main//h1")) == "Your newsletters"


def test_a_one_click_unsubscribe_answers_in_the_newsletters_language():
    """The mail app's POST (RFC 8058) to a Ukrainian newsletter's address gets Ukrainian."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    subscriber = make_subscriber(newsletters=[daily])
    unsubscribe = links_in(
        IssueEmail(make_issue(newsletter=daily, articles=[])).message(subscriber).body
    )[1]
    response = Client().post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.content.decode() == "Ви відписалися."


def test_a_ukrainian_newsletters_archive_and_issues_are_in_the_ukrainian_edition():
    """/uk/newsletters/<slug>/ lists its issues with Ukrainian dates, in Ukrainian; the English
    edition has no such archive, as it has no Ukrainian article."""
    from newsletters import services

    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    section = make_section(name="Україна", slug="ukraina", language="uk")
    story = make_article(title="Громади планують відбудову", section=section, language="uk")
    issue = make_issue(
        newsletter=daily,
        articles=[story],
        status=Issue.Status.SENT,
        date=date(2026, 7, 1),
        subject=services.issue_subject(daily, date(2026, 7, 1)),
    )
    assert daily.get_absolute_url() == "/uk/newsletters/shchoranku/"
    assert issue.get_absolute_url() == "/uk/newsletters/shchoranku/2026-07-01/"
    client = Client()
    archive = client.get(daily.get_absolute_url())
    assert page_language(archive) == "uk"
    assert english_words(archive.content) == set()
    assert "Щоранку: 1 липня 2026" in text(element(parse(archive), "//main//li/a"))
    shown = client.get(issue.get_absolute_url())
    assert page_language(shown) == "uk"
    assert english_words(shown.content) == set()
    assert client.get("/newsletters/shchoranku/").status_code == 404
    assert client.get("/newsletters/shchoranku/2026-07-01/").status_code == 404


def test_the_ukrainian_subscriber_pages_are_private_too(client):
    """Never kept by the page cache, and robots.txt keeps crawlers out of them."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    subscriber = make_subscriber(newsletters=[daily])
    manage = links_in(
        IssueEmail(make_issue(newsletter=daily, articles=[])).message(subscriber).body
    )[2]
    assert "private" in client.get(manage)["Cache-Control"]
    robots = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /uk/newsletters/subscriber/" in robots
    assert "Disallow: /uk/preview/" in robots


def test_the_ukrainian_subscriber_pages_pass_the_nu_checker(nu_check, tmp_path):
    """Confirm, manage, unsubscribe, delete, deleted, the archive and an issue: no error, no
    warning."""
    daily = make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    subscriber = make_subscriber(newsletters=[daily])
    issue = make_issue(newsletter=daily, articles=[], status=Issue.Status.SENT)
    confirm = links_in(confirmation_message(subscriber, [daily], already_subscribed=False).body)
    unsubscribe, manage = links_in(IssueEmail(issue).message(subscriber).body)[1:]
    client = Client()
    pages = {
        "confirm": client.get(confirm[0]),
        "manage": client.get(manage),
        "saved": client.post(manage, {"newsletters": [daily.pk]}),
        "unsubscribe": client.get(unsubscribe),
        "unsubscribed": client.post(unsubscribe),
        "archive": client.get(daily.get_absolute_url()),
        "issue": client.get(issue.get_absolute_url()),
        "delete": client.get(f"{manage}delete/"),
        "deleted": client.post(f"{manage}delete/"),
    }
    paths = []
    for name, response in pages.items():
        assert response.status_code == 200, name
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        paths.append(path)
    assert nu_check(paths) == []
