"""The agent socket, over real sockets: who may open it, what reaches it, what it sends."""

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async as db
from django.utils import timezone

from storedesk.accounts.actions.staff import check_change_role, check_deactivate_member
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Role
from storedesk.core.models import Store
from storedesk.inbox.actions.messages import check_add_note, check_send_reply
from storedesk.inbox.models import AgentStatus, Channel, Conversation, Presence
from storedesk.inbox.selectors import effective_presence
from storedesk.inbox.tests.factories import ConversationFactory
from storedesk.livechat.models import ChatWidget
from storedesk.realtime.tests.sockets import (
    WebsocketCommunicator,
    agent_socket,
    close_code,
    new_visitor_token,
    open_socket,
    receive,
    receive_event,
    send,
    session_cookie,
    visitor_socket,
)

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def visitor_token(widget: ChatWidget) -> str:
    return new_visitor_token(widget)


def actor_of(user: User, store: Store, role: Role = Role.AGENT) -> Actor:
    return Actor(store=store, user=user, role=role, permissions=ROLE_PERMISSIONS[role])


async def visitor_who_wrote(visitor_token: str) -> WebsocketCommunicator:
    """The visitor's open chat socket, once their first message has been acknowledged."""
    chat = visitor_socket(visitor_token)
    await open_socket(chat)
    await receive(chat)  # ready
    await send(chat, {"type": "message", "client_id": "c-1", "text": "Merhaba"})
    await receive(chat)  # ack
    return chat


async def test_an_anonymous_socket_is_closed_with_4401(store: Store) -> None:
    assert await close_code(agent_socket(store.slug)) == 4401


async def test_another_stores_agent_is_closed_with_4404(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    stranger = await db(make_staff)(other_store, Role.ADMIN)

    assert await close_code(agent_socket(store.slug, await db(session_cookie)(stranger))) == 4404


async def test_an_unknown_store_is_closed_with_4404(agent: User) -> None:
    assert await close_code(agent_socket("no-such-store", await db(session_cookie)(agent))) == 4404


async def test_a_page_of_another_site_cannot_open_the_agent_socket(
    store: Store, agent: User
) -> None:
    socket = agent_socket(
        store.slug, await db(session_cookie)(agent), origin=b"https://evil.example"
    )

    connected, _ = await socket.connect()

    assert not connected


async def test_a_viewer_may_watch_and_receives_a_visitors_message(
    store: Store, make_staff: Callable[..., User], visitor_token: str
) -> None:
    viewer = await db(make_staff)(store, Role.VIEWER)
    inbox = agent_socket(store.slug, await db(session_cookie)(viewer))
    await open_socket(inbox)
    chat = visitor_socket(visitor_token)
    await open_socket(chat)
    await receive(chat)  # ready

    await send(chat, {"type": "message", "client_id": "c-1", "text": "Siparişim nerede?"})

    message = await receive_event(inbox)
    created = await receive_event(inbox)
    conversation = await db(Conversation.objects.get)()
    assert (message["type"], message["op"], message["store_id"]) == ("message", "created", store.pk)
    assert (message["message"]["text"], message["message"]["client_id"]) == (
        "Siparişim nerede?", "c-1",
    )  # fmt: skip
    assert message["conversation"]["id"] == conversation.pk
    assert (created["type"], created["op"]) == ("conversation", "created")
    await chat.disconnect()
    await inbox.disconnect()


async def test_connecting_marks_the_agent_online(store: Store, agent: User) -> None:
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))

    await open_socket(inbox)

    status = await db(AgentStatus.objects.get)(user=agent)
    assert effective_presence(status) == Presence.ONLINE
    await inbox.disconnect()


async def test_a_heartbeat_keeps_the_agent_online(store: Store, agent: User) -> None:
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)
    long_ago = timezone.now() - timedelta(minutes=5)
    await db(AgentStatus.objects.filter(user=agent).update)(last_seen_at=long_ago)

    await send(inbox, {"type": "heartbeat"})
    await send(inbox, {"type": "presence", "presence": "away"})
    changed = await receive_event(inbox)

    status = await db(AgentStatus.objects.get)(user=agent)
    assert status.last_seen_at is not None
    assert status.last_seen_at > long_ago
    assert effective_presence(status) == Presence.AWAY
    assert changed == {
        "type": "presence", "op": "changed", "store_id": store.pk, "user_id": agent.pk,
        "presence": "away",
    }  # fmt: skip
    await inbox.disconnect()


async def test_notes_never_reach_the_visitor(store: Store, agent: User, visitor_token: str) -> None:
    chat = await visitor_who_wrote(visitor_token)
    conversation = await db(Conversation.objects.get)()
    actor = actor_of(agent, store)

    await db(check_add_note)(actor, conversation, text="Gizli not: VIP")
    await db(check_send_reply)(actor, conversation, text="Kargoda!")

    reply = await receive(chat)
    assert reply["type"] == "message"
    assert (reply["message"]["text"], reply["message"]["author_type"]) == ("Kargoda!", "agent")
    assert "conversation" not in reply
    assert await chat.receive_nothing(timeout=0.3)
    await chat.disconnect()


