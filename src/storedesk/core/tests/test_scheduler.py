from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from storedesk.core import scheduler
from storedesk.core.models import ScheduledJobRun
from storedesk.core.scheduler import PeriodicJob, claim, periodic, run_due_jobs

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_a_job_is_claimed_once_per_interval_whoever_asks() -> None:
    job = PeriodicJob(name="test.job", every=timedelta(minutes=1), run=lambda: None)

    assert claim(job, now=NOW) is True
    assert claim(job, now=NOW) is False  # a second worker at the same moment
    assert claim(job, now=NOW + timedelta(seconds=59)) is False
    assert claim(job, now=NOW + timedelta(minutes=1)) is True
    assert ScheduledJobRun.objects.get(name="test.job").last_run_at == NOW + timedelta(minutes=1)


@pytest.fixture
def jobs_of_this_test() -> Iterator[None]:
    before = scheduler.registered_jobs()
    yield
    scheduler._jobs.clear()
    scheduler._jobs.update(before)


@pytest.mark.django_db
@pytest.mark.usefixtures("jobs_of_this_test")
def test_a_failing_job_does_not_stop_the_others() -> None:
    calls: list[str] = []

    @periodic("test.fails", every=timedelta(minutes=1))
    def fail() -> None:
        raise RuntimeError("boom")

    @periodic("test.works", every=timedelta(minutes=1))
    def work() -> None:
        calls.append("works")

    ran = run_due_jobs(now=NOW)

    assert {"test.fails", "test.works"} <= set(ran)
    assert calls == ["works"]
    assert run_due_jobs(now=NOW) == []


def test_the_inbox_registers_its_snooze_wake_up() -> None:
    jobs = scheduler.registered_jobs()

    assert jobs["inbox.wake_snoozed_conversations"].every == timedelta(minutes=1)
