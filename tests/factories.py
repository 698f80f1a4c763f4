"""Factory functions for test data: real rows in PostgreSQL, real images through Pillow."""

import io
import itertools
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import Article, Byline, Correction, Section, Tag
from authors.models import Author
from curation.models import Pin
from images.models import Image as LibraryImage
from images.services import add_image

_numbers = itertools.count(1)


def image_file(
    name="photo.jpg", size=(800, 450), image_format="JPEG", color=(30, 90, 160), mode="RGB"
):
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, image_format)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_section(**fields) -> Section:
    number = next(_numbers)
    fields.setdefault("name", f"Section {number}")
    fields.setdefault("slug", f"section-{number}")
    return Section.objects.create(**fields)


def make_tag(**fields) -> Tag:
    number = next(_numbers)
    fields.setdefault("name", f"Tag {number}")
    fields.setdefault("slug", f"tag-{number}")
    return Tag.objects.create(**fields)


def make_author(**fields) -> Author:
    number = next(_numbers)
    fields.setdefault("name", f"Author {number}")
    fields.setdefault("slug", f"author-{number}")
    fields.setdefault("role", "Reporter")
    photo, alt_text = fields.get("photo"), fields.pop("photo_alt", "")
    if photo is not None and not isinstance(photo, LibraryImage):
        # A photo file goes into the media library first, as the desk's upload does.
        fields["photo"], _created = add_image(photo, alt_text=alt_text or fields["name"])
    return Author.objects.create(**fields)


def make_article(*, authors=(), tags=(), corrections=(), **fields) -> Article:
    """A published article (unless told otherwise) with its bylines, tags and corrections."""
    number = next(_numbers)
    fields.setdefault("title", f"Headline {number}")
    fields.setdefault("slug", f"headline-{number}")
    fields.setdefault("body", "<p>Body text of the article.</p>")
    fields.setdefault("status", Article.Status.PUBLISHED)
    # Spread over the last two days, all inside the news sitemap's 48 hours.
    fields.setdefault("publish_at", timezone.now() - timedelta(hours=number % 47 + 1))
    if "section" not in fields:
        fields["section"] = make_section(language=fields.get("language", "en"))
    article = Article.objects.create(**fields)
    for position, author in enumerate(authors):
        Byline.objects.create(article=article, author=author, position=position)
    article.tags.set(tags)
    for text in corrections:
        Correction.objects.create(article=article, text=text)
    return article


def make_pin(article, *, placement="lead", position=1, **fields):
    """A pin of the article on the front page (or a section page, given section=)."""
    return Pin.objects.create(article=article, placement=placement, position=position, **fields)


