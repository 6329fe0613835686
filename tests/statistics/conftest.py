"""Fixtures of the statistics tests: collectivities with their agents and editors groups,
procedure pages, and sent requests whose dates, status and processing time the test sets."""

import datetime
import itertools
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import Page

from citizen_space.models import Submission
from citizen_space.workflow import DECIDED, Status
from commune_sites.models import Collectivity
from commune_sites.registry import get_agent_permissions, get_editor_permissions
from commune_sites.services import EDITOR_BASE_PERMISSIONS

PASSWORD = "a-Long-pass-phrase-42"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def english(settings):
    """Pages in the source language: outside i18n_patterns, LANGUAGE_CODE decides."""
    settings.LANGUAGE_CODE = "en"


def paris(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=PARIS)


def _permissions(perms):
    query = Q(pk__in=[])
    for perm in perms:
        app_label, codename = perm.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


@pytest.fixture
def make_town(db):
    """A collectivity without site nor pages, its agents and editors groups with the rights
    provisioning gives them."""

    def make(name="Saint-Joseph", slug="saint-joseph", code="42259", kind="commune"):
        agents = Group.objects.create(name=f"Agents de {name}")
        agents.permissions.add(*_permissions(get_agent_permissions()))
        editors = Group.objects.create(name=f"Éditeurs de {name}")
        editors.permissions.add(
            *_permissions([*EDITOR_BASE_PERMISSIONS, *get_editor_permissions()])
        )
        return Collectivity.objects.create(
            kind=kind, name=name, slug=slug, code=code, agents_group=agents, editors_group=editors
        )

    return make


@pytest.fixture
def town(make_town):
    return make_town()


@pytest.fixture
def other_town(make_town):
    return make_town("Pélussin", "pelussin", "42168")


@pytest.fixture
def make_user(db):
    def make(email, *, groups=(), **fields):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def make_page(db):
    """A plain Wagtail page standing for a procedure (the statistics read only its id)."""

    def make(title):
        return Page.get_first_root_node().add_child(instance=Page(title=title))

    return make


_numbers = itertools.count(1)


def sent_request(
    collectivity,
    *,
    submitted_at: datetime.datetime,
    procedure=None,
    title: str = "",
    status: str = Status.SUBMITTED,
    days: float | None = None,
    applicant_name: str = "Camille Martin",
    answers: dict | None = None,
    user=None,
) -> Submission:
    """A sent request set up as the request flow and the status service leave it: decided
    ones have their decision date and processing time (`days`)."""
    processing_time = datetime.timedelta(days=days) if status in DECIDED else None
    return Submission(
        user=user,
        collectivity=collectivity,
        procedure=procedure,
        procedure_title=title or (procedure.title if procedure else "Attestation"),
        status=status,
        reference=f"TST-{next(_numbers):06d}",
        form_snapshot={"steps": []},
        answers=answers or {"last_name": "Martin"},
        applicant_name=applicant_name,
        submitted_at=submitted_at,
        decided_at=submitted_at + processing_time if processing_time else None,
        processing_time=processing_time,
    )


@pytest.fixture
def make_requests(db):
    """Save the requests of `sent_request` at once; the status history is not needed here."""

    def make(*requests: Submission) -> list[Submission]:
        return Submission.objects.bulk_create(requests)

    return make
