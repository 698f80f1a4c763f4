"""CKEditor 5's image upload, with the same checks as every other uploaded image."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from django_ckeditor_5.permissions import check_upload_permission
from django_ckeditor_5.views import upload_file

from images.uploads import validate_image_file


@require_POST
@check_upload_permission
def editor_image_upload(request):
    """Refuse what is not a real, reasonably sized image; store the rest through CKEditor's view.

    CKEditor shows the message of a refusal to the editor. What is accepted is stored by
    CKEDITOR_5_FILE_STORAGE, which strips metadata and generates the file name.
    """
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": "Choose an image to upload."}}, status=400)
    try:
        validate_image_file(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": " ".join(error.messages)}}, status=400)
    return upload_file(request)
