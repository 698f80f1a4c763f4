from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Correction
from tests.articles.change_form import change_form_data
from tests.factories import make_article, make_article_in_state, make_staff
from tests.html import elements, parse, text

pytestmark = pytest.mark.django_db


def correct(client, article, text):
    data = change_form_data(article, client)
    data["correction_text"] = text
    url = reverse("admin:articles_article_change", args=[article.pk])
    return client.post(url, data)


def test_editor_correction_shows_on_the_page_and_moves_updated_time(client):
    """A correction is dated, shown under the article, and the page says "Updated"."""
    client.force_login(make_staff(role="Editors"))
    article = make_article_in_state("published", publish_at=timezone.now() - timedelta(days=1))
    Article.objects.filter(pk=article.pk).update(
        created_at=article.publish_at - timedelta(hours=1), updated_at=article.publish_at
    )
    before = client.get(article.get_absolute_url()).content.decode()
    assert "Updated" not in before
    started = timezone.now()
    response = correct(client, article, "An earlier version gave the wrong date of the summit.")
    assert response.status_code == 302
    correction = Correction.objects.get(article=article)
    assert correction.published_at >= started
    article.refresh_from_db()
    assert article.updated_at >= correction.published_at
    assert article.transitions.get().action == "corrected"
    page = client.get(article.get_absolute_url()).content.decode()
    assert "An earlier version gave the wrong date of the summit." in page
    day = timezone.localtime(correction.published_at)
    assert f"{day:%B} {day.day}</time>" in page  # this year's date, without the year
    assert "Updated" in page


def test_correction_on_an_unpublished_article_is_refused(client):
    """Corrections are for what readers saw: an editor cannot add one to a draft (403)."""
    client.force_login(make_staff(role="Editors"))
    article = make_article_in_state("draft")
    assert correct(client, article, "Premature.").status_code == 403
    assert not Correction.objects.exists()


def test_corrections_page_lists_published_corrections_newest_first(client):
    """/corrections/ lists every correction of live articles, newest first, with links."""
    old = make_article(title="Old story", corrections=["Fixed a name."])
    new = make_article(title="New story", corrections=["Fixed a number."])
    Correction.objects.filter(article=old).update(published_at=timezone.now() - timedelta(days=3))
    make_article_in_state("unpublished", title="Withdrawn story", corrections=["Hidden."])
    page = client.get(reverse("newsfeed:corrections")).content.decode()
    assert page.index("Fixed a number.") < page.index("Fixed a name.")
    assert f'href="{new.get_absolute_url()}"' in page
    assert "Withdrawn story" not in page
    assert "Hidden." not in page


def test_corrections_page_dates_are_valid_html_times_to_the_second(client):
    """Each correction's <time datetime> is local ISO 8601 with an offset and no microseconds."""
    article = make_article(corrections=["Fixed a name."])
    published = timezone.now().replace(microsecond=756234)
    Correction.objects.filter(article=article).update(published_at=published)
    page = parse(client.get(reverse("newsfeed:corrections")))
    datetimes = [time.get("datetime") for time in elements(page, "//main//time")]
    assert datetimes == [timezone.localtime(published).isoformat(timespec="seconds")]


@pytest.mark.parametrize("corrected_articles", [1, 30])
def test_corrections_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, corrected_articles
):
    """The corrections page costs the same queries for one correction or a full page of them."""
    for number in range(corrected_articles):
        make_article(corrections=[f"Correction {number}."])
    # The corrections, the sections and the footer's site pages (the site chrome, made once
    # per content version), and the next scheduled time (the content version).
    with django_assert_num_queries(4):
        response = client.get(reverse("newsfeed:corrections"))
    assert response.status_code == 200


def test_corrections_page_bad_page_number_is_a_404(client):
    """A malformed page number is a 404, not an error."""
    assert client.get(reverse("newsfeed:corrections"), {"page": "x"}).status_code == 404


def test_corrections_page_gives_the_section_with_the_date_under_the_headline(client):
    """Each correction's headline is a line of its own; its section goes with the date under
    it (after a long headline, the section was left alone on the next line)."""
    article = make_article(title="A long headline " * 6, corrections=["Fixed a name."])
    page = parse(client.get(reverse("newsfeed:corrections")))
    (item,) = elements(page, "//ol[@class='corrections-list']/li")
    headline, meta = item.xpath("./p")[:2]
    assert text(headline) == " ".join(article.title.split())
    day = timezone.localtime(article.corrections.get().published_at)
    assert text(meta).split() == [
        *article.section.name.split(),
        "·",
        f"{day:%B}",
        str(day.day),
    ]
