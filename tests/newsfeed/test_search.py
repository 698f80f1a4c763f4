from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caching import local_copies
from tests.factories import make_article, make_author, make_section, make_tag
from tests.html import element, elements, parse, text, with_class

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    return client.get("/search/", {"q": query, **params})


def result_titles(response):
    """The headlines of the results, in the order the page lists them."""
    return [text(link) for link in elements(parse(response), "//h3[@class='feed-item__title']/a")]


def test_search_finds_an_article_by_a_word_in_its_body(client):
    """A word that appears only in the body finds the article, highlighted in a snippet."""
    make_article(
        title="NATO plans a new post in Kyiv",
        body="<p>The new command center in Germany's Wiesbaden will coordinate aid.</p>",
    )
    make_article(title="Unrelated story", body="<p>Nothing about Germany here.</p>")
    response = search(client, "Wiesbaden")
    assert response.status_code == 200
    assert result_titles(response) == ["NATO plans a new post in Kyiv"]
    assert "<mark>Wiesbaden</mark>" in response.content.decode()


def test_headline_matches_rank_above_body_matches(client):
    """An article with the word in its headline ranks above one with it only in the body."""
    make_article(title="Energy prices", body="<p>Talks about drones went on for hours.</p>")
    make_article(title="Drones over Kharkiv", body="<p>Air defense was active all night.</p>")
    assert result_titles(search(client, "drones")) == ["Drones over Kharkiv", "Energy prices"]


def test_web_search_syntax_quotes_minus_and_or(client):
    """Quotes match a phrase, -word leaves a word out, `or` accepts either word."""
    make_article(title="Air defense in Kharkiv", body="<p>Drones were shot down.</p>")
    make_article(title="Defense of the air base", body="<p>Kharkiv airfield repaired.</p>")
    make_article(title="Grain exports from Odesa", body="<p>Ships left port.</p>")
    assert result_titles(search(client, '"air defense"')) == ["Air defense in Kharkiv"]
    assert result_titles(search(client, "Kharkiv -drones")) == ["Defense of the air base"]
    assert sorted(result_titles(search(client, "Odesa or drones"))) == [
        "Air defense in Kharkiv",
        "Grain exports from Odesa",
    ]


def test_search_never_shows_drafts_or_scheduled_items(client):
    """Only published items are found."""
    make_article(title="Secret draft about Wiesbaden", status="draft", publish_at=None)
    assert result_titles(search(client, "Wiesbaden")) == []


def test_snippets_escape_markup_from_the_text(client):
    """A snippet keeps its <mark> highlights and nothing else as markup."""
    make_article(title="Markup", standfirst="Wiesbaden <script>alert(1)</script> <b>bold</b>")
    page = parse(search(client, "Wiesbaden"))
    snippet = element(page, f"//p[{with_class('feed-item__snippet')}]")
    assert [text(mark) for mark in elements(snippet, "./mark")] == ["Wiesbaden"]
    # No <script>, no <b>: the highlight is the snippet's only element.
    assert [child.tag for child in snippet.iterdescendants()] == ["mark"]


