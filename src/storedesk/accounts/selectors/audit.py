"""Reading a store's audit log: its entries newest first, filtered, and the choices the
filters offer. Only members with VIEW_AUDIT_LOG read it; an integration's token never does."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import ValidationFailed
from storedesk.core.models import AuditLogEntry

# Newest first; the store's (store, -created_at, -id) index serves it, and the id makes the
# order total, which keyset pagination needs.
AUDIT_ORDERING = ("-created_at", "-id")
# Days outside these years cannot be turned into a moment in every time zone.
FIRST_YEAR = 1970
LAST_YEAR = 9998
MAX_TARGET_TYPE_LENGTH = AuditLogEntry._meta.get_field("target_type").max_length or 60
MAX_ACTION_LENGTH = AuditLogEntry._meta.get_field("action").max_length or 80


@dataclass(frozen=True, slots=True)
class AuditFilters:
    """What a reader narrows the log to; every filter is optional.

    ``since`` and ``until`` are whole days in the reader's time zone, both included.
    """

    person_id: int | None = None
    target_type: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None

    def as_details(self) -> dict[str, object]:
        """The filters in use, for the audit entry of an export."""
        details: dict[str, object] = {}
        if self.person_id is not None:
            details["person_id"] = self.person_id
        if self.target_type:
            details["target_type"] = self.target_type
        if self.action:
            details["action"] = self.action
        if self.since is not None:
            details["since"] = self.since.isoformat()
        if self.until is not None:
            details["until"] = self.until.isoformat()
        return details


def get_reader_zone(actor: Actor) -> ZoneInfo:
    """The time zone the reader sees times and means days in: a member's own, the store's
    for anyone else."""
    name = actor.user.timezone if actor.user is not None else actor.store.timezone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def check_audit_filters(
    filters: AuditFilters, *, zone: ZoneInfo
) -> tuple[datetime | None, datetime | None]:
    """The filters' days as moments: the start of ``since`` and the end of ``until`` (the
    start of the day after) in ``zone``. Raises ValidationFailed for days that make no
    range."""
    for day in (filters.since, filters.until):
        if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ValidationFailed(
                _("Choose days between the years %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR},
                details={"day": day.isoformat()},
            )
    if filters.since is not None and filters.until is not None and filters.since > filters.until:
        raise ValidationFailed(
            _("The first day comes after the last day."),
            details={"since": filters.since.isoformat(), "until": filters.until.isoformat()},
        )
    if len(filters.target_type) > MAX_TARGET_TYPE_LENGTH or len(filters.action) > MAX_ACTION_LENGTH:
        raise ValidationFailed(_("No action or kind of object has a name that long."))
    start = _start_of(filters.since, zone) if filters.since is not None else None
    end = _start_of(filters.until + timedelta(days=1), zone) if filters.until is not None else None
    return start, end


def _start_of(day: date, zone: ZoneInfo) -> datetime:
    # Midnight on the zone's clocks. Where a daylight-saving jump skips midnight, fold=0
    # reads it with the offset from before the jump: the day's first moment that exists.
    return datetime.combine(day, time.min, tzinfo=zone)


def list_audit_entries(
    actor: Actor, filters: AuditFilters, *, zone: ZoneInfo
) -> QuerySet[AuditLogEntry]:
    """The store's audit entries that match ``filters``, newest first, with who made them."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    start, end = check_audit_filters(filters, zone=zone)
    entries = AuditLogEntry.objects.filter(store=actor.store).select_related("actor_user")
    if filters.person_id is not None:
        entries = entries.filter(actor_user_id=filters.person_id)
    if filters.target_type:
        entries = entries.filter(target_type=filters.target_type)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if start is not None:
        entries = entries.filter(created_at__gte=start)
    if end is not None:
        entries = entries.filter(created_at__lt=end)
    return entries.order_by(*AUDIT_ORDERING)


def list_recent_audit_entries(actor: Actor, *, limit: int = 5) -> list[AuditLogEntry]:
    actor.require(Permission.VIEW_AUDIT_LOG)
    return list(
        AuditLogEntry.objects.filter(store=actor.store)
        .select_related("actor_user")
        .order_by(*AUDIT_ORDERING)[:limit]
    )


def list_audit_people(actor: Actor) -> QuerySet[User]:
    """Everyone with an entry in the store's log, members who have left included: the
    people the log can be narrowed to."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    acted = AuditLogEntry.objects.filter(store=actor.store, actor_user__isnull=False).values(
        "actor_user_id"
    )
    return User.objects.filter(pk__in=acted).order_by("name", "email")


def list_audit_target_types(actor: Actor) -> list[str]:
    """The kinds of object the store's log has entries about."""
    actor.require(Permission.VIEW_AUDIT_LOG)
    return list(
        AuditLogEntry.objects.filter(store=actor.store)
        .order_by("target_type")
        .values_list("target_type", flat=True)
        .distinct()
    )
