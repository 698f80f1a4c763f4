import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from articles import policy
from tests.factories import make_author, make_staff

pytestmark = pytest.mark.django_db


def create_staff(*args):
    out = io.StringIO()
    call_command("create_staff", *args, stdout=out)
    return out.getvalue()


def test_create_reporter_with_author_profile_and_role():
    """create_staff makes a staff login in Reporters, linked to a new author profile."""
    output = create_staff(
        "--role", "reporter", "--email", "Olena@Example.com", "--name", "Olena Roshchina"
    )
    password = output.rsplit(": ", 1)[-1].strip()
    user = authenticate(username="olena", password=password)
    assert user is not None
    assert user.is_staff
    assert user.email == "olena@example.com"
    assert [group.name for group in user.groups.all()] == ["Reporters"]
    assert (user.author.name, user.author.slug, user.author.role) == (
        "Olena Roshchina",
        "olena-roshchina",
        "Reporter",
    )
    assert not policy.is_editor(user)


def test_create_editor_gets_editor_rights_and_a_free_slug():
    """An editor is in Editors (so holds the publish permission); a taken slug gets a suffix."""
    make_author(name="Anna Belokur", slug="anna-belokur")
    create_staff("--role", "editor", "--email", "anna@example.com", "--name", "Anna Belokur")
    user = get_user_model().objects.get(username="anna")
    assert policy.is_editor(user)
    assert user.author.slug == "anna-belokur-2"


@pytest.mark.parametrize(
    "args",
    [
        ["--role", "reporter", "--email", "not-an-email", "--name", "X"],
        ["--role", "reporter", "--email", "taken@example.com", "--name", "Y"],
        ["--role", "reporter", "--email", "new@example.com", "--name", "   "],
    ],
)
def test_bad_input_is_a_clear_error_and_creates_nothing(args):
    """A bad email, a taken login or an empty name stop the command with a message."""
    make_staff(role="Reporters", username="taken", email="taken@example.com")
    before = get_user_model().objects.count()
    with pytest.raises(CommandError):
        create_staff(*args)
    assert get_user_model().objects.count() == before


def test_unknown_role_is_refused():
    """Only reporter and editor are roles."""
    with pytest.raises(CommandError):
        create_staff("--role", "admin", "--email", "a@example.com", "--name", "A")
