"""The demo newsroom's front page as an editor arranged it: a pinned lead, a top story,
editors' picks (one of them starting later) and a story pinned on the Ukraine page."""

from datetime import timedelta

from django.utils import timezone

from articles.models import Article
from curation.models import Pin, Placement

SEED_SLUG = "nato-plans-to-establish-new-post-in-kyiv-trump-proof-ukraine-aid-wsj-reports"


def load_pins() -> int:
    """Pins for the demo, once: a second run leaves the editors' arrangement as it is."""
    if Pin.objects.exists():
        return 0
    now = timezone.now()
    published = Article.objects.published(now)
    stories = published.exclude(kind=Article.Kind.BRIEF).exclude(hero_image="")
    reads = list(stories.filter(kind__in=["opinion", "analysis", "interview"])[:3])
    older = list(stories.exclude(slug=SEED_SLUG)[6:8])
    pins = []
    lead = published.filter(slug=SEED_SLUG).first()
    if lead:
        pins.append(Pin(placement=Placement.LEAD, article=lead, ends_at=now + timedelta(days=2)))
    if older:
        pins.append(Pin(placement=Placement.TOP, position=2, article=older[0]))
    for position, article in enumerate(reads, start=1):
        # The last pick is planned for tomorrow morning: it appears then by itself.
        starts = now + timedelta(hours=12) if position == len(reads) else None
        pins.append(
            Pin(placement=Placement.PICK, position=position, article=article, starts_at=starts)
        )
    if len(older) > 1:
        pins.append(Pin(placement=Placement.SECTION, section=older[1].section, article=older[1]))
    for pin in pins:
        pin.save()
    return len(pins)
