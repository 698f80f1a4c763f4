"""Reads of pages that editors arrange: the home page and the section pages' pinned items."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import CharField, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, Extract, JSONObject
from django.utils import timezone

from articles import selectors as article_selectors
from articles import translations
from articles.models import Article, Section
from curation.models import HOME, PLACES, Pin, Placement
from website.prepared import LANGUAGE, NOW, Param, one_or_404, prepared, reading

# Kinds an editor would pick as a read; Editors' Picks falls back to the newest of them.
PICK_KINDS = (Article.Kind.OPINION, Article.Kind.ANALYSIS, Article.Kind.INTERVIEW)
# At most this many pins are read for one page (there are 8 places on the home page).
MAX_PINS = 50

# Columns of every part of the home page's one query.
COLUMNS = ("part", "place", "pk", "version", "section_id", "time")


def _rows(queryset: QuerySet[Article], part: str) -> QuerySet:
    return queryset.annotate(part=Value(part), place=Value(0), time=F("publish_at")).values_list(
        *COLUMNS
    )


def _pin_rows(pins: QuerySet[Pin]) -> QuerySet:
    """Pins as the same columns: their placement, place, article and when they began."""
    return pins.order_by().values_list(
        "placement",
        "position",
        "article_id",
        "article__version",
        "article__section_id",
        Coalesce("starts_at", "created_at"),
    )[:MAX_PINS]


def _pinned(rows) -> dict[str, dict[int, tuple[int, int]]]:
    """For each placement and place, the (pk, version) of the pin that began last."""
    pinned: dict[str, dict[int, tuple]] = {}
    for placement, place, pk, version, _section, _began in sorted(rows, key=lambda row: row[5]):
        pinned.setdefault(placement, {})[place] = (pk, version)
    return pinned


class Page:
    """The stories of one page, each shown once: every block takes what is not shown yet."""

    def __init__(self):
        self.shown: set[int] = set()

    def take(self, rows, count: int) -> list[tuple[int, int]]:
        taken = []
        for pk, version in rows:
            if len(taken) == count:
                break
            if pk not in self.shown:
                self.shown.add(pk)
                taken.append((pk, version))
        return taken

    def fill(self, places: int, pinned: dict[int, tuple], newest) -> list[tuple[int, int]]:
        """Each place's pin, or else the newest story not shown; newest is an iterator."""
        filled = []
        for place in range(1, places + 1):
            row = pinned.get(place)
            if row is None or row[0] in self.shown:
                row = next((row for row in newest if row[0] not in self.shown), None)
            if row is not None:
                self.shown.add(row[0])
                filled.append(row)
        return filled


@prepared
def home_rows(feed_items: int, per_section: int, section_ids: tuple[int, ...]) -> QuerySet:
    """The rows of every part of the home page, as one union (website/prepared.py)."""
    published = Article.objects.published(NOW).in_edition(LANGUAGE).order_by("-publish_at", "-id")
    pins = Pin.objects.live(NOW).filter(placement__in=HOME, article__language=LANGUAGE)
    unpinned = published.exclude(pk__in=pins.values("article_id"))
    curated = PLACES[Placement.LEAD] + PLACES[Placement.TOP] + PLACES[Placement.PICK]
    stories = unpinned.exclude(kind=Article.Kind.BRIEF).exclude(hero_image="")
    first_page = published.values("pk")[:feed_items]
    parts = [
        _pin_rows(pins),
        _rows(stories, "stories")[: PLACES[Placement.LEAD] + PLACES[Placement.TOP]],
        _rows(unpinned.filter(kind__in=PICK_KINDS), "reads")[:curated],
        _rows(published.filter(is_breaking=True), "breaking")[:1],
        _rows(published, "feed")[: feed_items + 1],
        *(
            # The first page's items are in the feed column or curated; skip them here.
            _rows(unpinned.filter(section=section).exclude(pk__in=first_page), "sections")[
                : per_section + curated
            ]
            for section in section_ids
        ),
    ]
    return parts[0].union(*parts[1:], all=True)


