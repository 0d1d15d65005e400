"""No debug page, whoever asks: Storedesk runs with DEBUG off unless it is asked for, so the
demo on a LAN shows neither settings (to a foreign Host header) nor its URL list (to a
mistyped address), and still answers on this machine's own names and addresses.

Checked in fresh processes with the environment an operator gives ``storedesk demo``: the
test runner itself always turns DEBUG off."""

import json
from pathlib import Path
from typing import Any

from storedesk.core.tests.test_configuration import run_python, settings_with

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client

def get(path, host):
    response = Client(raise_request_exception=False).get(path, HTTP_HOST=host)
    body = b"".join(response) if response.streaming else response.content
    return [response.status_code, body.decode(errors="replace")]

print(json.dumps({
    "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "foreign_host": get("/healthz", "attacker.example"),
    "unknown_url": get("/no-such-page/", "127.0.0.1"),
    "static": get("/static/core/app.js", "127.0.0.1")[0],
    "own_names": {host: get("/healthz", host)[0] for host in settings.ALLOWED_HOSTS},
}))
"""

DEBUG_PAGE_MARKS = ["Traceback", "DisallowedHost", "SECRET_KEY", "settings.py", "URLconf", "urls."]


def probe(tmp_path: Path, **env: str) -> dict[str, Any]:
    result = run_python(PROBE, tmp_path, **env)
    assert result.returncode == 0, result.stderr
    probed: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return probed


def test_debug_is_off_unless_asked_for(tmp_path: Path) -> None:
    assert settings_with(tmp_path)["debug"] is False
    assert settings_with(tmp_path, DEBUG="true")["debug"] is True


def test_the_demo_shows_no_debug_page_to_a_foreign_host_or_a_wrong_url(tmp_path: Path) -> None:
    probed = probe(tmp_path)

    assert probed["debug"] is False
    status, page = probed["foreign_host"]
    assert status == 400
    assert not [mark for mark in DEBUG_PAGE_MARKS if mark in page]
    status, page = probed["unknown_url"]
    assert status == 404
    assert not [mark for mark in DEBUG_PAGE_MARKS if mark in page]
    assert "healthz" not in page
    assert "api/v1/" not in page
    # Static files are served without DEBUG too (WhiteNoise, straight from the apps).
    assert probed["static"] == 200


def test_the_demo_answers_on_this_machines_names_and_addresses(tmp_path: Path) -> None:
    probed = probe(tmp_path)

    hosts = probed["allowed_hosts"]
    assert isinstance(hosts, list)
    assert hosts[:3] == ["127.0.0.1", "localhost", "[::1]"]
    assert "*" not in hosts
    assert len(hosts) > 3  # this machine's name, and its LAN address where it has one
    assert set(probed["own_names"].values()) == {200}


def test_allowed_hosts_from_the_environment_replace_the_defaults(tmp_path: Path) -> None:
    probed = probe(tmp_path, ALLOWED_HOSTS="desk.lan,192.168.1.20")

    assert probed["allowed_hosts"] == ["desk.lan", "192.168.1.20"]
