"""A live story and a reporter on its byline, for the tests of who may do what; every test
starts in the English edition."""

import pytest
from django.conf import settings
from django.utils import translation

from articles.models import Byline
from tests.factories import make_staff
from tests.live.factories import make_live_story


@pytest.fixture(autouse=True)
def english_edition():
    """Each test starts in the English edition, whichever edition's page a test before it
    opened (a request leaves its language active in the thread)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def story():
    return make_live_story()


@pytest.fixture
def reporter(story):
    """A reporter on the live story's byline."""
    user = make_staff(role="Reporters")
    Byline.objects.create(article=story.article, author=user.author)
    return user
