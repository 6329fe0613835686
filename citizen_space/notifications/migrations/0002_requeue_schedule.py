# The periodic safety net of the outbox: every 5 minutes, deliveries whose task was lost are
# queued again (citizen_space.notifications.tasks.requeue_overdue_notifications).

from django.db import migrations

NAME = "notifications-requeue-overdue"
FUNC = "citizen_space.notifications.tasks.requeue_overdue_notifications"


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name=NAME,
        defaults={"func": FUNC, "schedule_type": "I", "minutes": 5, "repeats": -1},
    )


def delete_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("notifications", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, delete_schedule)]
