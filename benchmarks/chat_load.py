"""Website chat under load: N widget sockets write, agents' sockets receive.

    .venv/bin/python benchmarks/chat_load.py --mode default --visitors 1000 --runs 3
    createdb -h 127.0.0.1 -U postgres storedesk_chat_bench
    .venv/bin/python benchmarks/chat_load.py --mode redis --visitors 1000 --runs 3 \
        --database-url postgres://postgres@127.0.0.1:5432/storedesk_chat_bench

Modes:

- default: one `storedesk serve` process on SQLite in a fresh data folder (removed at the
  end unless --data-dir names one) with the in-memory channel layer;
- redis: two `storedesk serve` processes on two ports sharing PostgreSQL (--database-url,
  migrated here) and Redis (--redis-url; a database number of its own: it is flushed
  before and after every run). Visitors alternate between the ports; one agent socket on
  each port.

The script creates (or reuses) the store --store-slug with a chat widget answered by a team
of two agents (password "benchmark-pass"), logs the agents in over HTTP and opens one agent
socket each on /ws/agent/<slug>/. The visitor tokens are issued in this process with
livechat.selectors.issue_visitor_token, exactly as POST /widget/v1/sessions issues them to a
new browser, so the per-address session limit (60 a minute) does not throttle the
benchmark and is not measured; the servers run without the chat's per-address limits and
with a store limit on new conversations far above --open-rate (docs/livechat.md). The N
widget sockets connect at --ramp per second and wait
for "ready". Then each visitor writes its first message, which opens its conversation (a
customer, a conversation, an assignment: more work than a message), at --open-rate
conversations a second; these are reported apart. Once they are all acknowledged, every
visitor sends a message each --interval seconds (random phase) for --duration seconds:
the steady state that is measured.

Latency is the time from a visitor's send to the first arrival of the message.created
event at an agent socket, matched by client_id; also reported: to the last agent socket,
and the visitor's own ack. A message not at an agent --drain seconds after the last send
is lost. The load generator (one asyncio process) runs on the same machine and competes
with the servers for the cores; the CPU each side used is in the output.

The servers run with DEBUG off, as in production (--debug turns it on). Prints one JSON
object per run, one per line. Talks only to 127.0.0.1. Each run is bounded: --ramp,
--open-rate, --duration and --drain set its length (about 100 s for 1,000 visitors).
"""

import argparse
import asyncio
import json
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from _django import machine, setup, source, source_environment
from api_latency import _free_port, _wait_ready
from inbox_latency import _log_in
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

