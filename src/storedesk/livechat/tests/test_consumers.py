"""The chat visitor's socket, over real sockets: acks, idempotent resends, bad frames,
floods, tokens and origins, and a visitor's other tabs."""

import pytest
from channels.db import database_sync_to_async as db

from storedesk.accounts.actors import system_actor
from storedesk.core.models import Store
from storedesk.inbox.actions.conversations import do_set_status
from storedesk.inbox.actions.messages import check_send_reply
from storedesk.inbox.models import Conversation, ConversationStatus, Message
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.realtime.tests.sockets import (
    WebsocketCommunicator,
    close_code,
    new_visitor_token,
    open_socket,
    receive,
    send,
    visitor_socket,
)

pytestmark = [pytest.mark.anyio, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def widget(store: Store) -> ChatWidget:
    return ChatWidgetFactory(store=store, allowed_origins=["https://shop.example"])


@pytest.fixture
def token(widget: ChatWidget) -> str:
    return new_visitor_token(widget)


async def opened(token: str) -> WebsocketCommunicator:
    socket = visitor_socket(token)
    await open_socket(socket)
    assert (await receive(socket))["type"] == "ready"
    return socket


async def count(model: type[Message] | type[Conversation]) -> int:
    number: int = await db(model.objects.count)()
    return number


async def test_a_message_is_acknowledged_with_the_stored_message(token: str) -> None:
    socket = visitor_socket(token)
    await open_socket(socket)
    ready = await receive(socket)

    await send(socket, {"type": "message", "client_id": "c-1", "text": "Siparişim nerede?"})
    ack = await receive(socket)

    stored = await db(Message.objects.get)()
    assert ready == {"type": "ready", "conversation_id": None}
    assert (ack["type"], ack["client_id"]) == ("ack", "c-1")
    assert ack["message"]["id"] == stored.pk
    assert (ack["message"]["text"], ack["message"]["direction"]) == (
        "Siparişim nerede?", "inbound",
    )  # fmt: skip
    assert await socket.receive_nothing(timeout=0.2)  # no echo of its own message
    await socket.disconnect()


async def test_the_same_client_id_twice_stores_one_message(token: str) -> None:
    socket = await opened(token)
    frame = {"type": "message", "client_id": "9b2f7c1a-0d4e", "text": "Merhaba"}

    await send(socket, frame)
    first = await receive(socket)
    await socket.disconnect()
    socket = await opened(token)  # reconnected: the unacknowledged message is sent again
    await send(socket, frame)
    second = await receive(socket)

    assert first["message"]["id"] == second["message"]["id"]
    assert await count(Message) == 1
    await socket.disconnect()


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "message_empty"), ("   ", "message_empty"), ("ğ" * 10_001, "message_too_long")],
)
async def test_empty_and_too_long_messages_get_error_frames_and_store_nothing(
    token: str, text: str, code: str
) -> None:
    socket = await opened(token)

    await send(socket, {"type": "message", "client_id": "c-1", "text": text})
    error = await receive(socket)

    assert (error["type"], error["code"], error["client_id"]) == ("error", code, "c-1")
    assert (await count(Message), await count(Conversation)) == (0, 0)
    await send(socket, {"type": "message", "client_id": "c-2", "text": "Şimdi oldu"})
    assert (await receive(socket))["type"] == "ack"  # the socket stays open
    await socket.disconnect()


async def test_a_flood_gets_rate_limited(token: str) -> None:
    socket = await opened(token)
    for number in range(20):
        await send(socket, {"type": "message", "client_id": f"c-{number}", "text": "spam"})
        assert (await receive(socket))["type"] == "ack"

    await send(socket, {"type": "message", "client_id": "c-20", "text": "spam"})
    error = await receive(socket)

    assert (error["type"], error["code"], error["client_id"]) == ("error", "rate_limited", "c-20")
    assert 1 <= error["retry_after"] <= 60
    assert await count(Message) == 20
    await socket.disconnect()


