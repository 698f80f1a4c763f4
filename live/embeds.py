"""Posts from X and Telegram in live entries: the one parser of their addresses.

A post is shown as a card (who posted it, a link to it) and framed from its own
site only when the reader asks (static/js/live.js), so a page makes no request
to X or Telegram before then. Videos go through articles/video.py.
"""

import re
from typing import NamedTuple
from urllib.parse import urlparse

from django.utils.translation import gettext_lazy as _

X_HOSTS = {"x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"}
TELEGRAM_HOSTS = {"t.me", "www.t.me", "telegram.me"}
HANDLE = re.compile(r"^[A-Za-z0-9_]{1,32}$")
NUMBER = re.compile(r"^[0-9]{1,25}$")


class Post(NamedTuple):
    network: str  # "x" or "telegram"
    account: str
    id: str

    @property
    def url(self) -> str:
        if self.network == "x":
            return f"https://x.com/{self.account}/status/{self.id}"
        return f"https://t.me/{self.account}/{self.id}"

    @property
    def frame_url(self) -> str:
        """The post's own embed page, framed after a click (the CSP's frame-src allows it)."""
        if self.network == "x":
            return f"https://platform.twitter.com/embed/Tweet.html?id={self.id}&dnt=true"
        return f"https://t.me/{self.account}/{self.id}?embed=1"

    @property
    def network_name(self) -> str:
        return str(_("X") if self.network == "x" else _("Telegram"))


def parse(url: str) -> Post | None:
    """The post an X or Telegram address shows, or None for anything else."""
    parts = urlparse(url or "")
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    path = [part for part in parts.path.split("/") if part]
    if host in X_HOSTS and len(path) >= 3 and path[1] == "status":
        account, number = path[0], path[2]
        network = "x"
    elif host in TELEGRAM_HOSTS and path[:1] == ["s"] and len(path) >= 3:
        account, number = path[1], path[2]  # the channel's web preview
        network = "telegram"
    elif host in TELEGRAM_HOSTS and len(path) >= 2:
        account, number = path[0], path[1]
        network = "telegram"
    else:
        return None
    if HANDLE.match(account) and NUMBER.match(number):
        return Post(network, account, number)
    return None
