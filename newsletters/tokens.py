"""Signed links for one subscriber: confirm, manage (change, export, delete) and unsubscribe.

Each token signs the subscriber's key (and what the link does) with SECRET_KEY, so a link
cannot be forged or turned into another subscriber's; giving the subscriber a new key
revokes every link sent before.
"""

from datetime import timedelta

from django.core import signing

CONFIRM_MAX_AGE = timedelta(days=7)


def _dumps(value, purpose: str) -> str:
    return signing.dumps(value, salt=f"newsletters.{purpose}", compress=False)


def _loads(token: str, purpose: str, max_age=None):
    """The signed value, or None when the token is forged, mangled or too old."""
    try:
        return signing.loads(token, salt=f"newsletters.{purpose}", max_age=max_age)
    except signing.BadSignature:
        return None


def confirm_token(subscriber, newsletter_ids) -> str:
    return _dumps({"k": str(subscriber.key), "n": sorted(newsletter_ids)}, "confirm")


def read_confirm_token(token: str) -> tuple[str, list[int]] | None:
    value = _loads(token, "confirm", max_age=CONFIRM_MAX_AGE)
    if not isinstance(value, dict):
        return None
    return value.get("k"), [int(pk) for pk in value.get("n", [])]


def manage_token(subscriber) -> str:
    return _dumps(str(subscriber.key), "manage")


def read_manage_token(token: str) -> str | None:
    value = _loads(token, "manage")
    return value if isinstance(value, str) else None


def unsubscribe_token(subscriber, newsletter) -> str:
    return _dumps([str(subscriber.key), newsletter.pk], "unsubscribe")


def read_unsubscribe_token(token: str) -> tuple[str, int] | None:
    value = _loads(token, "unsubscribe")
    if not (isinstance(value, list) and len(value) == 2):
        return None
    return str(value[0]), int(value[1])
