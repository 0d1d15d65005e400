from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from storedesk.accounts.models import Team, User
from storedesk.core.models import Store
from storedesk.inbox.models import AgentStatus, Presence
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.selectors import (
    foreign_origin,
    get_availability,
    identity_hmac,
)

pytestmark = pytest.mark.django_db
ISTANBUL = ZoneInfo("Europe/Istanbul")


@pytest.fixture
def team(store: Store, agent: User) -> Team:
    """At work on Mondays 09:00-12:00 and 13:00-18:00 and Saturdays 10:00-14:00, Istanbul
    time; 23 November 2026, a Monday, is a holiday."""
    team = Team.objects.create(
        store=store,
        name="Europe",
        timezone="Europe/Istanbul",
        working_hours={
            "1": [["09:00", "12:00"], ["13:00", "18:00"]],
            "6": [["10:00", "14:00"]],
        },
        holidays=[{"date": "2026-11-23", "name": "Bayram"}],
    )
    team.members.add(agent)
    return team


def _online(store: Store, user: User, now: datetime) -> None:
    AgentStatus.objects.update_or_create(
        store=store, user=user, defaults={"presence": Presence.ONLINE, "last_seen_at": now}
    )


def test_on_a_holiday_the_chat_says_the_team_is_away_and_back_after_it(
    store: Store, agent: User, team: Team, widget: ChatWidget
) -> None:
    widget.team = team
    widget.save()
    # Monday 10:00 in Istanbul: within the Monday hours, but the day is a holiday.
    now = datetime(2026, 11, 23, 10, 0, tzinfo=ISTANBUL)
    _online(store, agent, now)

    availability = get_availability(widget, language="en", now=now)

    assert availability.live is False
    assert availability.reason == "outside_hours"
    assert availability.expected_reply == (
        "Our team is away right now and back on Saturday at 10:00 (Europe/Istanbul time). "
        "Leave your email address and we will answer there."
    )


def test_the_monday_after_the_holiday_the_chat_is_live(
    store: Store, agent: User, team: Team, widget: ChatWidget
) -> None:
    widget.team = team
    widget.save()
    now = datetime(2026, 11, 30, 10, 0, tzinfo=ISTANBUL)
    _online(store, agent, now)

    availability = get_availability(widget, language="en", now=now)

    assert (availability.live, availability.reason) == (True, "online")


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
