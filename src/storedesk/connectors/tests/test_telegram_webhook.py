"""Telegram's webhook end to end: verification, durable intake, processing in the worker,
retries, dead letters and their retry, against a real fake Bot API server on 127.0.0.1."""

from collections.abc import Callable
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from storedesk.accounts.models import User
from storedesk.connectors.intake import MAX_ATTEMPTS, REJECTED_PER_ADDRESS
from storedesk.connectors.models import ChannelConnection, EventStatus, InboundEvent
from storedesk.connectors.tests import channel_fixtures
from storedesk.connectors.tests.channel_fixtures import (
    CUSTOMER_ID,
    post_update,
    text_update,
    webhook_path,
)
from storedesk.connectors.tests.telegram_server import PNG, FakeTelegram
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import CustomerIdentity, IdentityKind
from storedesk.inbox.models import Attachment, Channel, Conversation, Message

pytestmark = pytest.mark.django_db
# The shared fixtures, by assignment: pytest finds them as this module's own.
connection = channel_fixtures.connection
telegram = channel_fixtures.telegram
PROCESS = "storedesk.connectors.tasks.process_inbound_event"


def _registered(run_queued_tasks: Callable[[], list[str]]) -> None:
    # The connection's setWebhook task, queued when it was created.
    run_queued_tasks()


