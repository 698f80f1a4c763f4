from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def log_in(client, username, password, address="203.0.113.5"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def is_logged_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def test_repeated_failures_lock_out_that_user_from_that_address(client):
    """After the failure limit, even the right password is refused for that user and address."""
    user = make_user(role="Reporters", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = log_in(client, user.username, "wrong password")
        assert response.status_code == 200  # the login form again, with its error
    assert log_in(client, user.username, "wrong password").status_code == 429
    locked = log_in(client, user.username, PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert not is_logged_in(client)
    attempt = AccessAttempt.objects.get(username=user.username, ip_address="203.0.113.5")
    assert attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_lockout_is_per_user_and_address(client):
    """A lockout does not stop the same user elsewhere, or another user at the same address."""
    user, colleague = make_user(role="Reporters"), make_user(role="Reporters")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.username, "wrong password")
    assert log_in(client, user.username, PASSWORD).status_code == 429
    assert log_in(client, user.username, PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    assert log_in(client, colleague.username, PASSWORD).status_code == 302


def test_failures_below_the_limit_then_success_reset_the_count(client):
    """A right password before the limit logs in and forgets the earlier failures."""
    user = make_user(role="Reporters")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, user.username, "wrong password")
    assert log_in(client, user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, user.username, "wrong password")
    assert log_in(client, user.username, PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "password",
    ["short1!", "password1234", "123456789012345", "kovalenko-olena"],
)
def test_weak_passwords_are_refused(password):
    """Short, common, all-digit and name-like passwords fail the validators."""
    user = make_user(username="kovalenko-olena", first_name="Olena", last_name="Kovalenko")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_a_long_uncommon_password_is_accepted():
    """A long passphrase passes every validator."""
    validate_password("tram 14 to Podil at dawn")


def test_sessions_expire(client):
    """A session lasts at most SESSION_COOKIE_AGE and ends with the browser; an expired one logs out."""
    assert settings.SESSION_COOKIE_AGE <= 12 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    user = make_user(role="Editors")
    assert log_in(client, user.username, PASSWORD).status_code == 302
    assert is_logged_in(client)
    session = Session.objects.get()
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_behind_a_proxy_the_lockout_counts_each_client_address(client, settings):
    """Behind the TLS proxy, failures from one client do not lock out the same user elsewhere."""
    settings.PROXY_COUNT = 1
    settings.AXES_CLIENT_IP_CALLABLE = "website.logins.client_address"
    user = make_user(role="Reporters", password=PASSWORD)
    proxy = "10.0.0.2"

    def via_proxy(password, client_address):
        return client.post(
            reverse("admin:login"),
            {"username": user.username, "password": password, "next": reverse("admin:index")},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=client_address,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        via_proxy("wrong password", "203.0.113.66")
    assert via_proxy(PASSWORD, "203.0.113.66").status_code == 429
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.66"]
    # A client cannot pick its address by sending the header itself: the proxy appends.
    assert via_proxy(PASSWORD, "198.51.100.20, 203.0.113.66").status_code == 429
    assert via_proxy(PASSWORD, "198.51.100.20").status_code == 302
