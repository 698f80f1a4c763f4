"""Nothing a reporter types in the entry form is lost: autosave on the server, taken back when
the form is opened again, and a chosen image kept across a form error."""

import pytest
from django.urls import reverse

from images.services import add_image
from live.models import EntryAutosave, LiveEntry
from tests.factories import image_file, make_staff
from tests.html import elements, parse
from tests.live.factories import make_entry

pytestmark = pytest.mark.django_db

ADD = reverse("admin:live_liveentry_add")
AUTOSAVE = reverse("admin:live_liveentry_autosave_new")


def field_value(response, name: str) -> str:
    [node] = elements(parse(response), f"//form//*[@name='{name}']")
    return node.text if node.tag == "textarea" else node.get("value", "")


def chosen(response) -> list[str]:
    return elements(parse(response), "//form//select[@name='image']/option[@selected]/@value")


def test_the_typed_text_is_back_when_the_form_is_opened_again(client, story, reporter):
    """Autosaved (as a closing tab sends it), then the add form again: the text is in it,
    said so; posting it takes the autosave away."""
    client.force_login(reporter)
    typed = {"story": story.pk, "headline": "Blasts in Kyiv", "body": "Two blasts.\n\nMore."}
    answer = client.post(AUTOSAVE, typed)
    assert answer.status_code == 200
    assert "saved_at" in answer.json()
    assert not LiveEntry.objects.exists()

    page = client.get(f"{ADD}?story={story.pk}")
    assert field_value(page, "headline") == "Blasts in Kyiv"
    assert "Two blasts." in field_value(page, "body")
    assert "not posted yet" in page.content.decode()

    client.post(f"{ADD}?story={story.pk}", {**typed, "authors": [reporter.author.pk],
                "published_at_0": "", "published_at_1": "", "_save": "Save"})  # fmt: skip
    assert LiveEntry.objects.get().headline == "Blasts in Kyiv"
    assert not EntryAutosave.objects.exists()
    assert field_value(client.get(f"{ADD}?story={story.pk}"), "headline") == ""


def test_an_edit_is_autosaved_apart_from_the_entry(client, story, reporter):
    """An edit's autosave changes nothing readers see and comes back in its own form."""
    client.force_login(reporter)
    entry = make_entry(story, headline="As posted", created_by=reporter)
    url = reverse("admin:live_liveentry_autosave", args=[entry.pk])
    assert client.post(url, {"headline": "Being rewritten", "body": "New text"}).status_code == 200
    entry.refresh_from_db()
    assert (entry.headline, entry.version) == ("As posted", 1)
    page = client.get(reverse("admin:live_liveentry_change", args=[entry.pk]))
    assert field_value(page, "headline") == "Being rewritten"


def test_autosave_keeps_the_rules_of_posting(client, story):
    """Someone who may not post on the story cannot autosave there either."""
    client.force_login(make_staff(role="Reporters"))
    assert client.post(AUTOSAVE, {"story": story.pk, "headline": "Not mine"}).status_code == 403
    assert not EntryAutosave.objects.exists()


def test_a_form_error_keeps_the_text_and_the_chosen_image(client, story, reporter):
    """An image without its alt text: the error, the text still there and the image kept;
    sent again with the alt text and no file, the entry has the image."""
    client.force_login(reporter)
    data = {"story": story.pk, "headline": "Damage", "body": "A hall was hit.",
            "published_at_0": "", "published_at_1": ""}  # fmt: skip
    response = client.post(ADD, {**data, "image_upload": image_file("damage.jpg")})
    assert response.status_code == 200
    assert field_value(response, "headline") == "Damage"
    assert "A hall was hit." in field_value(response, "body")
    token = field_value(response, "image_upload_pending")
    assert token
    assert "Kept from your last try" in response.content.decode()
    response = client.post(ADD, {**data, "image_upload_pending": token, "image_alt_text": "A hall"})
    assert response.status_code == 302
    entry = LiveEntry.objects.select_related("image").get()
    assert entry.image.alt_text == "A hall"
    assert entry.image.renditions


def test_an_autosave_arriving_after_the_post_does_not_come_back(client, story, reporter):
    """The form's last autosave, on its way as the entry was posted, is not offered again."""
    client.force_login(reporter)
    typed = {"story": story.pk, "headline": "Blasts in Kyiv", "body": "Two blasts."}
    client.post(f"{ADD}?story={story.pk}", {**typed, "authors": [reporter.author.pk],
                "published_at_0": "", "published_at_1": "", "_save": "Save"})  # fmt: skip
    client.post(AUTOSAVE, typed)  # late
    assert field_value(client.get(f"{ADD}?story={story.pk}"), "headline") == ""


def test_a_chosen_library_image_is_kept_by_the_autosave_and_across_an_error(
    client, story, reporter
):
    """The image chosen from the library comes back with the autosaved text, stays chosen
    after a form error, and is the entry's once posted."""
    image, _created = add_image(image_file("hall.jpg"), alt_text="A hall")
    client.force_login(reporter)
    typed = {"story": story.pk, "headline": "The hall", "image": image.pk}
    assert client.post(AUTOSAVE, typed).status_code == 200
    page = client.get(f"{ADD}?story={story.pk}")
    assert chosen(page) == [str(image.pk)]

    data = {**typed, "published_at_0": "", "published_at_1": ""}
    response = client.post(ADD, {**data, "video_url": "not an address"})
    assert response.status_code == 200
    assert chosen(response) == [str(image.pk)]
    assert client.post(ADD, data).status_code == 302
    assert LiveEntry.objects.get().image == image
