from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from storedesk.accounts.models import Team
from storedesk.core.models import Store
from storedesk.livechat.selectors import (
    foreign_origin,
    identity_hmac,
    next_opening,
    within_working_hours,
)

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


def test_the_identity_hmac_is_hex_sha256_as_documented() -> None:
    # The same value as the Python, PHP and Node samples in docs/livechat.md.
    assert identity_hmac("s3cr3t", "c-42") == (
        "b758c901965f6fe9452c9f4eab9e37478d13ade638889a4642187a28f7feaf28"
    )


@pytest.mark.parametrize(
    ("origin", "host", "expected"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1:8000", None),
        ("https://Desk.Example", "desk.example", None),
        ("https://shop.example", "desk.example", "https://shop.example"),
        ("https://desk.example.evil", "desk.example", "https://desk.example.evil"),
        (None, "desk.example", None),
        ("https://shop.example", None, "https://shop.example"),
    ],
)
def test_only_storedesks_own_origin_is_exempt_from_the_allowed_list(
    origin: str | None, host: str | None, expected: str | None
) -> None:
    assert foreign_origin(origin, host=host) == expected
