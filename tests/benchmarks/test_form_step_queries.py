"""A form step reads only what it shows (bench_forms measures it): the files of the step's file
questions, the profile for its prefilled questions, and no editor's permissions."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citizen_space.services.consent import consent_grant
from citizen_space.services.drafts import draft_save_step, draft_start

pytestmark = pytest.mark.django_db

PROFILE_TABLES = {"citizen_space_consent", "citizen_space_citizenprofile"}
UPLOADS = "citizen_space_upload"
PERMISSIONS = "auth_permission"


def tables_read(client, draft, step: int) -> set[str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("citizen_space:draft_step", args=[draft.pk, step]))
    assert response.status_code == 200
    return {
        table
        for query in captured.captured_queries
        for table in re.findall(r'(?:FROM|JOIN) "(\w+)"', query["sql"])
    }


@pytest.fixture
def draft(citizen, procedure):
    consent_grant(user=citizen, collectivity=procedure.collectivity)
    draft = draft_start(user=citizen, procedure=procedure, language="en")
    answers = {"last_name": "Martin", "contact_email": "camille@example.org"}
    return draft_save_step(draft=draft, step_index=0, answers=answers)


def test_a_step_with_prefilled_questions_and_no_file_reads_the_profile_only(citizen_client, draft):
    tables = tables_read(citizen_client, draft, 1)
    assert tables >= PROFILE_TABLES
    assert UPLOADS not in tables and PERMISSIONS not in tables


def test_a_step_with_a_file_question_and_nothing_prefilled_reads_the_files_only(
    citizen_client, draft
):
    tables = tables_read(citizen_client, draft, 2)
    assert UPLOADS in tables
    assert not PROFILE_TABLES & tables and PERMISSIONS not in tables
