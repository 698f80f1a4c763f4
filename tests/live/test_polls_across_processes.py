"""Two app processes without Redis give a live story's poll one ETag, answer each other's
ETag with a 304, and both return a new entry posted from a third process at once."""

import pytest

from tests.caching.test_shared_cache import shell, two_app_processes  # noqa: F401 - fixture

POLL = "/news/ukraine-war-latest/live/"


@pytest.mark.usefixtures("two_app_processes")
def test_both_processes_share_the_polls_etag_and_a_new_entry(two_app_processes):  # noqa: F811
    """The demo's live story, polled as static/js/live.js does, from either process."""
    env, servers = two_app_processes
    for server in servers:
        assert server.get(POLL)[0] == 200
    first, second = (server.get(POLL)[1]["ETag"] for server in servers)
    assert first == second
    assert servers[0].get(POLL, headers={"If-None-Match": second})[0] == 304
    assert servers[1].get(POLL, headers={"If-None-Match": first})[0] == 304

    [pk] = shell(
        env,
        "from django.contrib.auth import get_user_model; from live import services;"
        "from live.models import LiveStory;"
        "story = LiveStory.objects.get(article__slug='ukraine-war-latest');"
        "editor = get_user_model().objects.get(username='editor');"
        "print(services.entry_post(story=story, by=editor, headline='From a third process').pk)",
    )
    answers = [server.get(POLL, headers={"If-None-Match": first}) for server in servers]
    for status, _headers, page in answers:
        assert status == 200
        assert f'data-entry="{pk}"' in page
    assert answers[0][1]["ETag"] == answers[1][1]["ETag"] != first
