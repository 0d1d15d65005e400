"""The store's teams: their members, time zones, working hours and holidays, and what each
role may grant. The settings page shows them to everyone; owners and admins edit them on
pages of their own, one form per part of a team, each sent back with its error beside it."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from storedesk.accounts.actions.teams import (
    HOLIDAYS_PAST,
    MAX_HOLIDAYS,
    MAX_INTERVALS_PER_DAY,
    check_create_team,
    check_delete_team,
    check_set_holidays,
    check_set_role_authority,
    check_set_team_members,
    check_set_working_hours,
    check_update_team,
    currency_places,
    may_set_role_authority,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.decorators import store_view
from storedesk.accounts.models import RoleAuthority, Team
from storedesk.accounts.permissions import Permission, Role
from storedesk.accounts.selectors import list_role_authorities, list_teams
from storedesk.accounts.selectors.teams import (
    Holiday,
    access_team,
    list_active_member_ids,
    list_team_candidates,
    team_holidays,
    team_zone,
)
from storedesk.accounts.views.settings import COMMON_ZONES
from storedesk.core.errors import (
    FieldError,
    FieldsInvalid,
    NotFound,
    PermissionDenied,
    StoredeskError,
    ValidationFailed,
)
from storedesk.core.models import Store
from storedesk.core.templatetags.storedesk import ROLE_LABELS

# The parts of a team's page, each its own form.
PARTS = ("details", "members", "hours", "holidays")
_HOURS_FIELD = re.compile(r"^hours-([1-7])-(\d{1,2})-(start|end)$")
_HOLIDAY_FIELD = re.compile(r"^holiday-(\d{1,3})-(date|name|remove)$")
_CLOCK = re.compile(r"^(\d{2}):(\d{2})(?::00(?:\.0+)?)?$")
ROLES = (Role.OWNER, Role.ADMIN, Role.AGENT, Role.VIEWER)
AUTHORITY_FIELDS = ("max_refund", "max_discount_percent", "max_gift_card")


# The settings page's section ---------------------------------------------------------------


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The teams and the authority limits on the store's settings page."""
    return {
        "teams": [
            (team, _working_hours(team.working_hours), _upcoming_holidays(team))
            for team in list_teams(actor)
        ],
        "authorities": list_role_authorities(actor),
        "can_manage": actor.can(Permission.MANAGE_STORE),
    }


def _upcoming_holidays(team: Team, count: int = 3) -> list[Holiday]:
    """The team's next few days off, from today in its time zone."""
    today = timezone.now().astimezone(team_zone(team)).date()
    return [holiday for holiday in team_holidays(team) if holiday.day >= today][:count]


def _working_hours(hours: dict[str, list[list[str]]]) -> list[tuple[str, list[list[str]]]]:
    """Working hours as readable rows, consecutive days with the same hours run together:
    [("Mon–Fri", [["09:00", "17:00"]]), ("Sat", [["10:00", "14:00"]])]."""
    rows: list[tuple[int, int, list[list[str]]]] = []
    for day in sorted(hours, key=int):
        intervals = hours[day]
        if not intervals:
            continue
        number = int(day)
        if rows and rows[-1][1] == number - 1 and rows[-1][2] == intervals:
            rows[-1] = (rows[-1][0], number, intervals)
        else:
            rows.append((number, number, intervals))
    return [
        (
            str(WEEKDAYS_ABBR[first - 1])
            if first == last
            else f"{WEEKDAYS_ABBR[first - 1]}–{WEEKDAYS_ABBR[last - 1]}",
            intervals,
        )
        for first, last, intervals in rows
    ]


# The list of teams ---------------------------------------------------------------------------


@require_safe
@store_view
def team_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STORE)
    return _render_list(request, actor)


@require_POST
@store_view
def team_create(request: HttpRequest, actor: Actor) -> HttpResponse:
    typed = {
        "name": request.POST.get("name", "")[:500],
        "timezone": request.POST.get("timezone", "").strip()[:64],
    }
    try:
        team = check_create_team(actor, name=typed["name"], timezone=typed["timezone"])
    except PermissionDenied:
        raise
    except StoredeskError as error:
        return _render_list(request, actor, typed=typed, error=error.message, status=422)
    messages.success(
        request,
        _("The team “%(name)s” is created. Now choose its members and working hours.")
        % {"name": team.name},
    )
    return redirect("team-edit", store_slug=actor.store.slug, team_id=team.pk)


