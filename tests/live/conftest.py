"""A live story and a reporter on its byline, for the tests of who may do what."""

import pytest

from articles.models import Byline
from tests.factories import make_staff
from tests.live.factories import make_live_story


@pytest.fixture
def story():
    return make_live_story()


@pytest.fixture
def reporter(story):
    """A reporter on the live story's byline."""
    user = make_staff(role="Reporters")
    Byline.objects.create(article=story.article, author=user.author)
    return user