def home_page(*, sections: list[Section], feed_items: int, per_section: int, now=None):
    """Everything the home page shows, as (pk, version) rows, in one query; no story twice.

    The lead, the top stories and the editors' picks are the pins that are live
    (curation.Pin.objects.live), and where a place has none, the newest items: stories
    with a picture (briefs are too short to lead) for the lead and top stories, the
    newest opinion, analysis or interview for a pick. The news feed column is the
    plain stream's first page without the stories above, so Show More continues it
    with the stream's second page. Each section's block shows its newest items not
    shown anywhere above. The breaking banner is the latest breaking item.
    """
    section_ids = tuple(section.pk for section in sections)
    values = reading(now=now or timezone.now())
    # Named unlike the placements, which name the pins' rows.
    found: dict[str, list] = {
        "stories": [],
        "reads": [],
        "breaking": [],
        "feed": [],
        "sections": [],
    }
    pin_rows = []
    newest_first = sorted(
        home_rows(feed_items, per_section, section_ids, **values),
        key=lambda row: (-row[5].timestamp(), -row[2]),
    )
    for row in newest_first:
        if row[0] in found:
            found[row[0]].append(row)
        else:
            pin_rows.append(row)
    pinned = _pinned(pin_rows)

    page = Page()
    pairs = {part: [(row[2], row[3]) for row in rows] for part, rows in found.items()}
    stories = iter(pairs["stories"])
    lead = page.fill(PLACES[Placement.LEAD], pinned.get(Placement.LEAD, {}), stories)
    top_stories = page.fill(PLACES[Placement.TOP], pinned.get(Placement.TOP, {}), stories)
    picks = page.fill(PLACES[Placement.PICK], pinned.get(Placement.PICK, {}), iter(pairs["reads"]))
    feed = page.take(pairs["feed"][:feed_items], feed_items)
    by_section = {section.pk: [] for section in sections}
    for _part, _place, pk, version, section_id, _time in found["sections"]:
        by_section[section_id].append((pk, version))
    return {
        "lead": lead[0] if lead else None,
        "top_stories": top_stories,
        "editors_picks": picks,
        "breaking": pairs["breaking"][0] if pairs["breaking"] else None,
        "feed": feed,
        "feed_has_more": len(pairs["feed"]) > feed_items,
        "sections": [
            (section, page.take(by_section[section.pk], per_section)) for section in sections
        ],
    }


def section_items(*, slug: str, now=None) -> tuple[Section, list[tuple[int, int]], QuerySet]:
    """The section, its live pins as (pk, version) in place order, and its stream without them.

    The pins come with the section in its one query; the stream leaves them out, so no
    story shows twice on the section's first page.
    """
    now = now or timezone.now()
    section = one_or_404(section_with_pins(**reading(now=now, slug=slug)))
    rows = [
        (pin["placement"], pin["place"], pin["pk"], pin["version"], None, pin["began"])
        for pin in section.live_pins
    ]
    places = _pinned(rows).get(Placement.SECTION, {})
    stream = article_selectors.published_rows().filter(section=section)
    live = Pin.objects.live(now).filter(placement=Placement.SECTION)
    pinned = Exists(live.filter(section=section, article_id=OuterRef("pk")))
    return section, [places[place] for place in sorted(places)], stream.exclude(pinned)


@prepared
def section_with_pins() -> QuerySet[Section]:
    """The section at an address (the Param `slug`), with its live pins and its translations."""
    live = Pin.objects.live(NOW).filter(placement=Placement.SECTION)
    pins = live.filter(section=OuterRef("pk")).values(
        pin=JSONObject(
            placement="placement",
            place="position",
            pk="article_id",
            version="article__version",
            began=Extract(Coalesce("starts_at", "created_at"), "epoch"),
        )
    )
    sections = Section.objects.in_edition(LANGUAGE).annotate(
        live_pins=ArraySubquery(pins), group_rows=translations.group_rows(Section)
    )
    return sections.filter(slug=Param("slug", CharField())).order_by()[:1]
