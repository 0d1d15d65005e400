from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from storedesk.accounts.actions.teams import (
    check_create_team,
    check_delete_team,
    check_rename_team,
    check_set_holidays,
    check_set_role_authority,
    check_set_team_members,
    check_set_team_timezone,
    check_set_working_hours,
    check_update_team,
    currency_places,
    do_create_team,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.accounts.selectors.teams import Holiday
from storedesk.core.errors import (
    Conflict,
    FieldsInvalid,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from storedesk.core.models import AuditLogEntry, Store
from storedesk.inbox.models import Channel, ChannelRoute, Conversation
from storedesk.inbox.tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db

WEEKDAYS = {str(day): [["09:00", "18:00"]] for day in range(1, 6)}


def actor_of(user: User, store: Store) -> Actor:
    return get_actor_for_user(user, store_slug=store.slug)


@pytest.fixture
def owner(store: Store, make_staff: Callable[..., User]) -> User:
    return make_staff(store, Role.OWNER, email="owner@moda.example", name="Deniz Kaya")


@pytest.fixture
def admin_actor(admin: User, store: Store) -> Actor:
    return actor_of(admin, store)


@pytest.fixture
def owner_actor(owner: User, store: Store) -> Actor:
    return actor_of(owner, store)


@pytest.fixture
def support(store: Store) -> Team:
    return do_create_team(store, name="Destek", timezone="Europe/Istanbul", working_hours=WEEKDAYS)


def audit(action: str) -> list[dict[str, Any]]:
    return [
        {"by": entry.actor_label, "target": entry.target_id, **entry.details}
        for entry in AuditLogEntry.objects.filter(action=action).order_by("id")
    ]


# Creating ---------------------------------------------------------------------------------


def test_an_admin_creates_a_team_and_it_is_audited(store: Store, admin_actor: Actor) -> None:
    team = check_create_team(admin_actor, name="  Kuzey   Bölgesi ", timezone="Europe/Istanbul")

    assert (team.store, team.name, team.working_hours) == (store, "Kuzey Bölgesi", {})
    assert audit("team.created") == [
        {
            "by": "admin@moda.example",
            "target": str(team.pk),
            "name": "Kuzey Bölgesi",
            "timezone": "Europe/Istanbul",
            "working_hours": {},
            "members": [],
        }
    ]


@pytest.mark.parametrize("role", [Role.AGENT, Role.VIEWER])
def test_agents_and_viewers_cannot_create_teams(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    actor = actor_of(make_staff(store, role), store)

    with pytest.raises(PermissionDenied):
        check_create_team(actor, name="Destek", timezone="Europe/Istanbul")

    assert not Team.objects.exists()
    assert not AuditLogEntry.objects.exists()


@pytest.mark.parametrize("name", ["Destek", "destek", " DESTEK ", "Déstek"])
def test_a_second_team_with_the_same_name_is_refused_in_any_spelling(
    admin_actor: Actor, support: Team, name: str
) -> None:
    with pytest.raises(Conflict, match=r"A team named “.*” exists already\."):
        check_create_team(admin_actor, name=name, timezone="Europe/Istanbul")

    assert list(Team.objects.values_list("name", flat=True)) == ["Destek"]


def test_the_same_name_in_another_store_is_no_conflict(
    admin_actor: Actor, other_store: Store
) -> None:
    do_create_team(other_store, name="Destek", timezone="Europe/Warsaw", working_hours={})

    team = check_create_team(admin_actor, name="Destek", timezone="Europe/Istanbul")

    assert team.store == admin_actor.store


def test_a_race_for_a_name_ends_in_the_same_conflict(store: Store, support: Team) -> None:
    with pytest.raises(Conflict, match="exists already"):
        do_create_team(store, name="Destek", timezone="UTC", working_hours={})

    assert Team.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "   "}, "Give the team a name of up to 120 characters."),
        ({"name": "x" * 121}, "Give the team a name of up to 120 characters."),
        ({"timezone": "Europe/Atlantis"}, "'Europe/Atlantis' is not an IANA time zone."),
        (
            {"working_hours": {"1": [["09:00", "13:00"], ["12:00", "17:00"]]}},
            "intervals must be ordered and not overlap",
        ),
        ({"working_hours": {"0": [["09:00", "13:00"]]}}, "'0' is not an ISO weekday"),
    ],
)
def test_a_team_with_bad_fields_is_not_created(
    admin_actor: Actor, fields: dict[str, Any], message: str
) -> None:
    arguments: dict[str, Any] = {"name": "Destek", "timezone": "Europe/Istanbul"} | fields

    with pytest.raises(ValidationFailed, match=message):
        check_create_team(admin_actor, **arguments)

    assert not Team.objects.exists()
    assert not AuditLogEntry.objects.exists()


