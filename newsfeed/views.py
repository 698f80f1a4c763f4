from django.shortcuts import render

from articles import selectors
from articles.pagination import page_or_404, stream_page_or_404
from articles.search import SearchForm

ITEMS_PER_PAGE = 20
TOP_STORIES = 3  # one row of three under the lead
LATEST_PER_SECTION = 3


def paginate(request, queryset):
    """The requested page of a stream; a malformed or out-of-range ?page= is a 404."""
    return stream_page_or_404(queryset, number=request.GET.get("page"), per_page=ITEMS_PER_PAGE)


def home(request):
    context = selectors.home_page(
        top_stories=TOP_STORIES, feed_items=ITEMS_PER_PAGE, per_section=LATEST_PER_SECTION
    )
    return render(request, "newsfeed/home.html", context)


def stream(request):
    page = paginate(request, selectors.published_items())
    return render(request, "newsfeed/stream.html", {"page": page})


def section(request, slug):
    section, items = selectors.section_items(slug=slug)
    page = paginate(request, items)
    return render(request, "newsfeed/section.html", {"section": section, "page": page})


def tag(request, slug):
    tag, items = selectors.tag_items(slug=slug)
    page = paginate(request, items)
    return render(request, "newsfeed/tag.html", {"tag": tag, "page": page})


def author(request, slug):
    author, items = selectors.author_items(slug=slug)
    page = paginate(request, items)
    return render(request, "newsfeed/author.html", {"author": author, "page": page})


def search(request):
    """Search results; an empty or unusable query gets a page that says what to try."""
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "newsfeed/search.html", {"form": form}, status=400)
    terms = form.cleaned_data["q"]
    page = None
    if terms:
        # Search results say how many there are, so they are counted.
        results = selectors.search_results(terms=terms)
        page = page_or_404(results, number=request.GET.get("page"), per_page=ITEMS_PER_PAGE)
    return render(request, "newsfeed/search.html", {"form": form, "terms": terms, "page": page})


def corrections(request):
    page = paginate(request, selectors.published_corrections())
    return render(request, "newsfeed/corrections.html", {"page": page})
