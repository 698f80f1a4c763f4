import pytest
from django.core.management import call_command

from newsletters.models import Issue, Newsletter, Subscriber
from tests.html import elements, parse

pytestmark = pytest.mark.django_db


def test_the_demo_has_ukraine_daily_with_subscribers_and_an_archived_issue(client):
    """load_demo (twice: nothing doubles) makes Ukraine Daily, its readers and a sent issue."""
    for _ in range(2):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    newsletter = Newsletter.objects.get(slug="ukraine-daily")
    assert Subscriber.objects.receiving(newsletter).count() == 4
    issue = Issue.objects.get()
    assert issue.status == Issue.Status.SENT
    assert issue.items.count() >= 4

    archive = parse(client.get("/newsletters/ukraine-daily/"))
    assert [a.get("href") for a in elements(archive, "//ul[@class='newsletter-archive']//a")] == [
        issue.get_absolute_url()
    ]
    page = parse(client.get(issue.get_absolute_url()))
    assert len(elements(page, "//li[@class='newsletter-issue__story']")) == issue.items.count()
