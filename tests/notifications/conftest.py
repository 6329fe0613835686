"""Fixtures of the notifications tests: those of the back office, a local SMTP server and a
local webhook receiver."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller

from citizen_space.notifications.models import PushWebhook
from tests.backoffice.conftest import (  # noqa: F401  (fixtures)
    citizen,
    commune_a,
    commune_b,
    english,
    intercommunality,
    make_agent,
    make_procedure,
    make_request,
    make_sent_request,
    make_user,
    private_media,
    supervisors,
)

SECRET = "un-secret-partagé-avec-l-application"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """An SMTP server that keeps what it receives (aiosmtpd), started and stopped at will."""

    def __init__(self, port: int):
        self.messages: list[bytes] = []
        self.controller = Controller(self, hostname="127.0.0.1", port=port)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope.content)
        return "250 Message accepted for delivery"

    def start(self):
        self.controller.start()

    def stop(self):
        if self.controller.loop.is_running():
            self.controller.stop()


@pytest.fixture
def smtp(settings):
    """The SMTP backend pointed at a local port where the sink listens once started."""
    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    sink = Sink(port)
    yield sink
    sink.stop()


class Receiver:
    """A webhook receiver on a local port: answers each POST with the next status of
    `statuses` (then 200), and keeps every delivery (headers and body)."""

    def __init__(self):
        self.statuses: list[int] = []
        self.deliveries: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                receiver.deliveries.append(
                    {"headers": dict(self.headers), "body": body, "status": status}
                )
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/portail/evenements"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[dict]:
        return [json.loads(d["body"]) for d in self.deliveries if d["status"] == 200]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.close()


@pytest.fixture
def webhook(receiver, commune_a):  # noqa: F811
    """Commune A's mobile app, reached at the local receiver."""
    return PushWebhook.objects.create(collectivity=commune_a, url=receiver.url, secret=SECRET)
