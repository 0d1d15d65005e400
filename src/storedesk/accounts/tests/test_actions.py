from collections.abc import Callable
from decimal import Decimal

import pytest

from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.teams import do_create_team, do_set_role_authority
from storedesk.accounts.actions.tokens import check_create_api_token
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, RoleAuthority, Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.accounts.selectors import get_actor_for_token, get_actor_for_user
from storedesk.core.errors import NotFound, PermissionDenied, ValidationFailed
from storedesk.core.models import Store

pytestmark = pytest.mark.django_db

ISTANBUL_HOURS = {str(day): [["09:00", "18:00"]] for day in range(1, 7)}


def test_create_team_with_working_hours_in_its_time_zone(store: Store, agent: User) -> None:
    team = do_create_team(
        store,
        name="Istanbul",
        timezone="Europe/Istanbul",
        working_hours=ISTANBUL_HOURS,
        members=[agent],
    )

    assert team.store == store
    assert team.working_hours["6"] == [["09:00", "18:00"]]
    assert list(team.members.all()) == [agent]


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ({"8": [["09:00", "17:00"]]}, "'8' is not an ISO weekday"),
        ({"1": [["9:00", "17:00"]]}, "is not a pair of HH:MM times"),
        ({"1": [["17:00", "09:00"]]}, "must be ordered and not overlap"),
        ({"1": [["09:00", "13:00"], ["12:00", "17:00"]]}, "must be ordered and not overlap"),
    ],
)
def test_invalid_working_hours_are_refused(
    store: Store, hours: dict[str, list[list[str]]], message: str
) -> None:
    with pytest.raises(ValidationFailed, match=message):
        do_create_team(store, name="Night", timezone="Europe/Istanbul", working_hours=hours)

    assert not Team.objects.exists()


def test_a_team_needs_a_real_time_zone(store: Store) -> None:
    with pytest.raises(ValidationFailed, match="'Europe/Atlantis' is not an IANA time zone"):
        do_create_team(store, name="Nowhere", timezone="Europe/Atlantis", working_hours={})


def test_role_authority_limits_are_stored_per_role(store: Store) -> None:
    do_set_role_authority(
        store,
        role=Role.AGENT,
        currency="TRY",
        max_refund=Decimal("1500.00"),
        max_discount_percent=Decimal("15"),
        max_gift_card=Decimal("500.00"),
    )
    do_set_role_authority(
        store,
        role=Role.AGENT,
        currency="TRY",
        max_refund=Decimal("2000.00"),
        max_discount_percent=Decimal("20"),
        max_gift_card=Decimal("750.00"),
    )

    authority = RoleAuthority.objects.get(store=store, role="agent")
    assert (authority.max_refund, authority.max_discount_percent, authority.max_gift_card) == (
        Decimal("2000.00"),
        Decimal("20.00"),
        Decimal("750.00"),
    )


@pytest.mark.parametrize(
    ("refund", "discount", "message"),
    [
        (Decimal("-1"), Decimal("10"), "non-negative"),
        (Decimal("10"), Decimal("101"), "at most 100"),
    ],
)
def test_role_authority_limits_are_validated(
    store: Store, refund: Decimal, discount: Decimal, message: str
) -> None:
    with pytest.raises(ValidationFailed, match=message):
        do_set_role_authority(
            store,
            role=Role.AGENT,
            currency="TRY",
            max_refund=refund,
            max_discount_percent=discount,
            max_gift_card=Decimal(0),
        )

    assert not RoleAuthority.objects.exists()


def test_only_admins_create_api_tokens(store: Store, make_staff: Callable[..., User]) -> None:
    agent = make_staff(store, Role.AGENT)
    admin = make_staff(store, Role.ADMIN)

    with pytest.raises(PermissionDenied):
        check_create_api_token(get_actor_for_user(agent, store_slug=store.slug), name="Shop")
    token, raw = check_create_api_token(
        get_actor_for_user(admin, store_slug=store.slug), name="Shop"
    )

    assert token.created_by == admin
    assert token.secret_hash not in raw
    actor = get_actor_for_token(raw)
    assert actor is not None
    assert actor.store == store


def test_a_user_acts_only_in_stores_they_belong_to(
    store: Store, other_store: Store, agent: User
) -> None:
    actor = get_actor_for_user(agent, store_slug=store.slug)

    assert actor == Actor(
        store=store, user=agent, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT]
    )
    with pytest.raises(NotFound):
        get_actor_for_user(agent, store_slug=other_store.slug)


def test_a_member_of_several_stores_must_name_one(
    store: Store, other_store: Store, agent: User
) -> None:
    do_add_member(other_store, user=agent, role=Role.VIEWER)

    with pytest.raises(NotFound, match="several stores"):
        get_actor_for_user(agent, store_slug=None)
    assert get_actor_for_user(agent, store_slug=other_store.slug).role == Role.VIEWER
    assert Membership.objects.filter(user=agent).count() == 2
