"""The acknowledgement email: sent once, by a django-q2 task, surviving a mail server down."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import connection
from django_q.conf import Conf
from django_q.models import Schedule

from citizen_space.models import Submission
from citizen_space.services.submission import submission_submit
from citizen_space.tasks import send_acknowledgement

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_down(settings):
    """The SMTP backend, pointed at a port where no server listens."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()
    settings.EMAIL_TIMEOUT = 5
    return settings.EMAIL_PORT


@pytest.mark.django_db
def test_the_task_sends_once_however_often_it_runs(
    citizen, make_draft, django_capture_on_commit_callbacks
):
    draft = make_draft(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        request = submission_submit(submission_id=draft.pk)
    assert len(mail.outbox) == 1
    assert send_acknowledgement(request.pk) == "skipped"
    assert send_acknowledgement(request.pk) == "skipped"
    assert len(mail.outbox) == 1
    request.refresh_from_db()
    assert request.acknowledged_at is not None
    assert request.acknowledgement_attempts == 1


@pytest.mark.django_db
def test_a_draft_gets_no_acknowledgement(citizen, make_draft):
    draft = make_draft(citizen)
    assert send_acknowledgement(draft.pk) == "skipped"
    assert mail.outbox == []


@pytest.mark.django_db
def test_mail_server_down_keeps_the_request_and_schedules_a_new_attempt(
    smtp_down, citizen, make_draft, django_capture_on_commit_callbacks
):
    draft = make_draft(citizen)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        request = submission_submit(submission_id=draft.pk)
    # The request's commit queued the task (run at once here, sync mode), whose failure
    # scheduled a new attempt after its own commit.
    assert len(callbacks) == 2
    request.refresh_from_db()
    assert request.status == "submitted" and request.reference
    assert request.acknowledged_at is None
    assert request.acknowledgement_attempts == 1
    schedule = Schedule.objects.get(func="citizen_space.tasks.send_acknowledgement")
    assert schedule.args == f"({request.pk},)"
    assert schedule.schedule_type == Schedule.ONCE


@pytest.mark.django_db
def test_attempts_stop_after_the_last_delay(smtp_down, settings, citizen, make_draft):
    settings.ACKNOWLEDGEMENT_RETRY_DELAYS = [1]
    request = submission_submit(submission_id=make_draft(citizen).pk)  # not committed: not sent
    assert send_acknowledgement(request.pk) == "retry scheduled"
    assert send_acknowledgement(request.pk) == "given up"
    request.refresh_from_db()
    assert request.acknowledgement_attempts == 2 and request.acknowledged_at is None


class Sink:
    """An SMTP server that keeps what it receives."""

    def __init__(self):
        self.messages: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"


def wait_for(condition, *, timeout: float, what: str, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError(f"Timed out waiting for {what}. Cluster log:\n{log.read_text()[-3000:]}")


def database_url() -> str:
    """The URL of the test database, for the cluster's process."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    return f"postgres://{quote(db['USER'])}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_email_goes_out_once_the_mail_server_is_up_with_a_real_cluster(
    smtp_down, monkeypatch, tmp_path, citizen, make_draft
):
    monkeypatch.setattr(Conf, "SYNC", False)  # this process queues; the cluster works
    request = submission_submit(submission_id=make_draft(citizen).pk)
    assert Submission.objects.get(pk=request.pk).status == "submitted"

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.citizen_space.qcluster_settings",
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_down),
        "Q_SYNC": "0",
    }
    log = tmp_path / "qcluster.log"
    with log.open("w") as output:
        cluster = subprocess.Popen(
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_down)
    try:
        wait_for(
            lambda: Submission.objects.get(pk=request.pk).acknowledgement_attempts >= 1,
            timeout=60,
            what="the first attempt, with the mail server down",
            log=log,
        )
        assert Submission.objects.get(pk=request.pk).acknowledged_at is None
        assert sink.messages == []

        controller.start()
        wait_for(
            lambda: Submission.objects.get(pk=request.pk).acknowledged_at is not None,
            timeout=90,
            what="the acknowledgement, once the mail server is up",
            log=log,
        )
        time.sleep(2)  # a second message, if any, would have arrived by now
    finally:
        cluster.terminate()
        try:
            cluster.wait(timeout=30)
        except subprocess.TimeoutExpired:
            cluster.kill()
            cluster.wait()
        if controller.loop.is_running():
            controller.stop()
    [message] = sink.messages
    assert request.reference.encode() in message
    assert f"To: {citizen.email}".encode() in message
