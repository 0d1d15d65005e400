import time

import pytest
from django.tasks import task
from django.tasks.base import TaskResultStatus

from storedesk.core.runner import start_worker_thread


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
            result.refresh()
    finally:
        worker.stop()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == 5
