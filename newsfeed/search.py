"""Full-text search of published items in PostgreSQL: web-search syntax, ranked, with snippets.

Readers may write quotes for phrases, `-word` to leave a word out and `or` between
alternatives (websearch_to_tsquery). The headline weighs most; the standfirst and the
names of the item's tags, section and authors next; then the body. The stored search
vector has a GIN index. Names are matched first, in their own small tables (one query),
so an item tagged "NATO" is found by "NATO" whatever its text says. The words must all
be in the text or all in one name: "NATO Stoltenberg" does not combine a tag and the text.

Each edition searches its own items in its own language: English with PostgreSQL's
stemmer, Ukrainian (which PostgreSQL cannot stem) by the dictionary forms of its words,
stored with each item and read from the reader's words alike (website/lemmas.py), so
«Києві» finds «Київ».
"""

import nh3
from django import forms
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
)
from django.db.models import F, Func, OuterRef, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from articles.models import LEMMA_CONFIG, SEARCH_CONFIG, Article, Byline, Section, Tag
from articles.selectors import with_extensions
from authors.models import Author
from website import editions, lemmas

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=MAX_QUERY_LENGTH, required=False, strip=True)


class StripTags(Func):
    """The body's text without its HTML tags, for snippets."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]*>', ' ', 'g')"
    output_field = TextField()


# Tag, section and author names weigh as much as the standfirst: below the headline.
NAMES_WEIGHT = "B"


class JoinedVectors(Func):
    """Two tsvectors as one (PostgreSQL's ||), for ranking."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = SearchVectorField()


class Language:
    """How one edition's language is searched: its configuration, its items' vector, and
    how a reader's words become a query."""

    def __init__(self, language: str):
        self.language = language
        self.by_lemmas = lemmas.is_lemmatised(language)
        self.config = LEMMA_CONFIG if self.by_lemmas else SEARCH_CONFIG
        self.vector = "lemma_vector" if self.by_lemmas else "search_vector"

    def query(self, terms: str) -> SearchQuery | None:
        """The reader's words as a query; None when they hold no word to look for."""
        if not self.by_lemmas:
            return SearchQuery(terms, search_type="websearch", config=self.config)
        expression = lemmas.query(self.language, terms)
        return (
            SearchQuery(expression, search_type="raw", config=self.config) if expression else None
        )


def _named(query, language: Language) -> dict[str, list[int]]:
    """The ids of the tags, sections and authors whose name matches the query, in one query.

    Small tables; what they find is then passed on as plain ids (see _matching).
    """

    def matching(model, kind):
        document = SearchVector("name", config=language.config)
        rows = model.annotate(document=document, kind=Value(kind)).filter(document=query)
        return rows.order_by().values_list("kind", "pk")

    found = {"tag": [], "section": [], "author": []}
    rows = matching(Tag.objects.in_edition(language.language), "tag").union(
        matching(Section.objects.in_edition(language.language), "section"),
        matching(Author.objects, "author"),
        all=True,
    )
    for kind, pk in rows:
        found[kind].append(pk)
    return found


def _matching(queryset: QuerySet[Article], query, language: Language) -> QuerySet[Article]:
    """Items whose text, or the name of one of their tags, section or authors, matches.

    The names found are passed as plain ids, so that the planner sees how many items they
    bring and reads few through their indexes; when no name matches, as for most words,
    the text's GIN index alone answers.
    """
    named = _named(query, language)
    by_vector = {language.vector: query}
    by_names = []
    if named["tag"]:
        tagged = Article.tags.through.objects.filter(tag_id__in=named["tag"])
        by_names.append(tagged.values("article_id"))
    if named["section"]:
        in_sections = Article.objects.filter(section_id__in=named["section"])
        by_names.append(in_sections.order_by().values("pk"))
    if named["author"]:
        bylines = Byline.objects.filter(author_id__in=named["author"])
        by_names.append(bylines.order_by().values("article_id"))
    if not by_names:
        return queryset.filter(**by_vector)
    by_text = Article.objects.filter(**by_vector).order_by().values("pk")
    return queryset.filter(pk__in=by_text.union(*by_names))


def _names():
    """The item's tag, section and author names as one text, for ranking."""

    def joined(queryset, field):
        names = queryset.values("article").annotate(
            names=StringAgg(field, " ", output_field=TextField())
        )
        return Coalesce(Subquery(names.values("names")), Value(""), output_field=TextField())

    tags = Article.tags.through.objects.filter(article=OuterRef("pk"))
    authors = Byline.objects.filter(article=OuterRef("pk"))
    return Concat(
        "section__name",
        Value(" "),
        joined(tags, "tag__name"),
        Value(" "),
        joined(authors, "author__name"),
        output_field=TextField(),
    )


def search_published(queryset: QuerySet[Article], *, terms: str) -> QuerySet[Article]:
    """Items of `queryset` matching `terms`, best first, each with a highlighted `snippet`.

    In the language of the edition being rendered."""
    language = Language(editions.current())
    query = language.query(terms)
    if query is None:
        return queryset.none()
    text = Concat("standfirst", Value(" "), StripTags("body"), output_field=TextField())
    names = SearchVector(_names(), weight=NAMES_WEIGHT, config=language.config)
    return (
        _matching(queryset.in_edition(language.language), query, language)
        .annotate(
            rank=SearchRank(JoinedVectors(F(language.vector), names), query),
            snippet=SearchHeadline(
                text,
                query,
                config=language.config,
                start_sel="<mark>",
                stop_sel="</mark>",
                max_words=40,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "-publish_at", "-id")
    )


def snippet_html(snippet: str) -> SafeString:
    """A snippet as safe HTML: its <mark> highlights kept, anything else escaped or dropped."""
    return mark_safe(nh3.clean(snippet or "", tags={"mark"}, attributes={}))  # noqa: S308


def search_results(*, terms: str) -> QuerySet[Article]:
    """Matching published items, each with its snippet; their cards need nothing else (what
    extends them one-to-one, a live story for the LIVE badge, comes in the same query)."""
    return search_published(with_extensions(Article.objects.published()), terms=terms)