def test_a_verified_update_is_stored_before_the_answer_and_processed_by_the_worker(
    client: Client,
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    _registered(run_queued_tasks)

    response = post_update(client, connection, text_update(10000))

    assert response.status_code == 200
    assert response.json() == {"ok": True, "code": "stored"}
    event = InboundEvent.objects.get()
    assert (event.external_id, event.status, event.attempts) == ("10000", "pending", 0)
    assert b"sipari\\u015fim" in bytes(event.body) or "siparişim".encode() in bytes(event.body)
    assert "x-telegram-bot-api-secret-token" not in event.headers
    assert not Message.objects.exists()

    assert run_queued_tasks() == [PROCESS]

    message = Message.objects.get()
    conversation = message.conversation
    assert (message.text, message.channel, message.direction) == (
        "Merhaba, siparişim nerede?", Channel.TELEGRAM, "inbound",
    )  # fmt: skip
    assert conversation.external_thread_id == str(CUSTOMER_ID)
    assert conversation.language == "tr"
    assert str(conversation.customer) == "Ayşe Yılmaz (@ayseyilmaz)"
    identity = CustomerIdentity.objects.get(customer=conversation.customer)
    assert (identity.kind, identity.value, identity.verified) == (
        IdentityKind.TELEGRAM, str(CUSTOMER_ID), True,
    )  # fmt: skip
    event.refresh_from_db()
    assert (event.status, event.attempts, event.message_id) == ("done", 1, message.pk)


def test_the_same_update_twice_is_one_event_and_one_message(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    _registered(run_queued_tasks)

    first = post_update(client, connection, text_update(10001))
    second = post_update(client, connection, text_update(10001))
    run_queued_tasks()
    third = post_update(client, connection, text_update(10001))

    assert [r.json()["code"] for r in (first, second, third)] == [
        "stored", "duplicate", "duplicate",
    ]  # fmt: skip
    assert InboundEvent.objects.count() == 1
    assert Message.objects.count() == 1
    assert run_queued_tasks() == []


def test_the_next_message_of_the_chat_joins_its_conversation(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    _registered(run_queued_tasks)

    post_update(client, connection, text_update(1, message_id=1))
    post_update(client, connection, text_update(2, message_id=2, text="Kargo kodu?"))
    run_queued_tasks()

    assert Conversation.objects.count() == 1
    assert list(Message.objects.order_by("pk").values_list("text", flat=True)) == [
        "Merhaba, siparişim nerede?", "Kargo kodu?",
    ]  # fmt: skip


@pytest.mark.parametrize("secret", ["", "wrong-token"])
def test_a_missing_or_wrong_secret_token_is_refused_recorded_and_never_processed(
    client: Client,
    connection: ChannelConnection,
    run_queued_tasks: Callable[[], list[str]],
    secret: str,
) -> None:
    _registered(run_queued_tasks)

    response = post_update(client, connection, text_update(10002), secret=secret)

    assert response.status_code == 401
    assert response.json()["code"] == "bad_signature"
    event = InboundEvent.objects.get()
    assert (event.status, bytes(event.body), event.external_id) == ("rejected", b"", None)
    assert event.last_error == "signature missing or wrong"
    assert run_queued_tasks() == []
    assert not Message.objects.exists()


def test_an_address_that_keeps_failing_verification_is_slowed_down(
    client: Client, connection: ChannelConnection
) -> None:
    for _ in range(REJECTED_PER_ADDRESS.limit):
        assert post_update(client, connection, text_update(), secret="wrong").status_code == 401

    slowed = post_update(client, connection, text_update(), secret="wrong")

    assert slowed.status_code == 429
    assert InboundEvent.objects.count() == REJECTED_PER_ADDRESS.limit


def test_an_oversized_body_is_refused(client: Client, connection: ChannelConnection) -> None:
    update = text_update(10003, text="a" * 300_000)

    response = post_update(client, connection, update)

    assert response.status_code == 413
    assert not InboundEvent.objects.exists()


def test_malformed_json_is_refused_and_recorded(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    _registered(run_queued_tasks)

    response = post_update(client, connection, None, raw=b'{"update_id": 5, "message": {')

    assert response.status_code == 400
    assert response.json()["code"] == "malformed_json"
    event = InboundEvent.objects.get()
    assert (event.status, event.last_error) == ("rejected", "malformed JSON")
    assert bytes(event.body) == b'{"update_id": 5, "message": {'
    assert run_queued_tasks() == []


@pytest.mark.parametrize(
    ("update", "note"),
    [
        ({"update_id": 7, "channel_post": {"message_id": 1, "text": "x"}}, "channel_post"),
        (
            {"update_id": 7, "edited_message": text_update()["message"] | {"edit_date": 1}},
            "edited_message ignored",
        ),
        (text_update(7, chat_id=-100123, chat_type="supergroup"), "not a private chat"),
    ],
    ids=["unknown type", "edit", "group"],
)
def test_updates_that_make_no_message_are_acknowledged_stored_and_ignored(
    client: Client,
    connection: ChannelConnection,
    run_queued_tasks: Callable[[], list[str]],
    update: dict[str, object],
    note: str,
) -> None:
    _registered(run_queued_tasks)

    response = post_update(client, connection, update)

    assert response.status_code == 200
    assert response.json()["code"] == "ignored"
    event = InboundEvent.objects.get()
    assert event.status == "done"
    assert note in event.last_error
    assert run_queued_tasks() == []
    assert not Message.objects.exists()


def test_an_unknown_or_disabled_webhook_is_not_found(
    client: Client, connection: ChannelConnection
) -> None:
    wrong_key = client.post("/hooks/telegram/nope/", "{}", content_type="application/json")
    wrong_kind = client.post(
        f"/hooks/whatsapp/{connection.webhook_key}/", "{}", content_type="application/json"
    )
    ChannelConnection.objects.filter(pk=connection.pk).update(enabled=False)
    disabled = post_update(client, connection, text_update())

    assert [wrong_key.status_code, wrong_kind.status_code, disabled.status_code] == [404] * 3
    assert not InboundEvent.objects.exists()


def test_a_photo_is_fetched_through_get_file_and_kept_as_an_attachment(
    client: Client,
    connection: ChannelConnection,
    telegram: FakeTelegram,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    _registered(run_queued_tasks)
    photo = [
        {"file_id": "AgACAgIAAxkBAAIBsmall", "file_unique_id": "s", "width": 90, "height": 90},
        {"file_id": "AgACAgIAAxkBAAIBlarge", "file_unique_id": "l", "width": 800,
         "height": 800, "file_size": len(PNG)},
    ]  # fmt: skip

    post_update(client, connection, text_update(20, text="", photo=photo, caption="Yırtık"))
    run_queued_tasks()

    message = Message.objects.get()
    assert message.text == "Yırtık"
    attachment = Attachment.objects.get(message=message)
    assert (attachment.content_type, attachment.size) == ("image/png", len(PNG))
    assert [call.body for call in telegram.calls("getFile")] == [
        {"file_id": "AgACAgIAAxkBAAIBlarge"}
    ]


def test_a_failing_event_is_retried_with_backoff_then_dead_then_retried_by_an_admin(
    client: Client,
    connection: ChannelConnection,
    telegram: FakeTelegram,
    admin: User,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    _registered(run_queued_tasks)
    document = {"file_id": "BQACAgIAAxkBAAIB", "file_unique_id": "d", "file_name": "fatura.pdf"}
    for _ in range(MAX_ATTEMPTS):
        telegram.fail("getFile", 502, "Bad Gateway")
    post_update(client, connection, text_update(30, text="Faturam", document=document))
    event = InboundEvent.objects.get()

    waits = []
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(MAX_ATTEMPTS):
            run_queued_tasks()
            event.refresh_from_db()
            if event.status != EventStatus.PENDING:
                break
            assert event.next_attempt_at is not None
            waits.append(event.next_attempt_at - timezone.now())
            assert run_queued_tasks() == []  # not due yet
            clock.shift(event.next_attempt_at - timezone.now() + timedelta(seconds=1))

    assert waits == [timedelta(minutes=2**n) for n in range(MAX_ATTEMPTS - 1)]
    assert (event.status, event.attempts) == ("dead", MAX_ATTEMPTS)
    assert event.last_error == "Bad Gateway"
    assert not Message.objects.exists()
    admin_client = logged_in(admin)
    page = admin_client.get(f"/s/{connection.store.slug}/settings/")
    assert "Bad Gateway" in page.content.decode()

    retried = admin_client.post(
        f"/s/{connection.store.slug}/settings/channels/events/{event.pk}/retry/"
    )
    telegram.files["docs/fatura.pdf"] = b"%PDF-1.4\n%%EOF\n"
    telegram.answer(
        "getFile", 200,
        {"ok": True, "result": {"file_id": "BQACAgIAAxkBAAIB", "file_unique_id": "d",
                                "file_size": 15, "file_path": "docs/fatura.pdf"}},
    )  # fmt: skip
    run_queued_tasks()

    assert retried.status_code == 302
    event.refresh_from_db()
    assert (event.status, event.attempts) == ("done", 1)
    message = Message.objects.get()
    assert message.text == "Faturam"
    assert Attachment.objects.get(message=message).filename == "fatura.pdf"


def test_a_task_run_twice_processes_the_event_once(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    from storedesk.connectors.tasks import process_inbound_event

    _registered(run_queued_tasks)
    post_update(client, connection, text_update(40))
    event = InboundEvent.objects.get()
    process_inbound_event.enqueue(event_id=event.pk)

    assert run_queued_tasks() == [PROCESS, PROCESS]

    assert Message.objects.count() == 1
    assert DBTaskResult.objects.filter(return_value="skipped").count() == 1


def test_a_worker_that_died_mid_way_leaves_the_event_to_be_taken_again(
    client: Client, connection: ChannelConnection, run_queued_tasks: Callable[[], list[str]]
) -> None:
    from storedesk.connectors.tasks import resume_stalled_work

    _registered(run_queued_tasks)
    post_update(client, connection, text_update(50))
    # A worker took the event (the lease) and the task, then died.
    DBTaskResult.objects.all().delete()
    InboundEvent.objects.update(next_attempt_at=timezone.now() + timedelta(minutes=5), attempts=1)

    resume_stalled_work()
    assert run_queued_tasks() == []
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        resume_stalled_work()
        run_queued_tasks()

    assert Message.objects.count() == 1
    assert InboundEvent.objects.get().status == "done"


def test_a_get_to_the_webhook_is_not_allowed_for_telegram(
    client: Client, connection: ChannelConnection
) -> None:
    response = client.get(webhook_path(connection))

    assert response.status_code == 405
