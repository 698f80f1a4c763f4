import pytest

from articles.video import embed_url


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
