"""The audit log over the API: the same entries and filters as the viewer in Settings, for
members with VIEW_AUDIT_LOG. Integration tokens may not read it."""

from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from storedesk.accounts.audit_labels import action_label, actor_name
from storedesk.accounts.auth import request_actor
from storedesk.accounts.selectors.audit import (
    AUDIT_ORDERING,
    MAX_ACTION_LENGTH,
    MAX_TARGET_TYPE_LENGTH,
    AuditFilters,
    get_reader_zone,
    list_audit_entries,
)
from storedesk.core.api import ERROR_STATUSES, Day, ErrorResponse, ObjectId, PageQuery, Text
from storedesk.core.models import AuditLogEntry
from storedesk.core.pagination import paginate

router = Router()


class AuditLogFilters(PageQuery):
    person_id: ObjectId | None = Field(None, description="Entries of this member of staff.")
    target_type: Annotated[str, Text(MAX_TARGET_TYPE_LENGTH)] = Field(
        "", description="Entries about this kind of object, e.g. `conversation`."
    )
    action: Annotated[str, Text(MAX_ACTION_LENGTH)] = Field(
        "", description="Entries of this action, e.g. `conversation.assigned`."
    )
    since: Day | None = Field(
        None, description="From the start of this day in the caller's time zone."
    )
    until: Day | None = Field(
        None, description="To the end of this day in the caller's time zone (included)."
    )


class AuditLogEntryOut(Schema):
    id: int
    created_at: datetime
    actor_user_id: int | None = Field(description="The member of staff; null for others.")
    actor_name: str = Field(description="The member's name, a token's name or Storedesk.")
    actor_label: str = Field(description="As recorded: an email, `token:<name>` or `system`.")
    action: str
    action_label: str = Field(description="The action in the caller's language.")
    target_type: str
    target_id: str
    details: dict[str, Any]


class AuditLogPage(Schema):
    items: list[AuditLogEntryOut]
    next_cursor: str | None


@router.get("", response={200: AuditLogPage, ERROR_STATUSES: ErrorResponse})
def list_audit_log(request: HttpRequest, filters: Query[AuditLogFilters]) -> dict[str, object]:
    """The store's audit log, newest first. Days are read in the caller's time zone (their
    preference in the agent UI)."""
    actor = request_actor(request)
    entries = list_audit_entries(
        actor,
        AuditFilters(
            person_id=filters.person_id,
            target_type=filters.target_type,
            action=filters.action,
            since=filters.since,
            until=filters.until,
        ),
        zone=get_reader_zone(actor),
    )
    items, next_cursor = paginate(
        entries, ordering=AUDIT_ORDERING, cursor=filters.cursor, limit=filters.limit
    )
    return {"items": [_entry(entry) for entry in items], "next_cursor": next_cursor}


def _entry(entry: AuditLogEntry) -> dict[str, object]:
    return {
        "id": entry.pk,
        "created_at": entry.created_at,
        "actor_user_id": entry.actor_user_id,
        "actor_name": actor_name(entry),
        "actor_label": entry.actor_label,
        "action": entry.action,
        "action_label": action_label(entry.action),
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "details": entry.details if isinstance(entry.details, dict) else {},
    }
