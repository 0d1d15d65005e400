"""Resident memory of the idle demo: `storedesk demo` with a fresh data folder.

    .venv/bin/python benchmarks/demo_memory.py

Starts the demo on a free port of 127.0.0.1, waits until /readyz answers and the demo has
served its login page, lets it idle, then prints VmRSS (of the process and any children) as
JSON and stops it.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _django import machine, source, source_environment

IDLE_SECONDS = 10


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as data_dir:
        environment = source_environment(
            {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        )
        environment["STOREDESK_DATA_DIR"] = data_dir
        demo = subprocess.Popen(
            [sys.executable, "-m", "storedesk", "demo", "--port", str(port)],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            started = time.monotonic()
            _wait(f"http://127.0.0.1:{port}/readyz")
            ready_after = time.monotonic() - started
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=5).read()
            time.sleep(IDLE_SECONDS)
            rss = _rss_kib(demo.pid)
        finally:
            demo.terminate()
            demo.wait(timeout=15)
    print(
        json.dumps(
            {
                "idle_resident_memory_mb": round(rss / 1024, 1),
                "seconds_until_ready_from_empty": round(ready_after, 1),
                "idle_seconds": IDLE_SECONDS,
                "source": source(),
                "machine": machine(),
            },
            indent=2,
        )
    )


def _wait(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(url, timeout=2).status == 200:  # noqa: S310  (loopback)
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("the demo did not become ready")


def _rss_kib(pid: int) -> int:
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(child) for child in children.read_text().split()]
    for each in pids:
        for line in Path(f"/proc/{each}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


if __name__ == "__main__":
    main()
