"""References: format, prefix, one counter per collectivity and year, no duplicate under load."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection

from citizen_space import workflow
from citizen_space.models import ReferenceCounter, Submission
from citizen_space.services.references import (
    reference_allocate,
    reference_format,
    reference_prefix,
)
from citizen_space.services.status import submission_transition
from citizen_space.services.submission import submission_submit
from commune_sites.models import Collectivity


@pytest.mark.parametrize(
    ("slug", "prefix"),
    [
        ("saint-martin", "SMA"),
        ("saint-martin-la-plaine", "SMP"),
        ("saint-martin-en-haut", "SMH"),
        ("lyon", "LYO"),
        ("val-de-reins", "VRE"),
        ("communaute-de-communes-du-pilat", "CCP"),
        ("y", "YXX"),
        ("42", "XXX"),
    ],
)
def test_prefix_from_the_slug(slug, prefix):
    assert reference_prefix(slug) == prefix


def test_format():
    assert reference_format(prefix="SMA", year=2026, number=42) == "SMA-2026-000042"


@pytest.mark.django_db
def test_numbers_follow_each_other_per_collectivity_and_year(bare_collectivity):
    other = Collectivity.objects.create(kind="commune", name="Lyon", slug="lyon", code="69123")
    assert reference_allocate(collectivity=bare_collectivity, year=2026) == "SMH-2026-000001"
    assert reference_allocate(collectivity=bare_collectivity, year=2026) == "SMH-2026-000002"
    assert reference_allocate(collectivity=other, year=2026) == "LYO-2026-000001"
    assert reference_allocate(collectivity=bare_collectivity, year=2027) == "SMH-2027-000001"
    assert reference_allocate(collectivity=bare_collectivity, year=2026) == "SMH-2026-000003"
    assert ReferenceCounter.objects.count() == 3


@pytest.mark.django_db
def test_taking_a_number_is_one_query(bare_collectivity, django_assert_num_queries):
    with django_assert_num_queries(1):
        reference_allocate(collectivity=bare_collectivity, year=2026)


@pytest.mark.django_db
def test_only_the_transitions_table_moves_a_status(citizen, make_draft):
    draft = make_draft(citizen)
    submission_submit(submission_id=draft.pk)
    draft.refresh_from_db()
    assert draft.status == workflow.Status.SUBMITTED
    for target in (workflow.Status.DRAFT, workflow.Status.SUBMITTED):
        with pytest.raises(workflow.TransitionNotAllowed):
            submission_transition(submission=draft, to=target, actor=citizen)


@pytest.mark.django_db(transaction=True)
def test_50_concurrent_submissions_get_50_distinct_references(make_citizen, make_draft):
    drafts = [make_draft(make_citizen(f"citoyen{n}@example.org")) for n in range(50)]
    # 25 connections at once (the server is shared with the other tests), 50 submissions.
    barrier = threading.Barrier(25)

    def submit_pair(pair):
        try:
            barrier.wait(timeout=30)
            return [submission_submit(submission_id=draft.pk).reference for draft in pair]
        finally:
            connection.close()

    pairs = [drafts[n : n + 2] for n in range(0, 50, 2)]
    with ThreadPoolExecutor(max_workers=25) as pool:
        references = [ref for pair in pool.map(submit_pair, pairs) for ref in pair]

    assert len(set(references)) == 50
    numbers = sorted(int(re.fullmatch(r"SMH-\d{4}-(\d{6})", ref).group(1)) for ref in references)
    assert numbers == list(range(1, 51))
    assert Submission.objects.filter(status="submitted").count() == 50
    assert sorted(message.subject.split()[2] for message in mail.outbox) == sorted(references)


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_of_one_draft_make_one_request(citizen, make_draft):
    draft = make_draft(citizen)
    barrier = threading.Barrier(2)

    def submit(_):
        try:
            barrier.wait(timeout=30)
            return submission_submit(submission_id=draft.pk)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=2) as pool:
        first, second = pool.map(submit, range(2))

    assert first.pk == second.pk == draft.pk
    assert first.reference == second.reference == Submission.objects.get().reference
    assert ReferenceCounter.objects.get().last_value == 1
    assert len(mail.outbox) == 1
