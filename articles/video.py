"""Privacy-respecting embeds for video items: YouTube without cookies, Vimeo without tracking."""

import re
from urllib.parse import parse_qs, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


def youtube_id(url: str) -> str | None:
    parts = urlparse(url)
    host = parts.hostname or ""
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parts.path.strip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS or host == "www.youtube-nocookie.com":
        path = parts.path.strip("/").split("/")
        if path[0] == "watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif path[0] in {"embed", "shorts", "live", "v"} and len(path) > 1:
            candidate = path[1]
        else:
            return None
    else:
        return None
    return candidate if YOUTUBE_ID.match(candidate) else None


def vimeo_id(url: str) -> str | None:
    parts = urlparse(url)
    if (parts.hostname or "") not in VIMEO_HOSTS:
        return None
    digits = [part for part in parts.path.split("/") if part.isdigit()]
    return digits[-1] if digits else None


def embed_url(url: str) -> str | None:
    """The address of a player that sets no tracking cookies, or None for unknown sites."""
    if video := youtube_id(url or ""):
        return f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1"
    if video := vimeo_id(url or ""):
        return f"https://player.vimeo.com/video/{video}?dnt=1&autoplay=1"
    return None
