"""Background jobs of the policies."""

from datetime import timedelta

from django.utils import timezone

from storedesk.core.models import Store
from storedesk.core.scheduler import periodic
from storedesk.policies.indexing import index_returns_pages, index_shipping_pages
from storedesk.policies.models import ReturnPolicyVersion, ShippingPolicyVersion, VersionStatus

EVERY = timedelta(minutes=10)


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
