"""Tell a CDN in front which tags changed, so it drops exactly the pages that show them.

Reader responses carry their tags in Surrogate-Key (Fastly, Varnish xkey) and
Cache-Tag (Cloudflare, Akamai). CACHE_PURGE names where changed tags go:

- a URL: they are POSTed to it as JSON, {"tags": ["article-12", "latest"]} (a small
  relay, or a CDN endpoint that takes that body);
- a dotted path to a callable taking the list of tags, e.g. one that calls the
  CDN's purge-by-tag API;
- empty (the default): nothing is sent.

Called once the change is committed. A purge that fails is logged; pages at the
CDN then expire by their s-maxage.
"""

import json
import logging
from urllib.request import Request, urlopen

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


def purge(tags) -> None:
    target = settings.CACHE_PURGE
    if not target:
        return
    tags = sorted(tags)
    try:
        if target.startswith(("http://", "https://")):
            body = json.dumps({"tags": tags}).encode()
            headers = {"Content-Type": "application/json"}
            request = Request(target, data=body, headers=headers)  # noqa: S310 (http/https)
            with urlopen(request, timeout=settings.CACHE_PURGE_TIMEOUT) as response:  # noqa: S310
                response.read()
        else:
            import_string(target)(tags)
    except Exception:
        logger.exception("caching: purging %s at %s failed", " ".join(tags), target)
