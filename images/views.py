"""CKEditor 5's image upload, with the same checks as every other uploaded image; and the
uploaded files themselves, when Django serves them, with cache headers and validators."""

import os
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.http import JsonResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_POST, require_safe
from django.views.static import serve
from django_ckeditor_5.permissions import check_upload_permission
from django_ckeditor_5.views import upload_file

from images.services import duplicate_of
from images.uploads import validate_image_file

# An upload keeps its random name for life, but a rendition is made again under its name
# when the renditions change: kept a day, then revalidated with the ETag.
MEDIA_MAX_AGE = 24 * 60 * 60


@require_POST
@check_upload_permission
def editor_image_upload(request):
    """Refuse what is not a real, reasonably sized image; store the rest through CKEditor's view.

    CKEditor shows the message of a refusal to the editor. A file already in the media
    library is not stored again: the body uses the library's copy. What is new is stored by
    CKEDITOR_5_FILE_STORAGE, which strips metadata and generates the file name.
    """
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Choose an image to upload."}}, status=400)
    try:
        validate_image_file(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    same = duplicate_of(upload)
    if same is not None:
        return JsonResponse({"url": same.file.url})
    return upload_file(request)


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
