"""Sign-up limits, counted in the cache (shared by every app process when Redis is set)."""

import hashlib

from django.conf import settings
from django.core.cache import cache

HOUR = 60 * 60
DAY = 24 * HOUR


def _hit(kind: str, value: str, limit: int, seconds: int) -> bool:
    """Count one more; True while the count is within the limit."""
    digest = hashlib.sha256(value.lower().encode()).hexdigest()[:32]
    key = f"newsletters:signups:{kind}:{digest}"
    cache.add(key, 0, seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, seconds)
        count = 1
    return count <= limit


def address_allowed(ip: str) -> bool:
    return _hit("ip", ip, settings.NEWSLETTER_SIGNUPS_PER_IP_HOUR, HOUR)


def email_allowed(email: str) -> bool:
    return _hit("email", email, settings.NEWSLETTER_SIGNUPS_PER_EMAIL_DAY, DAY)