# Name and time zone ------------------------------------------------------------------------


def test_renaming_records_the_old_and_new_name_once(admin_actor: Actor, support: Team) -> None:
    check_rename_team(admin_actor, support, name="Müşteri Hizmetleri")
    check_rename_team(admin_actor, support, name="Müşteri Hizmetleri")

    support.refresh_from_db()
    assert support.name == "Müşteri Hizmetleri"
    assert audit("team.renamed") == [
        {
            "by": "admin@moda.example",
            "target": str(support.pk),
            "old": "Destek",
            "new": "Müşteri Hizmetleri",
        }
    ]


def test_a_team_may_change_the_case_of_its_own_name(admin_actor: Actor, support: Team) -> None:
    check_rename_team(admin_actor, support, name="DESTEK")

    support.refresh_from_db()
    assert support.name == "DESTEK"


def test_a_team_cannot_take_another_teams_name(
    store: Store, admin_actor: Actor, support: Team
) -> None:
    north = do_create_team(store, name="Kuzey", timezone="UTC", working_hours={})

    with pytest.raises(Conflict):
        check_rename_team(admin_actor, north, name="destek")

    north.refresh_from_db()
    assert north.name == "Kuzey"


def test_a_bad_time_zone_leaves_the_name_unchanged_too(admin_actor: Actor, support: Team) -> None:
    with pytest.raises(ValidationFailed, match="is not an IANA time zone"):
        check_update_team(admin_actor, support, name="Kuzey", timezone="Mars/Olympus")

    support.refresh_from_db()
    assert (support.name, support.timezone) == ("Destek", "Europe/Istanbul")
    assert (
        not AuditLogEntry.objects.filter(action__startswith="team.")
        .exclude(action="team.created")
        .exists()
    )


def test_the_time_zone_change_is_audited(admin_actor: Actor, support: Team) -> None:
    check_set_team_timezone(admin_actor, support, timezone="Europe/Berlin")
    check_update_team(admin_actor, support, name="Destek", timezone="Europe/Berlin")

    support.refresh_from_db()
    assert support.timezone == "Europe/Berlin"
    assert [(e["old"], e["new"]) for e in audit("team.timezone_changed")] == [
        ("Europe/Istanbul", "Europe/Berlin")
    ]


# Members ------------------------------------------------------------------------------------


def test_members_are_set_from_the_stores_active_staff(
    admin_actor: Actor, support: Team, agent: User, admin: User
) -> None:
    check_set_team_members(admin_actor, support, member_ids=[agent.pk, admin.pk, agent.pk])
    check_set_team_members(admin_actor, support, member_ids=[admin.pk, agent.pk])

    assert set(support.members.all()) == {agent, admin}
    assert [(e["old"], e["new"]) for e in audit("team.members_changed")] == [
        ([], sorted([agent.pk, admin.pk]))
    ]


def test_another_stores_staff_cannot_join(
    admin_actor: Actor, support: Team, agent: User, other_store: Store,
    make_staff: Callable[..., User],
) -> None:  # fmt: skip
    stranger = make_staff(other_store, Role.AGENT)
    support.members.add(agent)

    with pytest.raises(NotFound, match="not an active member of this store"):
        check_set_team_members(admin_actor, support, member_ids=[agent.pk, stranger.pk])

    assert list(support.members.all()) == [agent]
    assert not audit("team.members_changed")


def test_a_deactivated_member_cannot_join(admin_actor: Actor, support: Team, agent: User) -> None:
    Membership.objects.filter(user=agent).update(deactivated_at=timezone.now())

    with pytest.raises(NotFound):
        check_set_team_members(admin_actor, support, member_ids=[agent.pk])

    assert not support.members.exists()


