"""Background jobs of the connectors: processing stored webhook events, sending agents'
replies, registering webhooks, and picking up work a dead worker left behind.

Each task loads by id and calls one function that may run twice or late without harm: an
event or a delivery is taken with a conditional update, so a second run finds nothing to do.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.tasks import task

from storedesk.core.events import Event, subscribe
from storedesk.core.scheduler import periodic

logger = logging.getLogger(__name__)


@task()
def process_inbound_event(*, event_id: int) -> str:
    """Turn one stored webhook event into inbox messages; the event's status afterwards."""
    from storedesk.connectors.intake import do_process_event

    outcome = do_process_event(event_id)
    return outcome.status if outcome is not None else "skipped"


@task()
def deliver_message(*, event_id: str, message_id: int) -> str:
    """Send one queued outbound message. ``event_id`` names the ``message.created`` event
    that asked for it (empty for a retry), for the logs."""
    from storedesk.connectors.outbound import do_deliver_message

    state = do_deliver_message(message_id)
    return state if state is not None else "skipped"


@task()
def register_webhook(*, connection_id: int) -> bool:
    """Tell the platform the connection's webhook URL; False when it refused (the reason is
    kept on the connection and shown in the settings)."""
    from storedesk.connectors.actions import do_record_webhook_registration
    from storedesk.connectors.models import ChannelConnection
    from storedesk.connectors.registry import Refused, Retryable, get_connector
    from storedesk.connectors.selectors import webhook_url

    connection = ChannelConnection.objects.filter(pk=connection_id, enabled=True).first()
    connector = get_connector(connection.kind) if connection is not None else None
    if connection is None or connector is None:
        return False
    try:
        connector.register_webhook(connection, webhook_url(connection))
    except (Refused, Retryable) as failure:
        do_record_webhook_registration(connection, error=failure.reason)
        return False
    do_record_webhook_registration(connection)
    return True


def queue_delivery(event: Event) -> None:
    """The ``message.created`` subscriber: an outbound message waiting on a channel that has
    a working connection is sent by the worker."""
    from storedesk.connectors.registry import get_connector
    from storedesk.inbox.events import MessageEvent

    if not isinstance(event, MessageEvent) or event.op != "created":
        return
    message = event.message
    if message.direction != "outbound" or message.delivery_status != "queued":
        return
    if get_connector(message.channel) is None:
        return
    from storedesk.connectors.models import ChannelConnection

    if not ChannelConnection.objects.filter(
        store_id=event.store_id, kind=message.channel, enabled=True
    ).exists():
        return
    deliver_message.enqueue(event_id=str(event.id), message_id=message.id)


_unsubscribe: Callable[[], None] | None = None


def connect() -> None:
    """Send agents' replies out through the connectors (once, however often called)."""
    global _unsubscribe
    if _unsubscribe is None:
        _unsubscribe = subscribe(queue_delivery, event_type="message")


@periodic("connectors.resume_stalled_work", every=timedelta(minutes=5))
def resume_stalled_work() -> None:
    """Queue again the events and replies a dead worker (or a lost task) left pending."""
    from storedesk.connectors.intake import list_stalled_event_ids
    from storedesk.connectors.outbound import list_stalled_delivery_message_ids

    for event_id in list_stalled_event_ids():
        process_inbound_event.enqueue(event_id=event_id)
    for message_id in list_stalled_delivery_message_ids():
        deliver_message.enqueue(event_id="", message_id=message_id)
