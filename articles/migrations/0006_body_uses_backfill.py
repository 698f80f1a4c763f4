"""Record the library images that bodies saved before "where used" existed already show.

images.BodyUse is kept on every save (images/body_uses.py); a body saved before it came
has no rows until it is saved again. This reads every body once and records the library
images it shows, matching each <img src> to a library image's file or one of the files of
its renditions record. It matches the addresses the storage itself gives for those files,
so it needs no copy of today's naming rules. Going back leaves the rows: they are true.
The live app's migration records the entries' texts the same way, with these functions.
"""

from urllib.parse import urlsplit

import lxml.html
from django.db import migrations

BATCH = 500


def stored_files(image) -> list[str]:
    """The file's name and the names in its renditions record ([name, width, height])."""
    names = [image.file.name] if image.file else []
    for entries in (image.renditions or {}).values():
        if isinstance(entries, list):
            names += [entry[0] for entry in entries if entry and isinstance(entry[0], str)]
    return names


def library_addresses(Image) -> tuple[dict, str, str]:
    """{path of each library file's address: image pk}, and the media host and path."""
    storage = Image._meta.get_field("file").storage
    probe = urlsplit(storage.url("probe"))
    base_path = probe.path[: -len("probe")]
    paths = {}
    for image in Image.objects.only("pk", "file", "renditions").iterator(chunk_size=BATCH):
        for name in stored_files(image):
            paths.setdefault(urlsplit(storage.url(name)).path, image.pk)
    return paths, probe.netloc, base_path


def shown(html, paths, netloc, base_path) -> set[int]:
    if not html or "<img" not in html:
        return set()
    found = set()
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iter("img"):
        address = urlsplit((element.get("src") or "").strip())
        if address.netloc and address.netloc != netloc:
            continue  # an image from another site
        if address.path.startswith(base_path) and address.path in paths:
            found.add(paths[address.path])
    return found


def record_bodies(apps, *, app_label, model_name, field):
    """BodyUse rows for every row of the model whose `field` shows library images."""
    Image = apps.get_model("images", "Image")
    BodyUse = apps.get_model("images", "BodyUse")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Model = apps.get_model(app_label, model_name)
    if not Image.objects.exists():
        return
    paths, netloc, base_path = library_addresses(Image)
    content_type, _made = ContentType.objects.get_or_create(
        app_label=app_label, model=model_name.lower()
    )
    rows = Model.objects.filter(**{f"{field}__contains": "<img"}).values_list("pk", field)
    uses = []
    for pk, html in rows.iterator(chunk_size=BATCH):
        uses += [
            BodyUse(image_id=image, content_type=content_type, object_id=pk)
            for image in shown(html, paths, netloc, base_path)
        ]
        if len(uses) >= BATCH:
            BodyUse.objects.bulk_create(uses, ignore_conflicts=True)
            uses = []
    BodyUse.objects.bulk_create(uses, ignore_conflicts=True)


def record_article_bodies(apps, schema_editor):
    record_bodies(apps, app_label="articles", model_name="Article", field="body")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_hero_library"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("images", "0002_body_uses"),
    ]

    operations = [
        migrations.RunPython(record_article_bodies, migrations.RunPython.noop, elidable=True),
    ]
