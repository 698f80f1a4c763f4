from django.shortcuts import render

from articles import fragments, selectors
from articles.pagination import page_or_404, stream_page_or_404
from articles.search import SearchForm

ITEMS_PER_PAGE = 20
TOP_STORIES = 3  # one row of three under the lead
LATEST_PER_SECTION = 3


def paginate(request, queryset):
    """The requested page of a stream; a malformed or out-of-range ?page= is a 404."""
    return stream_page_or_404(queryset, number=request.GET.get("page"), per_page=ITEMS_PER_PAGE)


def home(request):
    sections = fragments.sections()
    rows = fragments.remembered(
        "home",
        lambda: selectors.home_page(
            sections=sections,
            top_stories=TOP_STORIES,
            feed_items=ITEMS_PER_PAGE,
            per_section=LATEST_PER_SECTION,
        ),
    )
    # Cards with pictures in one go: the top stories, then each section's block.
    blocks = [rows["top_stories"], *(section_rows for _section, section_rows in rows["sections"])]
    cards = iter(fragments.feed_cards([row for block in blocks for row in block], show_images=True))
    top_stories, *section_cards = [
        fragments.joined([next(cards) for _row in block]) for block in blocks
    ]
    context = {
        "head": fragments.home_head(request),
        "lead": rows["lead"] and fragments.item_piece("newsfeed/lead_story.html", rows["lead"]),
        "breaking": rows["breaking"]
        and fragments.item_piece("newsfeed/breaking.html", rows["breaking"]),
        "top_stories": top_stories,
        "feed": fragments.joined(fragments.feed_cards(rows["feed"])),
        "feed_has_more": rows["feed_has_more"],
        "sections": [
            (section, block)
            for (section, _rows), block in zip(rows["sections"], section_cards, strict=True)
            if block
        ],
    }
    return render(request, "newsfeed/home.html", context)


def listing(request, template, rows, **context):
    """A page of a stream of feed cards (news feed, section, tag, author)."""
    page = paginate(request, rows)
    cards = fragments.feed_cards(page.object_list, show_images=True)
    return render(request, template, {**context, "page": page, "cards": cards})


def stream(request):
    return listing(request, "newsfeed/stream.html", selectors.published_rows())


def section(request, slug):
    section, rows = selectors.section_items(slug=slug)
    return listing(request, "newsfeed/section.html", rows, section=section)


def tag(request, slug):
    tag, rows = selectors.tag_items(slug=slug)
    return listing(request, "newsfeed/tag.html", rows, tag=tag)


def author(request, slug):
    author, rows = selectors.author_items(slug=slug)
    return listing(request, "newsfeed/author.html", rows, author=author)


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
