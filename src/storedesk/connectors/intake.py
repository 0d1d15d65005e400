"""Durable intake: a webhook delivery is verified, stored as it arrived and handed to the
worker in one transaction, and only then acknowledged; the worker turns it into messages.

- The same platform event twice (a retry, two server processes at the same instant) is one
  row: the unique constraint on (connection, external_id) decides, on PostgreSQL as well.
- A failed verification is answered 401 and kept as a ``rejected`` row without its body,
  and an address that keeps failing is slowed down (429) before it costs a row each time.
- Processing takes the event with a conditional update that pushes ``next_attempt_at``
  ahead by a lease: two workers never process it at once, and one that dies mid-way leaves
  it to be taken again once the lease is over (``resume_stalled_events``).
- A failure worth retrying is tried again with exponential backoff; after MAX_ATTEMPTS, or
  a failure that cannot succeed, the event is ``dead`` and waits for an admin.
"""

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from storedesk.connectors.models import ChannelConnection, EventStatus, InboundEvent
from storedesk.connectors.registry import Refused, Retryable, WebhookRequest, get_connector
from storedesk.connectors.selectors import find_webhook_connection
from storedesk.core.errors import StoredeskError
from storedesk.core.ratelimit import RateLimit, hit, peek

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# 1, 2, 4, 8, 16 minutes between attempts: a platform or mail server away for half an
# hour still gets its events in.
FIRST_BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=1)
# How long a worker may hold an event before another may take it.
LEASE = timedelta(minutes=5)
# Headers kept with an event, for whoever inspects it later (never a signature or token).
KEPT_HEADERS = ("content-type", "user-agent", "content-length")
REJECTED_PER_ADDRESS = RateLimit(
    "connector-webhook-rejected",
    limit=getattr(settings, "CONNECTOR_REJECTIONS_PER_ADDRESS", 30),
    window=60,
)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """What the webhook answers: an HTTP status and a short machine-readable reason."""

    status: int
    code: str
    event_id: int | None = None
    duplicate: bool = False


def receive_webhook(
    kind: str, key: str, request: WebhookRequest, *, remote_address: str
) -> Acknowledgement:
    """Verify, store and queue one webhook delivery; the answer to give the platform."""
    connection = find_webhook_connection(kind, key)
    connector = get_connector(kind)
    if connection is None or connector is None:
        return Acknowledgement(404, "not_found")
    if not peek(REJECTED_PER_ADDRESS, remote_address).allowed:
        return Acknowledgement(429, "rate_limited")
    if len(request.body) > connector.max_body_bytes:
        return Acknowledgement(413, "payload_too_large")
    if not connector.verify(connection, request):
        hit(REJECTED_PER_ADDRESS, remote_address)
        _record(connection, request, remote_address, status=EventStatus.REJECTED,
                error="signature missing or wrong", keep_body=False)  # fmt: skip
        return Acknowledgement(401, "bad_signature")
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        event = _record(connection, request, remote_address, status=EventStatus.REJECTED,
                        error="malformed JSON", keep_body=True)  # fmt: skip
        return Acknowledgement(400, "malformed_json", event.pk)
    classified = connector.classify(payload)
    if not classified.handled:
        # Acknowledged so the platform stops sending it; kept for whoever wonders.
        try:
            event = _record(connection, request, remote_address, status=EventStatus.DONE,
                            error=f"ignored: {classified.note}", keep_body=True,
                            external_id=classified.external_id)  # fmt: skip
        except IntegrityError:
            return Acknowledgement(200, "duplicate", duplicate=True)
        return Acknowledgement(200, "ignored", event.pk)
    try:
        with transaction.atomic():
            event = _record(connection, request, remote_address, status=EventStatus.PENDING,
                            keep_body=True, external_id=classified.external_id)  # fmt: skip
            from storedesk.connectors.tasks import process_inbound_event

            # With the database queue the task row commits with the event or not at all:
            # nothing acknowledged is ever without its worker's job.
            process_inbound_event.enqueue(event_id=event.pk)
    except IntegrityError:
        return Acknowledgement(200, "duplicate", duplicate=True)
    return Acknowledgement(200, "stored", event.pk)


