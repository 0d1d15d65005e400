"""Outbound delivery: an agent's queued reply goes out through the conversation's
connection in the worker, with retries and exponential backoff, and its delivery status
follows what the platform answered.

One ``OutboundDelivery`` per message carries the attempts. It is taken with a conditional
update and a lease, as inbound events are, so two workers never send the same reply at once.
A platform without idempotency keys (Telegram) may still receive a reply twice if a worker
dies between the platform's answer and recording it: delivery is at least once.
"""

import logging
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from storedesk.connectors.models import DeliveryState, OutboundDelivery
from storedesk.connectors.registry import Refused, Retryable, get_connector
from storedesk.connectors.selectors import get_sending_connection
from storedesk.inbox.actions.messages import do_update_delivery_status
from storedesk.inbox.models import DeliveryStatus, Direction, Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
FIRST_BACKOFF = timedelta(seconds=30)
MAX_BACKOFF = timedelta(minutes=30)
LEASE = timedelta(minutes=5)


def backoff(attempts: int) -> timedelta:
    wait: timedelta = FIRST_BACKOFF * (2 ** max(0, attempts - 1))
    return min(wait, MAX_BACKOFF)


def do_deliver_message(message_id: int) -> DeliveryState | None:
    """Try to send one queued outbound message; the delivery's state afterwards, or None
    when there was nothing for this worker to do (sent already, taken, not due, or no
    connection: the message then stays queued and the composer says why)."""
    now = timezone.now()
    message = (
        Message.objects.select_related("conversation", "store")
        .filter(pk=message_id, direction=Direction.OUTBOUND)
        .first()
    )
    if message is None or message.delivery_status != DeliveryStatus.QUEUED:
        return None
    connection = get_sending_connection(message.store, message.conversation)
    connector = get_connector(message.channel)
    if connection is None or connector is None:
        return None
    delivery, _created = OutboundDelivery.objects.get_or_create(
        message=message,
        defaults={"store": message.store, "connection": connection, "next_attempt_at": now},
    )
    with transaction.atomic():
        taken = OutboundDelivery.objects.filter(
            pk=delivery.pk, state=DeliveryState.PENDING, next_attempt_at__lte=now
        ).update(next_attempt_at=now + LEASE, attempts=F("attempts") + 1, connection=connection)
    if not taken:
        return None
    delivery.refresh_from_db()
    try:
        external_id = connector.send(connection, message)
    except Retryable as failure:
        return _retry_later(delivery, message, failure, now=now)
    except Refused as failure:
        return _fail(delivery, message, failure.reason, state=DeliveryState.FAILED)
    with transaction.atomic():
        OutboundDelivery.objects.filter(pk=delivery.pk).update(
            state=DeliveryState.SENT, external_id=external_id, last_error="", next_attempt_at=None
        )
        do_update_delivery_status(message, status=DeliveryStatus.SENT)
    return DeliveryState.SENT


def _retry_later(
    delivery: OutboundDelivery, message: Message, failure: Retryable, *, now: datetime
) -> DeliveryState:
    if delivery.attempts >= MAX_ATTEMPTS:
        return _fail(delivery, message, failure.reason, state=DeliveryState.DEAD)
    wait = backoff(delivery.attempts)
    if failure.retry_after is not None:
        # The platform said when it will take more: sooner is refused, later is waste.
        wait = timedelta(seconds=max(1.0, min(failure.retry_after, MAX_BACKOFF.total_seconds())))
    retry_at = now + wait
    from storedesk.connectors.tasks import deliver_message

    with transaction.atomic():
        OutboundDelivery.objects.filter(pk=delivery.pk).update(
            next_attempt_at=retry_at, last_error=failure.reason[:500]
        )
        deliver_message.using(run_after=retry_at).enqueue(event_id="", message_id=message.pk)
    logger.info("Message %s not sent (%s); trying again at %s", message.pk, failure, retry_at)
    return DeliveryState.PENDING


def _fail(
    delivery: OutboundDelivery, message: Message, reason: str, *, state: DeliveryState
) -> DeliveryState:
    with transaction.atomic():
        OutboundDelivery.objects.filter(pk=delivery.pk).update(
            state=state, last_error=reason[:500], next_attempt_at=None
        )
        do_update_delivery_status(message, status=DeliveryStatus.FAILED, reason=reason)
    logger.warning("Message %s failed: %s", message.pk, reason)
    return state


def list_stalled_delivery_message_ids(
    *, now: datetime | None = None, limit: int = 500
) -> list[int]:
    """Deliveries whose lease ran out without a worker finishing them."""
    now = now or timezone.now()
    return list(
        OutboundDelivery.objects.filter(
            state=DeliveryState.PENDING, next_attempt_at__lte=now - LEASE
        )
        .order_by("next_attempt_at")
        .values_list("message_id", flat=True)[:limit]
    )
