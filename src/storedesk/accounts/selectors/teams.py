"""Reads about teams: which one an actor may edit, who may join it, and when it works.

Working time is read here for every context that needs it (the website chat's "we're
away", the help center's contact page): a team works in its intervals of the weekday, in
its own time zone, except on its holidays."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, Team, User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import NotFound

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Holiday:
    """A day off of a team, in the team's time zone; ``name`` may be empty."""

    day: date
    name: str = ""


def access_team(actor: Actor, team_id: int) -> Team:
    """The actor's store's team ``team_id``, for editing; another store's is not found."""
    actor.require(Permission.MANAGE_STORE)
    team = Team.objects.filter(store=actor.store, pk=team_id).prefetch_related("members").first()
    if team is None:
        raise NotFound(_("No such team in this store."), details={"team_id": team_id})
    return team


def list_team_candidates(actor: Actor) -> QuerySet[User]:
    """The people who may be members of a team: the store's staff who are not deactivated."""
    return User.objects.filter(
        memberships__store=actor.store, memberships__deactivated_at__isnull=True
    ).order_by("name", "email")


def list_active_member_ids(team: Team) -> list[int]:
    """The team's members who still belong to its store (a deactivated member stays in the
    team's history, not in its working members)."""
    active = Membership.objects.filter(store_id=team.store_id, deactivated_at__isnull=True)
    return sorted(team.members.filter(pk__in=active.values("user_id")).values_list("pk", flat=True))


def team_holidays(team: Team) -> list[Holiday]:
    """The team's holidays in date order; an entry that is not a date is skipped."""
    holidays = []
    for entry in team.holidays or []:
        if not isinstance(entry, dict):
            continue
        try:
            day = date.fromisoformat(str(entry.get("date", "")))
        except ValueError:
            continue
        holidays.append(Holiday(day=day, name=str(entry.get("name") or "")))
    return sorted(holidays, key=lambda holiday: holiday.day)


def holiday_on(team: Team, day: date) -> Holiday | None:
    """The team's holiday on ``day`` (a date in the team's time zone), or None."""
    return next((holiday for holiday in team_holidays(team) if holiday.day == day), None)


def team_zone(team: Team) -> ZoneInfo:
    """The team's time zone; a name the database can no longer resolve reads as UTC rather
    than breaking every page that shows the team."""
    try:
        return ZoneInfo(team.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def within_working_hours(team: Team, now: datetime) -> bool:
    """Whether ``now`` falls in one of the team's intervals, in the team's time zone, on a day
    that is not one of its holidays. A team without working hours works whenever someone is
    online, except on its holidays."""
    local = now.astimezone(team_zone(team))
    holidays = {holiday.day for holiday in team_holidays(team)}
    if local.date() in holidays:
        return False
    hours = team.working_hours or {}
    if not any(hours.values()):
        return True
    minute = local.hour * 60 + local.minute
    return any(
        clock_minutes(start) <= minute < clock_minutes(end)
        for start, end in hours.get(str(local.isoweekday()), [])
    )


def next_opening(team: Team, now: datetime) -> datetime | None:
    """When the team next starts work after ``now``, in the team's time zone: the start of
    its next interval on a day that is not a holiday (for a team without hours, the first
    moment after its holidays). None when the team has no working hours and no holiday now."""
    zone = team_zone(team)
    local = now.astimezone(zone)
    holidays = {holiday.day for holiday in team_holidays(team)}
    hours = team.working_hours or {}
    # A week ahead holds every weekday's hours; each holiday can push a weekday's next turn
    # a week further.
    for offset in range(8 + 7 * min(len(holidays), 53)):
        day = local.date() + timedelta(days=offset)
        if day in holidays:
            continue
        if not any(hours.values()):
            if offset == 0:
                return None
            return datetime.combine(day, time(0, 0), tzinfo=zone)
        for start, _end in hours.get(str(day.isoweekday()), []):
            minutes = clock_minutes(start)
            opening = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
            if opening > local:
                return opening
    return None


def clock_minutes(hh_mm: str) -> int:
    """Minutes since midnight of an ``HH:MM`` time; "24:00" is the end of the day."""
    hours, minutes = hh_mm.split(":")
    return int(hours) * 60 + int(minutes)