def test_an_agent_cannot_change_the_members(store: Store, agent: User, support: Team) -> None:
    with pytest.raises(PermissionDenied):
        check_set_team_members(actor_of(agent, store), support, member_ids=[agent.pk])

    assert not support.members.exists()


# Working hours -----------------------------------------------------------------------------


def test_hours_are_stored_in_order_with_several_intervals_a_day(
    admin_actor: Actor, support: Team
) -> None:
    check_set_working_hours(
        admin_actor,
        support,
        working_hours={
            "6": [["13:00", "17:00"], ["09:00", "12:00"]],
            "1": [["08:00", "24:00"]],
            "7": [],
        },
    )

    support.refresh_from_db()
    assert support.working_hours == {
        "1": [["08:00", "24:00"]],
        "6": [["09:00", "12:00"], ["13:00", "17:00"]],
    }
    assert audit("team.hours_changed") == [
        {
            "by": "admin@moda.example",
            "target": str(support.pk),
            "old": WEEKDAYS,
            "new": support.working_hours,
        }
    ]


def test_the_same_hours_sent_twice_change_nothing(admin_actor: Actor, support: Team) -> None:
    check_set_working_hours(admin_actor, support, working_hours=WEEKDAYS)

    assert not audit("team.hours_changed")


def test_no_hours_at_all_is_a_team_that_works_whenever_online(
    admin_actor: Actor, support: Team
) -> None:
    check_set_working_hours(admin_actor, support, working_hours={})

    support.refresh_from_db()
    assert support.working_hours == {}


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({"1": [["09:00", "13:00"], ["12:30", "17:00"]]}, "must be ordered and not overlap"),
        ({"2": [["18:00", "09:00"]]}, "must be ordered and not overlap"),
        ({"3": [["09:00", "09:00"]]}, "must be ordered and not overlap"),
        ({"4": [["9:00", "17:00"]]}, "is not a pair of HH:MM times"),
        ({"4": [["09:00", "25:00"]]}, "is not a pair of HH:MM times"),
        ({"5": [["09:00"]]}, "is not a pair of HH:MM times"),
        ({"5": [[9, 17]]}, "give a list of from-until pairs"),
        ({"5": "09:00-17:00"}, "give a list of from-until pairs"),
        ({"8": [["09:00", "17:00"]]}, "'8' is not an ISO weekday"),
        ({"1": [[f"{h:02}:00", f"{h:02}:30"] for h in range(7)]}, "at most 6 intervals"),
    ],
)
def test_bad_hours_are_refused_and_nothing_changes(
    admin_actor: Actor, support: Team, hours: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationFailed, match=message):
        check_set_working_hours(admin_actor, support, working_hours=hours)

    support.refresh_from_db()
    assert support.working_hours == WEEKDAYS
    assert not audit("team.hours_changed")


# Holidays ---------------------------------------------------------------------------------


def test_holidays_are_stored_in_date_order_and_audited(admin_actor: Actor, support: Team) -> None:
    today = date(2026, 6, 1)

    check_set_holidays(
        admin_actor,
        support,
        holidays=[Holiday(date(2026, 10, 29), " Cumhuriyet Bayramı "), Holiday(date(2026, 7, 15))],
        today=today,
    )
    check_set_holidays(
        admin_actor,
        support,
        holidays=[Holiday(date(2026, 7, 15)), Holiday(date(2026, 10, 29), "Cumhuriyet Bayramı")],
        today=today,
    )

    support.refresh_from_db()
    assert support.holidays == [
        {"date": "2026-07-15", "name": ""},
        {"date": "2026-10-29", "name": "Cumhuriyet Bayramı"},
    ]
    assert audit("team.holidays_changed") == [
        {"by": "admin@moda.example", "target": str(support.pk), "old": [], "new": support.holidays}
    ]


