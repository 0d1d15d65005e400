from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.errors import NotFound, PermissionDenied, ValidationFailed
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import IdentityKind
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.actions.presence import do_set_presence
from storedesk.inbox.models import Channel, ChannelRoute, Conversation, Presence
from storedesk.inbox.routing import (
    check_set_channel_route,
    check_set_channel_routes,
    get_channel_team,
    list_channel_routes,
)

pytestmark = pytest.mark.django_db


def actor_for(store: Store, user: User, role: Role) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


def email(text: str = "Siparişim nerede?", **fields: Any) -> Any:
    return do_receive_message(
        fields.pop("store"), channel=Channel.EMAIL, text=text,
        sender=Sender(kind=IdentityKind.EMAIL, value="elif@example.com", name="Elif Yıldız"),
        **fields,
    )  # fmt: skip


@pytest.fixture
def admin_actor(store: Store, admin: User) -> Actor:
    return actor_for(store, admin, Role.ADMIN)


@pytest.fixture
def returns_team(store: Store) -> Team:
    return Team.objects.create(store=store, name="İadeler", timezone="Europe/Istanbul")


def routes() -> list[tuple[int, str, int]]:
    return list(ChannelRoute.objects.values_list("store_id", "channel", "team_id"))


# Routing new conversations -----------------------------------------------------------------


def test_a_new_email_conversation_goes_to_the_routed_team_and_its_online_agent(
    store: Store, admin_actor: Actor, team: Team, agent: User
) -> None:
    check_set_channel_route(admin_actor, Channel.EMAIL, team)
    do_set_presence(store, agent, presence=Presence.ONLINE)

    conversation = email(store=store, external_id="<m1@mail>").conversation

    assert (conversation.team_id, conversation.assignee_id) == (team.pk, agent.pk)


def test_an_existing_conversation_keeps_its_team_when_a_route_appears(
    store: Store, admin_actor: Actor, team: Team
) -> None:
    first = email(store=store, external_id="<m1@mail>", external_thread_id="<m1@mail>")
    check_set_channel_route(admin_actor, Channel.EMAIL, team)

    reply = email(
        "Bir şey daha", store=store, external_id="<m2@mail>", external_thread_id="<m1@mail>"
    )

    assert reply.conversation.pk == first.conversation.pk
    assert Conversation.objects.get().team_id is None


def test_a_team_the_caller_names_wins_over_the_route(
    store: Store, admin_actor: Actor, team: Team, returns_team: Team
) -> None:
    check_set_channel_route(admin_actor, Channel.EMAIL, team)

    conversation = email(store=store, team=returns_team).conversation

    assert conversation.team_id == returns_team.pk


def test_another_channels_route_does_not_apply(
    store: Store, admin_actor: Actor, team: Team
) -> None:
    check_set_channel_route(admin_actor, Channel.WHATSAPP, team)

    assert email(store=store).conversation.team_id is None


def test_the_website_chat_is_never_routed(store: Store, admin_actor: Actor, team: Team) -> None:
    # A route row for the chat could only come from outside the actions: it is ignored.
    ChannelRoute.objects.create(store=store, channel=Channel.CHAT, team=team)

    with pytest.raises(ValidationFailed, match="chosen in the chat widget's settings"):
        check_set_channel_route(admin_actor, Channel.CHAT, team)
    assert get_channel_team(store, Channel.CHAT) is None


# Setting routes ------------------------------------------------------------------------------


def test_a_route_change_is_audited_once_and_can_be_cleared(
    store: Store, admin_actor: Actor, team: Team, returns_team: Team
) -> None:
    check_set_channel_route(admin_actor, Channel.EMAIL, team)
    check_set_channel_route(admin_actor, Channel.EMAIL, team)
    check_set_channel_route(admin_actor, "email", returns_team)
    check_set_channel_route(admin_actor, Channel.EMAIL, None)
    check_set_channel_route(admin_actor, Channel.EMAIL, None)

    assert routes() == []
    assert [
        (entry.target_id, entry.details["old_team_id"], entry.details["new_team_id"])
        for entry in AuditLogEntry.objects.filter(action="channel_route.changed").order_by("id")
    ] == [
        ("email", None, team.pk),
        ("email", team.pk, returns_team.pk),
        ("email", returns_team.pk, None),
    ]


