"""A live story's pages pass the Nu HTML Checker with no error and no warning."""

import pytest

from images.services import add_image
from live import services
from tests.factories import image_file, make_staff
from tests.live.factories import make_entry, make_live_story

pytestmark = pytest.mark.django_db


def test_live_pages_have_no_html_errors_or_warnings(nu_check, client, tmp_path):
    """The story with every kind of entry, its second page and an entry's permalink."""
    editor = make_staff(role="Editors")
    story = make_live_story(key_points="<ul><li>One</li><li>Two</li></ul>")
    for minutes in range(22):
        make_entry(story, minutes_ago=minutes + 10, headline="" if minutes % 3 else "Headline")
    image, _created = add_image(image_file("hall.jpg"), alt_text="A hall", caption="The hall")
    make_entry(story, image=image)
    make_entry(story, video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ")
    make_entry(story, post_url="https://x.com/KpsZSU/status/1863000000000000000")
    pinned = make_entry(story, minutes_ago=40)
    services.entry_pin(entry=pinned, by=editor)
    services.entry_correct(entry=pinned, by=editor, text="It was Odesa.")
    url = story.article.get_absolute_url()
    paths = []
    for name, address in [("story", url), ("page-2", f"{url}?page=2"),
                          ("permalink", pinned.get_absolute_url())]:  # fmt: skip
        response = client.get(address)
        assert response.status_code == 200, address
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        paths.append(path)
    assert nu_check(paths) == []