def _record(
    connection: ChannelConnection,
    request: WebhookRequest,
    remote_address: str,
    *,
    status: EventStatus,
    keep_body: bool,
    error: str = "",
    external_id: str | None = None,
) -> InboundEvent:
    now = timezone.now()
    with transaction.atomic():
        return InboundEvent.objects.create(
            store_id=connection.store_id,
            connection=connection,
            external_id=external_id,
            body=request.body if keep_body else b"",
            headers={
                name: request.headers[name][:300]
                for name in KEPT_HEADERS
                if name in request.headers
            },
            remote_address=remote_address[:64],
            received_at=now,
            status=status,
            next_attempt_at=now if status == EventStatus.PENDING else None,
            last_error=error[:500],
            processed_at=now if status == EventStatus.DONE else None,
        )


# Processing, in the worker ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    status: EventStatus
    # When the event should be tried again (a task is queued for then); None otherwise.
    retry_at: datetime | None = None


def do_process_event(event_id: int) -> Outcome | None:
    """Process one stored event if it is due; None when it is not this worker's to process
    (done already, taken by another worker, or not due yet)."""
    now = timezone.now()
    with transaction.atomic():
        taken = InboundEvent.objects.filter(
            pk=event_id, status=EventStatus.PENDING, next_attempt_at__lte=now
        ).update(next_attempt_at=now + LEASE, attempts=F("attempts") + 1)
    if not taken:
        return None
    event = InboundEvent.objects.select_related("connection__store", "connection__team").get(
        pk=event_id
    )
    connector = get_connector(event.connection.kind)
    if connector is None:
        return _give_up(event, "no connector for this channel any more")
    if event.attempts > MAX_ATTEMPTS:
        return _give_up(event, event.last_error or "gave up")
    try:
        message = connector.process(event.connection, event)
    except Retryable as failure:
        return _retry_later(event, failure.reason, now=now)
    except (Refused, StoredeskError) as failure:
        reason = failure.reason if isinstance(failure, Refused) else failure.message
        return _give_up(event, reason)
    except (KeyError, TypeError, ValueError) as failure:
        # The payload is not what the platform documents: retrying reads it the same way.
        logger.warning("Event %s could not be read: %r", event.pk, failure)
        return _give_up(event, f"unreadable event: {type(failure).__name__}")
    InboundEvent.objects.filter(pk=event.pk).update(
        status=EventStatus.DONE,
        processed_at=timezone.now(),
        next_attempt_at=None,
        last_error="",
        message=message,
    )
    return Outcome(EventStatus.DONE)


def backoff(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failure."""
    wait: timedelta = FIRST_BACKOFF * (2 ** max(0, attempts - 1))
    return min(wait, MAX_BACKOFF)


def _retry_later(event: InboundEvent, reason: str, *, now: datetime) -> Outcome:
    if event.attempts >= MAX_ATTEMPTS:
        return _give_up(event, reason)
    retry_at = now + backoff(event.attempts)
    from storedesk.connectors.tasks import process_inbound_event

    with transaction.atomic():
        InboundEvent.objects.filter(pk=event.pk).update(
            next_attempt_at=retry_at, last_error=reason[:500]
        )
        process_inbound_event.using(run_after=retry_at).enqueue(event_id=event.pk)
    logger.info("Event %s failed (%s); trying again at %s", event.pk, reason, retry_at)
    return Outcome(EventStatus.PENDING, retry_at)


def _give_up(event: InboundEvent, reason: str) -> Outcome:
    InboundEvent.objects.filter(pk=event.pk).update(
        status=EventStatus.DEAD, next_attempt_at=None, last_error=reason[:500]
    )
    logger.warning("Event %s is dead after %s attempts: %s", event.pk, event.attempts, reason)
    return Outcome(EventStatus.DEAD)


def list_stalled_event_ids(*, now: datetime | None = None, limit: int = 500) -> list[int]:
    """Pending events whose time came and went by a lease without a worker finishing them:
    a worker that died, or a queue that lost its task."""
    now = now or timezone.now()
    return list(
        InboundEvent.objects.filter(status=EventStatus.PENDING, next_attempt_at__lte=now - LEASE)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )
