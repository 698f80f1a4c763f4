import pytest
from django.core.cache import cache

from caching import local_copies


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never to the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Views are tested as they render; the page cache is switched on by its own tests."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def page_cache(settings):
    """The reader page cache switched on, as in production."""
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back data must not linger in pages."""
    cache.clear()
    local_copies.clear_all()
    yield
    cache.clear()
    local_copies.clear_all()
