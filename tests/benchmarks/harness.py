"""Benchmark plumbing: a fresh PostgreSQL database, gunicorn with 2 workers, wrk as the client.

Run a benchmark as a script from the project root, for example
`.venv/bin/python -m tests.benchmarks.bench_public_pages`. Not part of the test run.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.benchmarks.settings"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
)


def setup_django() -> None:
    """Point Django at a freshly created benchmark database and migrate it."""
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS
    os.environ["DATABASE_URL"] = DATABASE_URL
    import django
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    cache.clear()  # the benchmarks' own Redis database: nothing of an earlier run
    call_command("migrate", verbosity=0, interactive=False)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(workers: int = 2):
    """Serve the project with gunicorn on a free port; yields the base URL."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": DATABASE_URL}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "-w",
            str(workers),
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        _wait_for_workers(f"http://127.0.0.1:{port}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wait_for_workers(base: str) -> None:
    """Until a worker answers over HTTP: gunicorn accepts connections before its workers have
    booted (seconds on a busy machine), which a first measurement would otherwise include."""
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/", timeout=60).close()
            return
        except urllib.error.HTTPError:
            return  # an error page is an answer too
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"gunicorn does not answer on {base}")


def wrk(
    url: str,
    *,
    host: str,
    seconds: int = 10,
    connections: int = 8,
    method: str = "GET",
    body: str | None = None,
    headers: dict | None = None,
    requests: list[tuple[str, dict]] | None = None,
) -> float:
    """Requests per second that wrk measured (non-2xx/3xx answers make it fail loudly).

    `requests`: (path, extra headers) pairs sent in turn instead of `url`'s path, each wrk
    thread taking every other one, for requests that must differ, such as submitting drafts of
    several citizens. There is no warm-up run then, so that each is first sent once.
    """
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    all_headers = {"Host": host, **(headers or {})}
    script = [f'wrk.method = "{method}"']
    script += [f'wrk.headers["{k}"] = "{v}"' for k, v in all_headers.items()]
    if body is not None:
        script.append(f"wrk.body = [==[{body}]==]")
    if requests:
        script += _rotation(requests)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write("\n".join(script) + "\n")
    if not requests:  # Warm-up, then the measured run.
        subprocess.run(["wrk", "-t2", "-c2", "-d2s", "-s", lua.name, url], capture_output=True)
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", lua.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(lua.name)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if bad:
        raise SystemExit(f"{bad.group(1)} failed responses on {host}{url}:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def statements(path: str, *, host: str, method: str = "get", data=None, client=None) -> list[str]:
    """The SQL statements of one request made through Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = client or Client()
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(path, data=data, HTTP_HOST=host)
    assert response.status_code in (200, 302), (path, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def count_queries(path: str, **request) -> int:
    """SQL statements of one request made through Django's test client."""
    return len(statements(path, **request))


def _rotation(requests: list[tuple[str, dict]]) -> list[str]:
    """Lua for `wrk(requests=…)`: thread n sends requests n, n + 2, n + 4… (then starts over)."""

    def entry(path: str, extra: dict) -> str:
        fields = ", ".join(f'["{k}"] = [==[{v}]==]' for k, v in extra.items())
        return f"{{[==[{path}]==], {{{fields}}}}}"

    return [
        "local requests = {" + ",\n".join(entry(*request) for request in requests) + "}",
        ROTATION_LUA,
    ]


ROTATION_LUA = """
local threads = 0
function setup(thread) thread:set("position", threads); threads = threads + 1 end
function request()
  local entry = requests[position % #requests + 1]
  position = position + 2
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  for k, v in pairs(entry[2]) do headers[k] = v end
  return wrk.format(nil, entry[1], headers)
end
"""