def _render_list(
    request: HttpRequest,
    actor: Actor,
    *,
    typed: Mapping[str, str] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "accounts/teams/list.html",
        {
            "section": "settings",
            "teams": [(team, _working_hours(team.working_hours)) for team in list_teams(actor)],
            "typed": typed or {"name": "", "timezone": actor.store.timezone},
            "error": error,
            "common_zones": COMMON_ZONES,
            "now": timezone.now(),
        },
        status=status,
    )


# One team ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntervalRow:
    number: int
    start: str
    end: str
    start_label: str
    end_label: str


@dataclass(frozen=True, slots=True)
class DayRow:
    number: int
    name: str
    intervals: list[IntervalRow]
    start_pattern: str
    end_pattern: str


@dataclass(frozen=True, slots=True)
class HolidayRow:
    number: int
    date: str
    name: str
    date_label: str
    name_label: str
    remove_label: str


@dataclass
class TeamPage:
    """What the team's page shows: the stored values, or what was typed into the form that
    was refused, with its error."""

    name: str
    timezone: str
    member_ids: list[int]
    hours: dict[str, list[list[str]]]
    holidays: list[tuple[str, str]]
    errors: dict[str, str] = field(default_factory=dict)


@require_http_methods(["GET", "POST"])
@store_view
def team_edit(request: HttpRequest, actor: Actor, team_id: int) -> HttpResponse:
    team = access_team(actor, team_id)
    page = _stored_page(team)
    if request.method == "GET":
        return _render_team(request, actor, team, page)
    part = request.POST.get("part", "")
    if part not in PARTS:
        page.errors["details"] = _("Send one of the forms of this page.")
        return _render_team(request, actor, team, page, status=400)
    try:
        _save_part(actor, team, part, request.POST, page)
    except PermissionDenied:
        raise
    except StoredeskError as error:
        page.errors[part] = error.message
        return _render_team(request, actor, team, page, status=422)
    messages.success(request, _saved_message(part))
    return redirect("team-edit", store_slug=actor.store.slug, team_id=team.pk)


def _saved_message(part: str) -> str:
    return {
        "details": _("The team's name and time zone are saved."),
        "members": _("The team's members are saved."),
        "hours": _("The working hours are saved."),
        "holidays": _("The holidays are saved."),
    }[part]


def _save_part(actor: Actor, team: Team, part: str, data: QueryDict, page: TeamPage) -> None:
    """Read one form of the page into ``page`` (so a refused form shows what was typed) and
    hand it to its action."""
    if part == "details":
        page.name = data.get("name", "")[:500]
        page.timezone = data.get("timezone", "").strip()[:64]
        check_update_team(actor, team, name=page.name, timezone=page.timezone)
    elif part == "members":
        values = data.getlist("members")
        if not all(value.isdigit() and len(value) < 12 for value in values):
            raise ValidationFailed(_("Choose members from the list."))
        page.member_ids = sorted({int(value) for value in values})
        check_set_team_members(actor, team, member_ids=page.member_ids)
    elif part == "hours":
        page.hours, hours, error = _read_hours(data)
        if error:
            raise ValidationFailed(error)
        check_set_working_hours(actor, team, working_hours=hours)
    else:
        page.holidays, holidays, error = _read_holidays(data)
        if error:
            raise ValidationFailed(error)
        check_set_holidays(actor, team, holidays=holidays)


def _stored_page(team: Team) -> TeamPage:
    # Days off long past are not shown, so the next save lets them go.
    since = timezone.now().astimezone(team_zone(team)).date() - HOLIDAYS_PAST
    return TeamPage(
        name=team.name,
        timezone=team.timezone,
        member_ids=list_active_member_ids(team),
        hours=team.working_hours or {},
        holidays=[
            (holiday.day.isoformat(), holiday.name)
            for holiday in team_holidays(team)
            if holiday.day >= since
        ],
    )


def _render_team(
    request: HttpRequest, actor: Actor, team: Team, page: TeamPage, *, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "accounts/teams/edit.html",
        {
            "section": "settings",
            "team": team,
            "page": page,
            "errors": page.errors,
            "candidates": list(list_team_candidates(actor)),
            "days": _day_rows(page.hours),
            "holiday_rows": _holiday_rows(page.holidays),
            "holiday_patterns": _holiday_label_patterns(),
            "max_intervals": MAX_INTERVALS_PER_DAY,
            "max_holidays": MAX_HOLIDAYS,
            "common_zones": COMMON_ZONES,
            "now": timezone.now(),
        },
        status=status,
    )


