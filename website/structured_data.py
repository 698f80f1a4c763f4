"""Shared parts of schema.org JSON-LD: dates, breadcrumbs and safe embedding in HTML."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from website.identity import absolute_url

# The characters that could end the <script> element or open a comment inside it,
# written as JSON escapes, so nothing a reporter types can leave the data block.
HTML_UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def iso_datetime(value) -> str:
    """ISO 8601 in the newsroom's time zone, with its offset, to the second."""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def breadcrumb_list(trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, path) pairs, from the home page down."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def json_ld(*things: dict) -> SafeString:
    """things as one JSON-LD document, safe to place inside <script type="application/ld+json">."""
    document = {"@context": "https://schema.org", "@graph": list(things)}
    text = json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(HTML_UNSAFE))  # noqa: S308 - every <, > and & is escaped.
