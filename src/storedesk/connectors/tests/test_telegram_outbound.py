"""Agents' replies in Telegram conversations go out through sendMessage in the worker, with
retries on 429 and 5xx; the webhook is registered with setWebhook; the composer says when
a channel has no way to deliver."""

import logging
from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import User
from storedesk.connectors.actions import check_update_connection
from storedesk.connectors.models import ChannelConnection, DeliveryState, OutboundDelivery
from storedesk.connectors.outbound import MAX_ATTEMPTS
from storedesk.connectors.tests import channel_fixtures
from storedesk.connectors.tests.channel_fixtures import (
    CUSTOMER_ID,
    post_update,
    secret_token,
    text_update,
)
from storedesk.connectors.tests.telegram_server import BOT_TOKEN, PNG, FakeTelegram
from storedesk.core.models import Store
from storedesk.inbox.actions.messages import check_send_reply, check_send_reply_with_files
from storedesk.inbox.models import Conversation, DeliveryStatus, Message
from storedesk.inbox.tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db
# The shared fixtures, by assignment: pytest finds them as this module's own.
connection = channel_fixtures.connection
telegram = channel_fixtures.telegram
DELIVER = "storedesk.connectors.tasks.deliver_message"


@pytest.fixture
def conversation(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> Conversation:
    """A Telegram conversation the customer started through the bot."""
    post_update(client, connection, text_update(1))
    run_queued_tasks()
    return Conversation.objects.get()


def _reply(
    actor: Actor,
    conversation: Conversation,
    django_capture_on_commit_callbacks: Callable[..., object],
    text: str = "Kargonuz yarın teslim edilecek.",
) -> Message:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        return check_send_reply(actor, conversation, text=text)


def test_creating_a_connection_registers_its_webhook_with_its_secret_token(
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    run_queued_tasks()

    (call,) = telegram.calls("setWebhook")
    assert call.token == BOT_TOKEN
    assert call.body == {
        "url": f"http://127.0.0.1:8000/hooks/telegram/{connection.webhook_key}/",
        "secret_token": secret_token(connection),
        "allowed_updates": ["message", "edited_message"],
    }
    connection.refresh_from_db()
    assert connection.webhook_registered_at is not None
    assert connection.webhook_error == ""


def test_a_refused_registration_keeps_telegrams_reason(
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    telegram.fail("setWebhook", 400, "Bad Request: bad webhook: HTTPS url must be provided")

    run_queued_tasks()

    connection.refresh_from_db()
    assert connection.webhook_registered_at is None
    assert connection.webhook_error == "Bad Request: bad webhook: HTTPS url must be provided"


def test_an_agents_reply_reaches_telegram_in_the_documented_shape(
    store: Store,
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
    caplog: pytest.LogCaptureFixture,
) -> None:
    message = _reply(agent_actor, conversation, django_capture_on_commit_callbacks)
    assert message.delivery_status == DeliveryStatus.QUEUED

    with caplog.at_level(logging.INFO, logger="httpx"):
        assert run_queued_tasks() == [DELIVER]

    (call,) = telegram.calls("sendMessage")
    assert call.token == BOT_TOKEN
    assert call.content_type == "application/json"
    assert call.body == {"chat_id": str(CUSTOMER_ID), "text": "Kargonuz yarın teslim edilecek."}
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.SENT
    delivery = OutboundDelivery.objects.get(message=message)
    assert (delivery.state, delivery.attempts, delivery.external_id) == ("sent", 1, "101")
    # The bot's token is in the Bot API's paths; the log never shows it.
    assert "sendMessage" in caplog.text
    assert BOT_TOKEN not in caplog.text


def test_too_many_requests_waits_as_long_as_telegram_asks_then_sends(
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    telegram.fail("sendMessage", 429, "Too Many Requests: retry after 7", retry_after=7)
    message = _reply(agent_actor, conversation, django_capture_on_commit_callbacks)

    with time_machine.travel(timezone.now(), tick=False) as clock:
        run_queued_tasks()
        delivery = OutboundDelivery.objects.get(message=message)
        assert delivery.next_attempt_at == timezone.now() + timedelta(seconds=7)
        assert delivery.last_error == "Too Many Requests: retry after 7"
        message.refresh_from_db()
        assert message.delivery_status == DeliveryStatus.QUEUED
        assert run_queued_tasks() == []
        clock.shift(timedelta(seconds=8))
        assert run_queued_tasks() == [DELIVER]

    assert len(telegram.calls("sendMessage")) == 2
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.SENT


def test_a_refusal_fails_the_message_with_telegrams_description(
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    telegram.fail("sendMessage", 403, "Forbidden: bot was blocked by the user")
    message = _reply(agent_actor, conversation, django_capture_on_commit_callbacks)

    run_queued_tasks()

    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.FAILED
    assert message.failure_reason == "Forbidden: bot was blocked by the user"
    assert OutboundDelivery.objects.get(message=message).state == DeliveryState.FAILED
    assert len(telegram.calls("sendMessage")) == 1


def test_a_platform_that_stays_away_ends_the_delivery_dead_and_the_message_failed(
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    for _ in range(MAX_ATTEMPTS):
        telegram.fail("sendMessage", 500, "Internal Server Error")
    message = _reply(agent_actor, conversation, django_capture_on_commit_callbacks)

    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(MAX_ATTEMPTS):
            run_queued_tasks()
            clock.shift(timedelta(hours=1))

    assert len(telegram.calls("sendMessage")) == MAX_ATTEMPTS
    message.refresh_from_db()
    assert (message.delivery_status, message.failure_reason) == ("failed", "Internal Server Error")
    assert OutboundDelivery.objects.get(message=message).state == DeliveryState.DEAD


def test_a_long_reply_is_sent_in_telegrams_pieces(
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    _reply(agent_actor, conversation, django_capture_on_commit_callbacks, text="a" * 5000)

    run_queued_tasks()

    assert [len(call.body["text"]) for call in telegram.calls("sendMessage")] == [4096, 904]


def test_a_reply_on_a_disabled_channel_stays_queued_and_the_composer_says_why(
    store: Store,
    agent: User,
    agent_actor: Actor,
    conversation: Conversation,
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
    agent_client: Client,
) -> None:
    page = f"/s/{store.slug}/inbox/{conversation.pk}/"
    assert "replies stay queued" not in agent_client.get(page).content.decode()
    check_update_connection(system_actor(store), connection, {"enabled": False})

    message = _reply(agent_actor, conversation, django_capture_on_commit_callbacks)
    run_queued_tasks()

    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.QUEUED
    assert telegram.calls("sendMessage") == []
    assert "replies stay queued" in agent_client.get(page).content.decode()


def test_the_composer_says_a_channel_without_a_connector_cannot_deliver(
    store: Store, agent_client: Client
) -> None:
    whatsapp = ConversationFactory(customer__store=store, channel="whatsapp")
    chat = ConversationFactory(customer__store=store, channel="chat")

    whatsapp_page = agent_client.get(f"/s/{store.slug}/inbox/{whatsapp.pk}/").content.decode()
    chat_page = agent_client.get(f"/s/{store.slug}/inbox/{chat.pk}/").content.decode()

    assert "cannot deliver replies on this channel yet" in whatsapp_page
    assert "cannot deliver replies on this channel yet" not in chat_page


def test_a_reply_with_a_file_sends_the_text_then_the_document(
    agent_actor: Actor,
    conversation: Conversation,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
    django_capture_on_commit_callbacks: Callable[..., object],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[attr-defined]
        message = check_send_reply_with_files(
            agent_actor, conversation, text="Etiket ekte.", files=[("etiket.png", PNG)]
        )

    run_queued_tasks()

    assert [call.body["text"] for call in telegram.calls("sendMessage")] == ["Etiket ekte."]
    (document,) = telegram.calls("sendDocument")
    assert document.content_type.startswith("multipart/form-data")
    assert document.body == {"chat_id": str(CUSTOMER_ID)}
    assert document.files == {"document": ("etiket.png", PNG)}
    message.refresh_from_db()
    assert message.delivery_status == DeliveryStatus.SENT
