"""Print the demo logins, or give them new passwords (--reset; make demo-logins)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from authors.models import Author
from demo.logins import DEMO_LOGINS, ensure_logins, login_lines


class Command(BaseCommand):
    help = "Print the two demo logins; --reset gives them new passwords."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Set new passwords.")

    def handle(self, *args, reset, **options):
        slugs = [slug for _username, _role, slug in DEMO_LOGINS]
        authors = {author.slug: author for author in Author.objects.filter(slug__in=slugs)}
        with transaction.atomic():
            logins = ensure_logins(authors, reset=reset)
        for line in login_lines(logins):
            self.stdout.write(line)
