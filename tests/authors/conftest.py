import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """A fast hasher for the logins these tests make (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
