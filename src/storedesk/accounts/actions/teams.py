"""Teams and what each role may grant: a team's name, members, time zone, working hours and
holidays, and the authority limits of each role.

Each change has a ``check_*`` that validates and authorizes and a ``do_*`` that writes and
records the old and the new value in the audit log. Setting what is already there changes
nothing and records nothing, so a form sent twice is harmless."""

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

import icu
from django.db import IntegrityError, transaction
from django.utils import timezone as django_timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.selectors.teams import Holiday, team_holidays, team_zone
from storedesk.core.errors import (
    Conflict,
    FieldError,
    FieldsInvalid,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from storedesk.core.models import Store
from storedesk.core.money import AMOUNT_DECIMAL_PLACES, AMOUNT_MAX_DIGITS
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.core.validation import check_currency, check_timezone, check_working_hours

type WorkingHours = dict[str, list[list[str]]]

MAX_TEAM_NAME_LENGTH = 120
MAX_INTERVALS_PER_DAY = 6
MAX_HOLIDAYS = 100
MAX_HOLIDAY_NAME_LENGTH = 100
# A holiday typed with the wrong year (1026, 2062) is refused rather than kept for ever.
HOLIDAYS_PAST = timedelta(days=366)
HOLIDAYS_AHEAD = timedelta(days=5 * 366)
MAX_DISCOUNT_PERCENT = Decimal(100)
_DISCOUNT_PLACES = 2
# The largest amount the database keeps: AMOUNT_MAX_DIGITS digits, AMOUNT_DECIMAL_PLACES of
# them after the point.
_AMOUNT_LIMIT = Decimal(10) ** (AMOUNT_MAX_DIGITS - AMOUNT_DECIMAL_PLACES)


# Teams -----------------------------------------------------------------------------------


def check_create_team(
    actor: Actor, *, name: str, timezone: str, working_hours: Mapping[str, Any] | None = None
) -> Team:
    """A new team of the actor's store; without working hours it works whenever one of its
    members is online."""
    actor.require(Permission.MANAGE_STORE)
    name = _check_team_name(actor.store, name)
    check_timezone(timezone)
    hours = check_team_hours(working_hours or {})
    return do_create_team(
        actor.store, name=name, timezone=timezone, working_hours=hours, actor=actor
    )


def do_create_team(
    store: Store,
    *,
    name: str,
    timezone: str,
    working_hours: WorkingHours,
    members: Sequence[User] = (),
    actor: Actor | None = None,
) -> Team:
    """Create the team; ``actor`` is who the audit log names (Storedesk itself when None)."""
    check_timezone(timezone)
    check_working_hours(working_hours)
    with transaction.atomic():
        try:
            with transaction.atomic():
                team = Team.objects.create(
                    store=store, name=name, timezone=timezone, working_hours=working_hours
                )
        except IntegrityError as error:
            raise _name_taken(name) from error
        team.members.set(members)
        (actor or system_actor(store)).audit(
            "team.created", "team", team.pk,
            name=name, timezone=timezone, working_hours=working_hours,
            members=sorted(member.pk for member in members),
        )  # fmt: skip
    return team


def check_update_team(actor: Actor, team: Team, *, name: str, timezone: str) -> Team:
    """Rename the team and set its time zone together: both are checked before either is
    written."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    name = _check_team_name(actor.store, name, team=team)
    check_timezone(timezone)
    with transaction.atomic():
        if name != team.name:
            do_rename_team(actor, team, name=name)
        if timezone != team.timezone:
            do_set_team_timezone(actor, team, timezone=timezone)
    return team


def check_rename_team(actor: Actor, team: Team, *, name: str) -> Team:
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    name = _check_team_name(actor.store, name, team=team)
    if name == team.name:
        return team
    return do_rename_team(actor, team, name=name)


def do_rename_team(actor: Actor, team: Team, *, name: str) -> Team:
    old = team.name
    with transaction.atomic():
        team.name = name
        try:
            with transaction.atomic():
                team.save(update_fields=["name"])
        except IntegrityError as error:
            team.name = old
            raise _name_taken(name) from error
        actor.audit("team.renamed", "team", team.pk, old=old, new=name)
    return team


def check_set_team_timezone(actor: Actor, team: Team, *, timezone: str) -> Team:
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    check_timezone(timezone)
    if timezone == team.timezone:
        return team
    return do_set_team_timezone(actor, team, timezone=timezone)


def do_set_team_timezone(actor: Actor, team: Team, *, timezone: str) -> Team:
    with transaction.atomic():
        old = team.timezone
        team.timezone = timezone
        team.save(update_fields=["timezone"])
        actor.audit("team.timezone_changed", "team", team.pk, old=old, new=timezone)
    return team


def check_set_team_members(actor: Actor, team: Team, *, member_ids: Sequence[int]) -> Team:
    """Make exactly these people the team's members; each must be active staff of the
    store (anyone else, another store's staff included, is not found)."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    wanted = set(member_ids)
    members = list(
        User.objects.filter(
            pk__in=Membership.objects.filter(
                store=actor.store, user_id__in=wanted, deactivated_at__isnull=True
            ).values("user_id")
        ).order_by("pk")
    )
    if len(members) != len(wanted):
        missing = sorted(wanted - {member.pk for member in members})
        raise NotFound(
            _("That person is not an active member of this store."),
            details={"user_ids": missing},
        )
    if {member.pk for member in team.members.all()} == wanted:
        return team
    return do_set_team_members(actor, team, members=members)


def do_set_team_members(actor: Actor, team: Team, *, members: Sequence[User]) -> Team:
    with transaction.atomic():
        old = sorted(team.members.values_list("pk", flat=True))
        team.members.set(members)
        actor.audit(
            "team.members_changed", "team", team.pk,
            old=old, new=sorted(member.pk for member in members),
        )  # fmt: skip
    return team


def check_set_working_hours(actor: Actor, team: Team, *, working_hours: Mapping[str, Any]) -> Team:
    """Replace the team's weekly hours: ISO weekdays ("1" is Monday) to ``["HH:MM", "HH:MM"]``
    intervals in the team's time zone, several a day, in any order but not overlapping. No
    hours at all: the team works whenever one of its members is online."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    hours = check_team_hours(working_hours)
    if hours == (team.working_hours or {}):
        return team
    return do_set_working_hours(actor, team, working_hours=hours)


def do_set_working_hours(actor: Actor, team: Team, *, working_hours: WorkingHours) -> Team:
    with transaction.atomic():
        old = team.working_hours
        team.working_hours = working_hours
        team.save(update_fields=["working_hours"])
        actor.audit("team.hours_changed", "team", team.pk, old=old, new=working_hours)
    return team


def check_team_hours(hours: Mapping[str, Any]) -> WorkingHours:
    """Weekly hours in the stored shape: each day's intervals in order, days without any left
    out; raises ValidationFailed for anything else."""
    if not isinstance(hours, Mapping):
        raise ValidationFailed(_("Working hours must map weekdays to intervals."))
    cleaned: WorkingHours = {}
    for day, intervals in hours.items():
        if not isinstance(intervals, list | tuple) or not all(
            isinstance(interval, list | tuple) and all(isinstance(clock, str) for clock in interval)
            for interval in intervals
        ):
            raise ValidationFailed(
                _("Working hours on day %(day)s: give a list of from-until pairs.")
                % {"day": repr(day)}
            )
        if len(intervals) > MAX_INTERVALS_PER_DAY:
            raise ValidationFailed(
                _("A day has at most %(count)s intervals of working hours.")
                % {"count": MAX_INTERVALS_PER_DAY}
            )
        if intervals:
            cleaned[str(day)] = sorted([list(interval) for interval in intervals])
    check_working_hours(cleaned)
    return dict(sorted(cleaned.items()))


def check_set_holidays(
    actor: Actor, team: Team, *, holidays: Sequence[Holiday], today: date | None = None
) -> Team:
    """Replace the team's days off: each date once, from a year ago to five years ahead
    (``today`` is the team's, by default), with an optional name."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    today = today or django_timezone.now().astimezone(team_zone(team)).date()
    if len(holidays) > MAX_HOLIDAYS:
        raise ValidationFailed(
            _("A team has at most %(count)s holidays.") % {"count": MAX_HOLIDAYS}
        )
    seen: set[date] = set()
    cleaned = []
    for holiday in sorted(holidays, key=lambda holiday: holiday.day):
        if holiday.day in seen:
            raise ValidationFailed(
                _("%(date)s is listed twice.") % {"date": holiday.day.isoformat()},
                details={"date": holiday.day.isoformat()},
            )
        seen.add(holiday.day)
        if not today - HOLIDAYS_PAST <= holiday.day <= today + HOLIDAYS_AHEAD:
            raise ValidationFailed(
                _("%(date)s is too far away: holidays are between a year ago and five years ahead.")
                % {"date": holiday.day.isoformat()},
                details={"date": holiday.day.isoformat()},
            )
        name = holiday.name.strip()
        if len(name) > MAX_HOLIDAY_NAME_LENGTH:
            raise ValidationFailed(
                _("A holiday's name has at most %(count)s characters.")
                % {"count": MAX_HOLIDAY_NAME_LENGTH}
            )
        cleaned.append(Holiday(day=holiday.day, name=name))
    if cleaned == team_holidays(team):
        return team
    return do_set_holidays(actor, team, holidays=cleaned)


def do_set_holidays(actor: Actor, team: Team, *, holidays: Sequence[Holiday]) -> Team:
    with transaction.atomic():
        old = team.holidays
        team.holidays = [
            {"date": holiday.day.isoformat(), "name": holiday.name} for holiday in holidays
        ]
        team.save(update_fields=["holidays"])
        actor.audit("team.holidays_changed", "team", team.pk, old=old, new=team.holidays)
    return team


def check_delete_team(actor: Actor, team: Team) -> None:
    """Delete the team. Its conversations stay, without a team; the channels routed to it
    and a chat widget naming it fall back to no team."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, team)
    do_delete_team(actor, team)


def do_delete_team(actor: Actor, team: Team) -> None:
    with transaction.atomic():
        team_id = team.pk
        actor.audit(
            "team.deleted", "team", team_id,
            name=team.name, members=sorted(team.members.values_list("pk", flat=True)),
        )  # fmt: skip
        team.delete()


def _check_team_name(store: Store, name: str, *, team: Team | None = None) -> str:
    """The name, trimmed; refused when empty, too long, or another team's name in any
    spelling of case and accents ("Destek" and "destek" are one team)."""
    name = " ".join(name.split())
    if not name or len(name) > MAX_TEAM_NAME_LENGTH:
        raise ValidationFailed(
            _("Give the team a name of up to %(count)s characters.")
            % {"count": MAX_TEAM_NAME_LENGTH},
            details={"name": name},
        )
    key = search_key(name)
    others = Team.objects.filter(store=store)
    if team is not None:
        others = others.exclude(pk=team.pk)
    if any(search_key(other) == key for other in others.values_list("name", flat=True)):
        raise _name_taken(name)
    return name


def _name_taken(name: str) -> Conflict:
    return Conflict(
        _("A team named %(name)s exists already.") % {"name": f"“{name}”"},
        details={"name": name},
    )


# Authority limits ------------------------------------------------------------------------


def may_set_role_authority(actor: Actor, role: Role) -> bool:
    """Owners set every role's limits; admins only those of agents and viewers, so no admin
    raises their own. Storedesk's own actor (no role) may set any."""
    if not actor.can(Permission.MANAGE_STORE):
        return False
    if actor.role is None or actor.role == Role.OWNER:
        return True
    return role in {Role.AGENT, Role.VIEWER}


def check_set_role_authority(
    actor: Actor,
    role: Role,
    *,
    max_refund: Decimal,
    max_discount_percent: Decimal,
    max_gift_card: Decimal,
) -> RoleAuthority:
    """What ``role`` may grant without approval, in the store's currency: the largest
    refund and gift card, and the largest discount in percent."""
    actor.require(Permission.MANAGE_STORE)
    if not may_set_role_authority(actor, role):
        raise PermissionDenied(
            _("Only an owner can change the limits of owners and admins."),
            details={"role": role.value},
        )
    currency = actor.store.default_currency
    places = currency_places(currency)
    errors = [
        error
        for error in (
            _check_amount("max_refund", max_refund, currency=currency, places=places),
            _check_amount("max_gift_card", max_gift_card, currency=currency, places=places),
            _check_discount(max_discount_percent),
        )
        if error is not None
    ]
    if errors:
        raise FieldsInvalid(errors)
    current = RoleAuthority.objects.filter(store=actor.store, role=role.value).first()
    if current is not None and (
        current.currency,
        current.max_refund,
        current.max_discount_percent,
        current.max_gift_card,
    ) == (currency, max_refund, max_discount_percent, max_gift_card):
        return current
    return do_set_role_authority(
        actor.store, role=role, currency=currency, max_refund=max_refund,
        max_discount_percent=max_discount_percent, max_gift_card=max_gift_card, actor=actor,
    )  # fmt: skip


@transaction.atomic
def do_set_role_authority(
    store: Store,
    *,
    role: Role,
    currency: str,
    max_refund: Decimal,
    max_discount_percent: Decimal,
    max_gift_card: Decimal,
    actor: Actor | None = None,
) -> RoleAuthority:
    """Store the role's limits; ``actor`` is who the audit log names (Storedesk itself when
    None)."""
    check_currency(currency)
    if min(max_refund, max_discount_percent, max_gift_card) < 0 or max_discount_percent > 100:
        raise ValidationFailed(
            _("Authority limits must be non-negative; discounts at most %(limit)s %%.")
            % {"limit": 100}
        )
    current = RoleAuthority.objects.select_for_update().filter(store=store, role=role.value)
    old = next((_limits(authority) for authority in current), None)
    authority, _created = RoleAuthority.objects.update_or_create(
        store=store,
        role=role.value,
        defaults={
            "currency": currency,
            "max_refund": max_refund,
            "max_discount_percent": max_discount_percent,
            "max_gift_card": max_gift_card,
        },
    )
    authority.refresh_from_db()
    (actor or system_actor(store)).audit(
        "role_authority.changed", "role_authority", role.value,
        old=old, new=_limits(authority),
    )  # fmt: skip
    return authority


def _limits(authority: RoleAuthority) -> dict[str, str]:
    return {
        "currency": authority.currency,
        "max_refund": str(authority.max_refund),
        "max_discount_percent": str(authority.max_discount_percent),
        "max_gift_card": str(authority.max_gift_card),
    }


@lru_cache(maxsize=64)
def currency_places(currency: str) -> int:
    """How many decimal places amounts in ``currency`` have (0 for JPY, 2 for TRY), capped
    at what the database keeps."""
    formatter = icu.NumberFormat.createCurrencyInstance(icu.Locale("en"))
    formatter.setCurrency(currency)
    return min(int(formatter.getMaximumFractionDigits()), AMOUNT_DECIMAL_PLACES)


def _decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _check_amount(field: str, value: Decimal, *, currency: str, places: int) -> FieldError | None:
    if not value.is_finite() or value < 0:
        return FieldError(field, _("Enter an amount of 0 or more."))
    if value >= _AMOUNT_LIMIT:
        return FieldError(
            field,
            _("Enter an amount below %(limit)s.")
            % {"limit": number_format(_AMOUNT_LIMIT, force_grouping=True)},
        )
    if _decimal_places(value) > places:
        return FieldError(
            field,
            _("Amounts in %(currency)s have at most %(places)s decimal places.")
            % {"currency": currency, "places": places},
        )
    return None


def _check_discount(value: Decimal) -> FieldError | None:
    field = "max_discount_percent"
    if not value.is_finite() or not 0 <= value <= MAX_DISCOUNT_PERCENT:
        return FieldError(field, _("A discount is between 0 and 100 percent."))
    if _decimal_places(value) > _DISCOUNT_PLACES:
        return FieldError(
            field,
            _("A discount has at most %(places)s decimal places.") % {"places": _DISCOUNT_PLACES},
        )
    return None
