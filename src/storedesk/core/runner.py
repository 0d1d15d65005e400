"""Running Storedesk: the web server (HTTP and websockets) and the task worker."""

import copy
import logging
import threading
import uuid
from typing import TYPE_CHECKING, Any

import uvicorn
import uvicorn.config
from django.conf import settings

from storedesk.core.scheduler import SchedulerThread

if TYPE_CHECKING:
    from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)


def new_task_worker(name: str, *, interval: float, batch: bool) -> "Worker":
    """A worker of the database task queue, over every queue, named ``name-<random>``.
    With ``batch`` it returns once nothing is due instead of polling every ``interval``."""
    # Imported here: the worker's module loads models, which needs configured settings.
    from django_tasks_db.management.commands.db_worker import Worker

    return Worker(
        queue_names=["*"],
        interval=interval,
        batch=batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"{name}-{uuid.uuid4().hex[:8]}",
        excluded_queue_names=[],
    )


class WorkerThread:
    """The background task worker and the periodic jobs' scheduler, in daemon threads of
    this process."""

    def __init__(self, *, interval: float = 0.5) -> None:
        self._worker = new_task_worker("inprocess", interval=interval, batch=False)
        self._thread = threading.Thread(
            target=self._worker.run, name="storedesk-worker", daemon=True
        )
        self._scheduler = SchedulerThread()

    def start(self) -> "WorkerThread":
        self._thread.start()
        self._scheduler.start()
        return self

    def stop(self, timeout: float = 10) -> None:
        """Let the task in hand finish, then stop polling."""
        self._scheduler.stop(timeout)
        self._worker.running = False
        self._thread.join(timeout)


def start_worker_thread(*, interval: float = 0.5) -> WorkerThread:
    """Run the background task worker and the periodic jobs' scheduler inside this process
    (the single-process mode)."""
    return WorkerThread(interval=interval).start()


def _log_config() -> dict[str, Any]:
    config: dict[str, Any] = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config.setdefault("filters", {})["redact_secrets"] = {
        "()": "storedesk.core.redaction.RedactSecretsFilter"
    }
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("redact_secrets")
    return config


def serve(*, host: str, port: int, workers: int = 1, log_level: str = "info") -> None:
    """Serve the ASGI application with uvicorn until interrupted."""
    uvicorn.run(
        "storedesk.config.asgi:application",
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        log_config=_log_config(),
        proxy_headers=settings.PRODUCTION,
        lifespan="off",
        ws="websockets-sansio",
    )
