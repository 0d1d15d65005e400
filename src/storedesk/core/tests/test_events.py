"""The event bus: events reach their subscribers after commit, each subscriber isolated from
the others, and every event carries an id of its own."""

import logging
from collections.abc import Callable, Iterator
from typing import Any, Literal

import pytest
from django.db import transaction

from storedesk.core.events import Event, publish_event, subscribe
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db


class ParcelEvent(Event):
    type: Literal["parcel"] = "parcel"
    op: Literal["scanned"] = "scanned"
    parcel_id: int


@pytest.fixture
def subscriptions() -> Iterator[Callable[..., None]]:
    """Subscribe for the length of one test."""
    removers: list[Callable[[], None]] = []

    def add(handler: Callable[[Event], None], **options: Any) -> None:
        removers.append(subscribe(handler, **options))

    yield add
    for remove in removers:
        remove()


def test_a_failing_subscriber_does_not_stop_the_others_and_is_logged(
    store: Store,
    subscriptions: Callable[..., None],
    django_capture_on_commit_callbacks: Callable[..., Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    before: list[Event] = []
    after: list[Event] = []

    def broken(event: Event) -> None:
        raise RuntimeError("the socket layer is down")

    subscriptions(before.append)
    subscriptions(broken)
    subscriptions(after.append, event_type="parcel")
    event = ParcelEvent(store_id=store.pk, parcel_id=7)

    with (
        caplog.at_level(logging.ERROR, logger="storedesk.core.events"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish_event(event)

    assert before == [event]
    assert after == [event]
    [record] = [r for r in caplog.records if r.name == "storedesk.core.events"]
    assert record.getMessage() == (
        f"Subscriber {__name__}.test_a_failing_subscriber_does_not_stop_the_others_and_is_logged"
        f".<locals>.broken failed on event parcel.scanned (store {store.pk}, event {event.id})"
    )
    assert record.exc_info is not None
    assert str(record.exc_info[1]) == "the socket layer is down"


def test_an_event_of_a_rolled_back_transaction_is_never_delivered(
    store: Store,
    subscriptions: Callable[..., None],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    delivered: list[Event] = []
    subscriptions(delivered.append)

    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                publish_event(ParcelEvent(store_id=store.pk, parcel_id=1))
                raise LookupError
        except LookupError:
            pass

    assert delivered == []


def test_every_event_has_its_own_id_and_compares_by_what_it_says() -> None:
    first = ParcelEvent(store_id=1, parcel_id=7)
    again = ParcelEvent(store_id=1, parcel_id=7)
    other = ParcelEvent(store_id=1, parcel_id=8)

    assert first.id != again.id
    assert first == again
    assert hash(first) == hash(again)
    assert first != other
    # The id names the publication for queued work; socket frames stay as documented.
    assert first.model_dump() == {"type": "parcel", "op": "scanned", "store_id": 1, "parcel_id": 7}
