"""The photo's own IPTC and XMP metadata, read on upload and offered as credit and caption."""

import io
import struct

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage

from images import metadata, services
from images.models import Image

pytestmark = pytest.mark.django_db

XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"
    photoshop:Credit="{credit}" photoshop:Source="{source}"
    xmpRights:WebStatement="https://example.org/licence">
   <dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>
   <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">{rights}</rdf:li></rdf:Alt></dc:rights>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def iptc_segment(datasets: dict[tuple[int, int], str]) -> bytes:
    """An APP13 "Photoshop 3.0" segment holding IPTC IIM datasets, as agencies write it."""
    iim = b"\x1c\x01\x5a\x00\x03\x1b\x25\x47"  # 1:90 coded character set: UTF-8
    for (record, dataset), value in datasets.items():
        data = value.encode()
        iim += struct.pack(">BBBH", 0x1C, record, dataset, len(data)) + data
    if len(iim) % 2:
        iim += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(iim))
    body = b"Photoshop 3.0\x00" + resource + iim
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def agency_photo(
    *,
    iptc=True,
    xmp=False,
    creator="Olena Petrenko",
    credit="Reuters",
    caption="Rescuers at a damaged building in Kyiv",
    size=(640, 480),
    color=(120, 60, 30),
) -> SimpleUploadedFile:
    """A real JPEG with the IPTC block (and XMP packet) a news agency's photo carries."""
    buffer = io.BytesIO()
    options = {}
    if xmp:
        options["xmp"] = XMP.format(
            creator=creator,
            credit=credit,
            source="Reuters Pictures",
            rights="© 2026 Reuters",
            caption=caption,
        ).encode()
    PillowImage.new("RGB", size, color).save(buffer, "JPEG", **options)
    data = buffer.getvalue()
    if iptc:
        segment = iptc_segment(
            {
                (2, 80): creator,
                (2, 110): credit,
                (2, 115): "Reuters Pictures",
                (2, 116): "© 2026 Reuters",
                (2, 120): caption,
            }
        )
        data = data[:2] + segment + data[2:]  # right after the JPEG's SOI marker
    return SimpleUploadedFile("DSC_0042.jpg", data, content_type="image/jpeg")


def test_iptc_creator_credit_and_copyright_are_read():
    """The IPTC By-line, Credit, Source, Copyright Notice and Caption of a real JPEG."""
    found = metadata.read(agency_photo())
    assert found.creator == "Olena Petrenko"
    assert found.credit == "Reuters"
    assert found.source == "Reuters Pictures"
    assert found.copyright == "© 2026 Reuters"
    assert found.caption == "Rescuers at a damaged building in Kyiv"
    assert found.credit_line == "Olena Petrenko/Reuters"


def test_xmp_is_read_when_there_is_no_iptc():
    """A photo with only XMP (dc:creator, photoshop:Credit, dc:rights) is read as well."""
    found = metadata.read(agency_photo(iptc=False, xmp=True, creator="Ivan Shevchenko"))
    assert found.creator == "Ivan Shevchenko"
    assert found.credit == "Reuters"
    assert found.copyright == "© 2026 Reuters"
    assert found.licence_url == "https://example.org/licence"


def test_a_photo_without_metadata_offers_nothing():
    """A plain image gives empty values, never an error."""
    plain = io.BytesIO()
    PillowImage.new("RGB", (40, 30)).save(plain, "PNG")
    assert not metadata.read(SimpleUploadedFile("plain.png", plain.getvalue()))


def test_upload_fills_the_credit_from_the_photo_and_strips_the_tags(media_root):
    """The library takes the credit before the metadata is stripped from the stored file."""
    image, created = services.add_image(agency_photo(xmp=True), alt_text="Rescuers")
    assert created
    assert image.credit == "Olena Petrenko/Reuters"
    assert image.copyright_notice == "© 2026 Reuters"
    assert image.source == "Reuters Pictures"
    assert image.caption == "Rescuers at a damaged building in Kyiv"
    with PillowImage.open(media_root / image.file.name) as stored:
        assert "photoshop" not in stored.info
        assert "xmp" not in stored.info


def test_what_the_desk_typed_wins_over_the_photo(media_root):
    """A credit typed on upload is kept; the photo fills only what was left empty."""
    image, _ = services.add_image(agency_photo(), alt_text="Rescuers", credit="Staff photo")
    assert image.credit == "Staff photo"
    assert image.copyright_notice == "© 2026 Reuters"


def test_the_same_file_twice_is_one_library_image(media_root):
    """A second upload of the same bytes finds the first image instead of storing a copy."""
    first, created = services.add_image(agency_photo(), alt_text="Rescuers")
    second, created_again = services.add_image(agency_photo(), alt_text="Another text")
    assert created
    assert not created_again
    assert second.pk == first.pk
    assert Image.objects.count() == 1
    other, _ = services.add_image(agency_photo(color=(1, 2, 3)), alt_text="Other")
    assert other.pk != first.pk
