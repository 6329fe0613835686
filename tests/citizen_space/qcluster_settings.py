"""Settings of the real django-q2 cluster started by test_acknowledgement (a subprocess)."""

from portal.settings.test import *  # noqa: F403

# A failed acknowledgement is tried again one second later (the cluster's scheduler looks for
# due schedules every 30 seconds).
ACKNOWLEDGEMENT_RETRY_DELAYS = [1] * 10
Q_CLUSTER = {**Q_CLUSTER, "sync": False, "workers": 1, "timeout": 20, "retry": 30}  # noqa: F405
