"""The status workflow: every move of the transitions table, every move outside it, the roles
allowed to make each, and no other code writing a request's status."""

import ast
import itertools
from pathlib import Path

import pytest
from django.utils.timezone import now

from citizen_space.models import StatusChange, Submission
from citizen_space.services.status import submission_transition
from citizen_space.workflow import (
    TRANSITIONS,
    Role,
    Status,
    TransitionNotAllowed,
    status_label,
    transition_get,
)
from forms_builder.snapshot import form_snapshot
from tests.citizen_space.conftest import form_stream, question

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("citizen_space", "commune_sites", "pages", "forms_builder", "site")
VALID = {(t.source, t.target) for t in TRANSITIONS}
INVALID = sorted(set(itertools.product(Status.values, repeat=2)) - VALID)


@pytest.fixture
def town(make_town):
    return make_town()


@pytest.fixture
def actors(town, make_town, make_user, supervisors):
    other = make_town("Rive-de-Gier", "rive-de-gier", "42186")
    return {
        Role.CITIZEN: make_user("citoyen@example.org"),
        Role.AGENT: make_user("agent@saint-joseph.fr", groups=[town.agents_group]),
        Role.SUPERVISOR: make_user(
            "cheffe@saint-joseph.fr", groups=[town.agents_group, supervisors]
        ),
        "other agent": make_user("agent@rive-de-gier.fr", groups=[other.agents_group]),
        "outsider": make_user("voisin@example.org"),
    }


@pytest.fixture
def request_in(town, actors):
    """`request_in(status)`: a request of the citizen, put straight in `status` (set up only)."""
    snapshot = form_snapshot(form_stream([question("short_text", "last_name", "Nom")]))
    numbers = itertools.count(1)

    def make(status):
        submission = Submission.objects.create(
            user=actors[Role.CITIZEN],
            collectivity=town,
            procedure_title="Attestation",
            form_snapshot=snapshot,
            answers={"last_name": "Martin"},
            steps_done=1,
            reference=f"SJO-2026-{next(numbers):06d}",
        )
        Submission.objects.filter(pk=submission.pk).update(status=status, submitted_at=now())
        submission.refresh_from_db()
        return submission

    return make


def _comment(transition) -> str:
    return "Pièce manquante : votre justificatif." if transition.comment_required else ""


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}->{t.target}")
def test_every_transition_of_the_table_is_made_by_its_roles_and_recorded(
    transition, request_in, actors
):
    for role in transition.roles:
        submission = request_in(transition.source)
        change = submission_transition(
            submission=submission,
            to=transition.target,
            actor=actors[role],
            comment=_comment(transition),
        )
        submission.refresh_from_db()
        assert submission.status == transition.target
        assert (change.from_status, change.to_status) == (transition.source, transition.target)
        assert change.actor == actors[role]
        assert change.role == role
        assert change.comment == _comment(transition)
        assert StatusChange.objects.filter(submission=submission).count() == 1


@pytest.mark.parametrize("transition", TRANSITIONS, ids=lambda t: f"{t.source}->{t.target}")
def test_every_transition_is_refused_to_those_without_its_roles(transition, request_in, actors):
    refused = [
        actor
        for name, actor in actors.items()
        if name not in transition.roles
        # A supervisor is an agent too; the citizen is the only one who sends their draft.
        and not (name == Role.SUPERVISOR and Role.AGENT in transition.roles)
    ]
    submission = request_in(transition.source)
    for actor in refused:
        with pytest.raises(TransitionNotAllowed, match="You are not allowed"):
            submission_transition(
                submission=submission,
                to=transition.target,
                actor=actor,
                comment=_comment(transition),
            )
    submission.refresh_from_db()
    assert submission.status == transition.source
    assert not StatusChange.objects.exists()


@pytest.mark.parametrize("move", INVALID, ids=lambda move: "->".join(move))
def test_every_move_outside_the_table_is_refused_with_a_clear_message(move, request_in, actors):
    source, target = move
    submission = request_in(source)
    for actor in (actors[Role.SUPERVISOR], actors[Role.CITIZEN]):
        with pytest.raises(TransitionNotAllowed) as refusal:
            submission_transition(
                submission=submission, to=target, actor=actor, comment="Parce que."
            )
        assert refusal.value.message == (
            f"This request is “{status_label(source)}”: it cannot be made “{status_label(target)}”."
        )
    submission.refresh_from_db()
    assert submission.status == source
    assert not StatusChange.objects.exists()


def test_the_table_has_the_issue_s_path_and_reopening_for_supervisors_only():
    path = [
        Status.DRAFT,
        Status.SUBMITTED,
        Status.IN_PROGRESS,
        Status.ACTION_REQUIRED,
        Status.IN_PROGRESS,
        Status.ACCEPTED,
    ]
    assert all(transition_get(a, b) for a, b in itertools.pairwise(path))
    for decided in (Status.ACCEPTED, Status.REJECTED, Status.CLOSED):
        assert transition_get(Status.IN_PROGRESS, decided)
        reopen = transition_get(decided, Status.IN_PROGRESS)
        assert reopen.roles == {Role.SUPERVISOR}
        assert [t.target for t in TRANSITIONS if t.source == decided] == [Status.IN_PROGRESS]


