"""The store's teams: their members, time zones, working hours and holidays, the channels
that route to each, and what each role may grant."""

from collections.abc import Mapping
from typing import Any

from django.utils.dates import WEEKDAYS_ABBR

from storedesk.accounts.actors import Actor
from storedesk.accounts.selectors import list_role_authorities, list_teams
from storedesk.core.models import Store


def settings_section(actor: Actor, store: Store) -> Mapping[str, Any] | None:
    """The teams and the authority limits on the store's settings page."""
    return {
        "teams": [(team, _working_hours(team.working_hours)) for team in list_teams(actor)],
        "authorities": list_role_authorities(actor),
    }


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
