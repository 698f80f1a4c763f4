"""Signed tokens for share links: the URL names a share link and cannot be forged."""

from django.core import signing

SALT = "articles.share-link"


def sign_share_link(link_id: int) -> str:
    return signing.dumps({"link": link_id}, salt=SALT)


def share_link_id(token: str) -> int | None:
    """The share link a token names, or None when the token is forged or malformed."""
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    link_id = value.get("link") if isinstance(value, dict) else None
    return link_id if isinstance(link_id, int) else None
