from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from website.backups import create_backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the media folder into backups/<timestamp>/."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(Path(settings.BASE_DIR) / "backups"),
            help="Folder that receives the <timestamp> folder of the backup.",
        )

    def handle(self, *args, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        folder = create_backup(Path(options["output_dir"]) / stamp)
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
