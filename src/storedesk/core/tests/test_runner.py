import io
import logging.config
import time

import pytest
from django.db import OperationalError
from django.tasks import task
from django.tasks.base import TaskResultStatus

from storedesk.core.runner import _log_config, start_worker_thread


@task()
def add(a: int, b: int) -> int:
    return a + b


@pytest.mark.django_db(transaction=True)
def test_the_in_process_worker_runs_enqueued_tasks() -> None:
    result = add.enqueue(2, 3)
    worker = start_worker_thread(interval=0.05)
    try:
        deadline = time.monotonic() + 20
        while result.status != TaskResultStatus.SUCCESSFUL and time.monotonic() < deadline:
            time.sleep(0.05)
            try:
                result.refresh()
            except OperationalError:
                # The test database is SQLite in memory, shared between the threads: a read
                # while the worker writes is refused as locked; the next look sees the result.
                continue
    finally:
        worker.stop()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5


def test_the_servers_log_never_shows_a_visitor_token() -> None:
    config = _log_config()
    assert all("redact_secrets" in handler["filters"] for handler in config["handlers"].values())
    # The server's own logging set-up, writing to a buffer instead of the terminal.
    stream = io.StringIO()
    config["handlers"] = {
        name: {**handler, "class": "logging.StreamHandler", "stream": stream}
        for name, handler in config["handlers"].items()
    }
    config["loggers"] = {f"test.{name}": logger for name, logger in config["loggers"].items()}
    logging.config.dictConfig({**config, "disable_existing_loggers": False})

    logging.getLogger("test.uvicorn.error").info(
        '%s - "WebSocket %s" [accepted]', "127.0.0.1:5000", "/ws/chat/?token=v1.secret-part&lang=tr"
    )
    logging.getLogger("test.uvicorn.access").info(
        '%s - "%s %s HTTP/%s" %d',
        "127.0.0.1:5000", "GET", "/widget/v1/messages?token=v1.other&after=3", "1.1", 200,
    )  # fmt: skip

    logged = stream.getvalue()
    assert "secret-part" not in logged
    assert "v1.other" not in logged
    assert "/ws/chat/?token=[redacted]&lang=tr" in logged
    assert "/widget/v1/messages?token=[redacted]&after=3" in logged
