"""Reading an article's revisions and telling, in words, what changed between two of them."""

import difflib
import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import capfirst
from reversion.models import Version

from articles.models import CONTENT_FIELDS, Article, Byline, Section, Tag
from authors.models import Author
from images.models import Image
from website.fields import RichTextField
from website.richtext import plain_text

BLOCK_END = re.compile(r"</(p|h\d|li|blockquote|figcaption|tr)>|<br\s*/?>", re.IGNORECASE)
IMAGE = re.compile(r"<img\b[^>]*\bsrc=\"([^\"]*)\"[^>]*>", re.IGNORECASE)
TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

# What a person reading the diff sees: the content, the bylines and the workflow state,
# each under its field's name as the form shows it.
DIFFED_FIELDS = [*CONTENT_FIELDS, "authors", "status", "publish_at"]
LABELS = {name: capfirst(Article._meta.get_field(name).verbose_name) for name in DIFFED_FIELDS}


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def segments(self) -> list[tuple[str, str]]:
        """The change word by word: ("equal" | "delete" | "insert", text) pairs."""
        return word_diff(self.before, self.after)


def versions_of(article: Article) -> QuerySet[Version]:
    """The article's revisions, newest first, with who saved them."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def latest_user_subquery() -> Subquery:
    """The name of whoever saved an article's latest revision, as a column of its row."""
    latest = Version.objects.filter(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=Cast(OuterRef("pk"), output_field=models.CharField()),
    ).order_by("-revision__date_created", "-pk")
    return Subquery(latest.values("revision__user__username")[:1])


def version_for_number(article: Article, number: int) -> Version | None:
    """The revision that stored version `number` of the article, if one did."""
    for version in versions_of(article)[:200]:
        if version.field_dict.get("version") == number:
            return version
    return None


def readable_text(value: str) -> str:
    """Rich text as paragraphs of plain text, images shown by their file name."""
    value = IMAGE.sub(lambda match: f" [image: {match.group(1).rsplit('/', 1)[-1]}] ", value or "")
    paragraphs = [plain_text(part) for part in BLOCK_END.split(value)[::2]]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    segments = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if operation in {"equal", "delete", "replace"}:
            kind = "equal" if operation == "equal" else "delete"
            segments.append((kind, "".join(old[old_start:old_end])))
        if operation in {"insert", "replace"}:
            segments.append(("insert", "".join(new[new_start:new_end])))
    return segments


def _words(field, value) -> str:
    """One stored value as the form shows it: a choice's label, a time, a file's name."""
    if isinstance(field, RichTextField):
        return readable_text(value or "")
    if field.choices and value:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "Yes" if value else "No"
    if isinstance(field, models.FileField):
        return (getattr(value, "name", value) or "").rsplit("/", 1)[-1]
    if isinstance(field, models.DateTimeField):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""
    return "" if value is None else str(value)


def _display(fields: dict, byline_author_ids: list[int]) -> dict[str, str]:
    """The fields of one state of an article as words a person reads."""
    section = Section.objects.filter(pk=fields.get("section_id")).first()
    tags = Tag.objects.filter(pk__in=fields.get("tags") or []).order_by("name")
    names = dict(Author.objects.filter(pk__in=byline_author_ids).values_list("pk", "name"))
    hero_id = fields.get("hero_id")
    hero = Image.objects.filter(pk=hero_id).first() if hero_id else None
    related = {
        "hero": str(hero or ""),
        "section": section.name if section else "",
        "tags": ", ".join(tag.name for tag in tags),
        "authors": ", ".join(names.get(pk, "?") for pk in byline_author_ids),
    }
    return {
        name: related[name]
        if name in related
        else _words(Article._meta.get_field(name), fields.get(name))
        for name in DIFFED_FIELDS
    }


def version_display(version: Version) -> dict[str, str]:
    fields = version.field_dict
    bylines = sorted(
        (
            byline.field_dict
            for byline in version.revision.version_set.get_for_model(Byline)
            if byline.field_dict["article_id"] == fields["id"]
        ),
        key=lambda byline: (byline["position"], byline["id"]),
    )
    return _display(fields, [byline["author_id"] for byline in bylines])


def _stored_fields(article: Article) -> dict:
    fields = {field.attname: getattr(article, field.attname) for field in Article._meta.fields}
    fields["tags"] = list(article.tags.values_list("pk", flat=True))
    return fields


def _byline_authors(article: Article) -> list[int]:
    return list(article.bylines.order_by("position", "id").values_list("author_id", flat=True))


def article_display(article: Article) -> dict[str, str]:
    """The article as it is in the database now."""
    return _display(_stored_fields(article), _byline_authors(article))


def submitted_display(article: Article, submitted: dict) -> dict[str, str]:
    """The article as it is now, with the content a form submitted in place of its own."""
    fields = _stored_fields(article)
    for name in CONTENT_FIELDS:
        if name not in submitted:
            continue
        field, value = Article._meta.get_field(name), submitted[name]
        if field.many_to_many:
            fields[name] = [item.pk for item in value or []]
        elif field.is_relation:
            fields[field.attname] = value.pk if value else None
        else:
            fields[name] = value
    return _display(fields, _byline_authors(article))


def values_display(
    article: Article, values: dict, *, byline_author_ids: list[int] | None = None
) -> dict[str, str]:
    """The article as it is now, with content values as a form's initial data gives them
    (a related object by its primary key, tags as a list of them) in place of its own;
    and with these bylines' authors, if given."""
    fields = _stored_fields(article) if article.pk else {}
    for name, value in values.items():
        field = Article._meta.get_field(name)
        if field.many_to_many:
            fields[name] = list(value or [])
        elif field.is_relation:
            fields[field.attname] = value
        else:
            fields[name] = value
    if byline_author_ids is None:
        byline_author_ids = _byline_authors(article) if article.pk else []
    return _display(fields, byline_author_ids)


def changes_between(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    return [
        FieldChange(label=label, before=before.get(key, ""), after=after.get(key, ""))
        for key, label in LABELS.items()
        if before.get(key, "") != after.get(key, "")
    ]
