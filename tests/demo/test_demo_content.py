"""Demo content worth looking at: standfirsts of their own, varied pictures, dates as the text says."""

import hashlib
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from lxml import html

from articles.models import Article
from authors.models import Author
from demo import content as demo
from demo.bulk import EVENTS
from tests.html import elements, parse, text, with_class

pytestmark = pytest.mark.django_db
KYIV = ZoneInfo("Europe/Kyiv")


def test_demo_items_have_their_own_standfirsts_pictures_and_dates(demo_loaded):
    """Each standfirst is the item's own, each picture of the English edition differs (the
    Ukrainian one reuses library pictures, a translation its original's), the seed is from
    1 July 2024."""
    items = list(Article.objects.filter(language="en"))
    standfirsts = [item.standfirst for item in items if item.standfirst]
    assert len(standfirsts) == len(set(standfirsts)) >= 40
    for item in items:
        assert item.standfirst not in demo.FILLER_PARAGRAPHS, item.title
        assert not item.standfirst.startswith(item.title), item.title

    pictures = [item.hero_image for item in items if item.hero_image]
    digests = {hashlib.sha256(picture.read()).hexdigest() for picture in pictures}
    assert len(digests) == len(pictures) >= 25

    seed = Article.objects.get(slug=demo.SEED_ARTICLE["slug"])
    published = seed.publish_at.astimezone(KYIV)
    assert (published.year, published.month, published.day) == (2024, 7, 1)
    summit_column = Article.objects.get(title="History will judge the summit by what it funds")
    assert summit_column.publish_at == datetime(2024, 7, 12, 8, 0, tzinfo=KYIV)


def test_bulk_standfirsts_belong_to_their_headlines():
    """Every bulk headline's event has a standfirst written for it, naming the same place."""
    for event, standfirst in EVENTS:
        assert "{place}" in standfirst, event


def test_ukrainian_demo_pictures_are_credited_without_english_words(demo_loaded, client):
    """A Ukrainian demo item's hero credit, on its page and in its JSON-LD, has no English
    word but the newsroom's name (the live story's read "Illustration: The Kyiv Ledger")."""
    allowed = set(settings.SITE_NAME.split())
    items = Article.objects.published().filter(language="uk").exclude(hero_image="")
    assert items.filter(live_story__isnull=False).exists()
    for item in items:
        page = parse(client.get(item.get_absolute_url()))
        credits = [text(span) for span in elements(page, f"//figcaption/*[{with_class('credit')}]")]
        credits += re.findall(r'"creditText":\s*"([^"]*)"', html.tostring(page, encoding=str))
        assert credits, item.slug
        for credit in credits:
            assert set(re.findall(r"[A-Za-z]+", credit)) <= allowed, (item.slug, credit)


def test_every_demo_author_has_a_ukrainian_bio(demo_loaded):
    """Each demo author has a name, role and bio in Ukrainian, so the Ukrainian edition's
    bylines are in Cyrillic (the live story's read "Yuliia Hrytsenko")."""
    for author in Author.objects.all():
        bio = author.bios.get(language="uk")
        assert re.fullmatch(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії' ]+", bio.name), author.slug
        assert all([bio.role, bio.bio, bio.languages]), author.slug
