"""A library image's rights as schema.org ImageObject properties (Google's image licence fields)."""

from images.models import Image


def image_rights(image: Image | None) -> dict:
    """creditText, copyrightNotice and license, those that are set."""
    if image is None:
        return {}
    found = {
        "creditText": image.credit,
        "copyrightNotice": image.copyright_notice,
        "license": image.licence_url,
    }
    return {name: value for name, value in found.items() if value}
