"""Fixtures of the back office tests: two communes of one intercommunality, their agents,
procedures and sent requests (also used by tests/notifications and the browser test)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.test import Client

from citizen_space.models import Submission
from citizen_space.services.submission import submission_submit
from citizen_space.services.uploads import upload_store
from commune_sites.models import Collectivity
from commune_sites.registry import get_agent_permissions
from commune_sites.services import collectivity_provision
from forms_builder.snapshot import form_snapshot, iter_inputs
from tests.citizen_space.conftest import (  # noqa: F401 (fixtures shared with these tests)
    FORM,
    english,
    form_stream,
    intercommunality,
    make_procedure,
    pdf_file,
    private_media,
    provision_saint_martin,
    question,
)

PASSWORD = "a-Long-pass-phrase-42"

# The answers to tests.citizen_space.conftest.FORM, the file question apart; and a form
# without a file, for the tests that make many requests.
ANSWERS = {
    "last_name": "Martin",
    "contact_email": "camille@example.org",
    "details": "Pour la crèche.",
}
FORM_WITHOUT_FILE = [q for q in FORM if q["type"] not in ("file", "step_break")]


@pytest.fixture
def make_town(db):
    """A collectivity without site nor pages (quick to make, and survives the flush of
    transactional tests), its agents group with the rights provisioning gives."""

    def make(name="Saint-Joseph", slug="saint-joseph", code="42259"):
        group = Group.objects.create(name=f"Agents de {name}")
        group.permissions.add(*_permissions(get_agent_permissions()))
        return Collectivity.objects.create(
            kind="commune", name=name, slug=slug, code=code, agents_group=group
        )

    return make


@pytest.fixture
def make_sent_request(citizen):
    """A request to `collectivity` without a procedure page: one question, answered, sent."""
    snapshot = form_snapshot(form_stream([question("short_text", "last_name", "Nom")]))

    def make(collectivity, *, user=None):
        draft = Submission.objects.create(
            user=user or citizen,
            collectivity=collectivity,
            procedure_title="Attestation",
            language="en",
            form_snapshot=snapshot,
            answers={"last_name": "Martin"},
            steps_done=1,
        )
        return submission_submit(submission_id=draft.pk)

    return make


def _permissions(perms):
    query = Q(pk__in=[])
    for perm in perms:
        app_label, codename = perm.split(".")
        query |= Q(content_type__app_label=app_label, codename=codename)
    return Permission.objects.filter(query)


@pytest.fixture
def commune_a(intercommunality):  # noqa: F811 (the fixture imported above)
    return provision_saint_martin(intercommunality)


@pytest.fixture
def commune_b(intercommunality):  # noqa: F811 (the fixture imported above)
    return collectivity_provision(
        kind="commune",
        name="Pélussin",
        code="42168",
        postal_codes="42410",
        intercommunality=intercommunality,
    )


@pytest.fixture
def make_user(db):
    def make(email, *, groups=(), perms=(), **fields):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        user.groups.add(*groups)
        for perm in perms:
            app_label, codename = perm.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        return user

    return make


@pytest.fixture
def make_agent(make_user):
    """An agent of `collectivity` (its agents group, with the rights provisioning gave it)."""

    def make(collectivity, email=None, **fields):
        email = email or f"agent-{collectivity.slug}@example.fr"
        return make_user(email, groups=[collectivity.agents_group], **fields)

    return make


@pytest.fixture
def citizen(make_user):
    return make_user("camille@example.org", first_name="Camille", last_name="Martin")


@pytest.fixture
def make_request(citizen):
    """A sent request to `procedure` (answers of FORM, a PDF for its file question if any)."""

    def make(procedure, *, user=None, answers=None, language="en"):
        user = user or citizen
        draft = Submission.objects.create(
            user=user,
            collectivity_id=procedure.collectivity_id,
            procedure=procedure,
            procedure_title=procedure.title,
            language=language,
            form_snapshot=form_snapshot(procedure.form),
            answers=dict(answers or ANSWERS),
            steps_done=2,
        )
        if any(q["name"] == "proof" for _i, q, _c in iter_inputs(draft.form_snapshot)):
            upload = upload_store(
                draft=draft, field_name="proof", uploaded_file=pdf_file(), replace=True
            )
            draft.answers["proof"] = [upload.as_answer()]
            draft.save(update_fields=["answers"])
        return submission_submit(submission_id=draft.pk)

    return make


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def supervisors(db):
    """A group that may reopen decided requests (to add agents to)."""
    group = Group.objects.create(name="Supervisors")
    group.permissions.add(Permission.objects.get(codename="reopen_requests"))
    return group
