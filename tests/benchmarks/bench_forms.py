"""A procedure form of 20 fields against the same 20 fields on a stock Wagtail form page, on
PostgreSQL, gunicorn -w 2, wrk.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python -m tests.benchmarks.bench_forms

Prints SQL queries per request and requests per second of: the form step shown (GET) and
saved (POST, the draft is saved, answered by a redirect to the summary) by signed-in citizens,
the final submission of complete drafts (each sent once), and the stock page shown and posted.
Targets: the step's GET ≥ 2× the stock page's GET, its POST and the final submission ≥ 1× the
stock page's POST, each with fewer SQL queries than the stock page. Queries are counted as
Django sees them, the transaction's own statements (BEGIN, COMMIT, SAVEPOINT, RELEASE) apart:
they are printed beside, as "+ n". Database connections persist between requests as
in production (DB_CONN_MAX_AGE=60; DB_CONN_MAX_AGE=0 for the test settings' one per request).
"""

import os
import statistics
from urllib.parse import urlencode

from tests.benchmarks.harness import gunicorn, setup_django, statements, wrk

HOST = "bench.portal.localhost:8000"
FIELDS = 20
STOCK_PATH = "/formulaire-reference/"
SECONDS = 10
ROUNDS = 3
REQUESTS = ["stock page GET", "step GET", "stock page POST", "step POST", "final submit"]
TARGETS = {"step GET": "≥ 2", "step POST": "≥ 1", "final submit": "≥ 1"}
# Citizens with a complete draft each: the step POSTs cycle through them, and each final
# submission takes a fresh one (ROUNDS × SECONDS at up to 200 submissions a second).
CITIZENS = 6000


def procedure_form() -> list[dict]:
    """The stock page's 20 required one-line fields, as the procedure form's questions."""
    return [
        {
            "type": "short_text",
            "value": {"name": f"champ_{n}", "label": f"Champ {n}", "required": True},
        }
        for n in range(FIELDS)
    ]


def answers() -> dict[str, str]:
    """The same answers for both forms: the stock page names its fields from their labels."""
    return {f"champ_{n}": f"Réponse {n}" for n in range(FIELDS)}


def build():
    """The bench commune with the stock form page (see bench_public_pages) and a procedure."""
    from forms_builder.blocks import FormFieldsBlock
    from pages.models import ProcedurePage
    from tests.benchmarks.bench_public_pages import build as build_commune

    catalogue = build_commune(0)
    procedure = ProcedurePage(
        title="Démarche de 20 champs",
        summary="Le formulaire du banc d’essai.",
        form=FormFieldsBlock().to_python(procedure_form()),
    )
    catalogue.add_child(instance=procedure)
    procedure.save_revision().publish()
    return procedure


def citizens(procedure, count: int) -> list:
    """`count` signed-in citizens, each with a complete draft of the procedure: (draft, client)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.test import Client

    from citizen_space.services.consent import consent_grant
    from citizen_space.services.drafts import draft_save_step, draft_start

    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"citoyen{n}@example.fr", email=f"citoyen{n}@example.fr")
        for n in range(count)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True) for user in users
    )
    result = []
    for user in users:
        consent_grant(user=user, collectivity=procedure.collectivity)
        draft = draft_start(user=user, procedure=procedure, language="fr")
        draft = draft_save_step(draft=draft, step_index=0, answers=answers())
        client = Client()
        client.force_login(user)
        result.append((draft, client))
    return result


def csrf_token(client, path: str) -> str:
    """The CSRF cookie set by a page with a form; its value is accepted as the form's token."""
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200, (path, response.status_code)
    return client.cookies["csrftoken"].value


def cookie(client, token: str) -> str:
    session = client.cookies.get("sessionid")
    return f"csrftoken={token}" + (f"; sessionid={session.value}" if session else "")


FORM_HEADERS = {"Content-Type": "application/x-www-form-urlencoded"}
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK")