@pytest.mark.parametrize(
    ("holidays", "message"),
    [
        (
            [Holiday(date(2026, 10, 29), "Bayram"), Holiday(date(2026, 10, 29), "Again")],
            "2026-10-29 is listed twice.",
        ),
        ([Holiday(date(1026, 10, 29))], "1026-10-29 is too far away"),
        ([Holiday(date(2062, 10, 29))], "2062-10-29 is too far away"),
        ([Holiday(date(2025, 5, 30))], "2025-05-30 is too far away"),
        ([Holiday(date(2026, 10, 29), "x" * 101)], "at most 100 characters"),
        ([Holiday(date(2027, 1, 1)) for _ in range(101)], "at most 100 holidays"),
    ],
)
def test_bad_holidays_are_refused_and_nothing_changes(
    admin_actor: Actor, support: Team, holidays: list[Holiday], message: str
) -> None:
    with pytest.raises(ValidationFailed, match=message):
        check_set_holidays(admin_actor, support, holidays=holidays, today=date(2026, 6, 1))

    support.refresh_from_db()
    assert support.holidays == []


# Deleting ---------------------------------------------------------------------------------


def test_deleting_a_team_keeps_its_conversations_and_drops_its_routes(
    store: Store, admin_actor: Actor, support: Team, agent: User
) -> None:
    support.members.add(agent)
    conversation = ConversationFactory(store=store, customer__store=store, team=support)
    ChannelRoute.objects.create(store=store, channel=Channel.EMAIL, team=support)
    team_id = support.pk

    check_delete_team(admin_actor, support)

    conversation.refresh_from_db()
    assert conversation.team is None
    assert Conversation.objects.filter(pk=conversation.pk).exists()
    assert not ChannelRoute.objects.exists()
    assert not Team.objects.exists()
    assert audit("team.deleted") == [
        {
            "by": "admin@moda.example",
            "target": str(team_id),
            "name": "Destek",
            "members": [agent.pk],
        }
    ]


def test_an_agent_cannot_delete_a_team(store: Store, agent: User, support: Team) -> None:
    with pytest.raises(PermissionDenied):
        check_delete_team(actor_of(agent, store), support)

    assert Team.objects.filter(pk=support.pk).exists()


@pytest.mark.parametrize(
    "change",
    [
        lambda actor, team: check_rename_team(actor, team, name="Ours"),
        lambda actor, team: check_update_team(actor, team, name="Ours", timezone="UTC"),
        lambda actor, team: check_set_team_timezone(actor, team, timezone="UTC"),
        lambda actor, team: check_set_team_members(actor, team, member_ids=[]),
        lambda actor, team: check_set_working_hours(actor, team, working_hours={}),
        lambda actor, team: check_set_holidays(actor, team, holidays=[]),
        check_delete_team,
    ],
)
def test_another_stores_team_is_not_found_and_unchanged(
    admin_actor: Actor, other_store: Store, change: Callable[[Actor, Team], object]
) -> None:
    theirs = do_create_team(
        other_store, name="Zespół", timezone="Europe/Warsaw", working_hours=WEEKDAYS
    )
    theirs.holidays = [{"date": "2026-11-11", "name": "Święto"}]
    theirs.save()

    with pytest.raises(NotFound, match=r"Not found in this store\."):
        change(admin_actor, theirs)

    stored = Team.objects.get(pk=theirs.pk)
    assert (stored.name, stored.timezone, stored.working_hours, stored.holidays) == (
        "Zespół",
        "Europe/Warsaw",
        WEEKDAYS,
        [{"date": "2026-11-11", "name": "Święto"}],
    )


# Authority limits --------------------------------------------------------------------------


def limits(**values: str) -> dict[str, Decimal]:
    defaults = {"max_refund": "1500", "max_discount_percent": "15", "max_gift_card": "500"}
    return {name: Decimal(value) for name, value in (defaults | values).items()}


def test_an_admin_sets_the_agents_limits_in_the_stores_currency(
    store: Store, admin_actor: Actor
) -> None:
    authority = check_set_role_authority(admin_actor, Role.AGENT, **limits(max_refund="1500.50"))

    assert (authority.currency, authority.max_refund, authority.max_discount_percent) == (
        "TRY",
        Decimal("1500.50"),
        Decimal("15.00"),
    )
    assert audit("role_authority.changed") == [
        {
            "by": "admin@moda.example",
            "target": "agent",
            "old": None,
            "new": {
                "currency": "TRY",
                "max_refund": "1500.50",
                "max_discount_percent": "15.00",
                "max_gift_card": "500.00",
            },
        }
    ]


