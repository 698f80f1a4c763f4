"""What the desk shows of a library image: its thumbnail, and its rights at the point of use."""

from collections import defaultdict
from contextvars import ContextVar

from django.core.files.storage import default_storage
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from images.models import BodyUse, Image


def thumbnail(image: Image | None, *, width: int = 64):
    """A small picture of a library image for lists and forms (a blank box without one)."""
    if image is None or not image.thumbnail_url:
        return mark_safe('<span class="list-thumbnail list-thumbnail--none"></span>')
    height = round(width * image.height / image.width) if image.width and image.height else width
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="list-thumbnail" loading="lazy">',
        image.thumbnail_url,
        width,
        height,
    )


def body_address(image: Image) -> tuple[str, int | None, int | None]:
    """The address, width and height a body shows a library image at."""
    fallback = (image.renditions or {}).get("fallback") or []
    if fallback:
        # The widest rendition: the body column is never wider, and readers get renditions.
        name, width, height = fallback[-1]
        return default_storage.url(name), width, height
    return image.file.url, image.width, image.height


def body_figure(image: Image) -> str:
    """The figure the body editor inserts for a library image: a rendition, the image's alt
    text, and its caption and credit under it (kept by the body's sanitiser)."""
    src, width, height = body_address(image)
    words = " — ".join(part for part in (image.caption, image.credit) if part)
    return format_html(
        '<figure class="image"><img src="{}" alt="{}" width="{}" height="{}">{}</figure>',
        src,
        image.alt_text,
        width or "",
        height or "",
        format_html("<figcaption>{}</figcaption>", words) if words else "",
    )


def rights_panel(image: Image | None, *, user=None, today=None):
    """Credit, licence, usage restrictions and expiry of the image in use, with a warning."""
    if image is None:
        return ""
    return render_to_string(
        "admin/images/rights.html",
        {
            "image": image,
            "thumbnail": thumbnail(image, width=160),
            "expired": image.is_expired(today or timezone.localdate()),
            "where_used": where_used(image, user=user),
        },
    )


MOST_SHOWN = 50
# The person a change page is being made for (set by ShowsWhereUsed, read by where_used).
_viewer: ContextVar = ContextVar("images_viewer", default=None)


class ShowsWhereUsed:
    """For a ModelAdmin whose change page says where an image is used: for whom it is made.

    The page is rendered inside, so its read-only fields know the person looking.
    """

    def changeform_view(self, request, *args, **kwargs):
        token = _viewer.set(request.user)
        try:
            response = super().changeform_view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
        finally:
            _viewer.reset(token)
        return response


def viewer():
    return _viewer.get()


# Who may see what uses an image, by model label: the apps above say (their AppConfig.ready()).
# A model without a rule is listed to everyone who sees the image.
VIEW_RULES: dict = {}


# What a model's rule reads of its rows' relations, read for all of them in one go.
READ_WITH: dict = {}


def may_see(user, item) -> bool:
    rule = VIEW_RULES.get(item._meta.label)
    return rule is None or (user is not None and rule(user, item))


def where_used(image: Image, *, user=None) -> list[tuple[str, str]]:
    """(name, admin address) of what uses the image and the person may see: every model
    pointing at it (hero, author photo...), then what shows it in its body (BodyUse)."""
    items = []
    for relation in Image._meta.related_objects:
        if relation.related_model is BodyUse:
            continue
        if relation.one_to_many or relation.one_to_one:
            items += getattr(image, relation.get_accessor_name()).all()[:MOST_SHOWN]
    items += [use.shown_in for use in image.body_uses.prefetch_related("shown_in")[:MOST_SHOWN]]
    by_model = defaultdict(list)
    for item in items:
        if item is not None:
            by_model[item._meta.label].append(item)
    for label, rows in by_model.items():
        prefetch_related_objects(rows, *READ_WITH.get(label, ()))
    used, seen = [], set()
    for item in items:
        key = (item._meta.label, item.pk) if item is not None else None
        if item is None or key in seen or not may_see(user, item):
            continue
        seen.add(key)
        meta = item._meta
        try:
            url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[item.pk])
        except NoReverseMatch:
            url = ""
        used.append((str(item), url))
    return used
