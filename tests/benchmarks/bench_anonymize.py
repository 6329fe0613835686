"""Anonymising expired requests against one plain SQL UPDATE of the same rows, on PostgreSQL.

Run from the project root: `.venv/bin/python -m tests.benchmarks.bench_anonymize`
(BENCH_DATABASE_URL chooses the database it recreates; BENCH_BATCH_SIZE the batch size, default
the service's). For each size (50,000 then 200,000 decided requests, past their period, with
realistic answers and form snapshots, inserted by one INSERT … SELECT generate_series): the
time of one plain UPDATE that sets the same columns over every row (the physical limit), then,
on an identical copy of the rows, the time of `anonymize_expired` (keyset batches, one
transaction each) and the peak resident memory of the process doing it (a process of its own
per size, which did not run the migrations; "RSS before" is what Django and Wagtail take once
loaded). Each is measured three times, the best time kept. Prints the throughputs, their ratio
and the peak memory. Targets: ratio ≥ 0.5, peak memory < 200 MB and the same at both sizes.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.harness import ROOT, setup_django

SIZES = (50_000, 200_000)
ROUNDS = 3  # the best time of each, the machine's other work counting least
USERS = 1_000


def snapshot() -> dict:
    """The form of a typical procedure: identity, contact, address, details, a file."""
    from forms_builder.blocks import FormFieldsBlock
    from forms_builder.snapshot import form_snapshot

    def question(type_, name, label, **options):
        value = {"label": label, "name": name, "required": True, **options}
        return {"type": type_, "value": value}

    return form_snapshot(
        FormFieldsBlock().to_python(
            [
                question("short_text", "first_name", "Prénom", prefill="first_name"),
                question("short_text", "last_name", "Nom", prefill="last_name"),
                question("date", "birth_date", "Date de naissance"),
                question("email", "email", "Adresse électronique", prefill="email"),
                question("phone", "phone", "Téléphone"),
                {"type": "step_break", "value": {"title": "Adresse"}},
                question("short_text", "street", "Numéro et voie"),
                question("short_text", "postal_code", "Code postal"),
                question("short_text", "city", "Commune"),
                {"type": "step_break", "value": {"title": "Votre demande"}},
                question("long_text", "details", "Précisions"),
                question("file", "proof", "Justificatif de domicile", kinds=["pdf"]),
            ]
        )
    )


INSERT = """
INSERT INTO citizen_space_submission (
    user_id, collectivity_id, procedure_title, status, reference, language, form_snapshot,
    answers, steps_done, created_at, updated_at, submitted_at, applicant_name, decided_at,
    processing_time)
SELECT
    %(first_user)s + g %% %(users)s, %(collectivity)s, 'Démarche ' || (g %% 20),
    (ARRAY['accepted', 'rejected', 'closed'])[1 + g %% 3], 'BEN-2020-' || lpad(g::text, 7, '0'),
    'fr', %(snapshot)s::jsonb,
    jsonb_build_object(
        'first_name', 'Camille', 'last_name', 'Martin-' || g, 'birth_date', '1980-05-17',
        'email', 'camille.martin' || g || '@example.org', 'phone', '06 12 34 56 78',
        'street', (g %% 300) || ' rue de la République', 'postal_code', '42000',
        'city', 'Saint-Étienne', 'details', repeat('Précisions sur la demande, ', 10) || g,
        'proof', jsonb_build_array(jsonb_build_object(
            'id', md5(g::text), 'name', 'justificatif-domicile.pdf', 'size', 183421,
            'content_type', 'application/pdf'))),
    3, sent - interval '1 hour', sent + interval '9 days', sent, 'Camille Martin-' || g,
    sent + interval '9 days', interval '9 days 2 hours'
FROM generate_series(1, %(count)s) AS g,
     LATERAL (SELECT timestamptz '2019-01-01 09:00+01' + (g %% 700) * interval '1 day'
              + (g %% 480) * interval '1 minute' AS sent) AS dates
