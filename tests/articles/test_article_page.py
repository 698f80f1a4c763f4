import pytest
from lxml import html

from tests.factories import LEAD_PARAGRAPHS, make_article, make_newsroom

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom():
    return make_newsroom()


@pytest.fixture
def lead_page(client, newsroom):
    """The lead story's page, parsed."""
    response = client.get(newsroom.article.get_absolute_url())
    assert response.status_code == 200
    return html.fromstring(response.content)


def text(page, xpath) -> str:
    (element,) = page.xpath(xpath)
    return " ".join(element.text_content().split())


def has_class(name: str) -> str:
    return f'contains(concat(" ", normalize-space(@class), " "), " {name} ")'


def test_article_page_shows_every_part_of_the_article(lead_page, newsroom):
    """Section label, headline, reading time, hero caption, body, author box, feed, Show More."""
    article, author = newsroom.article, newsroom.reporter
    (section,) = lead_page.xpath(f"//p[{has_class('article__section')}]/a")
    assert (section.text, section.get("href")) == (
        article.section.name,
        article.section.get_absolute_url(),
    )
    assert text(lead_page, "//h1") == article.title
    assert article.reading_time == 2
    assert text(lead_page, f"//*[{has_class('article__reading-time')}]") == "2 min read"
    caption = text(lead_page, f"//figure[{has_class('article__hero')}]/figcaption")
    assert caption == f"{article.hero_caption} {article.hero_credit}"
    paragraphs = lead_page.xpath(f"//div[{has_class('article__body')}]/p")
    assert [paragraph.text_content() for paragraph in paragraphs] == LEAD_PARAGRAPHS

    box = f"//section[{has_class('author-box')}]"
    (name,) = lead_page.xpath(f"{box}//p[{has_class('author-box__name')}]/a")
    assert (name.text, name.get("href")) == (author.name, author.get_absolute_url())
    assert text(lead_page, f"{box}//p[{has_class('author-box__role')}]") == author.role
    bio = text(lead_page, f"{box}//div[{has_class('author-box__bio')}]")
    assert bio == html.fromstring(author.bio).text_content()
    assert "She speaks Ukrainian, English and Polish." in bio

    assert text(lead_page, '//h2[@id="read-more-title"]') == "Read more"
    feed = '//div[@id="read-more-feed"]'
    briefs = lead_page.xpath(f"{feed}//article[{has_class('feed-item--brief')}]//h3/a/text()")
    assert newsroom.brief.title in briefs
    video = lead_page.xpath(f'{feed}//article[.//a/@href="{newsroom.video.get_absolute_url()}"]')
    assert [text(item, f".//*[{has_class('label--video')}]") for item in video] == ["Video"]
    (show_more,) = lead_page.xpath('//aside[@class="read-more"]//a[@rel="next"]')
    assert show_more.text == "Show More"


def test_read_more_never_lists_the_article_itself(lead_page, newsroom):
    """The "Read more" block does not link back to the article being read."""
    links = lead_page.xpath('//h2[@id="read-more-title"]/following::a/@href')
    others = {article.get_absolute_url() for article in newsroom.published[1:]}
    assert others & set(links)  # The block lists other items...
    assert newsroom.article.get_absolute_url() not in links  # ...never this one.


def test_draft_article_page_is_404(client):
    """A draft has no public page."""
    draft = make_article(status="draft", publish_at=None)
    assert client.get(draft.get_absolute_url()).status_code == 404
