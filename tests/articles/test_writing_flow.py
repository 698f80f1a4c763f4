"""The article form as a reporter writes in it: read-only view, byline, tags, submit, withdraw."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from articles import services
from articles.models import Article, Tag
from tests.articles.test_admin import article_form
from tests.factories import (
    image_file,
    make_article,
    make_article_in_state,
    make_section,
    make_staff,
    make_tag,
)
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add")


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def reporter(client):
    user = make_staff(role="Reporters", name="Olena Roshchina")
    client.force_login(user)
    return user


def test_read_only_view_shows_the_body_as_readers_see_it(client, reporter):
    """A reporter's article in review shows its body as formatted text, not as <p> tags."""
    article = make_article_in_state(
        "review", authors=[reporter.author], body="<p>First <strong>bold</strong> point.</p>"
    )
    page = parse(client.get(change_url(article)))
    body = element(
        page, f"//div[{with_class('field-body_as_read')}]//div[{with_class('readonly')}]"
    )
    assert text(body) == "First bold point."
    assert [strong.text for strong in elements(body, ".//p/strong")] == ["bold"]
    assert "&lt;p&gt;" not in client.get(change_url(article)).content.decode()


def test_read_only_body_is_sanitised(client, reporter):
    """Whatever the stored body holds, the read-only view never runs a script."""
    article = make_article_in_state("published", authors=[reporter.author])
    Article.objects.filter(pk=article.pk).update(body="<p>Text</p><script>alert(1)</script>")
    page = parse(client.get(change_url(article)))
    body = element(page, f"//div[{with_class('field-body_as_read')}]")
    assert elements(body, ".//script") == []
    assert "Text" in text(body)


def test_section_offers_no_delete_link(client):
    """The Section and byline author fields offer no delete link (only add, change, view)."""
    client.force_login(make_staff(role="Editors"))
    page = parse(client.get(ADD))
    assert elements(page, f"//a[{with_class('delete-related')}]") == []
    assert elements(page, f"//div[{with_class('field-section')}]//a[{with_class('add-related')}]")


def test_corrections_inline_only_when_there_are_corrections(client):
    """An article without corrections shows no empty Corrections group; one with them does."""
    client.force_login(make_staff(role="Editors"))
    plain = make_article()
    corrected = make_article(corrections=["The mayor's name was misspelt."])
    assert elements(parse(client.get(change_url(plain))), "//*[@id='corrections-group']") == []
    group = element(parse(client.get(change_url(corrected))), "//*[@id='corrections-group']")
    assert "misspelt" in text(group)


def test_add_form_prefills_the_reporters_byline(client, reporter):
    """The add form's first byline is the reporter's own author profile."""
    form = client.get(ADD).context["inline_admin_formsets"][0].formset.forms[0]
    assert form.initial["author"] == reporter.author.pk
    page = parse(client.get(ADD))
    selected = element(page, "//select[@name='bylines-0-author']/option[@selected]")
    assert selected.get("value") == str(reporter.author.pk)
    assert text(selected) == "Olena Roshchina"


def test_add_page_saves_and_submits_for_review(client, reporter):
    """'Save and submit for review' on the add page saves the draft and puts it in review."""
    page = parse(client.get(ADD))
    element(page, "//button[@name='_workflow'][@value='submit']")
    data = article_form(make_section(), reporter.author, _workflow="submit")
    response = client.post(ADD, data)
    article = Article.objects.get(slug=data["slug"])
    assert response.status_code == 302
    assert response["Location"] == change_url(article)
    assert article.status == Article.Status.IN_REVIEW
    assert [(step.action, step.by) for step in article.transitions.all()] == [
        ("submitted", reporter)
    ]


def test_add_page_refuses_other_workflow_steps(client, reporter):
    """On the add page only submitting is allowed: a forged publish is refused and saves nothing."""
    data = article_form(make_section(), reporter.author, _workflow="publish")
    assert client.post(ADD, data).status_code == 403
    assert not Article.objects.filter(slug=data["slug"]).exists()


def test_tags_are_created_by_typing(client, reporter):
    """New tags typed as a comma-separated list are created (cleaned) and put on the article."""
    existing = make_tag(name="Kyiv metro", slug="kyiv-metro")
    data = article_form(
        make_section(),
        reporter.author,
        new_tags=" Night trains ,kyiv metro,, <b>Transport</b> ",
    )
    assert client.post(ADD, data).status_code == 302
    article = Article.objects.get(slug=data["slug"])
    assert sorted(article.tags.values_list("name", flat=True)) == [
        "Kyiv metro",
        "Night trains",
        "Transport",
    ]
    assert Tag.objects.filter(name__iexact="kyiv metro").get() == existing
    assert Tag.objects.get(name="Night trains").slug == "night-trains"


def test_tags_need_the_permission_to_create_them(client):
    """Someone without the right to add tags gets a form error, and no tag is made."""
    user = make_staff(role="Reporters")
    user.groups.get().permissions.remove(*user.groups.get().permissions.filter(codename="add_tag"))
    client.force_login(user)
    data = article_form(make_section(), user.author, new_tags="Brand new tag")
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "new_tags" in response.context["adminform"].form.errors
    assert not Tag.objects.filter(name="Brand new tag").exists()


def test_reporter_withdraws_an_article_from_review(client, reporter):
    """A reporter takes their article back from review: it is a draft they can edit again."""
    article = make_article_in_state("review", authors=[reporter.author])
    page = parse(client.get(change_url(article)))
    element(page, "//button[@value='withdraw']")
    url = reverse("admin:articles_article_withdraw", args=[article.pk])
    assert client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.transitions.get().action == "withdrawn"
    assert "field-title" in client.get(change_url(article)).content.decode()


