"""Two real `storedesk serve` processes sharing events through Redis: a shopper on one
process writes, an agent on the other sees it. This is how a merchant scales out."""

import asyncio
import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from websockets.asyncio.client import connect

from storedesk.core.tests.processes import (
    free_port,
    set_up_server,
    start_storedesk,
    stop,
    wait_until_ready,
)

REDIS_URL = "redis://127.0.0.1:6379/14"

SETUP = """
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from storedesk.accounts.models import Membership, User
from storedesk.core.models import Store
from storedesk.livechat.actions import do_create_widget

store = Store.objects.create(
    name="Moda", slug="moda", default_currency="TRY", languages=["tr"],
    default_language="tr", timezone="Europe/Istanbul", country="TR",
)
user = User.objects.create_user("agent@moda.example", name="Ayla")
Membership.objects.create(store=store, user=user, role="agent")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"session": session.session_key, "key": do_create_widget(store).key}))
"""


def _redis_reachable() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_reachable(), reason="Redis is not reachable")


@pytest.fixture
def servers(migrated_data_dir: Path, tmp_path: Path) -> Iterator[tuple[int, int, dict[str, str]]]:
    redis.Redis.from_url(REDIS_URL).flushdb()
    env, setup = set_up_server(
        migrated_data_dir, tmp_path, SETUP, REDIS_URL=REDIS_URL, LOG_LEVEL="WARNING"
    )
    # Both start at once: on a busy machine, one after the other would double the wait.
    ports = free_port(), free_port()
    logs = [tmp_path / f"serve-{port}.log" for port in ports]
    processes = [
        start_storedesk(env, log, "serve", "--port", str(port))
        for port, log in zip(ports, logs, strict=True)
    ]
    try:
        for port, process, log in zip(ports, processes, logs, strict=True):
            wait_until_ready(f"http://127.0.0.1:{port}/healthz", process, log)
        yield ports[0], ports[1], setup
    finally:
        for process in processes:
            stop(process)
        redis.Redis.from_url(REDIS_URL).flushdb()


def start_session(port: int, key: str) -> str:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/widget/v1/sessions",
        data=json.dumps({"key": key, "language": "tr"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310  (http, 127.0.0.1)
        token = json.load(response)["token"]
    assert isinstance(token, str)
    return token


async def shopper_writes_agent_reads(port_a: int, port_b: int, setup: dict[str, str]) -> Any:
    token = start_session(port_a, setup["key"])
    async with (
        connect(
            f"ws://127.0.0.1:{port_b}/ws/agent/moda/",
            origin=f"http://127.0.0.1:{port_b}",  # type: ignore[arg-type]
            additional_headers={"Cookie": f"sessionid={setup['session']}"},
        ) as agent,
        connect(f"ws://127.0.0.1:{port_a}/ws/widget/?token={token}") as shopper,
    ):
        assert json.loads(await shopper.recv())["type"] == "ready"
        await shopper.send(
            json.dumps({"type": "message", "client_id": "c-1", "text": "İADE istiyorum"})
        )
        ack = json.loads(await asyncio.wait_for(shopper.recv(), 5))
        while True:
            event = json.loads(await asyncio.wait_for(agent.recv(), 5))["event"]
            if event["type"] == "message":
                return ack, event


def test_a_message_to_one_process_reaches_an_agent_on_another(
    servers: tuple[int, int, dict[str, str]],
) -> None:
    port_a, port_b, setup = servers

    ack, event = asyncio.run(shopper_writes_agent_reads(port_a, port_b, setup))

    assert ack["type"] == "ack"
    assert (event["op"], event["message"]["text"]) == ("created", "İADE istiyorum")
    assert event["message"]["id"] == ack["message"]["id"]
