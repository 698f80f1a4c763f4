"""The reader pages' layout at a phone's 390 px and a desktop's 1366 px, on the demo site."""

from demo.content import SEED_ARTICLE

SEED_URL = f"/news/{SEED_ARTICLE['slug']}/"
READER_PAGES = [
    "/",
    SEED_URL,
    "/news-feed/",
    "/section/ukraine/",
    "/tag/nato/",
    "/author/martin-fornusek/",
    "/search/?q=NATO",
    "/corrections/",
    "/news-feed/?page=999",
]
# A 20-item news feed page on a phone, header and footer included (it was 7,900 px).
PHONE_FEED_PAGE_MAX_HEIGHT = 5_000
# How far apart the ends of the home page's main column and news feed column may be.
DESKTOP_COLUMNS_TOLERANCE = 400


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def content_bottom(page, selector):
    """Where the last of an element's children ends, in page coordinates."""
    return page.evaluate(
        """selector => {
            const last = document.querySelector(selector).lastElementChild;
            return last.getBoundingClientRect().bottom + window.scrollY;
        }""",
        selector,
    )


def test_phone_pages_fit_the_screen_with_one_row_of_sections(demo_site, phone_page):
    """At 390 px no page scrolls sideways and the sections' links stay on one line."""
    for path in READER_PAGES:
        phone_page.goto(f"{demo_site}{path}")
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
        tops = phone_page.locator(".site-nav li").evaluate_all(
            "items => items.map(item => Math.round(item.getBoundingClientRect().top))"
        )
        assert len(set(tops)) == 1, f"{path}: sections on {len(set(tops))} lines"
        assert phone_page.locator("header form").count() == 0


def test_phone_feed_has_thumbnails_and_a_bounded_height(demo_site, phone_page):
    """The news feed on a phone: pictures as thumbnails beside the text, the page not endless."""
    phone_page.goto(f"{demo_site}/news-feed/")
    assert phone_page.locator("#feed > .feed-item").count() == 20
    widths = phone_page.locator("#feed .feed-item__image").evaluate_all(
        "pictures => pictures.map(picture => picture.getBoundingClientRect().width)"
    )
    assert widths
    assert max(widths) <= 390 * 0.4
    # Where the 20 items end (Most Popular and the sign-up box follow them on a phone).
    height = phone_page.evaluate(
        "document.querySelector('#feed').getBoundingClientRect().bottom + window.scrollY"
    )
    assert height <= PHONE_FEED_PAGE_MAX_HEIGHT


def test_phone_article_has_a_full_width_hero_and_a_stacked_author_box(demo_site, phone_page):
    """On a phone the seed article's picture spans the screen; the author's bio is under the photo."""
    phone_page.goto(f"{demo_site}{SEED_URL}")
    hero = box(phone_page, ".article__hero img")
    assert hero["x"] == 0
    assert hero["width"] == 390
    photo = box(phone_page, ".author-box__photo")
    bio = box(phone_page, ".author-box__bio")
    assert bio["y"] >= photo["y"] + photo["height"]
    assert bio["x"] <= photo["x"] + 1
    assert bio["width"] >= 390 * 0.85


def test_desktop_home_columns_end_together_and_cards_line_up(demo_site, page):
    """At 1366 px the news feed column ends near the main column; cards of a row line up."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{demo_site}/")
    main_end = content_bottom(page, ".home-main")
    rail_end = content_bottom(page, ".home-feed")
    assert abs(main_end - rail_end) <= DESKTOP_COLUMNS_TOLERANCE, (main_end, rail_end)

    for row in [".top-stories__grid", ".section-block__items"]:
        for grid in page.locator(row).all():
            columns = grid.evaluate("grid => getComputedStyle(grid).gridTemplateColumns.split(' ')")
            assert len(columns) == 3
            # Every card starts on one line; the headlines of cards with a picture too.
            cards = grid.locator(":scope > .feed-item")
            assert len({round(card.bounding_box()["y"]) for card in cards.all()}) == 1, row
            headlines = grid.locator(":scope > .feed-item--with-image .feed-item__title")
            tops = [headline.bounding_box()["y"] for headline in headlines.all()]
            assert max(tops, default=0) - min(tops, default=0) <= 30, (row, tops)

    lead = page.locator(".lead-story")
    assert lead.locator(".byline").count() == 1
    assert lead.locator("time[datetime]").count() == 1


def test_hero_credit_is_a_line_of_its_own_under_the_caption(demo_site, page, phone_page):
    """The credit starts under the caption at its left edge, at both widths: not run on after
    the caption (a name there reads as part of it) nor indented where it wraps."""
    for reader in [phone_page, page]:
        reader.goto(f"{demo_site}{SEED_URL}")
        caption = reader.locator(".article__hero figcaption")
        credit = caption.locator(".credit")
        assert credit.inner_text() == "The Kyiv Ledger"
        caption_left = caption.evaluate(
            "e => e.getBoundingClientRect().left + parseFloat(getComputedStyle(e).paddingLeft)"
        )
        first_line = caption.evaluate(
            """e => { const range = document.createRange(); range.setStart(e.firstChild, 0);
            range.setEnd(e.firstChild, 1); return range.getBoundingClientRect().bottom; }"""
        )
        lines = credit.evaluate("e => Array.from(e.getClientRects(), r => [r.left, r.top])")
        assert abs(lines[0][0] - caption_left) < 1, lines
        assert lines[0][1] >= first_line - 1, lines