def measure(procedure) -> dict[str, tuple[str, list[float]]]:
    """{request: (SQL queries, [requests per second of each round])}, the queries as
    "n" or "n + transaction statements"."""
    from django.test import Client
    from django.urls import reverse

    from citizen_space.models import Submission

    pool = citizens(procedure, CITIZENS + 1)
    counted, counted_client = pool.pop(0)  # counts queries, and is the citizen of the GETs
    step = reverse("citizen_space:draft_step", args=[counted.pk, 1])
    submit = reverse("citizen_space:draft_submit", args=[counted.pk])
    token = csrf_token(counted_client, step)
    stock_client = Client()
    stock_token = csrf_token(stock_client, STOCK_PATH)
    step_body = urlencode({"csrfmiddlewaretoken": token, **answers()})
    stock_body = urlencode({"csrfmiddlewaretoken": stock_token, **answers()})

    def each_citizen(url_name, drafts, *args):
        return [
            (reverse(url_name, args=[draft.pk, *args]), {"Cookie": cookie(client, token)})
            for draft, client in drafts
        ]

    steps = each_citizen("citizen_space:draft_step", pool, 1)
    size = len(pool) // ROUNDS
    batches = [pool[n * size : (n + 1) * size] for n in range(ROUNDS)]
    rates = {name: [] for name in REQUESTS}
    stock, citizen = cookie(stock_client, stock_token), cookie(counted_client, token)
    with gunicorn() as base:

        def run(name, path, cookies, **options):
            headers = {**FORM_HEADERS, "Cookie": cookies}
            rates[name].append(
                wrk(base + path, host=HOST, seconds=SECONDS, headers=headers, **options)
            )

        # Rounds in turn, so that a change in the machine's load weighs on both pages.
        for _round in range(ROUNDS):
            run("stock page GET", STOCK_PATH, stock)
            run("step GET", step, citizen)
            run("stock page POST", STOCK_PATH, stock, method="POST", body=stock_body)
            run("step POST", step, citizen, method="POST", body=step_body, requests=steps)
        submit_body = urlencode({"csrfmiddlewaretoken": token})
        for batch in batches:
            submits = each_citizen("citizen_space:draft_submit", batch)
            run("final submit", submit, citizen, method="POST", body=submit_body, requests=submits)
            # Each wrk thread sends its share in order: when its last draft is still a draft,
            # none was sent twice.
            last = [draft.pk for draft, _client in batch[-2:]]
            left = Submission.objects.filter(pk__in=last, status=Submission.Status.DRAFT)
            assert left.count() == 2, "Too few drafts for the final submissions: raise CITIZENS."

    def queries(path, client, method="get", data=None, warm=True):
        request = {"host": HOST, "method": method, "data": data, "client": client}
        if warm:
            statements(path, **request)  # caches filled by a first request
        sql = statements(path, **request)
        control = sum(query.startswith(TRANSACTION_CONTROL) for query in sql)
        return f"{len(sql) - control}" + (f" + {control}" if control else "")

    counts = {
        "stock page GET": queries(STOCK_PATH, Client()),
        "step GET": queries(step, counted_client),
        "stock page POST": queries(STOCK_PATH, Client(), "post", answers()),
        "step POST": queries(step, counted_client, "post", answers()),
        "final submit": queries(submit, counted_client, "post", warm=False),
    }
    return {name: (counts[name], rates[name]) for name in REQUESTS}


def report(results: dict[str, tuple[str, list[float]]]) -> None:
    """The median of the rounds, its ratio to the stock page's, and each round's figure."""
    median = {name: statistics.median(rates) for name, (_queries, rates) in results.items()}
    print(
        f"\n{'request':<16} {'SQL queries':>11} {'req/s':>7} {'× stock':>8} {'target':>7}  rounds"
    )
    for name, (queries, rates) in results.items():
        ratio = target = ""
        if not name.startswith("stock"):
            method = "GET" if name.endswith("GET") else "POST"
            ratio = f"{median[name] / median[f'stock page {method}']:.2f}"
            target = TARGETS.get(name, "")
        rounds = " / ".join(f"{rate:.1f}" for rate in rates)
        print(f"{name:<16} {queries:>11} {median[name]:>7.1f} {ratio:>8} {target:>7}  {rounds}")


def main():
    # As in production: acknowledgements sent by a worker, not inside the request, and
    # persistent database connections.
    os.environ["Q_SYNC"] = "0"
    os.environ.setdefault("DB_CONN_MAX_AGE", "60")
    setup_django()
    results = measure(build())
    print(
        f"\ngunicorn -w 2, wrk -t2 -c8, {ROUNDS} rounds of {SECONDS} s, DB_CONN_MAX_AGE="
        f"{os.environ['DB_CONN_MAX_AGE']}, load average {os.getloadavg()[0]:.1f}"
    )
    report(results)


if __name__ == "__main__":
    main()
