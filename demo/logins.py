"""The two demo logins: made once with random passwords, then kept across runs.

A password is shown only when it is made; it is also written to DEMO_LOGINS_FILE (under
var/, not in the repository) so that later runs can print it again while it still works.
`manage.py demo_logins --reset` (make demo-logins) gives both logins new passwords.
"""

import json
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

# username, role, the demo author profile the login writes as
DEMO_LOGINS = [
    ("editor", "Editors", "oleksandra-kovalenko"),
    ("reporter", "Reporters", "martin-fornusek"),
]


def _database() -> str:
    """Which database the passwords belong to: one file serves several databases."""
    params = connection.settings_dict
    return f"{params.get('HOST') or ''}:{params.get('PORT') or ''}/{params['NAME']}"


def _stored() -> dict:
    try:
        return json.loads(settings.DEMO_LOGINS_FILE.read_text()).get(_database(), {})
    except (FileNotFoundError, ValueError, AttributeError):
        return {}


def _store(passwords: dict) -> None:
    path = settings.DEMO_LOGINS_FILE
    try:
        every = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        every = {}
    every[_database()] = {**every.get(_database(), {}), **passwords}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    path.write_text(json.dumps(every, indent=2))


def ensure_logins(authors: dict, *, reset: bool = False) -> list[tuple[str, str | None]]:
    """Each demo login with its password, or None when it was changed since it was made."""
    stored, made, logins = _stored(), {}, []
    for username, group_name, author_slug in DEMO_LOGINS:
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com", "is_staff": True}
        )
        password = stored.get(username)
        if created or reset or (password is None and not user.has_usable_password()):
            password = made[username] = secrets.token_urlsafe(9)
            user.set_password(password)
            user.is_staff = True
            user.save()
        elif password is not None and not user.check_password(password):
            password = None
        user.groups.add(Group.objects.get(name=group_name))
        author = authors.get(author_slug)
        if author is not None and author.user_id is None:
            author.user = user
            author.save(update_fields=["user"])
        logins.append((username, password))
    if made:
        _store(made)
    return logins


def login_lines(logins) -> list[str]:
    lines = []
    for username, password in logins:
        if password is None:
            lines.append(
                f"Demo login (local use only): {username} (its password was changed; "
                "make demo-logins gives it a new one)"
            )
        else:
            lines.append(f"Demo login (local use only): {username} / {password}")
    return lines
