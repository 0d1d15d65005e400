"""Configuration from the environment, checked in fresh processes as an operator starts them."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PRINT_SETTINGS = """
import json, django
django.setup()
from django.conf import settings
from django.contrib.auth.hashers import make_password
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "options": db.get("OPTIONS", {}),
    "channel_layer": settings.CHANNEL_LAYERS["default"]["BACKEND"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "tasks": settings.TASKS["default"]["BACKEND"],
    "mailer": settings.MAILERS["default"],
    "debug": settings.DEBUG,
    "password_hash": make_password("correct horse battery staple").split("$")[0],
    "session_cookie": [settings.SESSION_COOKIE_HTTPONLY, settings.SESSION_COOKIE_SAMESITE],
}))
"""

STRONG_KEY = "7c1f0e9a4b2d8f6e3a5c7b9d1e2f4a6c8b0d2e4f6a8c0e2d4f6b8a0c2e4d6f8a"


def run_python(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "SECRET_KEY", "DEBUG"}
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "storedesk.config.settings",
        "STOREDESK_DATA_DIR": str(tmp_path / "data"),
        **env,
    }
    return subprocess.run(  # noqa: S603  (our own interpreter and code)
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=60
    )


def settings_with(tmp_path: Path, **env: str) -> dict[str, object]:
    result = run_python(PRINT_SETTINGS, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_with_nothing_set_storedesk_uses_sqlite_wal_memory_layer_and_database_tasks(
    tmp_path: Path,
) -> None:
    loaded = settings_with(tmp_path)

    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["name"] == str(tmp_path / "data" / "storedesk.sqlite3")
    assert "journal_mode=WAL" in loaded["options"]["init_command"]  # type: ignore[index]
    assert loaded["channel_layer"] == "storedesk.realtime.layers.LocalChannelLayer"
    assert loaded["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert loaded["tasks"] == "django_tasks_db.DatabaseBackend"
    assert loaded["mailer"] == {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    assert loaded["debug"] is False
    assert loaded["password_hash"] == "argon2"
    assert loaded["session_cookie"] == [True, "Lax"]


def test_database_and_redis_urls_switch_to_postgresql_and_redis(tmp_path: Path) -> None:
    loaded = settings_with(
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/storedesk",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )

    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["name"] == "storedesk"
    assert loaded["channel_layer"] == "channels_redis.core.RedisChannelLayer"
    assert loaded["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_email_url_configures_the_default_mailer(tmp_path: Path) -> None:
    loaded = settings_with(tmp_path, EMAIL_URL="smtp+tls://desk:s3cret@mail.example.com:587")

    assert loaded["mailer"] == {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "mail.example.com",
            "port": 587,
            "username": "desk",
            "password": "s3cret",
            "use_tls": True,
        },
    }


def test_the_redis_channel_layer_carries_messages_between_processes(tmp_path: Path) -> None:
    redis_url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    send = """
import asyncio, django
django.setup()
from channels.layers import get_channel_layer
asyncio.run(get_channel_layer().group_send("store-1", {"type": "ping", "text": "Merhaba"}))
"""
    receive = """
import asyncio, django, json, sys
django.setup()
from channels.layers import get_channel_layer
async def main():
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("store-1", channel)
    print("ready", flush=True)
    message = await asyncio.wait_for(layer.receive(channel), timeout=20)
    print(json.dumps(message), flush=True)
asyncio.run(main())
"""
    environment = dict(os.environ) | {
        "DJANGO_SETTINGS_MODULE": "storedesk.config.settings",
        "STOREDESK_DATA_DIR": str(tmp_path / "data"),
        "REDIS_URL": redis_url,
    }
    environment.pop("DATABASE_URL", None)
    receiver = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", receive], env=environment, stdout=subprocess.PIPE, text=True
    )
    try:
        assert receiver.stdout is not None
        assert receiver.stdout.readline().strip() == "ready"
        sent = run_python(send, tmp_path, REDIS_URL=redis_url)
        assert sent.returncode == 0, sent.stderr
        received = json.loads(receiver.stdout.readline())
    finally:
        receiver.kill()
        receiver.wait()

    assert received == {"type": "ping", "text": "Merhaba"}


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({}, "SECRET_KEY is the development key"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY is shorter than 40 characters"),
        ({"SECRET_KEY": STRONG_KEY, "DEBUG": "true"}, "DEBUG is on"),
        ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS is empty"),
    ],
)
def test_production_mode_refuses_unsafe_settings_and_says_why(
    tmp_path: Path, env: dict[str, str], reason: str
) -> None:
    environment = {"STOREDESK_MODE": "production", "ALLOWED_HOSTS": "desk.example.com"} | env

    result = run_python("from storedesk.cli import main; main(['check'])", tmp_path, **environment)

    assert result.returncode == 2
    assert result.stderr.startswith("storedesk: Storedesk refuses to start in production mode:")
    assert reason in result.stderr
    assert "Traceback" not in result.stderr


def test_production_mode_starts_with_safe_settings(tmp_path: Path) -> None:
    result = run_python(
        "from storedesk.cli import main; main(['check', '--deploy', '--fail-level', 'ERROR'])",
        tmp_path,
        STOREDESK_MODE="production",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="desk.example.com",
        EMAIL_URL="smtp+tls://desk:s3cret@mail.example.com:587",
    )

    assert result.returncode == 0, result.stderr


def test_an_unknown_mode_is_refused(tmp_path: Path) -> None:
    result = run_python(
        "from storedesk.cli import main; main(['check'])", tmp_path, STOREDESK_MODE="staging"
    )

    assert result.returncode == 2
    assert "STOREDESK_MODE must be 'development' or 'production'" in result.stderr


def test_readyz_reports_an_unreachable_database(tmp_path: Path) -> None:
    code = """
import django
django.setup()
from django.test import Client
response = Client().get("/readyz")
print(response.status_code, response.content.decode())
"""
    result = run_python(
        code,
        tmp_path,
        DATABASE_URL="postgres://postgres@127.0.0.1:1/nowhere",
        DATABASE_POOL_TIMEOUT="1",
        ALLOWED_HOSTS="testserver",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == '503 {"status": "unavailable", "database": "unreachable"}'
