"""The French catalogue is complete and up to date with the source strings."""

import shutil
from pathlib import Path

import polib
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["site", "pages", "forms_builder", "citizen_space", "commune_sites"]
IGNORED = ["node_modules", "*/node_modules"]


def test_french_catalogue_has_every_string_translated(tmp_path, monkeypatch):
    """Regenerate the catalogue from the sources into a copy, then read the copy.

    makemessages writes each source's strings to the `locale` folder above it: it runs in a
    folder of links to the sources beside the copy, so the repository's catalogue is untouched.
    """
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    for name in SOURCES:
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command(
            "makemessages", locale=["fr"], symlinks=True, ignore_patterns=IGNORED, verbosity=0
        )
    catalogue = polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    live = [entry for entry in catalogue if not entry.obsolete]
    assert len(live) > 50
    untranslated = [entry.msgid for entry in live if not entry.translated()]
    fuzzy = [entry.msgid for entry in live if "fuzzy" in entry.flags]
    assert untranslated == [], f"{len(untranslated)} untranslated French entries"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy French entries"