def test_changed_limits_record_the_old_and_new_values_once(admin_actor: Actor) -> None:
    check_set_role_authority(admin_actor, Role.VIEWER, **limits())
    check_set_role_authority(admin_actor, Role.VIEWER, **limits(max_gift_card="750"))
    check_set_role_authority(admin_actor, Role.VIEWER, **limits(max_gift_card="750.00"))

    changes = audit("role_authority.changed")
    assert len(changes) == 2
    assert (changes[1]["old"]["max_gift_card"], changes[1]["new"]["max_gift_card"]) == (
        "500.00",
        "750.00",
    )


@pytest.mark.parametrize("role", [Role.ADMIN, Role.OWNER])
def test_an_admin_cannot_set_the_limits_of_admins_or_owners(admin_actor: Actor, role: Role) -> None:
    with pytest.raises(PermissionDenied, match="Only an owner can change the limits"):
        check_set_role_authority(admin_actor, role, **limits(max_refund="1000000"))

    assert not RoleAuthority.objects.exists()
    assert not AuditLogEntry.objects.exists()


@pytest.mark.parametrize("role", list(Role))
def test_an_owner_sets_every_roles_limits(owner_actor: Actor, role: Role) -> None:
    check_set_role_authority(owner_actor, role, **limits())

    assert RoleAuthority.objects.get(role=role.value).max_refund == Decimal("1500")


@pytest.mark.parametrize("role", [Role.AGENT, Role.VIEWER])
def test_agents_and_viewers_cannot_set_limits(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    actor = actor_of(make_staff(store, role), store)

    with pytest.raises(PermissionDenied):
        check_set_role_authority(actor, Role.AGENT, **limits(max_refund="99999"))

    assert not RoleAuthority.objects.exists()


@pytest.mark.parametrize(
    ("values", "fields"),
    [
        ({"max_refund": "-1"}, {"max_refund": "Enter an amount of 0 or more."}),
        ({"max_gift_card": "NaN"}, {"max_gift_card": "Enter an amount of 0 or more."}),
        ({"max_refund": "Infinity"}, {"max_refund": "Enter an amount of 0 or more."}),
        (
            {"max_refund": "1000000000000"},
            {"max_refund": "Enter an amount below 1,000,000,000,000."},
        ),
        ({"max_refund": "10.005"}, {"max_refund": "Amounts in TRY have at most 2 decimal places."}),
        (
            {"max_discount_percent": "100.01"},
            {"max_discount_percent": "A discount is between 0 and 100 percent."},
        ),
        (
            {"max_discount_percent": "-5"},
            {"max_discount_percent": "A discount is between 0 and 100 percent."},
        ),
        (
            {"max_discount_percent": "12.345"},
            {"max_discount_percent": "A discount has at most 2 decimal places."},
        ),
        (
            {"max_refund": "-1", "max_gift_card": "-2"},
            {
                "max_refund": "Enter an amount of 0 or more.",
                "max_gift_card": "Enter an amount of 0 or more.",
            },
        ),
    ],
)
def test_bad_limits_are_refused_field_by_field(
    admin_actor: Actor, values: dict[str, str], fields: dict[str, str]
) -> None:
    with pytest.raises(FieldsInvalid) as raised:
        check_set_role_authority(admin_actor, Role.AGENT, **limits(**values))

    assert raised.value.fields == fields
    assert not RoleAuthority.objects.exists()


def test_a_currency_without_cents_takes_whole_amounts(
    make_staff: Callable[..., User], other_store: Store
) -> None:
    other_store.default_currency = "JPY"
    other_store.save()
    actor = actor_of(make_staff(other_store, Role.OWNER), other_store)

    with pytest.raises(FieldsInvalid, match=r"Amounts in JPY have at most 0 decimal places\."):
        check_set_role_authority(actor, Role.AGENT, **limits(max_refund="100.5"))
    authority = check_set_role_authority(actor, Role.AGENT, **limits(max_refund="20000.00"))

    assert (authority.currency, authority.max_refund) == ("JPY", Decimal("20000"))
    assert (currency_places("JPY"), currency_places("TRY"), currency_places("KWD")) == (0, 2, 2)