"""

# The physical limit: one statement setting what anonymisation sets, on every row at once.
PLAIN_UPDATE = """
UPDATE citizen_space_submission SET
    answers = '{}', user_id = NULL, applicant_name = '',
    reference = 'ANON-' || CAST(id AS varchar(20)), language = 'fr',
    created_at = date_trunc('month', created_at, 'Europe/Paris'),
    submitted_at = date_trunc('month', submitted_at, 'Europe/Paris'),
    updated_at = date_trunc('month', updated_at, 'Europe/Paris'),
    decided_at = date_trunc('month', decided_at, 'Europe/Paris'),
    anonymized_at = now()
WHERE status IN ('accepted', 'rejected', 'closed') AND anonymized_at IS NULL
"""


def fill(count: int, collectivity_id: int, first_user: int, form: str) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE citizen_space_submission CASCADE")
        cursor.execute(
            INSERT,
            {
                "count": count,
                "collectivity": collectivity_id,
                "first_user": first_user,
                "users": USERS,
                "snapshot": form,
            },
        )
        cursor.execute("VACUUM ANALYZE citizen_space_submission")


def resident_peak_reset() -> None:
    """Start the high-water mark of this process's resident memory afresh (Linux)."""
    Path("/proc/self/clear_refs").write_text("5")


def resident_mb(field: str) -> float:
    """VmHWM (peak) or VmRSS (now) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(field)


def measure(size: int) -> None:
    """In a process of its own (no migration ran in it): fill, time the plain UPDATE, fill
    again, time the anonymisation with the peak resident memory, print one line."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from citizen_space.models import Submission
    from citizen_space.retention.services import BATCH_SIZE, anonymize_expired
    from commune_sites.models import Collectivity

    batch_size = int(os.environ.get("BENCH_BATCH_SIZE", BATCH_SIZE))
    collectivity = Collectivity.objects.get()
    first_user = get_user_model().objects.order_by("pk").values_list("pk", flat=True)[0]
    form = json.dumps(snapshot())

    plains, anonymisations, peaks = [], [], []
    for _round in range(ROUNDS):
        fill(size, collectivity.pk, first_user, form)
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(PLAIN_UPDATE)
            assert cursor.rowcount == size
        plains.append(time.perf_counter() - started)

        fill(size, collectivity.pk, first_user, form)
        before = resident_mb("VmRSS")
        resident_peak_reset()
        started = time.perf_counter()
        run = anonymize_expired(batch_size=batch_size)
        anonymisations.append(time.perf_counter() - started)
        peaks.append(resident_mb("VmHWM"))
        assert run.requests_anonymised == size, run.requests_anonymised
        assert not Submission.objects.filter(anonymized_at__isnull=True).exists()
    plain, anonymise, peak = min(plains), min(anonymisations), max(peaks)
    print(
        f"{size:>9,} {batch_size:>6,} {plain:>12.2f}s {anonymise:>9.2f}s {size / plain:>12,.0f} "
        f"{size / anonymise:>12,.0f} {plain / anonymise:>6.2f} {peak:>7.0f}MB {before:>9.0f}MB",
        flush=True,
    )


def main():
    setup_django()
    from django.contrib.auth import get_user_model

    from commune_sites.models import Collectivity

    Collectivity.objects.create(
        kind="commune", name="Saint-Étienne", slug="saint-etienne", code="42218"
    )
    get_user_model().objects.bulk_create(
        get_user_model()(username=f"citoyen{n}@example.org", email=f"citoyen{n}@example.org")
        for n in range(USERS)
    )
    print("Anonymisation of decided requests past their period, against one plain UPDATE")
    print(
        f"{'requests':>9} {'batch':>6} {'plain UPDATE':>13} {'anonymise':>10} "
        f"{'plain req/s':>12} {'anon. req/s':>12} {'ratio':>6} {'peak RSS':>9} {'RSS before':>11}",
        flush=True,
    )
    for size in SIZES:
        subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_anonymize", str(size)],
            cwd=ROOT,
            check=True,
        )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        measure(int(sys.argv[1]))
    else:
        main()
