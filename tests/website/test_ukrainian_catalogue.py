"""Every string the code and templates mark for translation has its Ukrainian in the
catalogue, and the compiled catalogue is the one the .po file makes.

The check runs `makemessages` as the README says, on a copy of the project's source, so a
string added to the desk, the models or a template without its translation fails here.
"""

import gettext
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "uk" / "LC_MESSAGES"
# What `makemessages -l uk --ignore=.venv --ignore=tests` leaves out, and what holds no
# source of ours (installed packages, uploads, the embedded database, built files).
NOT_SOURCE = {".venv", "tests", ".git", "node_modules", "media", "var", "staticfiles"}
SOURCE_SUFFIXES = {".py", ".html", ".txt"}


def tools_or_skip():
    if shutil.which("msgfmt") and shutil.which("msgmerge") and shutil.which("xgettext"):
        return
    if os.environ.get("CI"):
        pytest.fail("GNU gettext (msgfmt, msgmerge, xgettext) is needed under CI")
    pytest.skip("GNU gettext is not installed")


def copy_of_the_source(into: Path) -> None:
    root = Path(settings.BASE_DIR)
    for folder, folders, files in os.walk(root):
        folders[:] = [
            name for name in folders if name not in NOT_SOURCE and not name.startswith(".")
        ]
        for name in files:
            path = Path(folder) / name
            if path.suffix in SOURCE_SUFFIXES:
                target = into / path.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    (into / "locale" / "uk" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copyfile(CATALOGUE / "django.po", into / "locale/uk/LC_MESSAGES/django.po")


def untranslated(po: Path) -> list[str]:
    """The msgids without a Ukrainian translation (empty or fuzzy), by GNU msgattrib."""
    found = []
    for option in ("--untranslated", "--only-fuzzy"):
        listed = subprocess.run(
            ["msgattrib", option, "--no-obsolete", "--no-wrap", str(po)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        found += [
            line.removeprefix("msgid ")
            for line in listed.splitlines()
            if line.startswith("msgid ") and line != 'msgid ""'
        ]
    return found


def test_every_marked_string_is_translated_into_ukrainian(tmp_path, monkeypatch):
    """makemessages over the source finds no string the Ukrainian catalogue lacks."""
    tools_or_skip()
    copy_of_the_source(tmp_path)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("makemessages", locale=["uk"], ignore_patterns=[], no_location=True)
    assert untranslated(tmp_path / "locale/uk/LC_MESSAGES/django.po") == []


def test_the_compiled_catalogue_is_the_po_file_compiled(tmp_path):
    """django.mo holds exactly what django.po says (compilemessages was run after editing)."""
    tools_or_skip()
    subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "django.mo"), str(CATALOGUE / "django.po")],
        check=True,
    )

    def catalogue(path: Path) -> dict:
        with path.open("rb") as compiled:
            return gettext.GNUTranslations(compiled)._catalog

    assert catalogue(CATALOGUE / "django.mo") == catalogue(tmp_path / "django.mo")
