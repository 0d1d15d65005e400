"""Background jobs of the policies: keeping the public pages' search index current.

A published or withdrawn policy queues ``index_published_policy`` from its event, after the
publishing transaction commits; the publishing request does not wait for the index.
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from storedesk.core.events import Event, subscribe
from storedesk.core.models import Store
from storedesk.core.scheduler import periodic
from storedesk.policies.events import PolicyEvent
from storedesk.policies.indexing import (
    PolicyKind,
    index_policy,
    index_returns_pages,
    index_shipping_pages,
)
from storedesk.policies.models import ReturnPolicyVersion, ShippingPolicyVersion, VersionStatus

logger = logging.getLogger(__name__)

EVERY = timedelta(minutes=10)


@task()
def index_published_policy(
    *, event_id: str, store_id: int, kind: PolicyKind, slug: str | None = None
) -> bool:
    """Re-index the pages a policy event is about; False when the store is gone.

    Indexing makes the index match the pages as they are when the task runs, so a retry,
    a duplicate or a late run of the same event (``event_id``) does no harm.
    """
    store = Store.objects.filter(pk=store_id).first()
    if store is None:
        return False
    logger.debug("Indexing %s policy pages of store %s for event %s", kind, store_id, event_id)
    index_policy(store, kind=kind, slug=slug)
    return True


def queue_policy_index(event: Event) -> None:
    """The policy event's subscriber: queue the re-index, do none of it here."""
    if not isinstance(event, PolicyEvent):
        return
    index_published_policy.enqueue(
        event_id=str(event.id), store_id=event.store_id, kind=event.kind, slug=event.slug
    )


_unsubscribe: Callable[[], None] | None = None


def connect() -> None:
    """Queue a re-index whenever a policy is published (once, however often called)."""
    global _unsubscribe
    if _unsubscribe is None:
        _unsubscribe = subscribe(queue_policy_index, event_type="policy")


@periodic("policies.index_versions_taking_effect", every=EVERY)
def index_versions_taking_effect() -> None:
    """A version published for a later date reaches the pages' search index when it takes
    effect (the pages themselves read the version in force on every request)."""
    now = timezone.now()
    # Twice the interval: a late or skipped run still catches what it missed.
    since = now - 2 * EVERY
    for model, index in (
        (ReturnPolicyVersion, index_returns_pages),
        (ShippingPolicyVersion, index_shipping_pages),
    ):
        store_ids = (
            model.objects.filter(
                status=VersionStatus.PUBLISHED, effective_from__gt=since, effective_from__lte=now
            )
            .values_list("store_id", flat=True)
            .distinct()
        )
        for store in Store.objects.filter(pk__in=list(store_ids)):
            index(store)
