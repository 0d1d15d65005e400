"""Periodic jobs (snooze wake-ups, SLA checks, delay detection, review requests).

Apps register jobs in their ``tasks`` module with ``@periodic``. Every worker process runs
the scheduler loop; a job's row in ``ScheduledJobRun`` is claimed with one conditional
UPDATE, so however many workers run, each job runs at most once per interval.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from storedesk.core.models import ScheduledJobRun

logger = logging.getLogger(__name__)

_NEVER = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PeriodicJob:
    name: str
    every: timedelta
    run: Callable[[], object]


_jobs: dict[str, PeriodicJob] = {}


def periodic(
    name: str, *, every: timedelta
) -> Callable[[Callable[[], object]], Callable[[], object]]:
    """Register the decorated function to run every ``every`` in some worker."""

    def register(function: Callable[[], object]) -> Callable[[], object]:
        _jobs[name] = PeriodicJob(name=name, every=every, run=function)
        return function

    return register


def registered_jobs() -> dict[str, PeriodicJob]:
    autodiscover_modules("tasks")
    return dict(_jobs)


def claim(job: PeriodicJob, *, now: datetime) -> bool:
    """Take this interval's run of ``job``; False when another worker has it already."""
    with transaction.atomic():
        ScheduledJobRun.objects.get_or_create(name=job.name, defaults={"last_run_at": _NEVER})
        claimed = ScheduledJobRun.objects.filter(
            name=job.name, last_run_at__lte=now - job.every
        ).update(last_run_at=now)
    return claimed == 1


def run_due_jobs(*, now: datetime | None = None) -> list[str]:
    """Run every job whose interval has passed; returns the names of those run."""
    now = now or timezone.now()
    ran = []
    for job in registered_jobs().values():
        if not claim(job, now=now):
            continue
        ran.append(job.name)
        try:
            job.run()
        except Exception:
            # One failing job must not stop the others or the loop; it runs again next time.
            logger.exception("Periodic job %s failed", job.name)
    return ran


class SchedulerThread:
    """Runs due periodic jobs every few seconds in a daemon thread of a worker process."""

    def __init__(self, *, tick: float = 5.0) -> None:
        self._tick = tick
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="storedesk-scheduler", daemon=True)

    def start(self) -> "SchedulerThread":
        self._thread.start()
        return self

    def stop(self, timeout: float = 10) -> None:
        self._stopped.set()
        self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stopped.wait(self._tick):
            close_old_connections()
            try:
                run_due_jobs()
            except Exception:
                # A database that is briefly away must not end the scheduler for good.
                logger.exception("The scheduler could not run its jobs")
            finally:
                close_old_connections()
