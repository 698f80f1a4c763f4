"""The Ukrainian edition's interface is all in Ukrainian: a page fails when it shows an
English word that the content did not bring (an interface string left out of the catalogue,
or not marked for translation)."""

import re

import pytest
from django.conf import settings
from lxml import html

from authors.models import AuthorBio
from tests.factories import image_file, make_article, make_author, make_section, make_tag

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# An email address (a subscriber's, the form's example) is not a word of the interface.
EMAIL_ADDRESS = re.compile(r"\S+@\S+")
# Names, not words of the interface: the newsroom's, the feed formats', the video label's.
ALLOWED = {*settings.SITE_NAME.split(), "RSS", "Atom", "JSON"}
READ_BY_PEOPLE = ("aria-label", "title", "alt", "placeholder", "value")


def english_words(content: bytes) -> set[str]:
    """Latin-alphabet words a reader of the page sees or hears, outside anything marked as
    being in another language (the switcher's "English")."""
    document = html.fromstring(content)
    for element in document.xpath("//script|//style|//*[@lang and @lang!='uk']"):
        element.drop_tree()
    body = document.xpath("//body")[0]
    spoken = [" ".join(body.itertext())]
    for element in body.iter():
        if element.tag == "input" and element.get("type") in {"hidden", "checkbox"}:
            continue
        spoken += [element.get(name, "") for name in READ_BY_PEOPLE]
    words = set(LATIN_WORD.findall(EMAIL_ADDRESS.sub(" ", " ".join(spoken))))
    return {word for word in words if word not in ALLOWED}


@pytest.fixture
def ukrainian_edition():
    section = make_section(name="Україна", slug="ukraina", language="uk")
    tag = make_tag(name="Відбудова", slug="vidbudova", language="uk")
    # The author's own details are in English; the Ukrainian bio has its own.
    author = make_author(
        name="Olena Roshchina", slug="olena-roshchina", role="Reporter", location="Lviv",
        languages="English, Ukrainian", photo=image_file(), photo_alt="Portrait of Olena",
    )  # fmt: skip
    AuthorBio.objects.create(
        author=author, language="uk", name="Олена Рощина", role="Репортерка",
        bio="<p>Олена Рощина пише про відбудову.</p>", short_bio="Пише про відбудову.",
        location="Львів", languages="англійська, українська", photo_alt="Портрет Олени Рощиної",
    )  # fmt: skip
    articles = [
        make_article(
            title=f"Громади планують відбудову {number}",
            standfirst="Школи, лікарні й мости.",
            body="<p>Громади самі вирішують, що відбудовувати першим.</p>",
            section=section,
            language="uk",
            authors=[author],
            tags=[tag],
            kind=kind,
            corrections=["У попередній версії була помилка в назві села."] if number == 0 else (),
        )
        for number, kind in enumerate(["article", "opinion", "brief", "article"])
    ]
    return section, tag, author, articles


def test_no_english_interface_word_on_a_ukrainian_page(client, ukrainian_edition):
    """Home, news feed, section, tag, author, article, Read more, search (found and not),
    corrections and a 404, in Ukrainian."""
    section, tag, _author, articles = ukrainian_edition
    urls = [
        "/uk/",
        "/uk/news-feed/",
        section.get_absolute_url(),
        tag.get_absolute_url(),
        "/uk/author/olena-roshchina/",
        articles[0].get_absolute_url(),
        f"/uk/read-more/{articles[0].slug}/",
        "/uk/search/",
        "/uk/search/?q=відбудови",
        "/uk/search/?q=жирафа",
        "/uk/corrections/",
        "/uk/no-such-page/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert english_words(response.content) == set(), url


def test_no_english_interface_word_on_the_other_ukrainian_pages(client, ukrainian_edition):
    """A live story with entries, a site page, the newsletter sign-up and check-your-inbox
    pages, in Ukrainian (the subscriber's own pages: tests/newsletters/test_editions.py)."""
    from pages.models import Page
    from tests.factories import make_newsletter
    from tests.live.factories import make_entry, make_live_story

    section, _tag, author, _articles = ukrainian_edition
    live = make_article(
        title="Війна: головне",
        standfirst="Що відбувається зараз.",
        body="<p>Стежимо за подіями.</p>",
        section=section,
        language="uk",
        authors=[author],
    )
    story = make_live_story(
        article=live, key_points="<ul><li>Тривога тривала три години.</li></ul>"
    )
    body = "<p>Відбій пролунав о 07:40.</p>"
    make_entry(story, headline="Ранок у Києві", body=body, authors=[author])
    make_entry(story, headline="Відбій", body=body, is_pinned=True)
    Page.objects.create(
        title="Про нас", slug="pro-nas", language="uk", body="<p>Хто ми.</p>", is_published=True
    )
    make_newsletter(name="Щоранку", slug="shchoranku", language="uk")
    make_newsletter(name="Вечір", slug="vechir", language="uk")
    urls = [
        live.get_absolute_url(),
        "/uk/pro-nas/",
        "/uk/newsletters/signup/",
        "/uk/newsletters/signup/check-your-inbox/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert english_words(response.content) == set(), url
    invalid = client.post("/uk/newsletters/signup/", {"email": "ніхто"})
    assert invalid.status_code == 400
    assert english_words(invalid.content) == set()
