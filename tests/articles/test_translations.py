"""Translations: the editor's "Translate into Ukrainian", the translator's byline, and the
notice that the original changed since."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import html

from articles import translations
from articles.models import Article, Byline
from tests.factories import (
    make_article,
    make_author,
    make_section,
    make_staff,
    make_tag,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def original():
    news = make_section(name="News Feed", slug="news-feed")
    make_section(name="Стрічка новин", slug="strichka-novyn", language="uk", translation_of=news)
    tag = make_tag(name="NATO", slug="nato")
    make_tag(name="НАТО", slug="nato", language="uk", translation_of=tag)
    author = make_author(name="Martin Fornusek")
    return make_article(
        title="NATO plans a new post in Kyiv",
        section=news,
        authors=[author],
        tags=[tag],
        hero_caption="NATO Secretary-General Jens Stoltenberg",
    )


def test_translate_makes_a_draft_with_placement_and_text_to_translate(original):
    """The draft is Ukrainian, in the Ukrainian section and tag, with the original's text and
    authors, the translator on the byline, and nothing published."""
    editor = make_staff(role="Editors", name="Oleksandra Kovalenko")
    draft = translations.translation_create(article=original, language="uk", by=editor)
    assert draft.language == "uk"
    assert draft.translation_of == original
    assert draft.status == Article.Status.DRAFT
    assert draft.section.slug == "strichka-novyn"
    assert draft.section.language == "uk"
    assert [tag.name for tag in draft.tags.all()] == ["НАТО"]
    assert (draft.title, draft.body, draft.hero_caption) == (
        original.title,
        original.body,
        original.hero_caption,
    )
    parts = [(b.author.name, b.part) for b in draft.bylines.all()]
    assert parts == [
        ("Martin Fornusek", Byline.Part.AUTHOR),
        ("Oleksandra Kovalenko", "translator"),
    ]
    assert not Article.objects.published().filter(pk=draft.pk).exists()
    with pytest.raises(ValidationError):
        translations.translation_create(article=original, language="uk", by=editor)


def test_the_translation_shows_the_originals_changes_since(original, client):
    """After the original is revised, the translation's editor sees what changed, until they
    mark the translation as following it."""
    editor = make_user(role="Editors")
    draft = translations.translation_create(article=original, language="uk", by=editor)
    assert translations.source_changes(draft) == []
    original.body = "<p>NATO plans a senior representative in Kyiv.</p>"
    original.save()
    draft.refresh_from_db()
    changes = translations.source_changes(draft)
    assert [change.label for change in changes] == ["Body"]
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[draft.pk])
    notice = html.fromstring(client.get(url).content).xpath("//div[@class='translation-notice']")
    assert notice
    assert "senior" in notice[0].text_content()
    current = reverse("admin:articles_article_translation_current", args=[draft.pk])
    assert client.post(current).status_code == 302
    draft.refresh_from_db()
    assert translations.source_changes(draft) == []


def test_translate_into_ukrainian_is_an_action_of_the_article_list(original, client):
    """An editor selects the article and runs "Translate into Ukrainian"; the draft opens."""
    client.force_login(make_user(role="Editors"))
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "translate_into_uk", "_selected_action": [original.pk]},
    )
    draft = original.translations.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[draft.pk])
