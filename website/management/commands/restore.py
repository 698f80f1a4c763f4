from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from website.backups import restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `backup`: replaces the database and adds the media files."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup's folder, backups/<timestamp>/.")
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, backup, interactive, **options):
        folder = Path(backup)
        if folder.name.endswith(".dump"):
            folder = folder.parent
        if interactive:
            answer = input(f"This replaces the current database with {folder}. Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        restore_backup(folder)
        self.stdout.write(self.style.SUCCESS(f"Restored {folder}"))
