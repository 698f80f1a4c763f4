"""The images of an import: found in the media folder by their old address, checked and
stored as an editor's upload would be (images.uploads), each file once across imports."""

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from images.uploads import EditorImageStorage, open_checked_image
from importers.models import ImportedItem
from importers.records import Report

IMAGE_SRC = re.compile(r"""(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']*)\2""", re.IGNORECASE)


class MediaFolder:
    """Files of the old site's uploads folder, found by the end of their URL's path.

    http://old.example/wp-content/uploads/2019/05/kyiv.jpg is looked for as
    wp-content/uploads/2019/05/kyiv.jpg, then uploads/2019/05/kyiv.jpg, then
    2019/05/kyiv.jpg, then kyiv.jpg inside the folder, never outside it.
    """

    def __init__(self, root: Path | None):
        self.root = Path(root).resolve() if root else None

    def find(self, url: str) -> Path | None:
        if self.root is None:
            return None
        parts = [part for part in unquote(urlsplit(url).path).split("/") if part]
        if any(part in {".", ".."} for part in parts):
            return None
        for start in range(len(parts)):
            candidate = self.root.joinpath(*parts[start:]).resolve()
            if candidate.is_relative_to(self.root) and candidate.is_file():
                return candidate
        return None


class ImageStore:
    """Stores each old image once and remembers it, so a second import reuses the file."""

    def __init__(self, *, source: str, site: str, folder: MediaFolder, report: Report, dry_run):
        self.source = source
        self.site = site
        self.folder = folder
        self.report = report
        self.dry_run = dry_run
        self.known = {
            item.source_id: item.file_name
            for item in ImportedItem.objects.filter(
                source=source, site=site, kind=ImportedItem.Kind.IMAGE
            )
        }

    def store(self, url: str, *, storage, folder: str, what: str) -> str | None:
        """The stored name of the image at url, or None (with the reason in the report)."""
        # A file for the body and one for a hero image live in different folders.
        key = f"{type(storage).__name__}:{url}"[:300]
        name = self.known.get(key)
        if name and storage.exists(name):
            return name
        path = self.folder.find(url)
        if path is None:
            where = (
                "no media folder was given"
                if self.folder.root is None
                else "not in the media folder"
            )
            self.report.note(f"Image not found for {what}: {url} ({where})")
            return None
        try:
            with path.open("rb") as handle:
                upload = File(handle, name=path.name)
                if self.dry_run:
                    open_checked_image(upload).close()
                    return path.name
                name = storage.save(posixpath.join(folder, path.name), upload)
        except ValidationError as error:
            self.report.note(f"Image refused for {what}: {url}: {' '.join(error.messages)}")
            return None
        ImportedItem.objects.update_or_create(
            source=self.source,
            site=self.site,
            kind=ImportedItem.Kind.IMAGE,
            source_id=key,
            defaults={"file_name": name},
        )
        self.known[key] = name
        self.report.count("created", "image")
        return name

    def body_images(self, body: str, *, what: str) -> str:
        """The body with each image found in the media folder stored and pointed at."""
        if self.folder.root is None:
            return body
        storage = EditorImageStorage()

        def replace(match: re.Match) -> str:
            url = match[3]
            if not url or url.startswith(storage.base_url):
                return match[0]
            name = self.store(url, storage=storage, folder="", what=what)
            if not name:
                return match[0]
            new_url = storage.url(name) if not self.dry_run else url
            return f"{match[1]}{match[2]}{new_url}{match[2]}"

        return IMAGE_SRC.sub(replace, body)
