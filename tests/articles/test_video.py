import pytest

from articles import video
from articles.structured_data import video_object
from articles.video import embed_url
from tests.factories import make_article


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://youtu.be/aqz-KE-bpKQ?t=10", "youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://www.youtube.com/shorts/aqz-KE-bpKQ", "youtube-nocookie.com/embed/aqz-KE-bpKQ"),
        ("https://vimeo.com/76979871", "player.vimeo.com/video/76979871?dnt=1"),
    ],
)
def test_known_video_sites_get_a_player_without_tracking_cookies(url, expected):
    """YouTube plays from youtube-nocookie.com, Vimeo with do-not-track."""
    assert expected in embed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://example.com/watch?v=aqz-KE-bpKQ",
        'https://www.youtube.com/watch?v=bad"id<script>',
        "javascript:alert(1)",
    ],
)
def test_unknown_or_malformed_video_addresses_get_no_player(url):
    """Anything but a well-formed YouTube or Vimeo address gets no embed at all."""
    assert embed_url(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/live/aqz-KE-bpKQ",
        "https://www.youtube.com/v/aqz-KE-bpKQ",
        "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
        "https://youtube-nocookie.com/embed/aqz-KE-bpKQ",
        "https://m.youtube.com/watch?v=aqz-KE-bpKQ",
    ],
)
def test_the_page_and_its_structured_data_name_the_same_player(url):
    """One parser: every address the page plays also gets an embedUrl in its VideoObject."""
    clip = video.parse(url)
    assert clip == video.Video("youtube", "aqz-KE-bpKQ")
    assert embed_url(url) == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    assert clip.player_url() == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"


@pytest.mark.django_db
def test_a_live_stream_address_gets_an_embed_url_in_its_video_object():
    """youtube.com/live/ plays on the page, so its VideoObject names the player too."""
    article = make_article(
        kind="video", video_url="https://www.youtube.com/live/aqz-KE-bpKQ", hero_image=""
    )
    clip = video_object(article)
    assert clip["embedUrl"] == "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"
    assert clip["thumbnailUrl"] == ["https://i.ytimg.com/vi/aqz-KE-bpKQ/hqdefault.jpg"]
