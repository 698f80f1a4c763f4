"""Staff see each article's readership figures in the admin, and cannot change them."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from readership.counting import hour_of
from readership.models import HourlyViews
from tests.factories import make_article, make_user
from tests.html import elements, parse, text

pytestmark = pytest.mark.django_db

LIST = reverse("admin:readership_articlereadership_changelist")


def rows(response) -> list[list[str]]:
    tree = parse(response)
    return [
        [text(cell) for cell in row.xpath("./th | ./td")]
        for row in elements(tree, "//table[@id='result_list']/tbody/tr")
    ]


@pytest.mark.parametrize("role", ["Editors", "Reporters"])
def test_staff_see_the_last_day_week_and_all_time_per_article(client, role):
    """Each published article with its views in 24 hours, 7 days and in all, most read first."""
    client.force_login(make_user(role=role))
    this_hour = hour_of(timezone.now())
    popular = make_article(title="Popular", publish_at=timezone.now() - timedelta(days=20))
    quiet = make_article(title="Quiet")
    HourlyViews.objects.create(article=popular, hour=this_hour, views=5)
    HourlyViews.objects.create(article=popular, hour=this_hour - timedelta(days=3), views=7)
    HourlyViews.objects.create(article=popular, hour=this_hour - timedelta(days=12), views=100)
    HourlyViews.objects.create(article=quiet, hour=this_hour, views=1)
    response = client.get(LIST)
    assert response.status_code == 200
    figures = {row[0]: row[-3:] for row in rows(response)}
    assert figures["Popular"] == ["5", "12", "112"]
    assert figures["Quiet"] == ["1", "1", "1"]
    assert [row[0] for row in rows(response)][:2] == ["Popular", "Quiet"]


def test_the_figures_are_read_only(client):
    """No add, change or delete: the figures come only from readers."""
    client.force_login(make_user(role="Editors"))
    article = make_article()
    assert client.get(reverse("admin:readership_articlereadership_add")).status_code == 403
    change = reverse("admin:readership_articlereadership_change", args=[article.pk])
    page = client.get(change)
    assert page.status_code == 200
    assert not elements(parse(page), "//input[@name='_save']")
    delete = reverse("admin:readership_articlereadership_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
