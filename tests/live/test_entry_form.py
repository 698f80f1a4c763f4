"""The one short form entries are posted with, and what each role sees in it."""

import pytest
from django.urls import reverse

from images.models import Image
from images.services import add_image
from live.models import LiveEntry
from tests.factories import image_file, make_staff
from tests.html import elements, parse
from tests.live.factories import make_entry

pytestmark = pytest.mark.django_db

ADD = reverse("admin:live_liveentry_add")


def form_fields(response) -> set[str]:
    return {node.get("name") for node in elements(parse(response), "//form//*[@name]")}


def test_a_reporter_posts_an_entry_from_the_short_form(client, story, reporter):
    """Headline and plain text, nothing else: published now, paragraphs made, the form again."""
    client.force_login(reporter)
    page = client.get(f"{ADD}?story={story.pk}")
    assert page.status_code == 200
    assert {"is_pinned", "correction"}.isdisjoint(form_fields(page))  # an editor's
    response = client.post(
        f"{ADD}?story={story.pk}",
        {"story": story.pk, "headline": "Blasts in Kyiv", "body": "Two blasts.\n\nMore soon.",
         "authors": [reporter.author.pk], "published_at_0": "", "published_at_1": "",
         "_save": "Save"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == f"{ADD}?story={story.pk}"
    entry = LiveEntry.objects.get()
    assert entry.body == "<p>Two blasts.</p>\n\n<p>More soon.</p>"
    assert entry.created_by == reporter
    assert list(entry.authors.all()) == [reporter.author]


def test_an_uploaded_entry_image_goes_into_the_library_with_its_alt_text(client, story, reporter):
    """The upload goes through the images app's checks; alt text is required with it, and
    the entry then shows a library image, the same file sent again reusing it."""
    client.force_login(reporter)
    data = {"story": story.pk, "headline": "Damage", "published_at_0": "", "published_at_1": ""}
    response = client.post(ADD, {**data, "image_upload": image_file("damage.jpg")})
    assert response.status_code == 200
    assert not LiveEntry.objects.exists()
    assert not Image.objects.exists()
    response = client.post(
        ADD, {**data, "image_upload": image_file("damage.jpg"), "image_alt_text": "A hall"}
    )
    assert response.status_code == 302
    entry = LiveEntry.objects.select_related("image").get()
    assert entry.image.alt_text == "A hall"
    assert entry.image.renditions
    assert entry.image.uploaded_by == reporter
    response = client.post(
        ADD, {**data, "image_upload": image_file("damage.jpg"), "image_alt_text": "Again"},
        follow=True,
    )  # fmt: skip
    assert response.redirect_chain[0][1] == 302
    assert "was in the library already" in response.content.decode()
    assert Image.objects.count() == 1
    assert LiveEntry.objects.filter(image=entry.image).count() == 2


def test_an_entry_shows_an_image_chosen_from_the_library(client, story, reporter):
    """Chosen by its library id: the page shows its renditions, alt text, caption and credit."""
    image, _created = add_image(
        image_file("hall.jpg"), alt_text="A hall", caption="The hall", credit="Photo: Desk"
    )
    client.force_login(reporter)
    response = client.post(
        ADD,
        {"story": story.pk, "image": image.pk, "published_at_0": "", "published_at_1": ""},
    )
    assert response.status_code == 302
    assert LiveEntry.objects.get().image == image
    client.logout()
    page = parse(client.get(story.article.get_absolute_url()))
    (figure,) = elements(page, "//article[contains(@class, 'live-entry')]//figure")
    assert figure.xpath(".//img/@alt") == ["A hall"]
    assert "The hall" in figure.xpath("string(.//figcaption)")
    assert "Photo: Desk" in figure.xpath("string(.//figcaption)")


def test_a_reporter_cannot_post_on_a_story_they_are_not_on(client, story):
    """The story is not among the choices; a forged post changes nothing."""
    client.force_login(make_staff(role="Reporters"))
    response = client.post(ADD, {"story": story.pk, "headline": "Not mine"})
    assert response.status_code == 200
    assert not LiveEntry.objects.exists()


def test_a_reporter_cannot_delete_or_edit_anothers_entry(client, story, reporter):
    """Deleting is an editor's; another reporter's entry is read-only."""
    entry = make_entry(story)
    client.force_login(reporter)
    assert (
        client.post(
            reverse("admin:live_liveentry_delete", args=[entry.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    response = client.post(
        reverse("admin:live_liveentry_change", args=[entry.pk]), {"headline": "Mine"}
    )
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.headline != "Mine"


def test_an_editor_pins_corrects_and_promotes_from_the_form(client, story):
    """The editors' group of the form pins and corrects; "Make a full article" links both ways."""
    editor = make_staff(role="Editors")
    entry = make_entry(story, headline="Power cuts", body="<p>Four hours.</p>")
    client.force_login(editor)
    url = reverse("admin:live_liveentry_change", args=[entry.pk])
    page = client.get(url)
    assert {"is_pinned", "correction"} <= form_fields(page)
    published = entry.published_at.astimezone()
    response = client.post(url, {
        "headline": "Power cuts", "body": "<p>Four hours.</p>", "is_pinned": "on",
        "correction": "It said three hours.", "published_at_0": published.strftime("%Y-%m-%d"),
        "published_at_1": published.strftime("%H:%M:%S"), "_save": "Save",
    })  # fmt: skip
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.is_pinned
    assert entry.correction == "It said three hours."
    assert not entry.was_updated  # a correction is not an edit of its words
    response = client.post(reverse("admin:live_liveentry_promote", args=[entry.pk]))
    entry.refresh_from_db()
    assert response["Location"] == reverse(
        "admin:articles_article_change", args=[entry.promoted_to_id]
    )
    assert entry.promoted_to.title == "Power cuts"


def test_where_used_lists_the_entries_showing_a_library_image(client, story):
    """The library image's page names the live entries that show it, linked to their form."""
    image, _created = add_image(image_file("hall.jpg"), alt_text="A hall")
    entry = make_entry(story, headline="The hall after the strike", image=image)
    client.force_login(make_staff(role="Editors"))
    page = parse(client.get(reverse("admin:images_image_change", args=[image.pk])))
    used = [(a.text, a.get("href")) for a in elements(page, "//ul[@class='where-used']//a")]
    change = reverse("admin:live_liveentry_change", args=[entry.pk])
    assert used == [("The hall after the strike", change)]


def test_a_reporter_reads_anothers_entry_without_an_error(client, story, reporter):
    """Another reporter's entry opens read-only (it failed with a server error: the form
    had no time field to set up)."""
    entry = make_entry(story, headline="Blasts on the left bank")
    client.force_login(reporter)
    page = client.get(reverse("admin:live_liveentry_change", args=[entry.pk]))
    assert page.status_code == 200
    assert "Blasts on the left bank" in page.content.decode()
    assert "published_at_0" not in form_fields(page)


def image_group_folded(response) -> bool:
    (group,) = elements(parse(response), "//fieldset[.//*[@id='fieldset-0-1-heading']]")
    return "collapse" in group.get("class", "")


def test_the_image_group_is_open_when_it_holds_an_image(client, story, reporter):
    """Folded on an empty form; open on an entry with an image, and on a submit that came back
    with the chosen file kept (a missing alt text), so the reporter sees it is still there."""
    client.force_login(reporter)
    assert image_group_folded(client.get(f"{ADD}?story={story.pk}"))
    data = {"story": story.pk, "headline": "Damage", "published_at_0": "", "published_at_1": ""}
    response = client.post(ADD, {**data, "image_upload": image_file("damage.jpg")})
    assert response.status_code == 200
    assert not image_group_folded(response)
    assert elements(parse(response), "//img[contains(@class, 'pending-image')]")
    image, _created = add_image(image_file("hall.jpg"), alt_text="A hall")
    entry = make_entry(story, image=image, created_by=reporter, authors=[reporter.author])
    change = client.get(reverse("admin:live_liveentry_change", args=[entry.pk]))
    assert not image_group_folded(change)
