"""Autosave: the form's text kept on the server apart from the article, offered back when newer."""

import pytest
from django.urls import reverse
from reversion.models import Version

from articles.models import Article, Autosave
from tests.articles.change_form import change_form_data
from tests.articles.test_admin import article_form
from tests.factories import image_file, make_article_in_state, make_section, make_staff
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db


def autosave_url(article=None):
    if article is None:
        return reverse("admin:articles_article_autosave_new")
    return reverse("admin:articles_article_autosave", args=[article.pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def reporter(client):
    user = make_staff(role="Reporters")
    client.force_login(user)
    return user


def test_autosave_keeps_text_without_touching_the_article(client, reporter):
    """An autosave stores the typed text, cleaned; the article, its version and revisions stay."""
    article = make_article_in_state("draft", authors=[reporter.author], title="Old headline")
    versions = Version.objects.get_for_object(article).count()
    data = change_form_data(article, client)
    data.update(title="New headline", body="<p>Typed <script>alert(1)</script>text</p>")
    response = client.post(autosave_url(article), data)
    assert response.status_code == 200
    assert response.json()["newer"] is False
    autosave = Autosave.objects.get(article=article, user=reporter)
    assert autosave.data["title"] == "New headline"
    assert "<script" not in autosave.data["body"]
    assert autosave.base_version == article.version
    fresh = Article.objects.get(pk=article.pk)
    assert (fresh.title, fresh.version) == ("Old headline", article.version)
    assert Version.objects.get_for_object(article).count() == versions


def test_each_autosave_replaces_the_last(client, reporter):
    """Autosaving every few seconds keeps one record per person and article."""
    article = make_article_in_state("draft", authors=[reporter.author])
    data = change_form_data(article, client)
    for title in ["One", "One two", "One two three"]:
        client.post(autosave_url(article), {**data, "title": title})
    assert Autosave.objects.get().data["title"] == "One two three"


def test_autosave_of_a_published_article_never_reaches_readers(client):
    """An editor's autosave of a live article changes nothing on its page."""
    editor = make_staff(role="Editors")
    client.force_login(editor)
    article = make_article_in_state("published", title="Live headline")
    data = change_form_data(article, client)
    assert client.post(autosave_url(article), {**data, "title": "Unreviewed"}).status_code == 200
    client.logout()
    page = parse(client.get(article.get_absolute_url()))
    assert text(element(page, "//h1")) == "Live headline"


def test_autosave_is_refused_like_a_save(client, reporter):
    """Someone who may not edit the article cannot autosave it: 403, nothing stored."""
    in_review = make_article_in_state("review", authors=[reporter.author])
    others = make_article_in_state("draft", authors=[make_staff(role="Reporters").author])
    for article in [in_review, others]:
        assert client.post(autosave_url(article), {"title": "x"}).status_code == 403
    assert client.get(autosave_url(in_review)).status_code == 405
    client.logout()
    assert client.post(autosave_url(in_review), {"title": "x"}).status_code == 302
    assert not Autosave.objects.exists()


def test_reopening_offers_the_newer_text_with_what_differs(client, reporter):
    """The change page offers the autosaved text, showing the words it changes."""
    article = make_article_in_state(
        "draft", authors=[reporter.author], body="<p>The council met on Monday.</p>"
    )
    data = change_form_data(article, client)
    client.post(autosave_url(article), {**data, "body": "<p>The council met on Tuesday.</p>"})
    page = parse(client.get(change_url(article)))
    offer = element(page, f"//div[{with_class('autosave-offer')}]")
    assert [ins.text for ins in elements(offer, ".//ins")] == ["Tuesday"]
    assert [deleted.text for deleted in elements(offer, ".//del")] == ["Monday"]

    restored = client.get(change_url(article) + "?autosave=restore")
    form = restored.context["adminform"].form
    assert form["body"].value() == "<p>The council met on Tuesday.</p>"
    assert elements(parse(restored), f"//div[{with_class('autosave-offer')}]") == []


def test_saving_clears_the_autosave(client, reporter):
    """Once the article is saved, its autosave is gone and nothing is offered."""
    article = make_article_in_state("draft", authors=[reporter.author])
    data = change_form_data(article, client)
    client.post(autosave_url(article), {**data, "title": "Saved at last"})
    assert client.post(change_url(article), {**data, "title": "Saved at last"}).status_code == 302
    assert not Autosave.objects.exists()
    assert (
        elements(parse(client.get(change_url(article))), f"//div[{with_class('autosave-offer')}]")
        == []
    )


def test_restored_text_still_meets_the_edit_conflict_check(client, reporter):
    """Text autosaved on version N, restored after someone saved N+1, is not saved over them."""
    article = make_article_in_state("draft", authors=[reporter.author], title="First")
    data = change_form_data(article, client)
    client.post(autosave_url(article), {**data, "title": "Mine"})
    article.title = "Editor's fix"  # someone else saves in between
    article.save()
    restored = client.get(change_url(article) + "?autosave=restore")
    form_data = {**data}
    form_data["title"] = restored.context["adminform"].form["title"].value()
    form_data["edited_version"] = restored.context["adminform"].form["edited_version"].value()
    response = client.post(change_url(article), form_data)
    assert response.status_code == 200
    assert response.context["adminform"].form.conflict is not None
    assert Article.objects.get(pk=article.pk).title == "Editor's fix"


def test_new_article_autosave_is_offered_on_the_add_page(client, reporter):
    """Text typed into a new article and autosaved is offered on the next add page."""
    data = article_form(make_section(), reporter.author, title="A story never saved")
    assert client.post(autosave_url(), data).status_code == 200
    page = parse(client.get(reverse("admin:articles_article_add")))
    assert "A story never saved" in text(element(page, f"//div[{with_class('autosave-offer')}]"))
    restored = client.get(reverse("admin:articles_article_add") + "?autosave=restore")
    assert restored.context["adminform"].form["title"].value() == "A story never saved"
    discard = reverse("admin:articles_article_autosave_discard_new")
    assert client.post(discard).status_code == 302
    assert not Autosave.objects.exists()


def test_autosave_keeps_the_bylines_and_restores_them(client, reporter):
    """Bylines typed in the form are autosaved and come back into the inline on restore."""
    article = make_article_in_state("draft", authors=[reporter.author])
    colleague = make_staff(role="Reporters", name="Iryna Koval").author
    data = change_form_data(article, client)
    data.update(
        {
            "bylines-TOTAL_FORMS": "2",
            "bylines-1-author": str(colleague.pk),
            "bylines-1-role": "Additional reporting",
            "bylines-1-position": "1",
            "bylines-1-article": str(article.pk),
            "bylines-1-id": "",
        }
    )
    assert client.post(autosave_url(article), data).status_code == 200
    kept = Autosave.objects.get().data["bylines"]
    assert kept == [
        {"author": reporter.author.pk, "role": "", "position": 0},
        {"author": colleague.pk, "role": "Additional reporting", "position": 1},
    ]
    Article.objects.filter(pk=article.pk).update(updated_at=article.updated_at.replace(year=2020))
    offer = parse(client.get(change_url(article)))
    assert "Iryna Koval" in text(element(offer, "//div[contains(@class, 'autosave-offer')]"))

    restored = client.get(change_url(article) + "?autosave=restore")
    formset = next(
        inline.formset
        for inline in restored.context["inline_admin_formsets"]
        if inline.formset.prefix == "bylines"
    )
    shown = [form["author"].value() for form in formset.forms if form["author"].value()]
    assert shown == [reporter.author.pk, colleague.pk]
    assert formset.forms[1]["role"].value() == "Additional reporting"


def test_autosave_keeps_a_chosen_hero_image_for_the_restore(client, reporter):
    """An image chosen but not yet saved is kept with the autosave and saved after a restore."""
    article = make_article_in_state("draft", authors=[reporter.author])
    data = change_form_data(article, client)
    response = client.post(
        autosave_url(article),
        {**data, "hero_alt": "A tram in the snow", "hero_image": image_file(size=(900, 500))},
    )
    token = response.json()["hero_image_pending"]
    assert token
    assert Autosave.objects.get().data["hero_image_pending"] == token
    Article.objects.filter(pk=article.pk).update(updated_at=article.updated_at.replace(year=2020))

    restored = parse(client.get(change_url(article) + "?autosave=restore"))
    assert element(restored, "//input[@name='hero_image_pending']").get("value") == token
    assert element(restored, "//img[@class='pending-image']") is not None
    restore_data = change_form_data(article, client)
    restore_data.update(hero_alt="A tram in the snow", hero_image_pending=token)
    assert client.post(change_url(article), restore_data).status_code == 302
    article.refresh_from_db()
    assert article.hero is not None
    assert article.hero_width == 900
