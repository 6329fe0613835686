"""django-q2 really processes the outbox: a cluster (`manage.py qcluster`, a subprocess) with the
ORM broker, then with the Redis broker; the mail server and the app's receiver are local."""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from django.db import connection
from django_q.conf import Conf
from django_q.models import OrmQ

from citizen_space.notifications.models import Notification, PushWebhook
from citizen_space.services.status import submission_transition
from commune_sites.models import Collectivity

from .conftest import SECRET

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
# A Redis database of these tests' own, emptied before and after.
REDIS_URL = "redis://127.0.0.1:6379/11"


def database_url() -> str:
    """The URL of the test database, for the cluster's process."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@contextmanager
def cluster(tmp_path, settings, **env):
    """A django-q2 cluster on the test database, until the block ends."""
    log = tmp_path / "qcluster.log"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.notifications.qcluster_settings",
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(settings.EMAIL_PORT),
        "Q_SYNC": "0",
        **env,
    }
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield log
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(condition, *, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(f"Timed out waiting for {what}. Cluster log:\n{log.read_text()[-3000:]}")


def states(**filters) -> list[str]:
    return list(Notification.objects.filter(**filters).values_list("state", flat=True))


@pytest.fixture
def queued(monkeypatch):
    """This process only queues; the cluster works."""
    monkeypatch.setattr(Conf, "SYNC", False)


@pytest.fixture
def setting(make_sent_request, make_user, receiver, queued):
    """A request of a collectivity with a mobile app, and who processes it. Nothing that
    migrations create is needed (no pages, no permission rows): other transactional tests may
    have flushed them."""
    town = Collectivity.objects.create(
        kind="commune", name="Saint-Joseph", slug="saint-joseph", code="42259"
    )
    PushWebhook.objects.create(collectivity=town, url=receiver.url, secret=SECRET)
    return make_sent_request(town), make_user("admin@example.fr", is_superuser=True)


def test_with_the_orm_broker_the_email_leaves_once_the_mail_server_is_back(
    tmp_path, settings, smtp, receiver, setting
):
    request, agent = setting
    receiver.statuses = [500]  # the app's backend fails once, too
    submission_transition(submission=request, to="in_progress", actor=agent)
    assert OrmQ.objects.count() == 4  # acknowledgement and status change, email and push

    with cluster(tmp_path, settings) as log:
        wait_for(
            lambda: Notification.objects.filter(channel="email", attempts__gte=1).count() == 2,
            timeout=60,
            what="a first attempt at both emails, the mail server down",
            log=log,
        )
        assert states(channel="email") == ["pending", "pending"]
        assert smtp.messages == []
        smtp.start()
        wait_for(
            lambda: states(state="sent") == ["sent"] * 4,
            timeout=90,
            what="every notification sent, the mail server up",
            log=log,
        )
        time.sleep(3)  # a second message, if any, would have arrived by now
    request.refresh_from_db()
    assert request.status == "in_progress"
    assert len(smtp.messages) == 2
    assert all(request.reference.encode() in message for message in smtp.messages)
    assert [d["status"] for d in receiver.deliveries] == [500, 200, 200]
    assert sorted(e["event"] for e in receiver.events()) == ["acknowledgement", "status_changed"]


@pytest.fixture
def redis_broker(monkeypatch):
    connection = redis.from_url(REDIS_URL)
    connection.flushdb()
    monkeypatch.setattr(Conf, "ORM", None)
    monkeypatch.setattr(Conf, "REDIS", REDIS_URL)
    yield connection
    connection.flushdb()


def test_with_the_redis_broker_the_cluster_delivers_the_outbox(
    tmp_path, settings, smtp, receiver, redis_broker, setting
):
    request, agent = setting
    smtp.start()
    submission_transition(submission=request, to="in_progress", actor=agent)
    assert OrmQ.objects.count() == 0
    assert redis_broker.llen(f"django_q:{Conf.CLUSTER_NAME}:q") == 4

    with cluster(tmp_path, settings, REDIS_URL=REDIS_URL) as log:
        wait_for(
            lambda: states(state="sent") == ["sent"] * 4,
            timeout=60,
            what="every notification sent through Redis",
            log=log,
        )
    assert len(smtp.messages) == 2
    assert sorted(e["event"] for e in receiver.events()) == ["acknowledgement", "status_changed"]
    assert redis_broker.llen(f"django_q:{Conf.CLUSTER_NAME}:q") == 0