AGENTS = 2
PASSWORD = "benchmark-pass"  # noqa: S105  (the benchmark agents' password, as in generate_inbox.py)
TARGET_VISITORS = 1000
TARGET_P99_MS = 100.0
# livechat.actions.MESSAGE_LIMIT: 20 messages a minute per visitor.
MIN_INTERVAL = 3.2
# The longest wait, after the last opening message, for all of them to be stored.
SETTLE = 30.0
TEXTS = [
    "Hello, where is my order? It was due yesterday.",
    "Can I still change the delivery address of order {n}?",
    "The parcel arrived but one item is missing.",
    "Do you ship to Austria, and how long does it take?",
    "I would like to return the shoes, they are too small.",
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mode", choices=["default", "redis"], default="default")
    parser.add_argument("--visitors", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--interval", type=float, default=10.0, help="seconds between messages")
    parser.add_argument(
        "--open-rate", type=float, default=40.0, help="conversations opened per second first"
    )
    parser.add_argument("--duration", type=float, default=40.0)
    parser.add_argument("--drain", type=float, default=5.0)
    parser.add_argument("--ramp", type=float, default=200.0, help="visitor sockets per second")
    parser.add_argument("--store-slug", default="chat-bench")
    parser.add_argument(
        "--data-dir", help="the servers' data folder and logs, kept (default: a temporary one)"
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/storedesk_chat_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--debug", action="store_true", help="run the servers with DEBUG on")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=0.0,
        help="wait up to this many seconds before each run for the machine to be idle",
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if args.interval < MIN_INTERVAL:
        parser.error(f"--interval below {MIN_INTERVAL} s would hit the 20-a-minute message limit")
    for name in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"):
        os.environ.pop(name, None)
    os.environ |= {"LOG_LEVEL": "WARNING", "DEBUG": "true" if args.debug else "false"}
    # Every simulated shopper comes from this one machine, and they open conversations far
    # faster than a store's flood limit allows: both limits are for floods, not measured here.
    os.environ |= {
        "CHAT_ADDRESS_LIMITS": "false",
        "CHAT_STORE_NEW_CONVERSATIONS_PER_MINUTE": str(10**9),
    }
    with _data_folder(args) as data_dir:
        os.environ["STOREDESK_DATA_DIR"] = str(data_dir)
        if args.mode == "redis":
            os.environ |= {"DATABASE_URL": args.database_url, "REDIS_URL": args.redis_url}
        _storedesk("migrate", "--no-input", "-v0")
        setup()
        prepared = _prepare_store(args.store_slug)
        for run in range(args.runs):
            result = _run(args, prepared, data_dir, seed=args.seed + run)
            print(json.dumps(result), flush=True)


@contextmanager
def _data_folder(args: argparse.Namespace) -> Iterator[Path]:
    """The servers' data folder and logs (and the SQLite database in default mode)."""
    if args.data_dir:
        folder = Path(args.data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    folder = Path(tempfile.mkdtemp(prefix="storedesk-chat-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _storedesk(*command: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "storedesk", *command],
        env=source_environment(),
        check=True,
        timeout=300,
    )


@dataclass
class Prepared:
    slug: str
    widget_id: int
    agent_emails: list[str]


def _prepare_store(slug: str) -> Prepared:
    from django.db import connection

    from storedesk.accounts.models import Membership, Team, User
    from storedesk.core.models import Store
    from storedesk.livechat.actions import do_create_widget

    store, _ = Store.objects.get_or_create(
        slug=slug,
        defaults={
            "name": "Chat Bench",
            "default_currency": "EUR",
            "languages": ["en"],
            "default_language": "en",
            "timezone": "UTC",
            "country": "DE",
        },
    )
    agents = []
    for index in range(AGENTS):
        email = f"agent{index}@{slug}.bench.example"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email, PASSWORD, name=f"Agent {index}"
        )
        Membership.objects.get_or_create(store=store, user=user, defaults={"role": "agent"})
        agents.append(user)
    # Always within working hours: the team answers whenever an agent is online.
    team, _ = Team.objects.get_or_create(store=store, name="Chat", defaults={"timezone": "UTC"})
    team.members.add(*agents)
    widget = do_create_widget(store, team=team)
    if not widget.enabled:
        widget.enabled = True
        widget.save(update_fields=["enabled"])
    connection.close()
    return Prepared(slug=slug, widget_id=widget.pk, agent_emails=[a.email for a in agents])


def _visitor_tokens(widget_id: int, count: int) -> list[str]:
    """What POST /widget/v1/sessions answers a new browser, without its per-address limit."""
    from django.db import connection

    from storedesk.livechat.models import ChatWidget
    from storedesk.livechat.selectors import issue_visitor_token

    widget = ChatWidget.objects.select_related("store").get(pk=widget_id)
    tokens = [
        issue_visitor_token(widget, key=uuid.uuid4().hex, customer_id=None, language="en")
        for _ in range(count)
    ]
    connection.close()
    return tokens


# One run -------------------------------------------------------------------------------


def _run(
    args: argparse.Namespace, prepared: Prepared, data_dir: Path, *, seed: int
) -> dict[str, Any]:
    from django.db import connection

    tokens = _visitor_tokens(prepared.widget_id, args.visitors)
    background = _background_load(args.quiet_wait)
    if args.mode == "redis":
        _flush_redis(args.redis_url)
    environment = source_environment()
    ports = [_free_port() for _ in range(2 if args.mode == "redis" else 1)]
    logs = [data_dir / f"server-{port}.log" for port in ports]
    servers = []
    try:
        for port, log in zip(ports, logs, strict=True):
            with log.open("wb") as stderr:
                servers.append(
                    subprocess.Popen(
                        [sys.executable, "-m", "storedesk", "serve", "--port", str(port)],
                        env=environment,
                        stdout=subprocess.DEVNULL,
                        stderr=stderr,
                    )
                )
        for port in ports:
            _wait_ready(f"http://127.0.0.1:{port}")
        sessions = []
        for index, email in enumerate(prepared.agent_emails):
            with httpx.Client(base_url=f"http://127.0.0.1:{ports[index % len(ports)]}") as web:
                _log_in(web, email)
                sessions.append(str(web.cookies["sessionid"]))
        load = Load(
            args=args,
            slug=prepared.slug,
            ports=ports,
            tokens=tokens,
            sessions=sessions,
            pids=[server.pid for server in servers],
            rng=random.Random(seed),
            database=(urlsplit(args.database_url).path.lstrip("/") if args.mode == "redis" else ""),
        )
        budget = (
            args.visitors / args.ramp
            + args.visitors / args.open_rate
            + SETTLE
            + args.duration
            + args.drain
            + 60
        )
        figures = _event_loop_run(asyncio.wait_for(load.run(), timeout=budget))
        memory = [_memory(server.pid) for server in servers]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        if args.mode == "redis":
            _flush_redis(args.redis_url)
    problems = [_log_problems(log) for log in logs]
    for server_figures, rss, port, problem in zip(
        figures["servers"], memory, ports, problems, strict=True
    ):
        server_figures |= {"port": port, **rss, "log_errors": problem}
    return {
        "benchmark": "chat_load",
        "mode": args.mode,
        "visitors": args.visitors,
        "server_processes": len(ports),
        "database": connection.vendor,
        "channel_layer": "redis" if args.mode == "redis" else "in-memory",
        "debug": args.debug,
        "agent_sockets": AGENTS,
        "interval_s": args.interval,
        "open_rate": args.open_rate,
        "duration_s": args.duration,
        **figures,
        "background_busy_cores_before_run": background,
        "target": {
            "visitors": TARGET_VISITORS,
            "p99_ms": TARGET_P99_MS,
            "met": (
                args.visitors >= TARGET_VISITORS
                and figures["connect"]["failed"] == 0
                and figures["messages"]["lost"] == 0
                and figures["latency_ms"].get("p99", math.inf) < TARGET_P99_MS
            ),
        },
        "notes": [
            "visitor tokens issued in-process as POST /widget/v1/sessions does; the "
            "per-address session rate limit is not exercised",
            "the load generator shares the machine's cores with the servers (see cpu_cores)",
        ],
        "source": source(),
        "machine": machine(),
    }


def _event_loop_run(coroutine: Any) -> Any:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(coroutine)
    return asyncio.run(coroutine, loop_factory=uvloop.new_event_loop)


@dataclass
class Load:
    args: argparse.Namespace
    slug: str
    ports: list[int]
    tokens: list[str]
    sessions: list[str]
    pids: list[int]
    rng: random.Random
    # PostgreSQL database whose backends' CPU is counted (redis mode).
    database: str = ""
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    sent: dict[str, float] = field(default_factory=dict)
    warm: set[str] = field(default_factory=set)
    first: dict[str, float] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)
    copies: Counter[str] = field(default_factory=Counter)
    acks: dict[str, float] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    refusals: Counter[str] = field(default_factory=Counter)
    frames_at_agents: int = 0
    unexpected_closes: int = 0
    agent_closes: list[int] = field(default_factory=list)
    lags: list[float] = field(default_factory=list)
    closing: bool = False
    opening_seconds: float = 0.0
    readers: list[asyncio.Task[None]] = field(default_factory=list)

    async def run(self) -> dict[str, Any]:
        agents = [
            await connect(
                f"ws://127.0.0.1:{self.ports[index % len(self.ports)]}/ws/agent/{self.slug}/",
                origin=f"http://127.0.0.1:{self.ports[index % len(self.ports)]}",  # type: ignore[arg-type]
                additional_headers={"Cookie": f"sessionid={session}"},
                ping_interval=None,
                max_queue=None,
            )
            for index, session in enumerate(self.sessions)
        ]
        readers = [asyncio.create_task(self._agent(agent)) for agent in agents]
        heartbeats = [asyncio.create_task(_heartbeat(agent)) for agent in agents]
        started = time.perf_counter()
        visitors = await asyncio.gather(
            *(
                self._connect(index, started + index / self.args.ramp)
                for index in range(len(self.tokens))
            )
        )
        connect_seconds = time.perf_counter() - started
        await asyncio.sleep(0.5)
        open_visitors = [(i, ws) for i, ws in enumerate(visitors) if ws is not None]
        # Every chat opens its conversation first, at --open-rate; the steady state starts
        # once every opening message is stored (or after SETTLE seconds).
        opening_started = time.perf_counter()
        spread = len(open_visitors) / self.args.open_rate
        await asyncio.gather(
            *(
                self._send_one(index, ws, opening_started + self.rng.uniform(0, spread), "open")
                for index, ws in open_visitors
            )
        )
        settle_until = time.perf_counter() + SETTLE
        while time.perf_counter() < settle_until and not all(c in self.acks for c in self.warm):
            await asyncio.sleep(0.05)
        measure_from = time.perf_counter() + 0.2
        self.opening_seconds = measure_from - opening_started
        send_until = measure_from + self.args.duration
        senders = [
            asyncio.create_task(self._send(index, ws, measure_from, send_until))
            for index, ws in open_visitors
        ]
        await _sleep_until(measure_from)
        before = _cpu_snapshot(self.pids, self.database)
        lag = asyncio.create_task(self._lag(send_until))
        await _sleep_until(send_until)
        after = _cpu_snapshot(self.pids, self.database)
        await asyncio.gather(*senders, lag)
        drain_until = time.perf_counter() + self.args.drain
        while time.perf_counter() < drain_until and not self._all_delivered(len(agents)):
            await asyncio.sleep(0.05)
        self.closing = True
        await asyncio.gather(*(ws.close() for _, ws in open_visitors), return_exceptions=True)
        for task in heartbeats:
            task.cancel()
        await asyncio.gather(*(agent.close() for agent in agents), return_exceptions=True)
        await asyncio.gather(*readers, *heartbeats, *self.readers, return_exceptions=True)
        return self._figures(
            connected=len(open_visitors),
            connect_seconds=connect_seconds,
            window=after["wall"] - before["wall"],
            before=before,
            after=after,
        )

    async def _connect(self, index: int, at: float) -> ClientConnection | None:
        await _sleep_until(at)
        port = self.ports[index % len(self.ports)]
        try:
            ws = await connect(
                f"ws://127.0.0.1:{port}/ws/widget/?token={self.tokens[index]}",
                open_timeout=20,
                ping_interval=None,
                close_timeout=5,
                max_queue=None,
            )
        except Exception as error:
            self.refusals[type(error).__name__] += 1
            return None
        try:
            ready = json.loads(await asyncio.wait_for(ws.recv(), 20))
        except (TimeoutError, ConnectionClosed) as error:
            code = getattr(error, "rcvd", None)
            self.refusals[f"close {code.code}" if code else type(error).__name__] += 1
            await ws.close()
            return None
        if ready.get("type") != "ready":
            self.refusals[f"first frame {ready.get('type')}"] += 1
            await ws.close()
            return None
        self.readers.append(asyncio.create_task(self._visitor_reader(ws)))
        return ws

    async def _send(self, index: int, ws: ClientConnection, begin: float, until: float) -> None:
        """The visitor's steady state: a message every --interval seconds, random phase."""
        at = begin + self.rng.uniform(0, self.args.interval)
        number = 0
        while at < until:
            if not await self._send_one(index, ws, at, str(number)):
                return
            number += 1
            at += self.args.interval

    async def _send_one(self, index: int, ws: ClientConnection, at: float, suffix: str) -> bool:
        await _sleep_until(at)
        client_id = f"{self.run_id}-{index}-{suffix}"
        text = self.rng.choice(TEXTS).format(n=10_000 + index)
        frame = json.dumps({"type": "message", "client_id": client_id, "text": text})
        if suffix == "open":
            self.warm.add(client_id)
        self.sent[client_id] = time.perf_counter()
        try:
            await ws.send(frame)
        except ConnectionClosed:
            self.unexpected_closes += 1
            return False
        return True

    async def _visitor_reader(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                now = time.perf_counter()
                frame = json.loads(raw)
                kind = frame.get("type")
                if kind == "ack":
                    self.acks.setdefault(frame.get("client_id"), now)
                elif kind == "error":
                    self.errors[str(frame.get("code"))] += 1
        except ConnectionClosed:
            pass
        if not self.closing:
            self.unexpected_closes += 1

    async def _agent(self, ws: ClientConnection) -> None:
        with suppress(ConnectionClosed):
            await self._agent_frames(ws)
        if not self.closing:
            self.agent_closes.append(int(ws.close_code or 0))

    async def _agent_frames(self, ws: ClientConnection) -> None:
        async for raw in ws:
            now = time.perf_counter()
            self.frames_at_agents += 1
            event = json.loads(raw).get("event") or {}
            if event.get("type") != "message" or event.get("op") != "created":
                continue
            client_id = (event.get("message") or {}).get("client_id")
            if client_id not in self.sent:
                continue
            self.first.setdefault(client_id, now)
            self.last[client_id] = now
            self.copies[client_id] += 1

    async def _lag(self, until: float) -> None:
        """How late this process's event loop runs a timer: the generator's own delay."""
        step = 0.02
        while time.perf_counter() < until:
            started = time.perf_counter()
            await asyncio.sleep(step)
            self.lags.append(time.perf_counter() - started - step)

    def _all_delivered(self, sockets: int) -> bool:
        return all(self.copies[client_id] >= sockets for client_id in self.sent)

    def _slowest_seconds(self, delivered: list[str]) -> list[dict[str, float]]:
        """The three seconds of the window with the slowest deliveries: a stall shows as
        one bad second, a saturated server as many."""
        if not delivered:
            return []
        start = min(self.sent[c] for c in delivered)
        worst: dict[int, float] = {}
        for client_id in delivered:
            second = int(self.sent[client_id] - start)
            latency = (self.first[client_id] - self.sent[client_id]) * 1000
            worst[second] = max(worst.get(second, 0.0), latency)
        top = sorted(worst.items(), key=lambda item: item[1], reverse=True)[:3]
        return [{"second": second, "max_ms": round(value, 1)} for second, value in top]

    def _figures(
        self,
        *,
        connected: int,
        connect_seconds: float,
        window: float,
        before: dict[str, Any],
        after: dict[str, Any],
    ) -> dict[str, Any]:
        measured = [client_id for client_id in self.sent if client_id not in self.warm]
        delivered = [client_id for client_id in measured if client_id in self.first]
        latency = [(self.first[c] - self.sent[c]) * 1000 for c in delivered]
        to_last = [
            (self.last[c] - self.sent[c]) * 1000 for c in delivered if self.copies[c] >= AGENTS
        ]
        acked = [(self.acks[c] - self.sent[c]) * 1000 for c in measured if c in self.acks]
        warm = [(self.first[c] - self.sent[c]) * 1000 for c in self.warm if c in self.first]
        duration = self.args.duration
        cpu = {
            "servers": [
                round((after["servers"][i] - before["servers"][i]) / window, 2)
                for i in range(len(self.pids))
            ],
            "load_generator": round((after["client"] - before["client"]) / window, 2),
            "machine_busy": round((after["busy"] - before["busy"]) / window, 2),
        }
        services = 0.0
        if self.database:
            services = sum(
                seconds - before["services"].get(pid, 0.0)
                for pid, seconds in after["services"].items()
            )
            cpu["postgres_and_redis"] = round(services / window, 2)
        cpu["everything_else"] = round(
            cpu["machine_busy"]
            - sum(cpu["servers"])
            - cpu["load_generator"]
            - cpu.get("postgres_and_redis", 0.0),
            2,
        )
        return {
            "connect": {
                "ok": connected,
                "failed": len(self.tokens) - connected,
                "failures": dict(self.refusals),
                "seconds": round(connect_seconds, 1),
            },
            "messages": {
                "sent": len(measured),
                "delivered": len(delivered),
                "lost": len(measured) - len(delivered),
                "not_at_every_agent": len(delivered) - len(to_last),
                "acked": len(acked),
                "sent_per_s": round(len(measured) / duration, 1),
                "delivered_per_s": round(len(delivered) / duration, 1),
                "agent_frames_per_s": round(
                    self.frames_at_agents / (duration + self.opening_seconds), 1
                ),
                "errors": dict(self.errors),
                "visitor_sockets_closed_early": self.unexpected_closes,
                "agent_sockets_closed_early": self.agent_closes,
            },
            "latency_ms": _percentiles(latency),
            "slowest_seconds": self._slowest_seconds(delivered),
            "latency_to_every_agent_ms": _percentiles(to_last),
            "ack_latency_ms": _percentiles(acked),
            "opening_message_latency_ms": _percentiles(warm) | {"count": len(warm)},
            "opening_s": round(self.opening_seconds, 1),
            "cpu_cores": cpu,
            "load_generator_timer_lag_ms": _percentiles([lag * 1000 for lag in self.lags]),
            "servers": [{} for _ in self.pids],
        }


async def _heartbeat(agent: ClientConnection) -> None:
    with suppress(ConnectionClosed):
        while True:
            await asyncio.sleep(30)
            await agent.send(json.dumps({"type": "heartbeat"}))


async def _sleep_until(moment: float) -> None:
    delay = moment - time.perf_counter()
    if delay > 0:
        await asyncio.sleep(delay)


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)

    def rank(share: float) -> float:
        return round(ordered[max(0, math.ceil(share * len(ordered)) - 1)], 1)

    return {
        "p50": rank(0.50),
        "p95": rank(0.95),
        "p99": rank(0.99),
        "max": round(ordered[-1], 1),
        "mean": round(statistics.fmean(ordered), 1),
    }


# The machine ---------------------------------------------------------------------------


def _cpu_snapshot(pids: list[int], database: str = "") -> dict[str, Any]:
    """CPU seconds of the servers, of this process, of the machine and, with ``database``,
    of PostgreSQL's backends for that database and of redis-server."""
    servers = [_cpu_seconds(pid) for pid in pids]
    services = {}
    if database:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if command.startswith("redis-server") or (
                command.startswith("postgres:") and f" {database} " in command
            ):
                services[int(entry.name)] = _cpu_seconds(int(entry.name))
    ticks = os.sysconf("SC_CLK_TCK")
    cpu = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = cpu[3] + cpu[4]
    return {
        "wall": time.perf_counter(),
        "servers": servers,
        "services": services,
        "client": time.process_time(),
        "busy": (sum(cpu[:8]) - idle) / ticks,
    }


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:  # the process is gone (a server's log says why)
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _background_load(wait: float) -> float:
    """Cores busy on the machine before the run (other people's work): sampled for 1 s,
    again until it falls below a quarter core or ``wait`` seconds have passed."""
    deadline = time.monotonic() + wait
    while True:
        before = _cpu_snapshot([])
        time.sleep(1)
        after = _cpu_snapshot([])
        busy = (after["busy"] - before["busy"]) / (after["wall"] - before["wall"])
        if busy < 0.25 or time.monotonic() >= deadline:
            return round(busy, 2)


def _memory(pid: int) -> dict[str, float]:
    values = {}
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        status = ""
    for line in status.splitlines():
        key, _, rest = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return {"rss_mb": values.get("VmRSS", 0.0), "peak_rss_mb": values.get("VmHWM", 0.0)}


def _log_problems(log: Path) -> int:
    """Lines of the server's log that report an error or a traceback."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return 0
    return sum(1 for line in text.splitlines() if "ERROR" in line or line.startswith("Traceback"))


def _flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


if __name__ == "__main__":
    main()
