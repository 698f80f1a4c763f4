"""CKEditor 5's image upload, into the media library with every upload's checks; and the
uploaded files themselves, when Django serves them, with cache headers and validators."""

import os
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.http import JsonResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_POST, require_safe
from django.views.static import serve
from django_ckeditor_5.permissions import check_upload_permission

from images import metadata
from images.display import body_address
from images.models import Image
from images.services import add_image, suggested_details
from images.uploads import validate_image_file

# An upload keeps its random name for life, but a rendition is made again under its name
# when the renditions change: kept a day, then revalidated with the ETag.
MEDIA_MAX_AGE = 24 * 60 * 60


@require_POST
@check_upload_permission
def editor_image_upload(request):
    """The body editor's image upload: into the media library, with every upload's checks.

    A real, reasonably sized image becomes a library image (or is the one already holding
    the same file): its IPTC/XMP credit is read, then EXIF and GPS are stripped as the
    library stores it, so it is listed in the library and, once the body is saved, where
    it is used. The editor gets the address of its rendition for bodies. CKEditor shows
    the message of a refusal to the editor, and nothing is stored.
    """
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Choose an image to upload.")}}, status=400)
    try:
        validate_image_file(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    upload.photo_metadata = metadata.read(upload)  # read once, before it is stripped
    image, _created = add_image(upload, user=request.user, alt_text=described(upload))
    src, _width, _height = body_address(image)
    return JsonResponse({"url": src})


def described(upload) -> str:
    """Alt text for an image uploaded in a body, until someone writes one in the library:
    what the photo says it shows, else the words of its file name."""
    found = suggested_details(upload)
    words = found.get("caption") or found.get("title")
    if not words:
        stem = os.path.splitext(os.path.basename(getattr(upload, "name", "") or ""))[0]
        words = " ".join(stem.replace("_", " ").replace("-", " ").split())
    limit = Image._meta.get_field("alt_text").max_length
    return (words or _("Image uploaded in a body"))[:limit]


def _media_stat(request, path):
    """The uploaded file's os.stat, or None when there is no such file in MEDIA_ROOT."""
    try:
        return os.stat(safe_join(settings.MEDIA_ROOT, path))
    except (OSError, ValueError, SuspiciousFileOperation):
        return None


def _media_etag(request, path):
    stat = _media_stat(request, path)
    return stat and f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'


def _media_last_modified(request, path):
    stat = _media_stat(request, path)
    return stat and datetime.fromtimestamp(int(stat.st_mtime), tz=UTC)


def _cacheable(view):
    """Cache-Control on a file and on its 304, never on a 404."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
        return response

    return wrapper


@require_safe
@_cacheable
@condition(etag_func=_media_etag, last_modified_func=_media_last_modified)
def media_file(request, path):
    """An uploaded file from MEDIA_ROOT; a revalidation by ETag or date gets a 304."""
    return serve(request, path, document_root=settings.MEDIA_ROOT)
