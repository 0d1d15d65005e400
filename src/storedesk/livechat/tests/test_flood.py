"""Floods through the widget's HTTP API: one address starting session after session, many
addresses at once, and what the store's inbox and real shoppers still get meanwhile."""

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from storedesk.accounts.actors import system_actor
from storedesk.core.models import Store
from storedesk.inbox.actions.messages import check_send_reply
from storedesk.inbox.models import Conversation, Message
from storedesk.livechat.models import ChatWidget
from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
FLOODER = "203.0.113.66"
TOO_FAST_TR = "Çok hızlı mesaj gönderiyorsunuz; lütfen biraz bekleyin."


@pytest.fixture(autouse=True)
def _one_window() -> Iterator[None]:
    # The limits count in fixed windows; a test that straddled a boundary would start over
    # half-way. Time stands still at the start of a ten-minute window.
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, 5, tzinfo=UTC), tick=False):
        yield


def start(widget: ChatWidget, address: str, **fields: Any) -> Any:
    # A browser whose own language is English, on a Turkish page.
    return Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en").post(
        "/widget/v1/sessions",
        {"key": widget.key, "language": "tr", **fields},
        content_type="application/json",
    )


def visitor(token: str, address: str) -> Client:
    return Client(
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE="en",
        headers={"Authorization": f"Visitor {token}"},
    )


def write(client: Client, text: str, client_id: str) -> Any:
    return client.post(
        "/widget/v1/messages",
        {"client_id": client_id, "text": text},
        content_type="application/json",
    )


def test_one_address_starting_a_new_session_every_twenty_messages_gets_sixty_through(
    widget: ChatWidget,
) -> None:
    statuses: list[int] = []
    refusals: list[Any] = []

    # Ten new visitors from one address, twenty messages each: the flood that used to
    # store 200 of 200 messages in 10 conversations.
    for session in range(10):
        response = start(widget, FLOODER)
        assert response.status_code == 200
        client = visitor(response.json()["token"], FLOODER)
        for number in range(20):
            sent = write(client, f"Spam {session}-{number}", f"s{session}-{number}")
            statuses.append(sent.status_code)
            if sent.status_code == 429:
                refusals.append(sent)

    assert (statuses.count(201), statuses.count(429)) == (60, 140)
    assert Message.objects.count() == 60
    assert Conversation.objects.count() == 3
    body = refusals[0].json()["error"]
    assert (body["code"], body["message"]) == ("rate_limited", TOO_FAST_TR)
    assert refusals[0]["Retry-After"] == str(body["details"]["retry_after"]) == "55"


def test_one_address_opens_at_most_five_conversations_in_ten_minutes(
    widget: ChatWidget,
) -> None:
    opened = [
        write(visitor(start(widget, FLOODER).json()["token"], FLOODER), "Merhaba", "c-1")
        for _ in range(5)
    ]
    sixth = visitor(start(widget, FLOODER).json()["token"], FLOODER)

    refused = write(sixth, "Merhaba", "c-1")

    assert [response.status_code for response in opened] == [201] * 5
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    assert refused["Retry-After"] == "595"
    assert Conversation.objects.count() == 5
    # The five chats already open carry on, and other addresses open theirs.
    first = visitor(start(widget, FLOODER).json()["token"], FLOODER)
    assert write(first, "x", "c-2").status_code == 429
    assert write(opened_client(widget, "198.51.100.1"), "Merhaba", "c-1").status_code == 201


def opened_client(widget: ChatWidget, address: str) -> Client:
    return visitor(start(widget, address).json()["token"], address)


def test_an_open_chat_carries_on_when_its_address_may_open_no_more(widget: ChatWidget) -> None:
    clients = [opened_client(widget, FLOODER) for _ in range(6)]
    answers = [write(client, "Merhaba", "c-1").status_code for client in clients]

    again = write(clients[0], "Bir şey daha", "c-2")

    assert answers == [201, 201, 201, 201, 201, 429]
    assert again.status_code == 201
    assert Message.objects.count() == 6


