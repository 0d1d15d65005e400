"""Two server processes receiving the same update at the same instant store one event, and
the worker makes one message of it: the unique constraint decides, not a prior read."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection as db_connection
from django.db import connections
from django.test import Client

from storedesk.connectors.models import ChannelConnection, InboundEvent
from storedesk.connectors.tests import channel_fixtures
from storedesk.connectors.tests.channel_fixtures import (
    post_update,
    text_update,
)
from storedesk.inbox.models import Message

pytestmark = pytest.mark.django_db(transaction=True)
# The shared fixtures, by assignment: pytest finds them as this module's own.
connection = channel_fixtures.connection
telegram = channel_fixtures.telegram
SENDERS = 4


@pytest.mark.skipif(
    db_connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
)
def test_the_same_update_posted_at_the_same_instant_is_one_event_and_one_message(
    connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    run_queued_tasks()
    barrier = threading.Barrier(SENDERS)
    codes: list[str] = []

    def send() -> None:
        try:
            barrier.wait(5)
            codes.append(post_update(Client(), connection, text_update(777)).json()["code"])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(SENDERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    run_queued_tasks()

    assert sorted(codes) == ["duplicate"] * (SENDERS - 1) + ["stored"]
    assert InboundEvent.objects.count() == 1
    assert Message.objects.count() == 1
