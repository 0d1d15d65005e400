"""Running real ``storedesk`` processes in tests (browser tests, several servers over Redis).

Start-up is the slow part of these tests, and it is slower still on a busy machine: the
database they start from is prepared once per test session (migrated, or with the demo
store loaded) and copied for each server, and every wait is generous and says what it was
waiting for when it gives up.
"""

import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

# How long a server may take to answer after it was started. Generous: on a loaded two-core
# machine start-up takes many times what it takes on a quiet one, and a test that stops
# waiting too early fails for nothing.
READY_TIMEOUT = 300.0
# How long a one-off command (migrate, shell) may take.
COMMAND_TIMEOUT = 600.0
_LOG_TAIL = 4000
SOURCE = Path(__file__).resolve().parents[3]  # the src/ folder of this tree


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def environment(data_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment for a ``storedesk`` child on its own SQLite data folder,
    running the code of this source tree (whichever copy is installed)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["STOREDESK_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SOURCE), env.get("PYTHONPATH")]))
    return env | extra


def run_storedesk(env: dict[str, str], *arguments: str) -> str:
    """Run one ``storedesk`` command to its end; its standard output."""
    try:
        done = subprocess.run(  # noqa: S603  (our own command, our own arguments)
            [sys.executable, "-m", "storedesk", *arguments],
            env=env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"storedesk {' '.join(arguments[:1])} did not finish in {COMMAND_TIMEOUT} s")
    if done.returncode != 0:
        pytest.fail(f"storedesk {arguments[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def start_storedesk(env: dict[str, str], log: Path, *arguments: str) -> subprocess.Popen[bytes]:
    """Start a long-running ``storedesk`` command, its output going to ``log``.

    A file, not a pipe: nobody reads a pipe while the test runs, and a server that filled
    one would stop in the middle of writing its access log.
    """
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603  (our own command, our own arguments)
            [sys.executable, "-m", "storedesk", *arguments],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def log_tail(log: Path) -> str:
    text = log.read_text(errors="replace") if log.exists() else ""
    return text[-_LOG_TAIL:]


def wait_until_ready(
    url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = READY_TIMEOUT
) -> float:
    """Wait until ``url`` answers 200; the seconds it took. Fails with the server's log
    when the process ends or ``timeout`` passes first."""
    started = time.monotonic()
    deadline = started + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"storedesk exited with {process.returncode} before {url} answered:\n"
                f"{log_tail(log)}"
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310  (loopback)
                if response.status == 200:
                    return time.monotonic() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    pytest.fail(
        f"storedesk did not answer {url} within {timeout:.0f} s "
        f"(load average {os.getloadavg()[0]:.1f}); its log ends with:\n{log_tail(log)}"
    )


def copy_data_dir(prepared: Path, target: Path) -> Path:
    """A private copy of a prepared data folder (its SQLite file and anything beside it)."""
    shutil.copytree(prepared, target)
    return target


def set_up_server(
    prepared: Path, folder: Path, setup: str, **extra: str
) -> tuple[dict[str, str], Any]:
    """The environment of a server on a private copy of ``prepared`` (in ``folder``), once
    ``setup`` has run there with ``storedesk shell -c``; and the last line ``setup``
    printed, read as JSON."""
    env = environment(copy_data_dir(prepared, folder / "data"), **extra)
    printed = run_storedesk(env, "shell", "--no-imports", "-c", setup)
    return env, json.loads(printed.strip().splitlines()[-1])


@contextmanager
def serving(env: dict[str, str], log: Path, command: str = "serve") -> Iterator[str]:
    """``storedesk <command>`` on a free port until the block ends; yields its base URL once
    it is ready."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start_storedesk(env, log, command, "--port", str(port))
    try:
        wait_until_ready(f"{url}/readyz", process, log)
        yield url
    finally:
        stop(process)


def call_api(
    url: str, token: str, method: str, path: str, body: dict[str, Any] | None = None
) -> Any:
    """One request to the REST API of the server at ``url`` with an integration token; the
    answer's JSON."""
    request = urllib.request.Request(  # noqa: S310  (loopback)
        f"{url}/api/v1{path}",
        method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.loads(response.read())


@contextmanager
def shared_lock(path: Path) -> Iterator[None]:
    """Held by one process at a time: the test workers of one session prepare a database
    once between them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
