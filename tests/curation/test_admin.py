"""Editors arrange the front page in the admin; reporters cannot; mistakes get clear errors."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from curation.models import Pin
from tests.factories import make_article, make_article_in_state, make_pin, make_section, make_user
from tests.html import elements, parse, text

pytestmark = pytest.mark.django_db

ADD = reverse("admin:curation_pin_add")


def pin_form(article, **overrides):
    """The add form's POST data: a lead story pin with no times."""
    data = {
        "placement": "lead",
        "section": "",
        "position": "1",
        "article": str(article.pk),
        "starts_at_0": "",
        "starts_at_1": "",
        "ends_at_0": "",
        "ends_at_1": "",
    }
    data.update(overrides)
    return data


def local(moment):
    """A time as the admin's split date and time fields take it."""
    moment = timezone.localtime(moment)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S")


def errors(response) -> list[str]:
    return [
        text(node) for node in elements(parse(response), "//ul[contains(@class, 'errorlist')]/li")
    ]


def messages(response) -> list[str]:
    return [text(node) for node in elements(parse(response), "//ul[@class='messagelist']/li")]


@pytest.fixture
def editor(client):
    client.force_login(make_user(role="Editors"))
    return client


def test_an_editor_pins_a_story_with_its_times(editor):
    """The editor's pin is saved with its start and end; the list says whether readers see it."""
    article = make_article(title="Tram line opens")
    starts = timezone.now() + timedelta(hours=1)
    ends = starts + timedelta(hours=5)
    data = pin_form(article, placement="top", position="2")
    data["starts_at_0"], data["starts_at_1"] = local(starts)
    data["ends_at_0"], data["ends_at_1"] = local(ends)
    response = editor.post(ADD, data, follow=True)
    assert response.status_code == 200
    pin = Pin.objects.get()
    assert (pin.placement, pin.position, pin.article) == ("top", 2, article)
    assert pin.starts_at.replace(microsecond=0) == starts.replace(microsecond=0)
    listing = editor.get(reverse("admin:curation_pin_changelist"))
    assert "Starts later" in text(parse(listing))


def test_a_pin_that_ends_before_it_starts_is_refused(editor):
    """An end before the start is a form error and nothing is saved."""
    data = pin_form(make_article())
    now = timezone.now()
    data["starts_at_0"], data["starts_at_1"] = local(now + timedelta(hours=2))
    data["ends_at_0"], data["ends_at_1"] = local(now + timedelta(hours=1))
    response = editor.post(ADD, data)
    assert response.status_code == 200
    assert "The pin must end after it starts." in errors(response)
    assert not Pin.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"placement": "section"}, "Choose the section whose page shows the article."),
        ({"placement": "lead", "section": "{section}"}, "Only a section page pin names a section."),
        ({"placement": "top", "position": "4"}, "This placement has 3 place(s)."),
        ({"placement": "lead", "position": "2"}, "This placement has 1 place(s)."),
    ],
)
def test_a_pin_in_no_real_place_is_refused(editor, overrides, message):
    """A section pin without a section, a home pin with one, or a place past the last: errors."""
    section = make_section()
    data = pin_form(make_article())
    data.update({key: value.format(section=section.pk) for key, value in overrides.items()})
    response = editor.post(ADD, data)
    assert message in errors(response)
    assert not Pin.objects.exists()


@pytest.mark.parametrize(
    ("state", "warning"),
    [
        ("draft", "is not published (draft): the pin shows nothing until it is."),
        ("scheduled", "is scheduled: the pin shows it from"),
    ],
)
def test_pinning_an_article_readers_cannot_see_yet_warns(editor, state, warning):
    """The pin is kept, with a warning that readers will not see it until it is published."""
    article = make_article_in_state(state)
    response = editor.post(ADD, pin_form(article), follow=True)
    assert Pin.objects.filter(article=article).exists()
    assert any(warning in message for message in messages(response))


def test_reporters_cannot_curate(client):
    """A reporter has no pin permission: the pin pages answer 403 and nothing is saved."""
    client.force_login(make_user(role="Reporters"))
    article = make_article()
    pin = make_pin(article)
    assert client.get(reverse("admin:curation_pin_changelist")).status_code == 403
    assert client.post(ADD, pin_form(article, placement="top")).status_code == 403
    change = reverse("admin:curation_pin_change", args=[pin.pk])
    assert client.post(change, pin_form(article, position="1")).status_code == 403
    assert list(Pin.objects.values_list("placement", flat=True)) == ["lead"]
