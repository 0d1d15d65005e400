"""Set up Django for a benchmark script run from the repository root."""

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

ROOT = Path(__file__).resolve().parent.parent


def setup() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "storedesk.config.settings")
    import django

    django.setup()


def source_environment(environment: dict[str, str] | None = None) -> dict[str, str]:
    """An environment in which ``python -m storedesk`` imports this tree's ``src``.

    The virtualenv's editable install points at one checkout; a server started from a
    benchmark must run the same code the benchmark script imported.
    """
    environment = dict(os.environ if environment is None else environment)
    paths = [str(ROOT / "src"), *filter(None, environment.get("PYTHONPATH", "").split(os.pathsep))]
    environment["PYTHONPATH"] = os.pathsep.join(paths)
    return environment


def source() -> dict[str, object]:
    """Which code was measured: the commit, and whether src/ had uncommitted changes."""
    import subprocess

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
        ).stdout.strip()

    try:
        return {
            "commit": git("rev-parse", "HEAD"),
            "src_modified": bool(git("status", "--porcelain", "--", "src")),
        }
    except (OSError, subprocess.CalledProcessError):
        return {"commit": "unknown", "src_modified": None}


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    import platform

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def measure_requests(
    client: "httpx.Client", next_path: Callable[[], str], *, count: int, warmup: int
) -> dict[str, float]:
    """GET ``count`` paths after ``warmup`` unmeasured ones (at most five minutes of them):
    latency percentiles in milliseconds."""
    for _ in range(min(warmup, count)):
        client.get(next_path()).raise_for_status()
    timings = []
    deadline = time.monotonic() + 300
    for _ in range(count):
        path = next_path()
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        if time.monotonic() > deadline:
            break
    timings.sort()
    return {
        "p50": round(statistics.median(timings), 2),
        "p95": round(timings[max(0, int(len(timings) * 0.95) - 1)], 2),
        "p99": round(timings[max(0, int(len(timings) * 0.99) - 1)], 2),
        "mean": round(statistics.fmean(timings), 2),
        "count": len(timings),
    }
