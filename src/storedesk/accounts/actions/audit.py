"""The audit log's one write besides the entries themselves: an export is recorded too, so
the log shows who took a copy of it, and of what."""

from zoneinfo import ZoneInfo

from django.db import transaction

from storedesk.accounts.actors import Actor
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.audit import AuditFilters, check_audit_filters

EXPORTED = "audit_log.exported"


def check_record_audit_export(
    actor: Actor, filters: AuditFilters, *, zone: ZoneInfo, file_format: str
) -> None:
    """Record that ``actor`` exports the entries ``filters`` select; refuses a reader without
    VIEW_AUDIT_LOG and filters that select nothing sensible, before anything is written."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    check_audit_filters(filters, zone=zone)
    do_record_audit_export(actor, filters, zone=zone, file_format=file_format)


@transaction.atomic
def do_record_audit_export(
    actor: Actor, filters: AuditFilters, *, zone: ZoneInfo, file_format: str
) -> None:
    actor.audit(
        EXPORTED,
        "audit_log",
        actor.store.pk,
        format=file_format,
        time_zone=zone.key,
        filters=filters.as_details(),
    )
