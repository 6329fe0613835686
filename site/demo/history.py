"""Requests of the last 18 months, most of them decided, so that the agents' inbox and the
statistics of the demo look lived-in.

They are drawn at random with a fixed seed per collectivity, sent by fictional residents who
have no password, and decided by each collectivity's demo agent with the processing times
usual for each procedure. A collectivity that already has requests from these residents is
left as it is: a second run adds nothing.
"""

import datetime
import math
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from citizen_space.models import StatusChange, Submission
from citizen_space.services.references import reference_allocate
from citizen_space.statistics.periods import month_add, month_start
from citizen_space.workflow import Role, Status
from commune_sites.models import Collectivity
from forms_builder.snapshot import form_snapshot
from pages.models import ProcedurePage

MONTHS = 18


@dataclass(frozen=True)
class Demand:
    """How many requests a procedure gets in a month of a town of Voiron's size, how long
    they usually take, and which months are busier (their number: the factor)."""

    per_month: float
    days: float
    busy_months: tuple[int, ...] = ()
    incident: bool = False  # reports are mostly closed once dealt with, not "accepted"


DEMANDS = {
    "copie-acte-de-naissance": Demand(7, 3),
    "signalement-incident-voirie": Demand(5, 4, busy_months=(1, 2, 11, 12), incident=True),
    "certificat-urbanisme": Demand(2, 25),
    "inscription-scolaire": Demand(3, 15, busy_months=(3, 4, 5, 6)),
    "occupation-domaine-public": Demand(1.5, 10, busy_months=(5, 6, 7, 8)),
    "inscription-listes-electorales": Demand(2.5, 4, busy_months=(1, 2, 3)),
    "inscription-restauration-scolaire": Demand(4, 4, busy_months=(7, 8, 9)),
    "certificat-de-residence": Demand(2, 3),
    "signalement-nuisances-sonores": Demand(1, 6, busy_months=(6, 7, 8), incident=True),
    "reservation-salle-des-fetes": Demand(1.5, 8, busy_months=(4, 5, 6, 9)),
    "demande-aide-sociale-ccas": Demand(1.5, 9, busy_months=(1, 11, 12)),
    "recensement-citoyen": Demand(1.5, 2),
    "badge-acces-decheteries": Demand(6, 12, busy_months=(3, 4, 5)),
    "demande-composteur": Demand(3, 30, busy_months=(3, 4, 9, 10)),
    "bac-ordures-menageres": Demand(2.5, 18),
}
# Size of each collectivity's demand next to Voiron's.
SCALES = {
    "voiron": 1,
    "pays-voironnais": 2,
    "saint-etienne-de-crossey": 0.3,
    "saint-laurent-du-pont": 0.4,
}
REJECTIONS = (
    "Les pièces justificatives demandées n’ont pas été fournies.",
    "Votre adresse ne se trouve pas sur le territoire de la collectivité.",
    "La demande a été faite en double : la première est traitée.",
)
RESIDENTS = (
    ("Lucas", "Bernard"), ("Emma", "Petit"), ("Hugo", "Durand"), ("Léa", "Moreau"),
    ("Louis", "Lefebvre"), ("Chloé", "Garcia"), ("Jules", "Roussel"), ("Manon", "Faure"),
    ("Gabriel", "Blanc"), ("Inès", "Guerin"), ("Arthur", "Muller"), ("Jade", "Henry"),
    ("Nathan", "Chevalier"), ("Sarah", "Gauthier"), ("Théo", "Perrin"), ("Lina", "Robin"),
    ("Paul", "Clément"), ("Zoé", "Morin"), ("Adam", "Nicolas"), ("Alice", "Mathieu"),
)  # fmt: skip


def resident_email(first_name: str, last_name: str) -> str:
    return f"{first_name}.{last_name}@exemple-habitant.fr".lower().replace("é", "e")


