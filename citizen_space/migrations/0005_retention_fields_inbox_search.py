"""When a request was decided and how long it took (kept after anonymisation, for the
statistics; filled in from the status history for requests decided before), when it was
anonymised, and on PostgreSQL a trigram index for the inbox's search by name or reference."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations, models
from django.db.models.functions import Upper

DECIDED = ("accepted", "rejected", "closed")


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """The index on PostgreSQL only (trigram operator classes); other databases go without."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def fill_decided_at(apps, schema_editor):
    Submission = apps.get_model("citizen_space", "Submission")
    StatusChange = apps.get_model("citizen_space", "StatusChange")
    decided = Submission.objects.filter(status__in=DECIDED, decided_at__isnull=True)
    for submission in decided.iterator():
        last = (
            StatusChange.objects.filter(submission=submission, to_status=submission.status)
            .order_by("-created_at")
            .first()
        )
        submission.decided_at = last.created_at if last else submission.updated_at
        submission.processing_time = submission.decided_at - submission.submitted_at
        submission.save(update_fields=["decided_at", "processing_time"])


class Migration(migrations.Migration):
    dependencies = [
        ("citizen_space", "0004_status_history_inbox"),
        ("pages", "0002_search_config_and_english_locale"),  # pg_trgm
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="anonymized_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="anonymised at"
            ),
        ),
        migrations.AddField(
            model_name="submission",
            name="decided_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When the request was accepted, rejected or closed; empty while it is open.",
                null=True,
                verbose_name="decided at",
            ),
        ),
        migrations.AddField(
            model_name="submission",
            name="processing_time",
            field=models.DurationField(
                blank=True,
                editable=False,
                help_text="From sending to decision; kept after anonymisation, for the statistics.",
                null=True,
                verbose_name="processing time",
            ),
        ),
        migrations.RunPython(fill_decided_at, migrations.RunPython.noop),
        AddIndexOnPostgreSQL(
            model_name="submission",
            index=GinIndex(
                OpClass(Upper("applicant_name"), name="gin_trgm_ops"),
                OpClass(Upper("reference"), name="gin_trgm_ops"),
                name="citizen_space_inbox_search",
            ),
        ),
    ]
