"""Production settings: nothing falls back silently, `check --deploy` passes."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k" * 20 + "Zq8#pL2!vX9@mR4$wT7%yB1^nD6&hJ3*",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
    "PORTAL_DOMAIN": "demarches.example.fr",
}


def run_manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    ignored = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_without_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_redis_url_switches_cache_and_job_broker():
    code = (
        "from django.conf import settings as s;"
        "print(s.CACHES['default']['BACKEND'], s.Q_CLUSTER.get('django_redis'),"
        " 'orm' in s.Q_CLUSTER)"
    )
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        env={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/3"},
    )
    assert result.stdout.split() == ["django_redis.cache.RedisCache", "default", "False"]
    result = run_manage("shell", "--no-imports", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "None",
        "True",
    ]
