"""Settings of the real django-q2 cluster that test_cluster starts (a subprocess).

The broker is the ORM unless REDIS_URL is set (then Redis, as in production). A failed
delivery is tried again one second later; the guard loop turns fast, so that the scheduler
looks for due schedules every few seconds.
"""

from portal.settings.test import *  # noqa: F403

NOTIFICATION_RETRY_DELAYS = [1] * 10
Q_CLUSTER = {  # noqa: F405
    **Q_CLUSTER,  # noqa: F405
    "sync": False,
    "workers": 1,
    "timeout": 20,
    "retry": 30,
    "guard_cycle": 0.2,
}