def _day_rows(hours: Mapping[str, list[list[str]]]) -> list[DayRow]:
    """Each weekday with its intervals and one empty interval more, to add one without
    JavaScript. A time input cannot show "24:00": the end of the day shows as 00:00."""
    rows = []
    for number in range(1, 8):
        name = str(WEEKDAYS[number - 1])
        intervals = [
            (str(pair[0]), "00:00" if pair[1] == "24:00" else str(pair[1]))
            for pair in hours.get(str(number), [])
            if len(pair) == 2
        ]
        if len(intervals) < MAX_INTERVALS_PER_DAY:
            intervals.append(("", ""))
        rows.append(
            DayRow(
                number=number,
                name=name,
                intervals=[
                    IntervalRow(
                        index, start, end, _start_label(name, index), _end_label(name, index)
                    )
                    for index, (start, end) in enumerate(intervals, start=1)
                ],
                start_pattern=_start_label(name, "{n}"),
                end_pattern=_end_label(name, "{n}"),
            )
        )
    return rows


def _start_label(day: str, number: int | str) -> str:
    return _("%(day)s, interval %(number)s, from") % {"day": day, "number": number}


def _end_label(day: str, number: int | str) -> str:
    return _("%(day)s, interval %(number)s, until") % {"day": day, "number": number}


def _holiday_rows(holidays: list[tuple[str, str]]) -> list[HolidayRow]:
    """The holidays and one empty row more, to add one without JavaScript."""
    rows = [*holidays, ("", "")]
    return [
        HolidayRow(
            number=number,
            date=day,
            name=name,
            date_label=_holiday_label("date", number),
            name_label=_holiday_label("name", number),
            remove_label=_holiday_label("remove", number),
        )
        for number, (day, name) in enumerate(rows, start=1)
    ]


def _holiday_label_patterns() -> dict[str, str]:
    return {kind: _holiday_label(kind, "{n}") for kind in ("date", "name", "remove")}


def _holiday_label(kind: str, number: int | str) -> str:
    values = {"number": number}
    if kind == "date":
        return _("Holiday %(number)s: date") % values
    if kind == "name":
        return _("Holiday %(number)s: name") % values
    return _("Remove holiday %(number)s") % values


def _read_hours(
    data: QueryDict,
) -> tuple[dict[str, list[list[str]]], dict[str, list[list[str]]], str]:
    """What was typed into the hours editor (for showing it again), the weekly hours it
    means, and an error when a time cannot be read. A row without times is left out; an
    interval that ends at 00:00 runs to the end of the day."""
    fields: dict[tuple[int, int], dict[str, str]] = {}
    for key in data:
        match = _HOURS_FIELD.match(key)
        if match is not None:
            value = data.get(key, "").strip()[:12]
            fields.setdefault((int(match[1]), int(match[2])), {})[match[3]] = value
    typed: dict[str, list[list[str]]] = {}
    hours: dict[str, list[list[str]]] = {}
    errors = []
    for (day, _number), times in sorted(fields.items()):
        start, end = times.get("start", ""), times.get("end", "")
        if not start and not end:
            continue
        typed.setdefault(str(day), []).append([start, end])
        name = str(WEEKDAYS[day - 1])
        opens, closes = _clock(start), _clock(end)
        if not start or not end:
            errors.append(
                _("%(day)s: give both the time work starts and the time it ends.") % {"day": name}
            )
        elif opens is None or closes is None:
            errors.append(_("%(day)s: enter times such as 09:30.") % {"day": name})
        else:
            hours.setdefault(str(day), []).append([opens, "24:00" if closes == "00:00" else closes])
    return typed, hours, errors[0] if errors else ""


def _clock(value: str) -> str | None:
    """An ``HH:MM`` time from a time input (which may add ":00" seconds), or None."""
    match = _CLOCK.match(value)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        return None
    return f"{match[1]}:{match[2]}"


