from django.shortcuts import render

from articles import pieces as article_pieces
from articles import selectors
from caching import keys
from caching.dependencies import exact, shows, shows_exactly
from caching.pieces import joined, remembered
from newsfeed import pieces
from newsfeed import selectors as page_selectors
from newsfeed.search import SearchForm, search_results
from website.pagination import page_number, page_or_404, paged, stream_page_or_404

ITEMS_PER_PAGE = 20
# The home page and section pages show the editors' pins (curation.Pin).
PINS = keys.shown_any("curation.Pin")
LATEST_PER_SECTION = 3


def paginate(request, queryset):
    """The requested page of a stream; a malformed or out-of-range ?page= is a 404."""
    return stream_page_or_404(queryset, number=page_number(request), per_page=ITEMS_PER_PAGE)


@paged()
def home(request):
    # One page: its feed continues on the news feed's page 2 (Show More).
    page_number(request, maximum=1)
    sections = article_pieces.sections()
    rows = remembered(
        "home",
        lambda: page_selectors.home_page(
            sections=sections, feed_items=ITEMS_PER_PAGE, per_section=LATEST_PER_SECTION
        ),
        shows=(keys.LATEST, PINS),
    )
    with exact():  # an editor's pin shows on the next request
        shows(PINS)
    # Cards with pictures in one go: the top stories, the editors' picks, each section's block.
    blocks = [
        rows["top_stories"],
        rows["editors_picks"],
        *(section_rows for _section, section_rows in rows["sections"]),
    ]
    cards = iter(
        article_pieces.feed_cards([row for block in blocks for row in block], show_images=True)
    )
    top_stories, editors_picks, *section_cards = [
        joined([next(cards) for _row in block]) for block in blocks
    ]
    context = {
        "head": pieces.home_head(request),
        "lead": rows["lead"]
        and article_pieces.item_piece("newsfeed/lead_story.html", rows["lead"]),
        "breaking": rows["breaking"]
        and article_pieces.item_piece("newsfeed/breaking.html", rows["breaking"]),
        "top_stories": top_stories,
        "editors_picks": editors_picks,
        "feed": joined(article_pieces.feed_cards(rows["feed"])),
        "feed_has_more": rows["feed_has_more"],
        "sections": [
            (section, block)
            for (section, _rows), block in zip(rows["sections"], section_cards, strict=True)
            if block
        ],
    }
    return render(request, "newsfeed/home.html", context)


def listing(request, template, rows, **context):
    """A page of a stream of feed cards (news feed, section, tag, author).

    The section, tag or author it is about is shown exactly (its name, bio); the
    cards lag like every list of the latest items (caching/dependencies.py).
    """
    shows_exactly(*context.values())
    shows(keys.LATEST)  # by the listings' rule, whatever the lists beside it allow
    page = paginate(request, rows)
    cards = article_pieces.feed_cards(page.object_list, show_images=True)
    return render(request, template, {**context, "page": page, "cards": cards})


@paged()
def stream(request):
    return listing(request, "newsfeed/stream.html", selectors.published_rows())


@paged()
def section(request, slug):
    """A section's stream; its first page starts with the stories editors pinned to it."""
    with exact():
        shows(PINS)
    section, pins, rows = page_selectors.section_items(slug=slug)
    pinned = ""
    if page_number(request) == 1:
        pinned = joined(article_pieces.feed_cards(pins, show_images=True))
    return listing(request, "newsfeed/section.html", rows, section=section, pinned=pinned)


@paged()
def tag(request, slug):
    tag, rows = selectors.tag_items(slug=slug)
    return listing(request, "newsfeed/tag.html", rows, tag=tag)


@paged()
def author(request, slug):
    author, rows = selectors.author_items(slug=slug)
    return listing(request, "newsfeed/author.html", rows, author=author)


@paged()
def search(request):
    """Search results; an empty or unusable query gets a page that says what to try.

    The sections are passed uncalled: the template reads them only on that page.
    """
    form = SearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "sections": article_pieces.sections}
        return render(request, "newsfeed/search.html", context, status=400)
    terms = form.cleaned_data["q"]
    page = None
    if terms:
        # Search results say how many there are, so they are counted.
        results = search_results(terms=terms)
        page = page_or_404(results, number=page_number(request), per_page=ITEMS_PER_PAGE)
    context = {"form": form, "terms": terms, "page": page, "sections": article_pieces.sections}
    return render(request, "newsfeed/search.html", context)


@paged()
def corrections(request):
    page = paginate(request, selectors.published_corrections())
    return render(request, "newsfeed/corrections.html", {"page": page})