def test_the_refusals_of_new_chats_are_in_the_widgets_language(
    widget: ChatWidget, settings: Any
) -> None:
    settings.CHAT_STORE_NEW_CONVERSATIONS_PER_MINUTE = 6
    for _ in range(5):
        write(opened_client(widget, FLOODER), "Merhaba", "c-1")
    write(opened_client(widget, "198.51.100.1"), "Merhaba", "c-1")

    by_address = write(opened_client(widget, FLOODER), "Merhaba", "c-1")
    by_store = write(opened_client(widget, "198.51.100.2"), "Merhaba", "c-1")

    assert by_address.json()["error"]["message"] == (
        "Bu adresten çok fazla yeni sohbet başlatıldı; birkaç dakika sonra tekrar deneyin."
    )
    assert by_store.json()["error"]["message"] == (
        "Şu anda çok sayıda sohbet talebi alıyoruz; birkaç dakika sonra tekrar deneyin."
    )


def test_one_address_starts_at_most_twenty_new_visitors_in_ten_minutes(
    widget: ChatWidget,
) -> None:
    tokens = [start(widget, FLOODER).json()["token"] for _ in range(20)]

    refused = start(widget, FLOODER)

    assert refused.status_code == 429
    assert refused.json()["error"] == {
        "code": "rate_limited",
        "message": "Bu adresten çok fazla sohbet oturumu açıldı; lütfen biraz bekleyin.",
        "details": {"retry_after": 595},
    }
    # A visitor who has a token resumes, and another address starts afresh.
    assert start(widget, FLOODER, token=tokens[0]).status_code == 200
    assert start(widget, "198.51.100.1").status_code == 200


def test_sessions_of_one_address_are_limited_even_when_they_resume(widget: ChatWidget) -> None:
    token = start(widget, FLOODER).json()["token"]
    for _ in range(59):
        assert start(widget, FLOODER, token=token).status_code == 200

    refused = start(widget, FLOODER, token=token)

    assert (refused.status_code, refused.json()["error"]["code"]) == (429, "rate_limited")


def test_a_flood_from_many_addresses_opens_no_more_conversations_than_the_store_allows(
    store: Store, other_store: Store, widget: ChatWidget
) -> None:
    # A shopper who was chatting before the flood began.
    shopper = opened_client(widget, "198.51.100.200")
    assert write(shopper, "Siparişim nerede?", "c-1").status_code == 201

    answers = [
        write(opened_client(widget, f"203.0.113.{number}"), "Spam", "c-1")
        for number in range(1, 61)
    ]

    assert [response.status_code for response in answers] == [201] * 59 + [429]
    assert answers[-1].json()["error"]["code"] == "rate_limited"
    assert answers[-1]["Retry-After"] == "55"
    assert Conversation.objects.filter(store=store).count() == 60
    # The inbox works on: the shopper's chat goes on, and an agent answers it.
    assert write(shopper, "Kargo kodu?", "c-2").status_code == 201
    conversation = Conversation.objects.get(store=store, messages__client_id="c-2")
    reply = check_send_reply(system_actor(store), conversation, text="Yarın elinizde.")
    assert reply.conversation_id == conversation.pk
    # Another store's chat is not touched by this store's flood.
    theirs = ChatWidgetFactory(store=other_store)
    assert write(opened_client(theirs, "198.51.100.9"), "Dzień dobry", "c-1").status_code == 201


def test_an_address_uploads_at_most_thirty_files_a_minute(widget: ChatWidget) -> None:
    statuses = []
    for _ in range(4):
        client = opened_client(widget, FLOODER)
        for number in range(10):
            response = client.post("/widget/v1/attachments", {"file": _png(f"photo-{number}.png")})
            statuses.append(response.status_code)

    assert (statuses.count(201), statuses.count(429)) == (30, 10)


def test_address_limits_can_be_turned_off_for_a_load_test(
    widget: ChatWidget, settings: Any
) -> None:
    settings.CHAT_ADDRESS_LIMITS = False

    answers = [write(opened_client(widget, FLOODER), "Merhaba", "c-1") for _ in range(25)]

    assert [response.status_code for response in answers] == [201] * 25


def _png(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PNG, content_type="image/png")