def _read_holidays(data: QueryDict) -> tuple[list[tuple[str, str]], list[Holiday], str]:
    """What was typed into the holiday rows (for showing it again), the holidays, and an
    error when a date cannot be read. A row without date and name, or marked to be removed,
    is left out."""
    rows: dict[int, dict[str, str]] = {}
    for key in data:
        match = _HOLIDAY_FIELD.match(key)
        if match is not None:
            rows.setdefault(int(match[1]), {})[match[2]] = data.get(key, "").strip()[:200]
    typed: list[tuple[str, str]] = []
    holidays: list[Holiday] = []
    errors = []
    for _number, row in sorted(rows.items()):
        day, name = row.get("date", ""), row.get("name", "")
        if row.get("remove") or (not day and not name):
            continue
        typed.append((day, name))
        if not day:
            errors.append(_("Give the date of the holiday “%(name)s”.") % {"name": name})
            continue
        try:
            holidays.append(Holiday(day=date.fromisoformat(day), name=name))
        except ValueError:
            errors.append(_("%(date)s is not a date such as 2026-10-29.") % {"date": day[:20]})
    return typed, holidays, errors[0] if errors else ""


@require_POST
@store_view
def team_delete(request: HttpRequest, actor: Actor, team_id: int) -> HttpResponse:
    actor.require(Permission.MANAGE_STORE)
    try:
        team = access_team(actor, team_id)
    except NotFound:
        # Sent twice, or for a team that is gone: nothing is left to delete.
        messages.info(request, _("That team does not exist (any more)."))
        return redirect("team-list", store_slug=actor.store.slug)
    name = team.name
    check_delete_team(actor, team)
    messages.success(request, _("The team “%(name)s” is deleted.") % {"name": name})
    return redirect("team-list", store_slug=actor.store.slug)


# Authority limits ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuthorityRow:
    role: str
    editable: bool
    values: Mapping[str, str]
    errors: Mapping[str, str]
    error: str
    stored_currency: str


@require_http_methods(["GET", "POST"])
@store_view
def role_authority_edit(request: HttpRequest, actor: Actor) -> HttpResponse:
    actor.require(Permission.MANAGE_STORE)
    if request.method == "GET":
        return _render_authority(request, actor)
    try:
        role = Role(request.POST.get("role", ""))
    except ValueError:
        return _render_authority(request, actor, status=400)
    typed = {name: request.POST.get(name, "").strip()[:30] for name in AUTHORITY_FIELDS}
    try:
        amounts = _read_amounts(typed)
        check_set_role_authority(actor, role, **amounts)
    except FieldsInvalid as error:
        return _render_authority(
            request, actor, role=role, typed=typed, errors=error.fields, status=422
        )
    messages.success(
        request,
        _("The limits of the role “%(role)s” are saved.") % {"role": _role_name(role)},
    )
    return redirect("role-authority-edit", store_slug=actor.store.slug)


def _read_amounts(typed: Mapping[str, str]) -> dict[str, Decimal]:
    amounts: dict[str, Decimal] = {}
    errors = []
    for name, text in typed.items():
        # A comma is the decimal separator in most of the store's languages.
        value = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
        try:
            amounts[name] = Decimal(value)
        except InvalidOperation:
            errors.append(name)
    if errors:
        raise FieldsInvalid([FieldError(name, _("Enter a number.")) for name in errors])
    return amounts


def _role_name(role: Role) -> str:
    return str(ROLE_LABELS.get(role.value, role.value))


def _render_authority(
    request: HttpRequest,
    actor: Actor,
    *,
    role: Role | None = None,
    typed: Mapping[str, str] | None = None,
    errors: Mapping[str, str] | None = None,
    status: int = 200,
) -> HttpResponse:
    stored: dict[str, RoleAuthority] = {
        authority.role: authority for authority in list_role_authorities(actor)
    }
    currency = actor.store.default_currency
    rows = []
    for each in ROLES:
        authority = stored.get(each.value)
        values = (
            typed
            if each == role and typed is not None
            else {
                name: _plain(getattr(authority, name)) if authority is not None else "0"
                for name in AUTHORITY_FIELDS
            }
        )
        row_errors = errors if each == role and errors else {}
        rows.append(
            AuthorityRow(
                role=each.value,
                editable=may_set_role_authority(actor, each),
                values=values,
                errors=row_errors,
                error=_("The limits are not saved; see the fields below.") if row_errors else "",
                stored_currency=authority.currency
                if authority is not None and authority.currency != currency
                else "",
            )
        )
    places = currency_places(currency)
    return render(
        request,
        "accounts/teams/authority.html",
        {
            "section": "settings",
            "rows": rows,
            "currency": currency,
            "step": "1" if places == 0 else "0." + "0" * (places - 1) + "1",
        },
        status=status,
    )


def _plain(value: Decimal) -> str:
    """A stored amount as an input shows it: 1500.00 is "1500", 12.50 is "12.5"."""
    return f"{value.normalize():f}"
