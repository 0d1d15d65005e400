"""Re-indexing the policy pages is background work: publishing queues it with the event's id,
the worker does it, and doing it again changes nothing."""

from collections.abc import Callable
from typing import Any

import pytest
from django.tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from storedesk.accounts.actors import Actor
from storedesk.catalog.models import Category
from storedesk.core.events import Event
from storedesk.policies.events import PolicyEvent
from storedesk.policies.tests.test_pages import (
    LANGUAGES,
    actor,
    publish_returns,
    shoes,
    shop,
)
from storedesk.search.models import SearchDocument

__all__ = ["actor", "shoes", "shop"]  # fixtures shared with the page tests

pytestmark = pytest.mark.django_db

TASK = "storedesk.policies.tasks.index_published_policy"


def indexed(actor: Actor) -> list[tuple[str, str, str]]:
    return sorted(
        SearchDocument.objects.filter(store=actor.store, kind="policy").values_list(
            "key", "language", "body"
        )
    )


def test_publishing_queues_a_reindex_that_the_worker_does(
    actor: Actor,
    shoes: Category,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publish_returns(actor, shoes, shoe_days=47, default_days=21)

    # The commit has been and its subscribers have run: the index waits for the worker.
    [event] = captured_events
    assert isinstance(event, PolicyEvent)
    queued = DBTaskResult.objects.get()
    assert (queued.task_path, queued.status) == (TASK, TaskResultStatus.READY)
    assert queued.args_kwargs == {
        "args": [],
        "kwargs": {
            "event_id": str(event.id),
            "store_id": actor.store.pk,
            "kind": "returns",
            "slug": None,
        },
    }
    assert indexed(actor) == []

    assert run_queued_tasks() == [TASK]

    documents = SearchDocument.objects.filter(store=actor.store, kind="policy", key="returns")
    assert sorted(documents.values_list("language", flat=True)) == sorted(LANGUAGES)
    assert "47" in documents.get(language="tr").body
    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL


def test_running_the_same_reindex_again_is_harmless(
    actor: Actor,
    shoes: Category,
    django_capture_on_commit_callbacks: Callable[..., Any],
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publish_returns(actor, shoes, shoe_days=47, default_days=21)
    run_queued_tasks()
    first = indexed(actor)
    queued = DBTaskResult.objects.get()

    # A retry of the same event, as a worker that lost its claim would run it.
    assert queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"]) is True

    assert indexed(actor) == first
    assert SearchDocument.objects.filter(store=actor.store).count() == len(LANGUAGES)


def test_a_reindex_for_a_store_that_is_gone_does_nothing(
    actor: Actor,
    shoes: Category,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        publish_returns(actor, shoes, shoe_days=47, default_days=21)
    queued = DBTaskResult.objects.get()
    kwargs = queued.args_kwargs["kwargs"] | {"store_id": actor.store.pk + 1000}

    assert queued.task.call(**kwargs) is False
    assert SearchDocument.objects.count() == 0