def history_ensure(collectivity: Collectivity, agent, created: Counter) -> None:
    """Give `collectivity` its past requests unless it has them, decided by `agent`."""
    residents = _residents()
    if Submission.objects.filter(collectivity=collectivity, user__in=residents).exists():
        return
    rng = random.Random(collectivity.slug)
    now = timezone.now()
    procedures = ProcedurePage.objects.filter(collectivity=collectivity, slug__in=DEMANDS)
    sendings = sorted(  # in order of sending, for the references to follow it
        (sent_at, procedure.slug, procedure)
        for procedure in procedures.order_by("slug")
        for sent_at in _sending_times(rng, DEMANDS[procedure.slug], SCALES[collectivity.slug], now)
    )
    snapshots = {procedure.pk: form_snapshot(procedure.form) for _at, _slug, procedure in sendings}
    submissions, changes = [], []
    for sent_at, slug, procedure in sendings:
        snapshot, demand, resident = snapshots[procedure.pk], DEMANDS[slug], rng.choice(residents)
        submission = Submission(
            user=resident,
            collectivity=collectivity,
            procedure=procedure,
            procedure_title=procedure.title,
            language="fr",
            form_snapshot=snapshot,
            answers={},
            steps_done=len(snapshot.get("steps", [])),
            applicant_name=resident.get_full_name(),
            reference=reference_allocate(collectivity=collectivity, year=sent_at.year),
            submitted_at=sent_at,
            status=Status.SUBMITTED,
        )
        changes.append(list(_decide(rng, submission, demand, agent, now)))
        submissions.append(submission)
    Submission.objects.bulk_create(submissions, batch_size=500)
    # Created and last changed when the request flow would have (the fields set themselves to
    # now on insert).
    Submission.objects.filter(pk__in=[submission.pk for submission in submissions]).update(
        created_at=F("submitted_at") - datetime.timedelta(minutes=20),
        updated_at=Coalesce("decided_at", "submitted_at"),
    )
    StatusChange.objects.bulk_create(
        [
            StatusChange(submission=submission, **change)
            for submission, its_changes in zip(submissions, changes, strict=True)
            for change in its_changes
        ],
        batch_size=500,
    )
    created["demandes passées"] += len(submissions)


def _residents() -> list:
    user_model = get_user_model()
    residents = []
    for first_name, last_name in RESIDENTS:
        email = resident_email(first_name, last_name)
        user = user_model.objects.filter(email=email).first()
        if user is None:
            user = user_model(
                username=email, email=email, first_name=first_name, last_name=last_name
            )
            user.set_unusable_password()
            user.save()
        residents.append(user)
    return residents


def _sending_times(
    rng: random.Random, demand: Demand, scale: float, now: datetime.datetime
) -> Iterator[datetime.datetime]:
    """Sending times over the last MONTHS months, this one up to now, in office-ish hours."""
    today = timezone.localdate(now)
    for back in range(MONTHS - 1, -1, -1):
        first = month_add(month_start(today), -back)
        busy = 2 if first.month in demand.busy_months else 1
        last_day = today.day if back == 0 else _days_in(first)
        mean = demand.per_month * scale * busy * last_day / _days_in(first)
        for _ in range(_poisson(rng, mean)):
            day = first.replace(day=rng.randint(1, last_day))
            at = datetime.time(rng.randint(7, 21), rng.randint(0, 59))
            sent = timezone.make_aware(datetime.datetime.combine(day, at))
            if sent < now:
                yield sent


def _days_in(month: datetime.date) -> int:
    return (month_add(month, 1) - month).days


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson-distributed count (Knuth's method: fine for the small means here)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def _decide(rng: random.Random, submission, demand: Demand, agent, now) -> Iterator[dict]:
    """Set the request's status as the agent left it; yield its status changes."""
    sent = submission.submitted_at
    yield _change(Status.DRAFT, Status.SUBMITTED, submission.user, Role.CITIZEN, sent)
    taken = sent + datetime.timedelta(hours=rng.uniform(2, 30))
    if taken > now:
        return
    submission.status = Status.IN_PROGRESS
    yield _change(Status.SUBMITTED, Status.IN_PROGRESS, agent, Role.AGENT, taken)
    took = datetime.timedelta(days=demand.days * math.exp(rng.gauss(0, 0.45)))
    decided = max(sent + took, taken + datetime.timedelta(minutes=30))
    if decided > now:
        return
    draw = rng.random()
    if demand.incident:
        outcome = (
            Status.CLOSED if draw < 0.85 else Status.ACCEPTED if draw < 0.95 else Status.REJECTED
        )
    else:
        outcome = (
            Status.ACCEPTED if draw < 0.82 else Status.REJECTED if draw < 0.92 else Status.CLOSED
        )
    comment = rng.choice(REJECTIONS) if outcome == Status.REJECTED else ""
    submission.status, submission.decided_at = outcome, decided
    submission.processing_time = decided - sent
    yield _change(Status.IN_PROGRESS, outcome, agent, Role.AGENT, decided, comment)


def _change(source, target, actor, role, at, comment: str = "") -> dict:
    return {
        "from_status": source,
        "to_status": target,
        "actor": actor,
        "role": role,
        "comment": comment,
        "created_at": at,
    }
