from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from storedesk.accounts.models import Team
from storedesk.accounts.selectors.teams import (
    Holiday,
    holiday_on,
    next_opening,
    team_holidays,
    within_working_hours,
)
from storedesk.core.models import Store
from storedesk.helpcenter.views import working_hours

pytestmark = pytest.mark.django_db
ISTANBUL = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def team(store: Store) -> Team:
    return Team.objects.create(
        store=store,
        name="Europe",
        timezone="Europe/Istanbul",
        working_hours={
            "1": [["09:00", "12:00"], ["13:00", "18:00"]],
            "6": [["10:00", "14:00"]],
        },
    )


@pytest.mark.parametrize(
    ("local", "inside"),
    [
        (datetime(2026, 11, 23, 9, 0, tzinfo=ISTANBUL), True),  # Monday, opening minute
        (datetime(2026, 11, 23, 12, 30, tzinfo=ISTANBUL), False),  # lunch
        (datetime(2026, 11, 23, 17, 59, tzinfo=ISTANBUL), True),
        (datetime(2026, 11, 23, 18, 0, tzinfo=ISTANBUL), False),  # closing minute is outside
        (datetime(2026, 11, 24, 10, 0, tzinfo=ISTANBUL), False),  # Tuesday: no hours
        (datetime(2026, 11, 28, 11, 0, tzinfo=ISTANBUL), True),  # Saturday
    ],
)
def test_working_hours_are_read_in_the_teams_time_zone(
    team: Team, local: datetime, inside: bool
) -> None:
    assert within_working_hours(team, local.astimezone(UTC)) is inside


def test_the_next_opening_skips_days_without_hours(team: Team) -> None:
    monday_evening = datetime(2026, 11, 23, 19, 0, tzinfo=ISTANBUL)

    assert next_opening(team, monday_evening) == datetime(2026, 11, 28, 10, 0, tzinfo=ISTANBUL)


def test_the_next_opening_after_lunch_is_the_same_day(team: Team) -> None:
    lunch = datetime(2026, 11, 23, 12, 15, tzinfo=ISTANBUL)

    assert next_opening(team, lunch) == datetime(2026, 11, 23, 13, 0, tzinfo=ISTANBUL)


def test_a_team_without_hours_is_always_within_them(store: Store) -> None:
    team = Team.objects.create(store=store, name="Always", timezone="UTC")

    assert within_working_hours(team, datetime(2026, 11, 29, 3, 0, tzinfo=UTC))
    assert next_opening(team, datetime(2026, 11, 29, 3, 0, tzinfo=UTC)) is None


def test_a_holiday_is_a_day_off_in_the_teams_time_zone(team: Team) -> None:
    team.holidays = [{"date": "2026-11-23", "name": "Bayram"}]

    # 06:30 UTC is 09:30 on Monday 23 November in Istanbul, the holiday.
    assert not within_working_hours(team, datetime(2026, 11, 23, 6, 30, tzinfo=UTC))
    # 23:30 UTC on the holiday is already Tuesday in Istanbul (no hours), and 06:30 UTC on
    # 30 November is a Monday like any other.
    assert not within_working_hours(team, datetime(2026, 11, 23, 23, 30, tzinfo=UTC))
    assert within_working_hours(team, datetime(2026, 11, 30, 6, 30, tzinfo=UTC))


def test_the_next_opening_skips_holidays(team: Team) -> None:
    team.holidays = [{"date": "2026-11-28", "name": ""}, {"date": "2026-11-30", "name": ""}]
    monday_evening = datetime(2026, 11, 23, 19, 0, tzinfo=ISTANBUL)

    # Saturday 28 and Monday 30 November are off: back on Saturday 5 December.
    assert next_opening(team, monday_evening) == datetime(2026, 12, 5, 10, 0, tzinfo=ISTANBUL)


def test_a_team_without_hours_is_away_on_its_holiday_until_the_day_after(store: Store) -> None:
    team = Team.objects.create(
        store=store, name="Always", timezone="Europe/Istanbul", holidays=[{"date": "2026-10-29"}]
    )
    holiday = datetime(2026, 10, 29, 12, 0, tzinfo=ISTANBUL)

    assert not within_working_hours(team, holiday)
    assert next_opening(team, holiday) == datetime(2026, 10, 30, 0, 0, tzinfo=ISTANBUL)


def test_holidays_are_read_in_date_order_and_broken_entries_skipped(store: Store) -> None:
    team = Team(
        store=store,
        name="Europe",
        timezone="UTC",
        holidays=[
            {"date": "2026-12-31", "name": "Yılbaşı arifesi"},
            {"date": "not a date"},
            "2026-01-01",
            {"date": "2026-10-29", "name": None},
        ],
    )

    assert team_holidays(team) == [
        Holiday(date(2026, 10, 29), ""),
        Holiday(date(2026, 12, 31), "Yılbaşı arifesi"),
    ]
    assert holiday_on(team, date(2026, 12, 31)) == Holiday(date(2026, 12, 31), "Yılbaşı arifesi")
    assert holiday_on(team, date(2026, 12, 30)) is None


def test_the_contact_pages_week_shows_a_holiday_as_closed(team: Team) -> None:
    team.holidays = [{"date": "2026-11-23", "name": "Bayram"}]

    hours = working_hours(team, now=datetime(2026, 11, 25, 12, 0, tzinfo=UTC))

    assert hours is not None
    assert hours.rows[0].day == date(2026, 11, 23)
    assert hours.rows[0].intervals == ()
    assert [i.start_text for i in hours.rows[5].intervals] == ["10:00"]
