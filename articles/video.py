"""Video addresses: the one parser of YouTube and Vimeo links, and their privacy players.

The article page plays the video from youtube-nocookie.com or Vimeo with
do-not-track, and its VideoObject JSON-LD names the same player, so what
plays and what search engines are told never disagree.
"""

import re
from typing import NamedTuple
from urllib.parse import parse_qs, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
YOUTUBE_SHORT_HOSTS = {"youtu.be", "www.youtu.be"}
YOUTUBE_PATHS = {"embed", "shorts", "live", "v"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


class Video(NamedTuple):
    provider: str  # "youtube" or "vimeo"
    id: str

    def player_url(self, *, autoplay: bool = False) -> str:
        """The player that sets no tracking cookies."""
        if self.provider == "youtube":
            url = f"https://www.youtube-nocookie.com/embed/{self.id}"
            return f"{url}?autoplay=1" if autoplay else url
        url = f"https://player.vimeo.com/video/{self.id}?dnt=1"
        return f"{url}&autoplay=1" if autoplay else url

    @property
    def thumbnail_url(self) -> str:
        """YouTube's own poster frame; Vimeo has no address that needs no API call."""
        return (
            f"https://i.ytimg.com/vi/{self.id}/hqdefault.jpg" if self.provider == "youtube" else ""
        )


def youtube_id(url: str) -> str | None:
    parts = urlparse(url)
    host = parts.hostname or ""
    path = parts.path.strip("/").split("/")
    if host in YOUTUBE_SHORT_HOSTS:
        candidate = path[0]
    elif host in YOUTUBE_HOSTS and path[0] == "watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    elif host in YOUTUBE_HOSTS and path[0] in YOUTUBE_PATHS and len(path) > 1:
        candidate = path[1]
    else:
        return None
    return candidate if YOUTUBE_ID.match(candidate) else None


def vimeo_id(url: str) -> str | None:
    parts = urlparse(url)
    if (parts.hostname or "") not in VIMEO_HOSTS:
        return None
    digits = [part for part in parts.path.split("/") if part.isdigit()]
    return digits[-1] if digits else None


def parse(url: str) -> Video | None:
    """The video a YouTube or Vimeo address shows, or None for anything else."""
    if video := youtube_id(url or ""):
        return Video("youtube", video)
    if video := vimeo_id(url or ""):
        return Video("vimeo", video)
    return None


def player_url(url: str, *, autoplay: bool = False) -> str | None:
    """The privacy player of a video address, or None for unknown sites."""
    video = parse(url)
    return video.player_url(autoplay=autoplay) if video else None


def embed_url(url: str) -> str | None:
    """The player the article page starts when the reader presses play."""
    return player_url(url, autoplay=True)
