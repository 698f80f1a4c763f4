import pytest

from demo import content as demo_content
from tests.factories import image_file, make_article
from website.richtext import count_words, plain_text, reading_minutes

SEED_BODY = "".join(f"<p>{paragraph}</p>" for paragraph in demo_content.SEED_ARTICLE["body"])


def test_seed_article_body_has_216_words():
    """The seed article's body counts 216 words, as a reader counts them."""
    assert count_words(plain_text(SEED_BODY)) == 216


def test_ukrainian_apostrophes_do_not_split_words():
    """п'ять, п’ять and пʼять are one word each, whichever apostrophe is typed."""
    assert count_words("п'ять років") == 2
    assert count_words("п’ять пʼять") == 2
    assert count_words("Сім'я з'їла м'ясо — і все.") == 5


def test_markup_and_dashes_are_not_words():
    """Tags join no words together and a lone dash is not a word."""
    assert count_words(plain_text("<p>one</p><p>two</p><ul><li>three</li></ul>")) == 3
    assert count_words("before — after") == 2


def test_images_add_seconds_and_minutes_round_up():
    """Images add 12 s, then 11 s, down to 3 s each; the total rounds up to whole minutes."""
    assert reading_minutes(0, 0) == 1
    assert reading_minutes(238, 0) == 1
    assert reading_minutes(239, 0) == 2
    assert reading_minutes(216, 1) == 2
    # 12 + 11 + ... + 3 = 75 s for ten images, then 3 s each: 20 images = 105 s.
    assert reading_minutes(0, 20) == 2


@pytest.mark.django_db
def test_seed_article_reads_in_two_minutes():
    """The seed article with its hero image is stored as "2 min read", as the seed page says."""
    article = make_article(body=SEED_BODY, hero_image=image_file(), hero_alt="Stoltenberg")
    article.refresh_from_db()
    assert article.word_count == 216
    assert article.reading_time == 2


@pytest.mark.django_db
def test_reading_time_follows_body_changes():
    """Reading time is recomputed on every save."""
    article = make_article(body="<p>short</p>")
    assert article.reading_time == 1
    article.body = "<p>" + "word " * 1000 + "</p>"
    article.save()
    article.refresh_from_db()
    assert article.word_count == 1000
    assert article.reading_time == 5