@pytest.mark.parametrize("query", ["", "   ", "the and of", "!!! ??? ---", '"', "-"])
def test_empty_or_junk_query_gives_a_helpful_page(client, query):
    """An empty, stop-word-only or punctuation query gets a page with advice, not an error."""
    make_article(title="Something published")
    response = search(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Type a few words" in html or "Nothing we have published matches" in html


def test_overlong_or_null_byte_query_is_a_clear_400(client):
    """A query too long, or with a NUL character, is refused with a message, not a crash."""
    for query in ["x" * 300, "Wies\x00baden"]:
        response = search(client, query)
        assert response.status_code == 400
        assert 'id="search-error"' in response.content.decode()


def test_results_are_paged_with_show_more(client):
    """More than a page of results gives a Show More link that keeps the query."""
    for number in range(25):
        make_article(title=f"Kharkiv update {number}")
    response = search(client, "Kharkiv")
    assert len(result_titles(response)) == 20
    assert 'rel="next" href="?q=Kharkiv&amp;page=2"' in response.content.decode()
    assert len(result_titles(search(client, "Kharkiv", page=2))) == 5
    assert search(client, "Kharkiv", page=3).status_code == 404


@pytest.mark.parametrize("query", ["zzzqqq", "Fornusek", "the and of"])
def test_a_search_with_no_results_says_nothing_matched_and_keeps_the_query(client, query):
    """Words that match nothing get "No results" and advice, with the words still in the box."""
    make_article(title="Something published", section=make_section(name="News Feed"))
    page = parse(search(client, query))
    assert text(element(page, "//main//h2")) == f"No results for “{query}”"
    assert "Nothing we have published matches" in text(element(page, "//main"))
    assert "Type a few words" not in text(element(page, "//main"))
    assert element(page, "//input[@id='search-q']").get("value") == query
    advice = [text(link) for link in elements(page, "//main//*[@class='search-empty']//a")]
    assert len(advice) == len(set(advice)), advice  # no two links read the same


def test_an_empty_search_prompts_for_words_and_claims_no_results(client):
    """An empty query gets the prompt to type words, never a "No results" heading."""
    make_article(title="Something published")
    page = parse(search(client, ""))
    assert "Type a few words" in text(element(page, "//main"))
    assert "No results" not in text(element(page, "//main"))


def test_search_finds_every_article_tagged_with_the_words(client):
    """Searching "NATO" finds the six articles tagged NATO, not only the two that say it."""
    nato = make_tag(name="NATO", slug="nato")
    said = [make_article(title=f"NATO summit day {n}", tags=[nato]) for n in range(2)]
    tagged = [make_article(title=f"Alliance talks, part {n}", tags=[nato]) for n in range(4)]
    make_article(title="Grain exports from Odesa")
    assert sorted(result_titles(search(client, "NATO"))) == sorted(
        article.title for article in said + tagged
    )


def test_search_finds_articles_by_section_and_author_names(client):
    """A section's name or an author's name finds their articles, with no word in the text."""
    europe = make_section(name="Europe", slug="europe")
    in_europe = make_article(title="Talks in Brussels", section=europe)
    reporter = make_author(name="Martin Fornusek", slug="martin-fornusek")
    by_reporter = make_article(title="Drones over Kharkiv", authors=[reporter])
    make_article(title="Grain exports from Odesa")
    assert result_titles(search(client, "Europe")) == [in_europe.title]
    assert result_titles(search(client, "Fornusek")) == [by_reporter.title]
    assert result_titles(search(client, "Martin Fornusek")) == [by_reporter.title]


def test_headline_matches_rank_above_tag_section_and_author_matches(client):
    """The word in the headline ranks first; in a tag, section or byline next; in the body last."""
    nato = make_tag(name="NATO", slug="nato")
    make_article(title="Alliance talks", tags=[nato], publish_at=timezone.now())
    make_article(title="Summit notes", body="<p>NATO was mentioned once.</p>")
    make_article(title="NATO opens an office", publish_at=timezone.now() - timedelta(days=3))
    assert result_titles(search(client, "NATO")) == [
        "NATO opens an office",
        "Alliance talks",
        "Summit notes",
    ]


def test_search_by_names_runs_a_fixed_number_of_queries(client):
    """Matching tags, sections and authors costs no query more for 30 items than for 3."""
    nato = make_tag(name="NATO", slug="nato")
    section = make_section(name="Europe", slug="europe")
    authors = [make_author(name=f"Reporter {n} NATO desk") for n in range(2)]

    def add(count):
        for number in range(count):
            make_article(
                title=f"Alliance talks {number}", tags=[nato], section=section, authors=authors
            )

    def queries_and_results():
        # From nothing each time: the header and footer stay cached across new articles.
        cache.clear()
        local_copies.clear_all()
        with CaptureQueriesContext(connection) as queries:
            response = search(client, "NATO")
        return len(queries), len(result_titles(response))

    add(3)
    few, shown = queries_and_results()
    assert shown == 3
    add(27)
    assert queries_and_results() == (few, 20)
