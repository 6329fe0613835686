"""The whole database and the private storage hold no trace of an anonymised request: every
text planted in it (a distinct sentinel string per place) is gone from a `pg_dump` of the
committed database and from every stored file; the row stays, and the statistics do not move.

The citizen's profile is their account's, not the request's: it goes when the account is
deleted (then no sentinel at all remains), and stays while the account lives (then the
profile's sentinel is the only one left, in the profile).
"""

import os
import shutil
import subprocess
from datetime import timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.db import connection
from django.utils import timezone

from citizen_space.models import CitizenProfile, Submission
from citizen_space.retention.services import anonymize_expired
from citizen_space.services.account import account_delete
from citizen_space.statistics.selectors import collectivity_statistics

from .helpers import Sentinels, content_counts, plant_request

pytestmark = pytest.mark.django_db(transaction=True)


def pg_dump() -> str:
    """The whole database, schema and committed data, as SQL text."""
    db = connection.settings_dict
    executable = shutil.which("pg_dump") or "/usr/bin/pg_dump"
    result = subprocess.run(
        [executable, "-h", db["HOST"], "-p", str(db["PORT"] or 5432), "-U", db["USER"], db["NAME"]],
        env={**os.environ, "PGPASSWORD": db["PASSWORD"] or ""},
        capture_output=True,
        check=True,
    )
    return result.stdout.decode()


def stored_bytes(folder) -> bytes:
    """Every file of the private storage, names and contents."""
    return b"\n".join(
        str(path).encode() + b"\n" + path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    )


@pytest.mark.parametrize("account", ["deleted", "alive"])
def test_no_sentinel_survives_anywhere(account, town, citizen, superagent, private_media):
    sentinels = Sentinels("QXSENTINEL")
    request = plant_request(
        collectivity=town, citizen=citizen, agent=superagent, sentinels=sentinels
    )
    assert content_counts([request.pk])["Consultation"] == 1
    month = timezone.localdate()
    statistics_before = collectivity_statistics(collectivity=town, start=month, end=month)
    # Everything planted is there to find, in the database and in the files.
    assert sentinels.found_in(pg_dump()) == set(sentinels.PLACES) - {
        "file_content",
        "attachment_content",
        "action_file_content",
    }
    assert sentinels.found_in(stored_bytes(private_media).decode("latin-1")) == {
        "file_content",
        "attachment_content",
        "action_file_content",
    }
    if account == "deleted":
        account_delete(user=citizen)

    run = anonymize_expired(now=timezone.now() + relativedelta(months=36, days=1))

    assert (run.requests_anonymised, run.files_deleted) == (1, 3)
    remaining = {"profile"} if account == "alive" else set()
    assert sentinels.found_in(pg_dump()) == remaining
    assert stored_bytes(private_media) == b""
    if account == "alive":
        assert CitizenProfile.objects.get(user=citizen).last_name == sentinels["profile"]
    anonymised = Submission.objects.get(pk=request.pk)
    assert anonymised.anonymized_at is not None and anonymised.user_id is None
    assert set(content_counts([request.pk]).values()) == {0}
    assert collectivity_statistics(collectivity=town, start=month, end=month) == statistics_before
    assert statistics_before.count == 1
    assert statistics_before.median_processing_time > timedelta(0)
