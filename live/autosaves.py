"""Autosave of the entry form: what a reporter types kept on the server while they type.

The same mechanism as the article form's (articles/autosaves.py, static/js/article-form.js):
the form posts what it holds every few seconds and when the tab closes; what is kept is
cut to the fields' lengths, stored apart from the entry (no new version, nothing a reader
sees), and put back into the form when the person opens it again. A chosen image is
kept like an image across a form error (images.pending): the autosave holds its token.
Permission is checked by the admin view exactly as for a post or an edit.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from images import pending
from images.uploads import validate_image_file
from live.models import EntryAutosave, LiveEntry, LiveStory

# The form's text fields, kept as typed (the time as the text in its box).
TEXT_FIELDS = ["headline", "body", "image_alt_text", "video_url", "post_url",
               "published_at_0", "published_at_1"]  # fmt: skip
# The chooser's fields (images/choosers.py): the chosen library image, a new file and its token.
CHOSEN_IMAGE = "image"
UPLOAD = "image_upload"
KEPT_IMAGE = "image_upload_pending"
# Fields of the form alone, not of the entry.
FORM_LENGTHS = {"image_alt_text": 300}
MOST_CHARACTERS = 100_000
# How long before a post an autosave may have left the form and still arrive after it.
IN_FLIGHT = timedelta(seconds=30)


def _length(name: str) -> int:
    field = name.removesuffix("_0").removesuffix("_1")
    if field in FORM_LENGTHS:
        return FORM_LENGTHS[field]
    return LiveEntry._meta.get_field(field).max_length or MOST_CHARACTERS


def cleaned_values(post) -> dict:
    """What the form holds, in the shape of its initial data."""
    values = {name: str(post.get(name, ""))[: _length(name)] for name in TEXT_FIELDS}
    chosen = str(post.get(CHOSEN_IMAGE, ""))
    values[CHOSEN_IMAGE] = int(chosen) if chosen.isdigit() else None
    values["authors"] = sorted({int(pk) for pk in post.getlist("authors") if str(pk).isdigit()})[
        :20
    ]
    return values


def kept_image(*, user, post, files) -> str:
    """The token of the image the form holds: a newly sent file is checked and kept."""
    upload = files.get(UPLOAD) if files else None
    if upload is not None:
        try:
            validate_image_file(upload)
        except ValidationError:
            return ""
        return pending.keep(upload, user_id=user.pk)
    token = str(post.get(KEPT_IMAGE, ""))
    return token if pending.url(token, user_id=user.pk) else ""


def autosave_store(*, story: LiveStory, entry: LiveEntry | None, user, post, files=None):
    """Keep what the form holds now as the person's autosave of the entry (or new entry)."""
    data = cleaned_values(post)
    data[KEPT_IMAGE] = kept_image(user=user, post=post, files=files)
    autosave, _created = EntryAutosave.objects.update_or_create(
        story=story, entry=entry, user=user, defaults={"data": data, "saved_at": timezone.now()}
    )
    return autosave


def pending_for(*, story: LiveStory, entry: LiveEntry | None, user) -> EntryAutosave | None:
    """The person's autosave, if it is newer than the entry as saved (for a new entry: not
    the one they just posted, which an autosave on its way as they posted may name)."""
    autosave = EntryAutosave.objects.filter(story=story, entry=entry, user=user).first()
    if autosave is None or (entry is not None and autosave.saved_at <= entry.updated_at):
        return None
    if entry is None and _just_posted(autosave):
        return None
    return autosave


def _just_posted(autosave: EntryAutosave) -> bool:
    latest = (
        LiveEntry.objects.filter(story_id=autosave.story_id, created_by_id=autosave.user_id)
        .order_by("-created_at")
        .first()
    )
    return (
        latest is not None
        and latest.created_at >= autosave.saved_at - IN_FLIGHT
        and latest.headline == autosave.data.get("headline", "")
    )


def discard(*, story: LiveStory, entry: LiveEntry | None, user) -> None:
    EntryAutosave.objects.filter(story=story, entry=entry, user=user).delete()
