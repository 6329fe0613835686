"""The daily run of the retention job, at night (3 h, Europe/Paris)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import migrations

NAME = "retention-anonymize-expired"
FUNC = "citizen_space.retention.tasks.anonymize_expired_requests"
HOUR = time(3)


def next_night() -> datetime:
    now = datetime.now(ZoneInfo("Europe/Paris"))
    night = datetime.combine(now.date(), HOUR, tzinfo=now.tzinfo)
    return night if night > now else night + timedelta(days=1)


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.get_or_create(
        name=NAME, defaults={"func": FUNC, "schedule_type": "D", "next_run": next_night()}
    )


def delete_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("retention", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
