"""Create a newsroom login with its author profile and role, ready to write or edit."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from authors.models import Author
from staff.roles import EDITORS, REPORTERS
from website.slugs import slug_from

ROLES = {"reporter": (REPORTERS, "Reporter"), "editor": (EDITORS, "Editor")}


class Command(BaseCommand):
    help = "Create a staff login (reporter or editor) with its author profile."

    def add_arguments(self, parser):
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", required=True, help="The name shown in bylines.")
        parser.add_argument("--username", help="Defaults to the part of the email before @.")

    def handle(self, *args, role, email, name, username=None, **options):
        email, name = email.strip().lower(), " ".join(name.split())
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"Not an email address: {email}") from error
        if not name:
            raise CommandError("Give the person's name with --name.")
        username = (username or email.split("@")[0]).strip()
        User = get_user_model()
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"The username {username!r} is taken; choose one with --username.")
        if User.objects.filter(email__iexact=email).exists():
            raise CommandError(f"A login with the email {email} exists already.")
        group_name, author_role = ROLES[role]
        password = secrets.token_urlsafe(12)
        first_name, _, last_name = name.partition(" ")
        with transaction.atomic():
            user = User.objects.create_user(
                username=username,
                email=email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
            )
            user.groups.add(Group.objects.get(name=group_name))
            author = Author.objects.create(
                name=name, slug=self.free_slug(name), role=author_role, user=user
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {role} {username} ({email}), author profile {author.slug!r}."
            )
        )
        self.stdout.write(
            f"Temporary password (give it privately; change it at first login): {password}"
        )

    def free_slug(self, name: str) -> str:
        base = slug_from(name, max_length=190) or "author"
        slug, number = base, 2
        while Author.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug
