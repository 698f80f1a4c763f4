"""A video loads its player only when the reader presses play."""

from playwright.sync_api import expect

from tests.factories import image_file, make_article


def test_video_player_loads_only_after_play_is_pressed(transactional_db, live_server, page):
    """The page shows a poster; pressing play swaps in a youtube-nocookie player, focused."""
    video = make_article(
        kind="video",
        title="Ukraine This Week",
        video_url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        hero_image=image_file(size=(1280, 720)),
        hero_alt="Poster of Ukraine This Week",
    )
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.abort())
    page.goto(f"{live_server.url}{video.get_absolute_url()}")
    expect(page.locator("iframe")).to_have_count(0)
    assert not [url for url in requested if "youtube" in url]
    page.get_by_role("link", name="Play video").click()
    frame = page.locator("iframe.video__frame")
    expect(frame).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"
    )
    expect(frame).to_have_attribute("title", "Ukraine This Week")
    expect(frame).to_be_focused()
