"""Running an import in a test, and the media folder of the old site, with real images."""

from pathlib import Path

from PIL import Image

from importers.services import import_file

FIXTURES = Path(__file__).parent / "fixtures"
WORDPRESS = FIXTURES / "wordpress-newsroom.xml"
GHOST_5 = FIXTURES / "ghost-5-newsroom.json"
GHOST_1 = FIXTURES / "ghost-1-blog.json"


def run_import(path: Path, **options):
    source = "wordpress" if path.suffix == ".xml" else "ghost"
    return import_file(source=source, path=path, **options)


def media_folder(root: Path, *paths: str, size=(1200, 800)) -> Path:
    """An uploads folder holding a real JPEG or PNG (with EXIF on JPEGs) at each path."""
    for number, relative in enumerate(paths):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        image = Image.new("RGB", size, (40 + number * 30, 90, 160))
        if target.suffix == ".png":
            image.save(target, "PNG")
        else:
            exif = Image.Exif()
            exif[0x010F] = "SpyCam"  # Make: metadata that must not survive the import
            image.save(target, "JPEG", exif=exif)
    return root