async def test_one_address_opening_chat_after_chat_is_refused_with_a_frame(
    widget: ChatWidget,
) -> None:
    sockets = [await opened(await db(new_visitor_token)(widget)) for _ in range(6)]
    answers = []

    for socket in sockets:
        await send(socket, {"type": "message", "client_id": "c-1", "text": "Merhaba"})
        answers.append(await receive(socket))

    assert [answer["type"] for answer in answers] == ["ack"] * 5 + ["error"]
    assert (answers[-1]["code"], answers[-1]["client_id"]) == ("rate_limited", "c-1")
    assert 1 <= answers[-1]["retry_after"] <= 600
    assert await count(Conversation) == 5
    for socket in sockets:
        await socket.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{oops", "bad_frame"),
        ('"text"', "bad_frame"),
        ('{"type": "message", "text": "no id"}', "bad_frame"),
        ('{"type": "message", "client_id": "c-1", "text": ["x"]}', "bad_frame"),
        ('{"type": "message", "client_id": "bad id!", "text": "x"}', "validation_error"),
        ('{"type": "message", "client_id": "c-1", "text": "x", "attachments": ["nope"]}',
         "validation_error"),
        ('{"type": "typing", "typing": "yes"}', "bad_frame"),
        ('{"type": "sync", "after": -5}', "bad_frame"),
        ('{"type": "shout"}', "unknown_type"),
        ("x" * 200_000, "message_too_long"),
    ],
)  # fmt: skip
async def test_bad_frames_get_error_frames(token: str, frame: str, code: str) -> None:
    socket = await opened(token)

    await socket.send_to(text_data=frame)

    assert (await receive(socket))["code"] == code
    assert await count(Message) == 0
    await socket.disconnect()


async def test_a_forged_token_is_closed_with_4401(token: str) -> None:
    assert await close_code(visitor_socket(token[:-2] + "xx")) == 4401
    assert await close_code(visitor_socket("")) == 4401


async def test_a_site_the_widget_does_not_allow_is_closed_with_4403(token: str) -> None:
    assert await close_code(visitor_socket(token, origin=b"https://copycat.example")) == 4403


async def test_sync_returns_the_messages_after_the_last_one_seen(token: str, store: Store) -> None:
    socket = await opened(token)
    await send(socket, {"type": "message", "client_id": "c-1", "text": "Merhaba"})
    first = (await receive(socket))["message"]
    conversation = await db(Conversation.objects.get)()
    await db(check_send_reply)(system_actor(store), conversation, text="Buyurun")
    reply = await receive(socket)

    await send(socket, {"type": "sync", "after": first["id"]})
    answer = await receive(socket)

    assert reply["message"]["text"] == "Buyurun"
    assert answer == {"type": "messages", "messages": [reply["message"]]}
    await socket.disconnect()


async def test_another_tab_sees_the_message_and_follows_a_new_conversation(
    token: str, store: Store
) -> None:
    writer = await opened(token)
    watcher = await opened(token)
    await send(writer, {"type": "message", "client_id": "c-1", "text": "İlk"})
    await receive(writer)  # ack
    started = await receive(watcher)  # the new conversation, shown in full
    first = await db(Conversation.objects.get)()
    await db(do_set_status)(system_actor(store), first, status=ConversationStatus.RESOLVED)

    await send(writer, {"type": "message", "client_id": "c-2", "text": "Yeni konu"})
    await receive(writer)  # ack
    followed = await receive(watcher)
    second = await db(Conversation.objects.exclude(pk=first.pk).get)()
    await db(check_send_reply)(system_actor(store), second, text="Merhaba yine")

    assert [m["text"] for m in started["messages"]] == ["İlk"]
    assert followed["type"] == "messages"
    assert [m["text"] for m in followed["messages"]] == ["Yeni konu"]
    assert (await receive(watcher))["message"]["text"] == "Merhaba yine"
    assert (await receive(writer))["message"]["text"] == "Merhaba yine"
    for socket in (writer, watcher):
        await socket.disconnect()


async def test_another_visitor_hears_nothing(widget: ChatWidget, token: str) -> None:
    stranger_token = await db(new_visitor_token)(widget)
    visitor = await opened(token)
    stranger = await opened(stranger_token)

    await send(visitor, {"type": "message", "client_id": "c-1", "text": "Adresim: Kadıköy"})
    await receive(visitor)

    assert await stranger.receive_nothing(timeout=0.3)
    for socket in (visitor, stranger):
        await socket.disconnect()
