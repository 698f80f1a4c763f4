"""Signing up (double opt-in), the subscriber's page, export and deletion, abuse protection."""

import json
import re

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from newsletters.models import Subscriber, Subscription
from tests.factories import make_article, make_newsletter, make_subscriber
from tests.html import element, elements, parse

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://127\.0\.0\.1:8000(/newsletters/subscriber/\S+/)")


def sign_up(client, email, *newsletters, **extra):
    data = {"email": email, "newsletters": [n.pk for n in newsletters], **extra}
    return client.post("/newsletters/signup/", data, REMOTE_ADDR=extra.pop("ip", "192.0.2.1"))


def links_in(message) -> list[str]:
    return LINK.findall(message.get_body(("plain",)).get_content())


@pytest.mark.parametrize("page", ["home", "article"])
def test_the_home_and_article_pages_carry_a_signup_form_that_needs_no_script(client, page):
    """A plain POST form to the sign-up address, with a hidden honeypot, on both pages."""
    newsletter = make_newsletter(name="Ukraine Daily")
    article = make_article()
    response = client.get("/" if page == "home" else article.get_absolute_url())

    form = element(parse(response), "//form[@action='/newsletters/signup/']")
    assert form.get("method") == "post"
    assert element(form, ".//input[@type='email']").get("name") == "email"
    assert element(form, ".//input[@name='newsletters']").get("value") == str(newsletter.pk)
    honeypot = element(form, ".//input[@name='website']")
    assert honeypot.get("tabindex") == "-1"
    assert elements(form, ".//input[@name='csrfmiddlewaretoken']") == []


def test_a_new_address_confirms_by_the_emailed_link(smtp_server, run_tasks):
    """Sign-up sends a link; opening it shows a button; pressing it confirms the address."""
    newsletter = make_newsletter(name="Ukraine Daily")
    client = Client(enforce_csrf_checks=True)

    response = sign_up(client, "Olena@Example.org", newsletter)
    assert response.status_code == 302
    assert response["Location"] == "/newsletters/signup/check-your-inbox/"
    run_tasks()

    [message] = smtp_server.messages
    assert message["To"] == "Olena@Example.org"
    assert message["Subject"] == "Confirm your subscription"
    confirm = links_in(message)[0]
    assert "/confirm/" in confirm
    page = client.get(confirm)
    assert Subscriber.objects.get().confirmed_at is None  # opening the link confirms nothing
    token = element(parse(page), "//input[@name='csrfmiddlewaretoken']").get("value")
    response = client.post(confirm, {"csrfmiddlewaretoken": token})

    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is not None
    assert list(Subscriber.objects.receiving(newsletter)) == [subscriber]


def test_an_address_already_subscribed_gets_exactly_the_same_answer(smtp_server, run_tasks):
    """No enumeration: the same redirect and page; the owner's inbox gets a reminder instead."""
    newsletter = make_newsletter()
    make_subscriber(newsletters=[newsletter], email="known@example.org")

    known = sign_up(Client(), "known@example.org", newsletter)
    new = sign_up(Client(), "new@example.org", newsletter)

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known.content == new.content
    run_tasks()
    reminder = next(m for m in smtp_server.messages if m["To"] == "known@example.org")
    assert reminder["Subject"] == "Your newsletters"
    assert all("/confirm/" not in link for link in links_in(reminder))
    assert Subscriber.objects.filter(email__iexact="known@example.org").count() == 1


def test_a_filled_honeypot_gets_the_same_answer_and_nothing_happens(smtp_server, run_tasks):
    """A bot that fills the hidden field is told to check its inbox; no task, no row."""
    newsletter = make_newsletter()
    response = sign_up(Client(), "bot@example.org", newsletter, website="http://spam.example")

    assert response["Location"] == "/newsletters/signup/check-your-inbox/"
    assert DBTaskResult.objects.count() == 0
    assert Subscriber.objects.count() == 0


def test_signups_are_limited_per_network_address_and_per_email(settings, smtp_server, run_tasks):
    """Past the hourly limit one IP gets 429; past the daily limit an address gets no more mail."""
    settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR = 3
    settings.NEWSLETTER_SIGNUPS_PER_EMAIL_DAY = 2
    newsletter = make_newsletter()
    client = Client()
    answers = [sign_up(client, "same@example.org", newsletter).status_code for _ in range(3)]
    blocked = sign_up(client, "other@example.org", newsletter)
    elsewhere = sign_up(client, "other@example.org", newsletter, ip="198.51.100.7")
    run_tasks()

    assert answers == [302, 302, 302]
    assert blocked.status_code == 429
    assert elsewhere.status_code == 302
    assert smtp_server.recorder.recipients().count("same@example.org") == 2


def test_a_form_without_an_address_shows_an_error_and_keeps_nothing():
    """Bad input: the form again with its error (400), nothing stored or queued."""
    newsletter = make_newsletter()
    response = sign_up(Client(), "not an address", newsletter)

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert DBTaskResult.objects.count() == 0


def test_the_subscriber_page_changes_newsletters_exports_and_deletes(settings, smtp_server):
    """By the signed link alone: choose newsletters, download the data as JSON, delete it."""
    daily, weekly = make_newsletter(name="Daily"), make_newsletter(name="Weekly")
    subscriber = make_subscriber(newsletters=[daily], email="reader@example.org")
    from newsletters.emails import manage_url

    path = manage_url(subscriber, "en").removeprefix("http://127.0.0.1:8000")
    client = Client(enforce_csrf_checks=True)
    page = client.get(path)
    assert "private" in page["Cache-Control"]
    token = element(parse(page), "//input[@name='csrfmiddlewaretoken']").get("value")
    client.post(path, {"csrfmiddlewaretoken": token, "newsletters": [weekly.pk]})
    assert list(Subscriber.objects.receiving(weekly)) == [subscriber]
    assert not Subscriber.objects.receiving(daily).exists()

    exported = json.loads(client.get(path + "export/").content)
    assert exported["email"] == "reader@example.org"
    assert [entry["newsletter"] for entry in exported["subscriptions"]] == ["Weekly"]

    client.post(path + "delete/", {"csrfmiddlewaretoken": token})
    assert Subscriber.objects.count() == 0
    assert Subscription.objects.count() == 0
    assert client.get(path).status_code == 404


def test_a_forged_or_altered_link_is_a_404():
    """A token not signed by the site, or signed for another purpose, opens nothing."""
    subscriber = make_subscriber(newsletters=[make_newsletter()])
    from newsletters import tokens

    unsubscribe_token = tokens.unsubscribe_token(
        subscriber, subscriber.subscriptions.get().newsletter
    )
    assert Client().get(f"/newsletters/subscriber/{unsubscribe_token}/").status_code == 404
    assert Client().get("/newsletters/subscriber/made-up-token/").status_code == 404


def test_a_bounce_reported_by_the_provider_suppresses_the_address(settings, client):
    """Postmark's bounce webhook, through anymail, stops every email to that address."""
    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    subscriber = make_subscriber(newsletters=[make_newsletter()], email="bounces@example.org")
    payload = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "Email": "Bounces@example.org",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "BouncedAt": "2026-12-01T10:00:00Z",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 The email account does not exist",
    }
    import base64

    auth = base64.b64encode(b"hook:secret").decode()
    response = client.post(
        "/anymail/postmark/tracking/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Basic {auth}",
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.suppressed_at is not None
    assert "bounced" in subscriber.suppressed_reason
    assert not Subscriber.objects.receiving(subscriber.subscriptions.get().newsletter).exists()
