"""The agents' inbox of a collectivity with 1,000 requests and of one with 100,000, on PostgreSQL.

Run from the project root: `.venv/bin/python -m tests.benchmarks.bench_inbox`
(BENCH_DATABASE_URL chooses the database it recreates). Prints, for each size, the median server
time of the inbox (Django's test client, the whole view with its SQL queries; the two inboxes
measured in turn) and its query count, by default and with filters; then the ratio of the times.
Target: 100,000 ≤ 1.3 × 1,000, and the same number of queries.
"""

import itertools
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from tests.benchmarks.harness import setup_django

RUNS = 30
SIZES = (1_000, 100_000)
BATCH = 5_000
VIEWS = {
    "default (newest first)": {},
    "status: in progress": {"status": "in_progress"},
    "waiting for the citizen": {"waiting_for_citizen": "true"},
    "last changed first": {"ordering": "-updated_at"},
    "searched by name": {"q": "durand"},
    "page 10": {"p": "10"},
}
STATUSES = ["submitted"] * 3 + ["in_progress"] * 3 + ["action_required", "accepted", "rejected"]
NAMES = ["Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois"]


def make_collectivity(name: str, slug: str, code: str):
    """A collectivity without pages, its agents group with the agents' rights, and an agent."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from commune_sites.models import Collectivity
    from commune_sites.registry import get_agent_permissions
    from commune_sites.services import _permissions

    group = Group.objects.create(name=f"{name} – agents")
    group.permissions.add(*_permissions(get_agent_permissions()))
    collectivity = Collectivity.objects.create(
        kind="commune", name=name, slug=slug, code=code, agents_group=group
    )
    email = f"agent@{slug}.fr"
    agent = get_user_model().objects.create_user(email, email, "x-Pass-42")
    agent.groups.add(group)
    return collectivity, agent


def add_requests(collectivity, count: int, first: int, citizen) -> None:
    """`count` sent requests, bulk-created, sent over the last three years."""
    from citizen_space.models import Submission
    from forms_builder.blocks import FormFieldsBlock
    from forms_builder.snapshot import form_snapshot

    snapshot = form_snapshot(
        FormFieldsBlock().to_python(
            [
                {
                    "type": "short_text",
                    "value": {"label": "Nom", "name": "last_name", "required": True},
                }
            ]
        )
    )
    rng = random.Random(first)
    now = datetime.now(UTC)
    numbers = itertools.count(first + 1)
    made = 0
    while made < count:
        batch = []
        for _ in range(min(BATCH, count - made)):
            number = next(numbers)
            name = rng.choice(NAMES)
            sent = now - timedelta(minutes=rng.randrange(3 * 365 * 24 * 60))
            batch.append(
                Submission(
                    user=citizen,
                    collectivity=collectivity,
                    procedure_title=rng.choice(["Acte de naissance", "Stationnement"]),
                    status=rng.choice(STATUSES),
                    reference=f"SET-{sent.year}-{number:06d}",
                    form_snapshot=snapshot,
                    answers={"last_name": name},
                    applicant_name=f"Camille {name}",
                    steps_done=1,
                    submitted_at=sent,
                )
            )
        Submission.objects.bulk_create(batch)
        made += len(batch)


def measure(clients: dict, params) -> dict:
    """{size: (median ms, queries)}: the sizes' inboxes measured in turn, so that the load of
    the machine weighs the same on each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    url = reverse("backoffice:index")
    queries = {}
    for size, client in clients.items():
        client.get(url, params)  # warm-up
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
        assert response.status_code == 200, response.status_code
        queries[size] = len(captured)  # now: the next request empties the log
    timings = {size: [] for size in clients}
    for _ in range(RUNS):
        for size, client in clients.items():
            started = time.perf_counter()
            client.get(url, params)
            timings[size].append((time.perf_counter() - started) * 1000)
    return {size: (statistics.median(timings[size]), queries[size]) for size in clients}


def main():
    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    citizen = get_user_model().objects.create_user("camille@example.org", "c@example.org", "x")
    clients = {}
    first = 0
    for size, (name, slug, code) in zip(
        SIZES,
        (("Roanne", "roanne", "42187"), ("Saint-Étienne", "saint-etienne", "42218")),
        strict=True,
    ):
        collectivity, agent = make_collectivity(name, slug, code)
        add_requests(collectivity, size, first, citizen)
        first += size
        clients[size] = Client(HTTP_HOST="portal.localhost")
        clients[size].force_login(agent)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE citizen_space_submission")

    results = {name: measure(clients, params) for name, params in VIEWS.items()}
    small, large = SIZES
    print(f"Inbox of a collectivity, median of {RUNS} requests (ms), queries")
    print(f"{'view':<26} {small:>9,} {large:>9,} {'ratio':>6} {'queries':>8}")
    for name, result in results.items():
        (time_small, q_small), (time_large, q_large) = result[small], result[large]
        print(
            f"{name:<26} {time_small:>9.1f} {time_large:>9.1f} "
            f"{time_large / time_small:>6.2f} {f'{q_small}/{q_large}':>8}"
        )


if __name__ == "__main__":
    main()