def make_user(*, role=None, password="correct horse battery staple", **fields):
    """A staff login; role is "Editors" or "Reporters" (the groups made by migration)."""
    number = next(_numbers)
    fields.setdefault("username", f"user{number}")
    fields.setdefault("is_staff", role is not None)
    user = get_user_model().objects.create_user(password=password, **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def make_staff(*, role: str, name=None, **fields):
    """A reporter or editor login with a linked author profile, as create_staff makes them."""
    user = make_user(role=role, **fields)
    make_author(name=name or f"Byline of {user.username}", user=user)
    return user


def make_article_in_state(state: str, **fields) -> Article:
    """An article in a workflow state: draft, review, scheduled, published or unpublished."""
    now = timezone.now()
    status, publish_at = {
        "draft": (Article.Status.DRAFT, None),
        "review": (Article.Status.IN_REVIEW, None),
        "scheduled": (Article.Status.PUBLISHED, now + timedelta(days=1)),
        "published": (Article.Status.PUBLISHED, now - timedelta(hours=1)),
        "unpublished": (Article.Status.UNPUBLISHED, now - timedelta(days=1)),
    }[state]
    fields.setdefault("status", status)
    fields.setdefault("publish_at", publish_at)
    if state == "unpublished":
        fields.setdefault("first_published_at", publish_at)
    return make_article(**fields)


def photo_with_location(name="source.jpg", size=(640, 480), image_format="JPEG", orientation=1):
    """A photo as a phone takes it: EXIF with GPS coordinates, camera, XMP and a comment."""
    from PIL import ExifTags

    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 27.0, 1.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (30.0, 31.0, 2.5)
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 40, 200), (0, 0, size[0] // 2, size[1] // 4))  # shows which way is up
    options = {"exif": exif.tobytes()}
    if image_format == "JPEG":
        xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>50,27N</exif:GPSLatitude></x:xmpmeta>'
        options.update(xmp=xmp, comment=b"Taken at the source's flat")
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


# The lead story's body: about 210 words and a hero image, so a two-minute read.
LEAD_PARAGRAPHS = [
    "The city council approved a plan on Tuesday to extend the tram network to the western "
    "districts, the mayor's office said, citing officials who took part in the vote.",
    "The new line will run from the central station to the Zhytomyr highway, with twelve stops "
    "and a depot for thirty trams, according to the plan published after the session.",
    "Officials said construction would begin in the spring and take about two years, provided "
    "that the funding promised by the city's partners arrives on time.",
    "Residents of the western districts have asked for a tram link for more than a decade, "
    "saying that buses are slow and crowded at rush hour.",
    "The council also voted to repair four bridges on the route, which engineers said had been "
    "damaged by heavy traffic and years of delayed maintenance.",
    "Opposition members said they supported the extension but asked the council to publish the "
    "full cost of the project and the terms of its loans before the works begin.",
    "Transport experts welcomed the decision but warned that the project would need careful "
    "planning to avoid closing main roads for long periods.",
    "The mayor's office said it would publish a full timetable for the works, including the "
    "dates of any road closures, later this month.",
]
YOUTUBE_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


@dataclass
class Newsroom:
    """What make_newsroom made: the rows, and the items tests look at by name."""

    sections: list[Section]
    authors: list[Author]  # the reporter (with a photo), the editor, the video producer
    tags: list[Tag]
    article: Article  # the lead story: 800×450 hero, tags, a correction, no standfirst
    brief: Article
    video: Article
    breaking: Article
    opinion: Article
    more: list[Article]  # plain published items, older than the ones above
    scheduled: Article  # published, but its time has not come
    draft: Article
    # A word only the lead story has, in its body: what a reader searches for.
    word: str = "Zhytomyr"

    @property
    def published(self) -> list[Article]:
        """Every item a reader sees, newest first."""
        return [self.article, self.brief, self.video, self.breaking, self.opinion, *self.more]

    @property
    def reporter(self) -> Author:
        return self.authors[0]


def make_newsroom(*, more: int = 3) -> Newsroom:
    """A small newsroom: three sections, three authors, three tags, one item of each kind.

    The lead story (an article) is the newest item; then a brief, a video with a
    YouTube address, a breaking article by two authors and an opinion column, then
    `more` plain articles. A scheduled and a draft article share the lead's section,
    tag and author, so that listings of those must leave them out. The lead and the
    video have 800×450 heroes, big enough for every structured-data crop (50,000+
    pixels); the other heroes are small. Call it once per test: names are fixed.
    """
    now = timezone.now()
    sections = [
        make_section(name="City", slug="city", position=0),
        make_section(name="Business", slug="business", position=1),
        make_section(name="Opinion", slug="opinion", position=2),
    ]
    city, business, opinion = sections
    reporter = make_author(
        name="Olena Marchuk",
        slug="olena-marchuk",
        role="Reporter",
        short_bio="Reporter covering city hall and transport.",
        bio="<p>Olena Marchuk covers city hall and transport from Kyiv. "
        "She speaks Ukrainian, English and Polish.</p>",
        location="Kyiv",
        languages="Ukrainian, English, Polish",
        x_handle="OMarchuk",
        photo=image_file("olena-marchuk.jpg", size=(200, 200), color=(52, 101, 164)),
        photo_alt="Portrait of Olena Marchuk",
    )
    editor = make_author(name="Taras Bondar", slug="taras-bondar", role="Editor")
    producer = make_author(name="Iryna Lys", slug="iryna-lys", role="Video Producer")
    authors = [reporter, editor, producer]
    transport = make_tag(name="Transport", slug="transport")
    council = make_tag(name="City council", slug="city-council")
    energy = make_tag(name="Energy", slug="energy")
    tags = [transport, council, energy]

    def hours_ago(hours):
        return now - timedelta(hours=hours)

    article = make_article(
        title="Council's tram plan reaches the western districts",
        slug="councils-tram-plan-reaches-the-western-districts",
        section=city,
        authors=[reporter],
        tags=[transport, council],
        body="".join(f"<p>{paragraph}</p>" for paragraph in LEAD_PARAGRAPHS),
        hero_image=image_file("tram.jpg", size=(800, 450)),
        hero_alt="A tram at the central station stop at dusk",
        hero_caption="The central station tram stop",
        hero_credit="Photo: City Council",
        corrections=["An earlier version of this story gave the wrong number of stops."],
        publish_at=now - timedelta(minutes=30),
    )
    brief = make_article(
        kind=Article.Kind.BRIEF,
        title="Trams to run every ten minutes",
        slug="trams-to-run-every-ten-minutes",
        section=city,
        authors=[editor],
        tags=[transport],
        standfirst="Trams on the river line will run every ten minutes from Monday, "
        "the transport department said.",
        body="",
        publish_at=hours_ago(1),
    )
    video = make_article(
        kind=Article.Kind.VIDEO,
        title="Riding the night tram across the river",
        slug="riding-the-night-tram-across-the-river",
        section=city,
        authors=[producer],
        tags=[council],
        standfirst="A night on the last tram of the day, from the depot to the river and back.",
        video_url=YOUTUBE_URL,
        hero_image=image_file("night-tram.jpg", size=(800, 450), color=(90, 40, 120)),
        hero_alt="A tram crossing a bridge at night",
        publish_at=hours_ago(2),
    )
    breaking = make_article(
        title="Power company warns of outages after a substation fire",
        slug="power-company-warns-of-outages-after-a-substation-fire",
        section=business,
        authors=[reporter, editor],
        tags=[energy],
        standfirst="Parts of the left bank may lose power for several hours tonight.",
        is_breaking=True,
        hero_image=image_file("substation.jpg", size=(320, 180), color=(160, 60, 30)),
        hero_alt="Smoke over a power substation",
        publish_at=hours_ago(3),
    )
    column = make_article(
        kind=Article.Kind.OPINION,
        title="A city that plans its trams plans its future",
        slug="a-city-that-plans-its-trams-plans-its-future",
        section=opinion,
        authors=[editor],
        tags=[energy],
        standfirst="Good public transport is cheaper than any new road.",
        hero_image=image_file("column.jpg", size=(320, 180), color=(40, 130, 80)),
        hero_alt="Passengers boarding a tram",
        publish_at=hours_ago(4),
    )
    plain = [
        make_article(
            section=sections[number % 3],
            authors=[authors[number % 3]],
            standfirst=f"The summary of plain item {number + 1}.",
            publish_at=hours_ago(5) - timedelta(minutes=10 * number),
        )
        for number in range(more)
    ]
    hidden = {"section": city, "authors": [reporter], "tags": [transport]}
    scheduled = make_article(
        title="Scheduled: the tram timetable", publish_at=now + timedelta(days=1), **hidden
    )
    draft = make_article(
        title="Draft: the tram budget", status=Article.Status.DRAFT, publish_at=None, **hidden
    )
    return Newsroom(
        sections=sections,
        authors=authors,
        tags=tags,
        article=article,
        brief=brief,
        video=video,
        breaking=breaking,
        opinion=column,
        more=plain,
        scheduled=scheduled,
        draft=draft,
    )


def make_newsletter(**fields):
    from newsletters.models import Newsletter

    number = next(_numbers)
    fields.setdefault("name", f"Newsletter {number}")
    fields.setdefault("slug", f"newsletter-{number}")
    return Newsletter.objects.create(**fields)


def make_subscriber(*, newsletters=(), confirmed=True, **fields):
    """A subscriber to the newsletters, confirmed (double opt-in done) unless told otherwise."""
    from newsletters.models import Subscriber, Subscription

    number = next(_numbers)
    fields.setdefault("email", f"reader{number}@example.org")
    when = timezone.now() if confirmed else None
    subscriber = Subscriber.objects.create(confirmed_at=when, **fields)
    for newsletter in newsletters:
        Subscription.objects.create(subscriber=subscriber, newsletter=newsletter, confirmed_at=when)
    return subscriber


def make_issue(*, newsletter=None, articles=None, **fields):
    """A draft issue of the newsletter with these stories (one new article if none given)."""
    from newsletters.models import Issue, IssueItem

    newsletter = newsletter or make_newsletter()
    fields.setdefault("subject", f"{newsletter.name} today")
    issue = Issue.objects.create(newsletter=newsletter, **fields)
    for position, article in enumerate(articles if articles is not None else [make_article()]):
        IssueItem.objects.create(issue=issue, article=article, position=position)
    return issue
