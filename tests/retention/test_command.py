"""`manage.py anonymize_expired`: the dry run counts and changes nothing, the real run shows its
progress; and the record of the runs in the admin."""

from io import StringIO

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import CommandError, call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from citizen_space.models import Submission
from citizen_space.retention.models import AnonymisationRun
from tests.backoffice.conftest import client_for

from .helpers import Sentinels, content_counts, plant_request

pytestmark = pytest.mark.django_db
FIELDS = [f.attname for f in Submission._meta.concrete_fields]


@pytest.fixture
def expired(town, citizen, superagent):
    request = plant_request(
        collectivity=town, citizen=citizen, agent=superagent, sentinels=Sentinels("CMD")
    )
    Submission.objects.filter(pk=request.pk).update(
        decided_at=timezone.now() - relativedelta(months=40)
    )
    return request


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("anonymize_expired", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_dry_run_prints_the_counts_per_collectivity_and_writes_nothing(
    expired, town, make_town, citizen, private_media
):
    other = make_town(name="Bourg-Argental", slug="bourg-argental", code="42023")
    draft = Submission.objects.create(
        user=citizen, collectivity=other, procedure_title="Brouillon", form_snapshot={}
    )
    Submission.objects.filter(pk=draft.pk).update(
        updated_at=timezone.now() - relativedelta(years=1)
    )
    rows = list(Submission.objects.order_by("pk").values(*FIELDS))
    files = sorted(private_media.rglob("*"))

    out, _err = run("--dry-run")

    lines = out.splitlines()
    assert lines[0].split() == [
        "Collectivity",
        "requests",
        "to",
        "anonymise",
        "drafts",
        "to",
        "delete",
    ]
    assert lines[1].split() == ["Bourg-Argental", "0", "1"]
    assert lines[2].split() == ["Saint-Joseph", "1", "0"]
    assert lines[3].split() == ["Total", "1", "1"]
    assert list(Submission.objects.order_by("pk").values(*FIELDS)) == rows
    assert sorted(private_media.rglob("*")) == files
    assert all(content_counts([expired.pk]).values())
    recorded = AnonymisationRun.objects.get()
    assert recorded.dry_run
    assert (recorded.requests_anonymised, recorded.drafts_deleted) == (1, 1)


def test_the_run_shows_its_progress_and_what_it_did(expired, make_sent_request, town):
    make_sent_request(town)  # not decided: left alone
    out, err = run("--batch-size", "1")
    assert "1 requests anonymised, 0 drafts deleted, 3 files deleted" in out
    assert err.rstrip().endswith("] 100%  1/1")
    assert "[" + "-" * 40 + "]   0%  0/1" in err
    assert Submission.objects.get(pk=expired.pk).anonymized_at is not None


def test_a_batch_size_below_one_is_refused(db):
    with pytest.raises(CommandError):
        run("--batch-size", "0")


def test_superusers_read_the_runs_in_the_admin(expired, superagent, town, make_agent):
    run()
    response = client_for(superagent).get(reverse("anonymisation_runs:index"))
    assert response.status_code == 200
    listing = response.content.decode()
    assert "Requests anonymised" in listing and "Files deleted" in listing
    assert "There are no anonymisation runs" not in listing
    assert client_for(make_agent(town)).get(reverse("anonymisation_runs:index")).status_code == 302
    with pytest.raises(NoReverseMatch):
        reverse("anonymisation_runs:add")
