"""The beacon counts a reading of a published article, and nothing else, in an hourly counter."""

from datetime import timedelta

import pytest
from django.utils import timezone

from readership.models import HourlyViews
from tests.factories import make_article, make_article_in_state

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
URL = "/readership/beacon/"


def beacon(client, article_id, *, via="beacon", user_agent=BROWSER, **headers):
    """What static/js/readership.js sends: a form-encoded POST with the beacon's marker."""
    data = {"article": str(article_id)}
    if via is not None:
        data["via"] = via
    return client.post(URL, data, headers={"User-Agent": user_agent, **headers})


def counted() -> dict[int, int]:
    return {row.article_id: row.views for row in HourlyViews.objects.all()}


def test_each_reading_adds_one_to_the_articles_counter_for_the_hour(client, time_machine):
    """Three readings in one hour are one row of 3; the next hour starts a row of its own."""
    time_machine.move_to(timezone.now().replace(minute=10), tick=False)
    article = make_article()
    for _ in range(3):
        response = beacon(client, article.pk)
        assert response.status_code == 204
    assert list(HourlyViews.objects.values_list("views", flat=True)) == [3]
    time_machine.move_to(timezone.now() + timedelta(hours=1), tick=False)
    beacon(client, article.pk)
    assert sorted(HourlyViews.objects.values_list("views", flat=True)) == [1, 3]
    assert all(row.hour.minute == 0 for row in HourlyViews.objects.all())


def test_the_beacon_sets_no_cookie_and_is_never_cached(client):
    """The answer is an empty 204 with no-store and no cookie."""
    response = beacon(client, make_article().pk)
    assert response.status_code == 204
    assert response.content == b""
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert "Set-Cookie" not in response


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Linux; Android 11; moto g power) Chrome-Lighthouse",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
)
def test_robots_are_not_counted(client, user_agent):
    """Crawlers, previews, headless browsers, scripts and requests without a browser name."""
    response = beacon(client, make_article().pk, user_agent=user_agent)
    assert response.status_code == 204
    assert counted() == {}


@pytest.mark.parametrize("header", ["Sec-GPC", "DNT"])
def test_readers_who_ask_not_to_be_tracked_are_not_counted(client, header):
    """Global Privacy Control (Sec-GPC: 1) and Do Not Track (DNT: 1) are honoured."""
    article = make_article()
    response = beacon(client, article.pk, **{header: "1"})
    assert response.status_code == 204
    assert counted() == {}
    beacon(client, article.pk, **{header: "0"})
    assert counted() == {article.pk: 1}


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_an_article_readers_cannot_see_is_not_counted(client, state):
    """Only a published article is counted; the others get a 400 and nothing is written."""
    response = beacon(client, make_article_in_state(state).pk)
    assert response.status_code == 400
    assert counted() == {}


@pytest.mark.parametrize(
    ("article", "via"),
    [
        ("999999", "beacon"),  # no such article
        ("12abc", "beacon"),
        ("-1", "beacon"),
        ("１２", "beacon"),  # full-width digits
        ("9" * 40, "beacon"),
        ("", "beacon"),
        ("{pk}", None),  # without the beacon's marker: not our script
        ("{pk}", "bot"),
    ],
)
def test_anything_but_a_beacon_of_a_published_article_is_refused(client, article, via):
    """Unknown articles, malformed ids and posts without the marker: 400, nothing written."""
    pk = make_article().pk
    response = beacon(client, article.format(pk=pk), via=via)
    assert response.status_code == 400
    assert counted() == {}


def test_a_long_body_and_other_sites_beacons_are_refused(client):
    """A body longer than a beacon's, or a beacon sent from another site's page, counts nothing."""
    pk = make_article().pk
    padded = client.post(
        URL,
        {"article": str(pk), "via": "beacon", "pad": "x" * 500},
        headers={"User-Agent": BROWSER},
    )
    assert padded.status_code == 400
    assert beacon(client, pk, Origin="https://elsewhere.example").status_code == 400
    assert beacon(client, pk, **{"Sec-Fetch-Site": "cross-site"}).status_code == 400
    assert counted() == {}
    assert (
        beacon(
            client, pk, Origin="http://testserver", **{"Sec-Fetch-Site": "same-origin"}
        ).status_code
        == 204
    )
    assert counted() == {pk: 1}


def test_only_post_is_answered(client):
    """A GET of the beacon's address is 405 and writes nothing."""
    response = client.get(URL, {"article": make_article().pk, "via": "beacon"})
    assert response.status_code == 405
    assert counted() == {}
