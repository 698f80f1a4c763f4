"""What a photo says about itself: creator, credit line, source, copyright and caption.

Read from the uploaded bytes before images.uploads strips every tag, and offered as the
library image's credit, source, copyright notice and caption. IPTC IIM (the APP13 block
news agencies write) comes first, then XMP (dc:, photoshop:, xmpRights:), then EXIF's
Artist and Copyright. Pillow reads all three; nothing here is trusted as markup.
"""

import io
from dataclasses import dataclass, fields

from PIL import Image, IptcImagePlugin

# IPTC IIM record 2 datasets.
IPTC = {
    "title": (2, 5),  # Object Name
    "creator": (2, 80),  # By-line
    "credit": (2, 110),  # Credit
    "source": (2, 115),  # Source
    "copyright": (2, 116),  # Copyright Notice
    "caption": (2, 120),  # Caption/Abstract
}
# XMP properties (dc:, photoshop:, xmpRights:), as Pillow's getxmp() names them: without
# their namespace prefixes.
XMP = {
    "title": "title",
    "creator": "creator",
    "credit": "Credit",
    "source": "Source",
    "copyright": "rights",
    "caption": "description",
    "licence_url": "WebStatement",
}
EXIF_ARTIST, EXIF_COPYRIGHT, EXIF_DESCRIPTION = 0x013B, 0x8298, 0x010E
MAX_LENGTH = 500


@dataclass(frozen=True)
class PhotoMetadata:
    title: str = ""
    creator: str = ""
    credit: str = ""
    source: str = ""
    copyright: str = ""
    caption: str = ""
    licence_url: str = ""

    @property
    def credit_line(self) -> str:
        """The credit as a caption prints it: "Creator/Agency", or whichever is known."""
        parts = [part for part in (self.creator, self.credit or self.source) if part]
        if len(parts) == 2 and parts[0].casefold() == parts[1].casefold():
            parts = parts[:1]
        return "/".join(parts)

    def __bool__(self):
        return any(getattr(self, field.name) for field in fields(self))


def _text(value) -> str:
    """One clean line from whatever the tag holds: bytes, a list, an XMP alternative."""
    if isinstance(value, list | tuple):
        value = next((_text(item) for item in value if _text(item)), "")
    if isinstance(value, dict):
        for key in ("li", "Alt", "Seq", "Bag", "text"):
            if key in value:
                return _text(value[key])
        return ""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "latin-1"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    text = " ".join(str(value or "").replace("\x00", "").split())
    return text[:MAX_LENGTH]


def _xmp_value(xmp: dict, name: str):
    """Find a property in Pillow's nested XMP dictionary (rdf:Description attributes too)."""
    stack = [xmp]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if name in node:
                return node[name]
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return None


def _iptc(image: Image.Image) -> dict:
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (OSError, SyntaxError, ValueError, IndexError):
        return {}
    return {key: _text(info.get(dataset)) for key, dataset in IPTC.items()}


def _xmp(image: Image.Image) -> dict:
    try:
        xmp = image.getxmp()
    except (OSError, SyntaxError, ValueError, AttributeError):
        return {}
    return {key: _text(_xmp_value(xmp, name)) for key, name in XMP.items()} if xmp else {}


def _exif(image: Image.Image) -> dict:
    exif = image.getexif()
    return {
        "creator": _text(exif.get(EXIF_ARTIST)),
        "copyright": _text(exif.get(EXIF_COPYRIGHT)),
        "caption": _text(exif.get(EXIF_DESCRIPTION)),
    }


def read(upload) -> PhotoMetadata:
    """The photo's own metadata from an upload (before it is stripped); empty when none."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    data = upload.read()
    upload.seek(position)
    try:
        with Image.open(io.BytesIO(data)) as image:
            sources = [_iptc(image), _xmp(image), _exif(image)]
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return PhotoMetadata()
    found = {}
    for source in sources:
        for key, value in source.items():
            if value and not found.get(key):
                found[key] = value
    return PhotoMetadata(**found)
