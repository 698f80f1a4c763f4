"""Library images in a live entry's text are recorded for "where used", as in article bodies."""

import pytest
from django.urls import reverse

from images.models import BodyUse
from tests.factories import make_staff
from tests.html import elements, parse
from tests.images.test_library import library_image
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


def test_an_image_in_an_entrys_text_is_listed_where_used_and_forgotten_with_it(client):
    """Inserted in the text, the entry is named on the image's page; edited out or deleted, not."""
    client.force_login(make_staff(role="Editors"))
    photo = library_image()
    entry = make_entry(
        make_live_story(),
        headline="Trams run again",
        body=f'<p>Morning.</p><p><img src="{photo.file.url}" alt="A tram"></p>',
    )
    assert [use.shown_in for use in BodyUse.objects.all()] == [entry]
    page = parse(client.get(reverse("admin:images_image_change", args=[photo.pk])))
    links = elements(page, "//ul[@class='where-used']//a")
    assert [link.text for link in links] == ["Trams run again"]
    assert links[0].get("href") == reverse("admin:live_liveentry_change", args=[entry.pk])

    entry.body = "<p>No picture now.</p>"
    entry.save()
    assert not BodyUse.objects.exists()
    again = make_entry(entry.story, body=f'<p><img src="{photo.file.url}" alt="A tram"></p>')
    assert BodyUse.objects.count() == 1
    again.delete()
    assert not BodyUse.objects.exists()