def test_withdraw_only_own_articles_in_review():
    """Withdrawing is for the article's own reporters, and only while it is in review."""
    author, other = make_staff(role="Reporters"), make_staff(role="Reporters")
    in_review = make_article_in_state("review", authors=[author.author])
    with pytest.raises(PermissionDenied):
        services.article_withdraw(article=in_review, by=other)
    draft = make_article_in_state("draft", authors=[author.author])
    with pytest.raises(PermissionDenied):
        services.article_withdraw(article=draft, by=author)
    services.article_withdraw(article=in_review, by=author)
    assert Article.objects.get(pk=in_review.pk).status == Article.Status.DRAFT


def test_withdraw_by_post_only_and_for_authors(client, reporter):
    """Another reporter's withdraw request is refused (403) and changes nothing."""
    article = make_article_in_state("review", authors=[make_staff(role="Reporters").author])
    url = reverse("admin:articles_article_withdraw", args=[article.pk])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert Article.objects.get(pk=article.pk).status == Article.Status.IN_REVIEW


def test_chosen_hero_image_survives_a_form_error(client, reporter):
    """An image uploaded with a form that fails (no alt text) is kept and saved on the next try."""
    section = make_section()
    data = article_form(section, reporter.author)
    data["hero_image"] = image_file("metro.jpg", size=(960, 540))
    response = client.post(ADD, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "hero_alt" in form.errors
    token = form["hero_image_pending"].value()
    assert token
    page = parse(response)
    kept = element(page, f"//div[{with_class('field-hero_image')}]//img")
    assert kept.get("src").startswith("/media/pending/")
    assert element(page, "//input[@name='hero_image_pending']").get("value") == token

    data.pop("hero_image")
    data.update(hero_alt="A metro train at a platform", hero_image_pending=token)
    assert client.post(ADD, data).status_code == 302
    article = Article.objects.get(slug=data["slug"])
    assert (article.hero_image.width, article.hero_image.height) == (960, 540)
    assert article.hero_image.name.startswith("library/")
    assert article.hero.file.name == article.hero_image.name  # kept in the library


def test_pending_image_token_is_signed_and_personal(client, reporter):
    """A forged token, or another person's, brings no image into the article."""
    section = make_section()
    data = article_form(section, reporter.author)
    data["hero_image"] = image_file("metro.jpg")
    token = client.post(ADD, data).context["adminform"].form["hero_image_pending"].value()
    data.pop("hero_image")
    data.update(hero_alt="Alt", hero_image_pending=token + "x")
    assert client.post(ADD, data).status_code == 302
    assert not Article.objects.get(slug=data["slug"]).hero_image

    other = make_staff(role="Reporters")
    client.force_login(other)
    data = article_form(section, other.author, slug="another", hero_alt="Alt")
    data["hero_image_pending"] = token
    assert client.post(ADD, data).status_code == 302
    assert not Article.objects.get(slug="another").hero_image


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "unpublished"])
def test_view_on_site_only_for_what_readers_can_see(client, reporter, state):
    """'View on site' led to a 404 for an article readers cannot see yet: Preview shows it."""
    article = make_article_in_state(state, authors=[reporter.author])
    page = parse(client.get(change_url(article)))
    assert elements(page, f"//a[{with_class('viewsitelink')}]") == []
    published = make_article_in_state("published", authors=[reporter.author])
    page = parse(client.get(change_url(published)))
    link = element(page, f"//a[{with_class('viewsitelink')}]")
    assert client.get(link.get("href"), follow=True).status_code == 200


def test_a_slug_left_empty_is_made_from_the_headline(client, reporter):
    """Without JavaScript nothing fills the slug: the server makes it from the headline (in
    the national transliteration), one not yet taken, instead of refusing the form."""
    section = make_section()
    make_article(slug="vohni-nad-kyievom")
    data = article_form(section, reporter.author, title="Вогні над Києвом", slug="")
    response = client.post(ADD, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Article.objects.get(title="Вогні над Києвом").slug == "vohni-nad-kyievom-2"


def test_a_headline_without_letters_still_asks_for_a_slug(client, reporter):
    """A slug cannot be made from "???": the form says the slug is needed, nothing is saved."""
    data = article_form(make_section(), reporter.author, title="???", slug="")
    response = client.post(ADD, data)
    assert "slug" in response.context["adminform"].form.errors
    assert not Article.objects.filter(title="???").exists()


def test_a_chosen_file_already_in_the_library_survives_a_form_error(client, reporter):
    """A file that is already in the library, chosen with a form that fails (no headline),
    comes back as the chosen library image; the next submit saves the article with it."""
    from images import services as library

    photo, _created = library.add_image(
        image_file("platform.jpg", size=(960, 540)), alt_text="A metro platform"
    )
    data = article_form(make_section(), reporter.author, title="", slug="")
    data["hero_image"] = image_file("platform-again.jpg", size=(960, 540))
    data["hero_alt"] = "A metro platform at night"
    response = client.post(ADD, data)
    assert "title" in response.context["adminform"].form.errors
    chosen = element(parse(response), "//select[@name='hero']/option[@selected]")
    assert chosen.get("value") == str(photo.pk)

    data.pop("hero_image")
    data.update(title="Night trains return", hero=str(photo.pk))
    assert client.post(ADD, data).status_code == 302
    assert Article.objects.get(title="Night trains return").hero == photo
