"""Who may post, edit, pin, correct, delete and promote entries (live/policy.py, the README's rule)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article, Byline
from live import services
from live.models import LiveEntry, LiveStory
from tests.factories import make_staff
from tests.live.factories import make_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_staff(role="Editors")


def test_a_reporter_on_the_byline_posts_straight_to_readers(story, reporter):
    """No review: the entry is published at once, with the reporter as its author."""
    entry = services.entry_post(story=story, by=reporter, headline="Blasts in Kyiv")
    assert LiveEntry.objects.published().filter(pk=entry.pk).exists()
    assert list(entry.authors.all()) == [reporter.author]
    assert entry.created_by == reporter


def test_a_reporter_not_on_the_byline_cannot_post(story):
    """Posting needs the story's byline (or an editor)."""
    outsider = make_staff(role="Reporters")
    with pytest.raises(PermissionDenied):
        services.entry_post(story=story, by=outsider, headline="Not mine")
    assert not LiveEntry.objects.exists()


def test_an_empty_entry_is_refused(story, reporter):
    """An entry says something: a headline, text, an image or an embed."""
    with pytest.raises(ValidationError):
        services.entry_post(story=story, by=reporter)


def test_a_scheduled_entry_is_hidden_until_its_time(story, reporter):
    """A future time schedules the entry; readers see it from then on."""
    later = timezone.now() + timedelta(minutes=30)
    entry = services.entry_post(story=story, by=reporter, headline="At noon", published_at=later)
    assert not LiveEntry.objects.published().filter(pk=entry.pk).exists()
    assert LiveEntry.objects.published(later).filter(pk=entry.pk).exists()


def test_an_edit_after_publication_shows_updated(story, reporter):
    """Changing the words of a published entry records when: the page says "Updated"."""
    entry = services.entry_post(story=story, by=reporter, body="<p>Two injured.</p>")
    assert not entry.was_updated
    edited = services.entry_edit(entry=entry, by=reporter, body="<p>Three injured.</p>")
    assert edited.was_updated
    assert edited.version == entry.version + 1


def test_reporters_edit_only_their_own_entries(story, reporter, editor):
    """Another reporter's entry is theirs to fix; an editor may fix any."""
    colleague = make_staff(role="Reporters")
    Byline.objects.create(article=story.article, author=colleague.author)
    entry = services.entry_post(story=story, by=colleague, headline="Theirs")
    with pytest.raises(PermissionDenied):
        services.entry_edit(entry=entry, by=reporter, headline="Mine now")
    assert services.entry_edit(entry=entry, by=editor, headline="Fixed").headline == "Fixed"


@pytest.mark.parametrize("step", ["pin", "correct", "delete", "end"])
def test_pinning_correcting_deleting_and_ending_are_an_editors(story, reporter, editor, step):
    """A reporter is refused and nothing changes; an editor may."""
    entry = make_entry(story)
    steps = {
        "pin": lambda by: services.entry_pin(entry=entry, by=by),
        "correct": lambda by: services.entry_correct(entry=entry, by=by, text="It was three."),
        "delete": lambda by: services.entry_delete(entry=entry, by=by),
        "end": lambda by: services.story_set_state(story=story, by=by, state="ended"),
    }
    with pytest.raises(PermissionDenied):
        steps[step](reporter)
    entry.refresh_from_db()
    assert (entry.is_pinned, entry.correction) == (False, "")
    steps[step](editor)


def test_one_entry_is_pinned_at_a_time(story, editor):
    """Pinning another entry unpins the first."""
    first, second = make_entry(story), make_entry(story)
    services.entry_pin(entry=first, by=editor)
    services.entry_pin(entry=second, by=editor)
    assert list(LiveEntry.objects.filter(is_pinned=True)) == [second]


def test_a_correction_is_dated(story, editor):
    """The correction keeps its time, shown with it."""
    entry = services.entry_correct(entry=make_entry(story), by=editor, text="It was Odesa.")
    assert entry.correction == "It was Odesa."
    assert entry.corrected_at is not None


def test_ending_sets_the_coverage_end_and_renews_the_article(story, editor):
    """The article's new version renders its cards again, without the LIVE badge."""
    version = story.article.version
    ended = services.story_set_state(story=story, by=editor, state=LiveStory.State.ENDED)
    assert ended.coverage_end is not None
    assert not ended.is_live
    story.article.refresh_from_db()
    assert story.article.version > version


def test_an_entry_promoted_to_a_full_article_links_both_ways(story, reporter):
    """A draft with the entry's headline, text and authors; the entry links to it."""
    entry = services.entry_post(story=story, by=reporter, headline="Strike on a substation",
                                body="<p>Repairs will take a week.</p>")  # fmt: skip
    article = services.entry_promote(entry=entry, by=reporter)
    assert article.status == Article.Status.DRAFT
    assert (article.title, article.body) == ("Strike on a substation", entry.body)
    assert [byline.author for byline in article.bylines.all()] == [reporter.author]
    assert article.promoted_from_entry == entry
    assert services.entry_promote(entry=entry, by=reporter) == article  # once


def test_entry_text_goes_through_the_sanitiser(story, reporter):
    """Scripts and event handlers never reach the table."""
    entry = services.entry_post(
        story=story, by=reporter, body='<p onclick="x()">Hi<script>alert(1)</script></p>'
    )
    entry.refresh_from_db()
    assert entry.body == "<p>Hi</p>"
