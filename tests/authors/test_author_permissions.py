import pytest
from django.urls import reverse

from authors.models import Author
from tests.factories import make_author, make_staff

pytestmark = pytest.mark.django_db


def profile_form(author, **changes):
    data = {
        "name": author.name,
        "slug": author.slug,
        "role": author.role,
        "short_bio": "",
        "bio": "<p>Reports on energy.</p>",
        "is_active": "on",
        "photo": "",
        "photo_alt_text": "",
        "photo_upload_pending": "",
        "location": "Lviv",
        "languages": "",
        "email": "",
        "website": "",
        "x_handle": "",
        "facebook_url": "",
        "instagram_handle": "",
        "linkedin_url": "",
        "user": "",
        "bios-TOTAL_FORMS": "0",
        "bios-INITIAL_FORMS": "0",
        "bios-MIN_NUM_FORMS": "0",
        "bios-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_reporter_edits_own_profile_but_not_login_or_slug(client):
    """A reporter updates their own bio; a posted slug, login or active flag is ignored."""
    reporter = make_staff(role="Reporters")
    author = reporter.author
    client.force_login(reporter)
    url = reverse("admin:authors_author_change", args=[author.pk])
    data = profile_form(author, slug="hijacked", user="", is_active="")
    assert client.post(url, data).status_code == 302
    author.refresh_from_db()
    assert author.location == "Lviv"
    assert author.slug != "hijacked"
    assert author.user == reporter
    assert author.is_active


def test_reporter_cannot_edit_someone_elses_profile(client):
    """Another author's profile is read-only for a reporter; a forged POST is refused."""
    other = make_author(name="Anna Belokur")
    client.force_login(make_staff(role="Reporters"))
    url = reverse("admin:authors_author_change", args=[other.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="name"' not in page.content
    assert client.post(url, profile_form(other, name="Vandalised")).status_code == 403
    assert Author.objects.get(pk=other.pk).name == "Anna Belokur"


def test_editor_manages_every_profile(client):
    """An editor edits anyone's profile, slug included."""
    other = make_author(name="Anna Belokur")
    client.force_login(make_staff(role="Editors"))
    url = reverse("admin:authors_author_change", args=[other.pk])
    assert client.post(url, profile_form(other, slug="anna-b")).status_code == 302
    assert Author.objects.get(pk=other.pk).slug == "anna-b"


def test_the_bio_in_another_language_is_on_the_profile_page_of_who_may_change_it(client):
    """An editor and the reporter whose profile it is get the other editions' bio on the author
    page and save a Ukrainian one; on someone else's profile a reporter gets no form for it."""
    reporter = make_staff(role="Reporters")
    own, other = reporter.author, make_author(name="Anna Belokur")
    editor = make_staff(role="Editors")
    for user, author in [(reporter, own), (editor, other)]:
        client.force_login(user)
        url = reverse("admin:authors_author_change", args=[author.pk])
        assert b'name="bios-TOTAL_FORMS"' in client.get(url).content
        ukrainian = {
            "bios-TOTAL_FORMS": "1",
            "bios-0-language": "uk",
            "bios-0-name": "Ганна",
            "bios-0-bio": "<p>Пише про енергетику.</p>",
        }
        assert client.post(url, profile_form(author, **ukrainian)).status_code == 302
        assert author.bios.get(language="uk").bio == "<p>Пише про енергетику.</p>"
    client.force_login(reporter)
    page = client.get(reverse("admin:authors_author_change", args=[other.pk]))
    assert b'name="bios-0-bio"' not in page.content
