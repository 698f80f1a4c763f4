"""What import_wordpress and import_ghost share: arguments, progress bar, report."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from importers.services import SectionsFrom, import_file


class ImportCommand(BaseCommand):
    source = ""
    file_help = ""

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help=self.file_help)
        parser.add_argument(
            "--media",
            type=Path,
            help="The old site's uploads folder: feature and body images are taken from it.",
        )
        parser.add_argument(
            "--sections",
            choices=SectionsFrom.choices,
            help="Which terms become sections (default: categories for WordPress, a post's "
            "first tag for Ghost); the others become tags.",
        )
        parser.add_argument(
            "--default-section",
            default="News",
            help="The section of posts that have none (default: News).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; save nothing."
        )

    def handle(self, *args, export, media, sections, default_section, dry_run, **options):
        if media is not None and not media.is_dir():
            raise CommandError(f"--media {media} is not a folder.")

        def progress(items, total):
            return tqdm(
                items, total=total, unit="post", disable=options["verbosity"] == 0, file=self.stderr
            )

        report = import_file(
            source=self.source,
            path=export,
            media=media,
            sections_from=sections,
            default_section=default_section,
            dry_run=dry_run,
            progress=progress,
        )
        if report.error:
            raise CommandError(report.as_text())
        self.stdout.write(report.as_text())
