"""The helpers that start real server processes for tests say what went wrong when a server
does not come up, instead of leaving a bare timeout."""

import subprocess
import sys
from pathlib import Path

import pytest

from storedesk.core.tests.processes import READY_TIMEOUT, free_port, stop, wait_until_ready


def test_a_server_that_exits_fails_the_wait_with_its_log(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("Error: that port is already in use.\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait(timeout=60)

    url = f"http://127.0.0.1:{free_port()}/readyz"

    with pytest.raises(pytest.fail.Exception) as failure:
        wait_until_ready(url, process, log)

    assert str(failure.value) == (
        f"storedesk exited with 3 before {url} answered:\nError: that port is already in use.\n"
    )


def test_a_server_that_never_answers_fails_the_wait_with_the_machines_load(
    tmp_path: Path,
) -> None:
    log = tmp_path / "server.log"
    log.write_text("Applying migrations…\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        with pytest.raises(pytest.fail.Exception) as failure:
            wait_until_ready(f"http://127.0.0.1:{free_port()}/readyz", process, log, timeout=1)
    finally:
        stop(process)

    assert "did not answer" in str(failure.value)
    assert "within 1 s (load average " in str(failure.value)
    assert str(failure.value).endswith("Applying migrations…\n")


def test_servers_get_minutes_to_start_on_a_busy_machine() -> None:
    assert READY_TIMEOUT >= 300