async def test_agent_typing_reaches_the_visitor_and_the_other_agents_only(
    store: Store, agent: User, make_staff: Callable[..., User], visitor_token: str
) -> None:
    colleague = await db(make_staff)(store, Role.AGENT, name="Ece Kaya")
    chat = await visitor_who_wrote(visitor_token)
    conversation = await db(Conversation.objects.get)()
    typist = agent_socket(store.slug, await db(session_cookie)(colleague))
    other = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(typist)
    await open_socket(other)
    assert (await receive_event(typist))["type"] == "presence"  # the colleague came online

    await send(typist, {"type": "typing", "conversation_id": conversation.pk, "typing": True})

    assert await receive(chat) == {"type": "typing", "typing": True, "name": "Ece Kaya"}
    assert await receive_event(other) == {
        "type": "typing", "op": "changed", "store_id": store.pk,
        "conversation_id": conversation.pk, "who": "agent", "user_id": colleague.pk,
        "name": "Ece Kaya", "typing": True,
    }  # fmt: skip
    assert await typist.receive_nothing(timeout=0.3)
    for socket in (chat, typist, other):
        await socket.disconnect()


async def test_visitor_typing_reaches_the_agents(
    store: Store, agent: User, visitor_token: str
) -> None:
    chat = await visitor_who_wrote(visitor_token)
    conversation = await db(Conversation.objects.select_related("customer").get)()
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)

    await send(chat, {"type": "typing", "typing": True})

    assert await receive_event(inbox) == {
        "type": "typing", "op": "changed", "store_id": store.pk,
        "conversation_id": conversation.pk, "who": "customer", "user_id": None,
        "name": str(conversation.customer), "typing": True,
    }  # fmt: skip
    await chat.disconnect()
    await inbox.disconnect()


async def test_typing_in_another_stores_conversation_is_not_found(
    store: Store, other_store: Store, agent: User
) -> None:
    theirs = await db(ConversationFactory)(customer__store=other_store, channel=Channel.CHAT)
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)

    await send(inbox, {"type": "typing", "conversation_id": theirs.pk, "typing": True})

    assert await receive(inbox) == {
        "type": "error",
        "code": "not_found",
        "message": "No such conversation.",
    }
    await inbox.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("not json", "bad_frame"),
        ("[1, 2]", "bad_frame"),
        ('{"type": "dance"}', "unknown_type"),
        ('{"type": "presence", "presence": "offline"}', "invalid_presence"),
        ('{"type": "typing", "conversation_id": "5", "typing": true}', "bad_frame"),
        ('{"type": "typing", "conversation_id": true, "typing": true}', "bad_frame"),
        ("x" * 5000, "bad_frame"),
    ],
)
async def test_bad_frames_get_an_error_and_the_socket_stays_open(
    store: Store, agent: User, frame: str, code: str
) -> None:
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)

    await inbox.send_to(text_data=frame)
    error = await receive(inbox)
    await send(inbox, {"type": "heartbeat"})

    assert (error["type"], error["code"]) == ("error", code)
    assert await inbox.receive_nothing(timeout=0.2)
    await inbox.disconnect()


async def test_a_viewer_cannot_announce_typing(
    store: Store, make_staff: Callable[..., User]
) -> None:
    viewer = await db(make_staff)(store, Role.VIEWER)
    conversation = await db(ConversationFactory)(customer__store=store)
    inbox = agent_socket(store.slug, await db(session_cookie)(viewer))
    await open_socket(inbox)

    await send(inbox, {"type": "typing", "conversation_id": conversation.pk, "typing": True})

    assert (await receive(inbox))["code"] == "permission_denied"
    await inbox.disconnect()


async def _closed_with(communicator: WebsocketCommunicator) -> int:
    """The code the socket is closed with, after any events that come first."""
    while True:
        output = await communicator.receive_output()
        if output["type"] == "websocket.close":
            return int(output["code"])


async def test_a_deactivated_members_open_socket_is_closed(
    store: Store, agent: User, make_staff: Callable[..., User]
) -> None:
    admin = await db(make_staff)(store, Role.ADMIN)
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)

    membership = await db(Membership.objects.get)(store=store, user=agent)
    await db(check_deactivate_member)(actor_of(admin, store, Role.ADMIN), membership)

    assert await _closed_with(inbox) == 4404


async def test_a_member_given_another_role_keeps_watching_with_it(
    store: Store, agent: User, make_staff: Callable[..., User]
) -> None:
    owner = await db(make_staff)(store, Role.OWNER)
    conversation = await db(ConversationFactory)(customer__store=store)
    inbox = agent_socket(store.slug, await db(session_cookie)(agent))
    await open_socket(inbox)
    membership = await db(Membership.objects.get)(store=store, user=agent)

    await db(check_change_role)(actor_of(owner, store, Role.OWNER), membership, role=Role.VIEWER)
    await asyncio.sleep(0.5)  # the change reaches the socket through the channel layer
    await send(inbox, {"type": "typing", "conversation_id": conversation.pk, "typing": True})

    # Open still, and holding the viewer's actor now: a viewer announces no typing.
    frame = await receive(inbox)
    while frame.get("type") != "error":
        frame = await receive(inbox)
    assert frame["code"] == "permission_denied"
    await inbox.disconnect()
