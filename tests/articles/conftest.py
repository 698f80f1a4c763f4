import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests log in hundreds of users; a fast hasher keeps them quick (never in production)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
