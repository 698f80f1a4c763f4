"""What an export holds, in one shape whichever system wrote it.

The readers (wordpress.py, ghost.py) turn an export into these records; the loader
(services.py) writes them. A reader raises ExportError for a file it cannot trust,
before anything is written.
"""

import hashlib
import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime


class ExportError(Exception):
    """The file cannot be imported at all: the message says why, for the person importing."""


class State:
    """Where an item lands. Anything not public in the source stays out of readers' sight."""

    PUBLISHED = "published"  # with a past publish time; a future one is scheduled
    DRAFT = "draft"
    REVIEW = "review"


@dataclass
class Person:
    key: str  # how posts name this person in the export (a login, a Ghost id)
    name: str
    slug: str  # ours: ASCII, as author pages are routed
    old_slug: str = ""  # the old site's, for its archive address
    bio: str = ""
    website: str = ""
    location: str = ""
    photo_url: str = ""


@dataclass
class Term:
    kind: str  # "category" or "tag"
    key: str  # the term's id in the export (WordPress: its slug)
    name: str
    slug: str  # ours: ASCII, as section and tag pages are routed
    description: str = ""
    old_slug: str = ""  # the old site's, for its archive address


@dataclass
class Picture:
    url: str
    alt: str = ""
    caption: str = ""


@dataclass
class Post:
    kind: str  # "post" or "page"
    key: str  # the post's id in the export
    title: str
    slug: str
    body: str  # HTML in our markup, not yet sanitised
    state: str
    publish_at: datetime | None
    standfirst: str = ""
    authors: list[str] = field(default_factory=list)  # Person keys, in byline order
    categories: list[str] = field(default_factory=list)  # Term keys, in order
    tags: list[str] = field(default_factory=list)
    picture: Picture | None = None
    seo_title: str = ""
    seo_description: str = ""
    canonical_url: str = ""
    old_addresses: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader changed, for the report

    def fingerprint(self) -> str:
        content = asdict(self)
        content.pop("notes")
        return digest(content)


def digest(content) -> str:
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Report:
    """What an import did, item by item where it matters, counted everywhere."""

    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)  # ("created", "post") -> n
    lines: list[str] = field(default_factory=list)  # skipped items, changes and warnings
    error: str = ""

    def count(self, outcome: str, kind: str) -> None:
        self.counts[outcome, kind] += 1

    def note(self, text: str) -> None:
        self.lines.append(text)

    def skip(self, kind: str, what: str, why: str) -> None:
        self.count("skipped", kind)
        self.note(f"Skipped {kind} {what}: {why}")

    def summary(self) -> list[str]:
        """One line an outcome, e.g. "created: 3 posts, 1 author"."""
        lines = []
        for outcome in ("created", "updated", "unchanged", "skipped"):
            parts = [
                f"{number} {kind}{'' if number == 1 else 's'}"
                for (counted, kind), number in sorted(self.counts.items())
                if counted == outcome
            ]
            if parts:
                lines.append(f"{outcome}: {', '.join(parts)}")
        return lines

    def as_text(self) -> str:
        head = ["Dry run: nothing was saved."] if self.dry_run else []
        if self.error:
            return "\n".join([*head, f"Nothing was imported. {self.error}"])
        return "\n".join([*head, *self.summary(), *self.lines])
