"""The periodic tasks of the appointments: reminders (hourly) and expired holds (every 10 min)."""

from django.db import migrations

SCHEDULES = [
    # (name, function, schedule type, minutes)
    ("appointments-reminders", "citizen_space.appointments.tasks.send_reminders", "H", None),
    ("appointments-expired-holds", "citizen_space.appointments.tasks.release_expired_holds", "I", 10),
]


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, func, schedule_type, minutes in SCHEDULES:
        Schedule.objects.get_or_create(
            name=name,
            defaults={"func": func, "schedule_type": schedule_type, "minutes": minutes},
        )


def delete_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, *_rest in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("appointments", "0001_initial"),
        ("django_q", "0018_task_success_index"),
    ]

    operations = [migrations.RunPython(create_schedules, delete_schedules)]