def test_a_rejection_without_a_reason_is_refused(request_in, actors):
    submission = request_in(Status.IN_PROGRESS)
    with pytest.raises(TransitionNotAllowed, match="Please explain why"):
        submission_transition(
            submission=submission, to=Status.REJECTED, actor=actors[Role.AGENT], comment="  "
        )
    submission.refresh_from_db()
    assert submission.status == Status.IN_PROGRESS


def test_a_decision_records_when_and_how_long_and_reopening_clears_it(request_in, actors):
    submission = request_in(Status.IN_PROGRESS)
    sent = submission.submitted_at
    submission_transition(submission=submission, to=Status.ACCEPTED, actor=actors[Role.AGENT])
    submission.refresh_from_db()
    assert submission.decided_at > sent
    assert submission.processing_time == submission.decided_at - sent

    submission_transition(
        submission=submission,
        to=Status.IN_PROGRESS,
        actor=actors[Role.SUPERVISOR],
        comment="Erreur de saisie.",
    )
    submission.refresh_from_db()
    assert (submission.decided_at, submission.processing_time) == (None, None)


def test_an_anonymised_request_is_never_reopened(request_in, actors):
    submission = request_in(Status.ACCEPTED)
    Submission.objects.filter(pk=submission.pk).update(anonymized_at=now())
    with pytest.raises(TransitionNotAllowed, match="anonymised at the end of its retention"):
        submission_transition(
            submission=submission,
            to=Status.IN_PROGRESS,
            actor=actors[Role.SUPERVISOR],
            comment="Réexamen.",
        )
    submission.refresh_from_db()
    assert submission.status == Status.ACCEPTED


def test_the_second_of_two_concurrent_moves_is_judged_on_the_first_s_result(request_in, actors):
    submission = request_in(Status.IN_PROGRESS)
    stale = Submission.objects.get(pk=submission.pk)
    submission_transition(submission=submission, to=Status.ACCEPTED, actor=actors[Role.AGENT])
    with pytest.raises(TransitionNotAllowed, match="“Accepted”: it cannot be made “Closed”"):
        submission_transition(submission=stale, to=Status.CLOSED, actor=actors[Role.AGENT])


def _status_writes(path: Path, root: Path = ROOT) -> list[tuple[str, int, str]]:
    """(file, line, written object) of each write of a `status` in a Python file: attribute
    assignments, setattr(), and update()/bulk_update() calls."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        targets = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Attribute) and target.attr == "status":
                found.append((node.lineno, ast.unparse(target.value)))
        if isinstance(node, ast.Call):
            function = ast.unparse(node.func)
            keywords = {k.arg for k in node.keywords}
            arguments = [ast.unparse(a) for a in node.args]
            if function == "setattr" and len(arguments) > 1 and arguments[1] == "'status'":
                found.append((node.lineno, arguments[0]))
            elif (
                function.endswith((".update", ".bulk_update"))
                and ("status" in keywords or any("'status'" in a for a in arguments))
                and not _other_model_manager(function)
            ):
                found.append((node.lineno, function))
    return [(str(path.relative_to(root)), line, what) for line, what in found]


def _other_model_manager(expression: str) -> bool:
    """`Booking.objects.filter(...).update`: a queryset of a model that is not a request."""
    name = expression.split(".", 1)[0]
    return name[:1].isupper() and name not in {"Submission", "ReceivedRequest"}


# Writes of the `status` of other models (action requests, bookings, an exception's).
OTHER_MODELS = {
    ("citizen_space/services/action_requests.py", "action_request"),
    ("commune_sites/agendas/services.py", "booking"),
    ("citizen_space/open311/errors.py", "self"),
    # The demo's past requests, built in memory with their history before one bulk insert:
    # rows created as they were left, not a change of a stored request's status.
    ("site/demo/history.py", "submission"),
}


def test_no_code_but_the_status_service_writes_a_request_s_status():
    writes = [
        write
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
        for write in _status_writes(path)
    ]
    assert ("citizen_space/services/status.py", "submission") in {(f, w) for f, _l, w in writes}
    allowed = OTHER_MODELS | {("citizen_space/services/status.py", "submission")}
    others = [write for write in writes if (write[0], write[2]) not in allowed]
    assert others == [], "Only citizen_space.services.status may write Submission.status"


def test_the_search_finds_each_way_of_writing_a_status(tmp_path):
    code = tmp_path / "views.py"
    code.write_text(
        "request.status = 'accepted'\n"
        "setattr(request, 'status', 'closed')\n"
        "Submission.objects.filter(pk=1).update(status='closed')\n"
        "requests.bulk_update(items, ['status'])\n"
        "Booking.objects.filter(pk=1).update(status='cancelled')\n"
        "Submission.objects.filter(status='draft')\n"
    )
    assert [(line, what) for _file, line, what in _status_writes(code, tmp_path)] == [
        (1, "request"),
        (2, "request"),
        (3, "Submission.objects.filter(pk=1).update"),
        (4, "requests.bulk_update"),
    ]
