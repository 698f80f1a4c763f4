"""Full-text search of published items in PostgreSQL: web-search syntax, ranked, with snippets.

Readers may write quotes for phrases, `-word` to leave a word out and `or` between
alternatives (websearch_to_tsquery). The headline weighs most, then the standfirst,
then the body; the stored search vector has a GIN index.
"""

import nh3
from django import forms
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db.models import F, Func, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.utils.safestring import SafeString, mark_safe

from articles.models import SEARCH_CONFIG, Article

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(label="Search", max_length=MAX_QUERY_LENGTH, required=False, strip=True)


class StripTags(Func):
    """The body's text without its HTML tags, for snippets."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]*>', ' ', 'g')"
    output_field = TextField()


def search_published(queryset: QuerySet[Article], *, terms: str) -> QuerySet[Article]:
    """Items of `queryset` matching `terms`, best first, each with a highlighted `snippet`."""
    query = SearchQuery(terms, search_type="websearch", config=SEARCH_CONFIG)
    text = Concat("standfirst", Value(" "), StripTags("body"), output_field=TextField())
    return (
        queryset.filter(search_vector=query)
        .annotate(
            rank=SearchRank(F("search_vector"), query),
            snippet=SearchHeadline(
                text,
                query,
                config=SEARCH_CONFIG,
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
    """Matching published items, each with its snippet; their cards need nothing else."""
    return search_published(Article.objects.published(), terms=terms)
