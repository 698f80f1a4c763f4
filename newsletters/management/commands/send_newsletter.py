from django.core.management.base import BaseCommand, CommandError

from newsletters import services
from newsletters.models import Newsletter


class Command(BaseCommand):
    help = (
        "Compose today's issue of a newsletter and send it, as its approval setting allows "
        "(the worker sends it)."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The newsletter's slug, e.g. ukraine-daily.")

    def handle(self, *args, slug, **options):
        try:
            newsletter = Newsletter.objects.get(slug=slug)
        except Newsletter.DoesNotExist:
            names = ", ".join(Newsletter.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No newsletter {slug!r}. Newsletters: {names}.") from None
        issue, outcome = services.compose_and_send(newsletter=newsletter)
        self.stdout.write(f"{issue} ({issue.items.count()} stories): {outcome}.")
