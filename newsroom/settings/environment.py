"""Reading settings from the environment."""

import os


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def media_storage() -> dict:
    """STORAGES["default"]: MEDIA_ROOT, or the S3-compatible bucket MEDIA_S3_BUCKET names."""
    bucket = os.environ.get("MEDIA_S3_BUCKET", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        # Readers get plain public addresses (a CDN's with MEDIA_S3_CUSTOM_DOMAIN).
        "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
        "querystring_auth": env_bool("MEDIA_S3_SIGNED_URLS", False),
        "default_acl": os.environ.get("MEDIA_S3_ACL") or None,
        "file_overwrite": False,
        # A year: every stored name is new (uploads get random names, renditions theirs).
        "object_parameters": {"CacheControl": "public, max-age=31536000"},
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