@pytest.mark.parametrize("role", [Role.AGENT, Role.VIEWER])
def test_agents_and_viewers_cannot_route_channels(
    store: Store, team: Team, make_staff: Callable[..., User], role: Role
) -> None:
    actor = actor_for(store, make_staff(store, role), role)

    with pytest.raises(PermissionDenied):
        check_set_channel_route(actor, Channel.EMAIL, team)

    assert routes() == []


def test_another_stores_team_is_not_found(admin_actor: Actor, other_store: Store) -> None:
    theirs = Team.objects.create(store=other_store, name="Zespół", timezone="Europe/Warsaw")

    with pytest.raises(NotFound, match=r"Not found in this store\."):
        check_set_channel_route(admin_actor, Channel.EMAIL, theirs)
    with pytest.raises(ValidationFailed, match=r"No such team in this store\."):
        check_set_channel_routes(admin_actor, team_ids={"email": theirs.pk})

    assert routes() == []


def test_several_routes_are_set_together_or_not_at_all(
    store: Store, admin_actor: Actor, team: Team, returns_team: Team
) -> None:
    check_set_channel_routes(
        admin_actor, team_ids={"email": team.pk, "whatsapp": returns_team.pk, "phone": None}
    )
    with pytest.raises(ValidationFailed):
        check_set_channel_routes(admin_actor, team_ids={"email": None, "pigeon": team.pk})
    with pytest.raises(ValidationFailed):
        check_set_channel_routes(admin_actor, team_ids={"email": None, "phone": 999999})

    assert list_channel_routes(store) == {"email": team, "whatsapp": returns_team}


# The settings page ---------------------------------------------------------------------------


def test_admins_edit_routing_on_the_settings_page_and_agents_read_it(
    store: Store, admin: User, agent: User, team: Team
) -> None:
    ChannelRoute.objects.create(store=store, channel=Channel.EMAIL, team=team)
    settings_url = reverse("store-settings", args=[store.slug])

    admin_page = logged_in(admin).get(settings_url).content.decode()
    agent_page = logged_in(agent).get(settings_url).content.decode()

    assert 'id="routing"' in admin_page
    assert '<select id="route-email" name="route-email">' in admin_page
    assert f'<option value="{team.pk}" selected>Europe</option>' in admin_page
    assert 'id="route-chat"' not in admin_page
    assert "<dt>Email</dt><dd>Europe</dd>" in agent_page
    assert "<select" not in agent_page.split('id="routing"')[1].split("</section>")[0]
    assert reverse("channel-routes-edit", args=[store.slug]) not in agent_page


def test_saving_the_routing_form_redirects_with_a_message(
    store: Store, admin: User, team: Team
) -> None:
    client = logged_in(admin)
    url = reverse("channel-routes-edit", args=[store.slug])

    response = client.post(url, {"route-email": str(team.pk), "route-phone": ""})
    again = client.post(url, {"route-email": str(team.pk), "route-phone": ""})

    assert response.status_code == again.status_code == 302
    assert response["Location"] == reverse("store-settings", args=[store.slug]) + "#routing"
    assert routes() == [(store.pk, "email", team.pk)]
    assert AuditLogEntry.objects.filter(action="channel_route.changed").count() == 1
    assert "Channel routing is saved." in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("value", ["999999", "abc", "-1"])
def test_a_bad_team_shows_the_error_beside_the_form_and_saves_nothing(
    store: Store, admin: User, team: Team, value: str
) -> None:
    response = logged_in(admin).post(
        reverse("channel-routes-edit", args=[store.slug]),
        {"route-whatsapp": str(team.pk), "route-email": value},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert '<p class="alert" role="alert" id="routing-error">' in html
    assert routes() == []


def test_agents_and_other_stores_cannot_open_the_routing_page(
    store: Store, agent: User, other_store: Store, make_staff: Callable[..., User], team: Team
) -> None:
    url = reverse("channel-routes-edit", args=[store.slug])
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    assert logged_in(agent).get(url).status_code == 403
    assert logged_in(agent).post(url, {"route-email": str(team.pk)}).status_code == 403
    assert outsider.post(url, {"route-email": str(team.pk)}).status_code == 404
    assert Client().get(url).status_code == 302
    assert routes() == []
