"""The widget's HTTP API, through Django's test client: sessions, identity proofs, messages,
files, email, transcripts, CORS, and every bad input."""

import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.customers.models import Customer, CustomerIdentity, IdentityKind
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.conversations import do_set_status
from storedesk.inbox.actions.messages import check_add_note, check_send_reply
from storedesk.inbox.models import (
    AgentStatus,
    Attachment,
    Channel,
    Conversation,
    ConversationStatus,
    Message,
    Presence,
)
from storedesk.inbox.tests.factories import ConversationFactory, MessageFactory
from storedesk.livechat.actions import do_record_agent_typing
from storedesk.livechat.models import ChatVisitor, ChatWidget
from storedesk.livechat.selectors import identity_hmac
from storedesk.livechat.tasks import send_transcript
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.livechat.tests.test_widget_script import WIDGET_STRING_NAMES

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def other_widget(other_store: Store) -> ChatWidget:
    return ChatWidgetFactory(store=other_store)


def start(widget: ChatWidget, **fields: Any) -> Any:
    return Client().post(
        "/widget/v1/sessions", {"key": widget.key, **fields}, content_type="application/json"
    )


def as_visitor(token: str, **headers: str) -> Client:
    return Client(headers={"Authorization": f"Visitor {token}", **headers})


def new_visitor(widget: ChatWidget) -> Client:
    return as_visitor(start(widget, language="tr").json()["token"])


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(f"/widget/v1{path}", body, content_type="application/json")


def write(client: Client, text: str, client_id: str = "c-1", **fields: Any) -> Any:
    return post(client, "/messages", {"client_id": client_id, "text": text, **fields})


def actor_for(user: User, store: Store) -> Actor:
    from storedesk.accounts.permissions import ROLE_PERMISSIONS

    return Actor(store=store, user=user, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT])


# Sessions -----------------------------------------------------------------------------


def test_a_new_visitor_gets_a_token_and_an_empty_chat_in_their_language(
    widget: ChatWidget,
) -> None:
    response = start(widget, language="tr-TR")

    body = response.json()
    assert response.status_code == 200, body
    assert body["visitor"] == {"name": None, "identified": False}
    assert body["store"] == {"name": "Moda Çarşı", "languages": ["tr", "en"]}
    assert body["widget"] | {"strings": None} == {
        "language": "tr",
        "greeting": "Merhaba! Size nasıl yardımcı olabiliriz?",
        "accent_color": "#2563eb",
        "launcher_label": "Bize yazın",
        "strings": None,
    }
    assert (body["conversation"], body["messages"]) == (None, [])
    assert body["availability"]["reason"] == "no_agent_online"
    assert body["limits"] == {
        "max_message_length": 10000,
        "max_attachment_bytes": 10485760,
        "max_attachments_per_message": 5,
        "attachment_types": [
            "application/pdf", "image/gif", "image/jpeg", "image/png", "image/webp",
        ],
    }  # fmt: skip
    assert not ChatVisitor.objects.exists()  # a page view writes nothing
    assert not Customer.objects.exists()


def test_the_session_carries_the_widgets_words_in_its_language(widget: ChatWidget) -> None:
    # The browser prefers English; the Turkish page (or StoredeskSettings) asked for Turkish.
    response = Client(HTTP_ACCEPT_LANGUAGE="en").post(
        "/widget/v1/sessions",
        {"key": widget.key, "language": "tr"},
        content_type="application/json",
    )

    strings = response.json()["widget"]["strings"]
    assert set(strings) == WIDGET_STRING_NAMES
    assert {name: strings[name] for name in ("message", "send", "sending", "you", "save")} == {
        "message": "Mesaj",
        "send": "Gönder",
        "sending": "Gönderiliyor…",
        "you": "Siz",
        "save": "Kaydet",
    }
    assert strings["typing"] == "%(name)s yazıyor…"
    assert strings["too_long"] == "Bir mesaj en fazla %(limit)s karakter olabilir."
    assert strings["email_invalid"] == "Geçerli bir e-posta adresi girin."


def test_every_word_of_the_widget_is_translated_in_turkish(widget: ChatWidget) -> None:
    english = start(widget, language="en").json()["widget"]["strings"]

    turkish = start(widget, language="tr").json()["widget"]["strings"]

    assert {name for name in english if turkish[name] == english[name]} == set()
    assert turkish["placeholder"] == "Mesajınızı yazın…"
    assert turkish["queued"] == "Bağlantı kurulunca gönderilecek"


def test_a_returning_visitor_resumes_their_conversation_with_the_token(
    widget: ChatWidget,
) -> None:
    token = start(widget).json()["token"]
    write(as_visitor(token), "Siparişim nerede?")

    body = start(widget, token=token).json()

    conversation = Conversation.objects.get()
    assert body["conversation"] == {"id": conversation.pk, "status": "open"}
    assert [m["text"] for m in body["messages"]] == ["Siparişim nerede?"]
    assert body["visitor"] == {"name": None, "identified": False}


def test_a_forged_token_is_refused_everywhere(widget: ChatWidget) -> None:
    token = start(widget).json()["token"]
    forged = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")

    session = start(widget, token=forged)
    poll = as_visitor(forged).get("/widget/v1/messages")
    missing = Client().get("/widget/v1/messages")

    for response in (session, poll, missing):
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "visitor_token_invalid"


def test_a_token_of_another_store_is_refused(widget: ChatWidget, other_widget: ChatWidget) -> None:
    theirs = start(other_widget).json()["token"]
    write(as_visitor(theirs), "Dzień dobry")

    response = start(widget, token=theirs)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "visitor_token_invalid"
    assert "Dzień dobry" not in response.content.decode()


@pytest.mark.parametrize("key", ["wk_nope", "pk_live_1", ""])
def test_an_unknown_key_is_not_found(widget: ChatWidget, key: str) -> None:
    response = Client().post("/widget/v1/sessions", {"key": key}, content_type="application/json")

    assert response.status_code in {404, 422}
    if key:
        assert response.json()["error"]["code"] == "widget_not_found"


def test_a_disabled_widget_is_not_found_and_its_tokens_stop_working(widget: ChatWidget) -> None:
    token = start(widget).json()["token"]
    ChatWidget.objects.filter(pk=widget.pk).update(enabled=False)

    session = start(widget)
    poll = as_visitor(token).get("/widget/v1/messages")

    assert (session.status_code, session.json()["error"]["code"]) == (404, "widget_not_found")
    assert (poll.status_code, poll.json()["error"]["code"]) == (404, "widget_not_found")


# Identity verification ------------------------------------------------------------------


@pytest.fixture
def known_customer(store: Store) -> Customer:
    customer = CustomerFactory(
        store=store, external_id="c-42", first_name="Elif", last_name="Yıldız",
        email="elif@example.com",
    )  # fmt: skip
    earlier = ConversationFactory(customer=customer, channel=Channel.CHAT)
    MessageFactory(conversation=earlier, text="Geçen haftaki siparişim eksik geldi")
    MessageFactory(
        conversation=earlier, direction="internal", author_type="agent", text="Gizli not"
    )
    return customer


def test_a_valid_identity_returns_the_customers_name_and_history(
    widget: ChatWidget, known_customer: Customer
) -> None:
    proof = identity_hmac(widget.identity_secret, "c-42")

    body = start(
        widget, identity={"external_id": "c-42", "email": "elif@example.com", "hmac": proof}
    ).json()

    assert body["visitor"] == {"name": "Elif Yıldız", "identified": True}
    assert [m["text"] for m in body["messages"]] == ["Geçen haftaki siparişim eksik geldi"]
    assert body["conversation"]["id"] == Conversation.objects.get().pk


def test_an_email_identity_is_proven_by_the_hmac_of_the_email(
    widget: ChatWidget, known_customer: Customer
) -> None:
    proof = identity_hmac(widget.identity_secret, "elif@example.com")

    body = start(widget, identity={"email": "elif@example.com", "hmac": proof.upper()}).json()

    assert body["visitor"] == {"name": "Elif Yıldız", "identified": True}
    assert CustomerIdentity.objects.get(kind=IdentityKind.EMAIL).verified is True


@pytest.mark.parametrize(
    "identity",
    [
        {"external_id": "c-42", "hmac": "0" * 64},
        {"external_id": "c-42", "hmac": "not hex at all ğ"},
        {"email": "elif@example.com", "hmac": "SIGNED-FOR-c-42"},
        {"external_id": "c-43", "hmac": "SIGNED-FOR-c-42"},
        {"hmac": "SIGNED-FOR-c-42"},
    ],
)
def test_a_tampered_identity_gets_403_and_no_customer_data(
    widget: ChatWidget, known_customer: Customer, identity: dict[str, str]
) -> None:
    signed = identity_hmac(widget.identity_secret, "c-42")
    identity = {k: (signed if v == "SIGNED-FOR-c-42" else v) for k, v in identity.items()}
    earlier_visitor = start(widget).json()["token"]

    response = start(widget, token=earlier_visitor, identity=identity)

    body = response.content.decode()
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "identity_invalid"
    assert "token" not in response.json()
    for secret in ("Elif", "Yıldız", "elif@example.com", "Geçen haftaki", str(known_customer.pk)):
        assert secret not in body
    assert Customer.objects.count() == 1
    assert not CustomerIdentity.objects.filter(verified=True).exists()


def test_an_identified_browser_without_its_proof_starts_afresh(
    widget: ChatWidget, known_customer: Customer
) -> None:
    proof = identity_hmac(widget.identity_secret, "c-42")
    token = start(widget, identity={"external_id": "c-42", "hmac": proof}).json()["token"]

    body = start(widget, token=token).json()  # the shopper logged out of the shop

    assert body["visitor"] == {"name": None, "identified": False}
    assert (body["conversation"], body["messages"]) == (None, [])


def test_identifying_moves_the_anonymous_chat_to_the_customer(
    widget: ChatWidget, known_customer: Customer
) -> None:
    token = start(widget).json()["token"]
    write(as_visitor(token), "Merhaba, iade istiyorum")
    anonymous = Conversation.objects.get(customer__external_id__isnull=True)
    proof = identity_hmac(widget.identity_secret, "c-42")

    body = start(widget, token=token, identity={"external_id": "c-42", "hmac": proof}).json()

    anonymous.refresh_from_db()
    assert anonymous.customer_id == known_customer.pk
    assert body["conversation"]["id"] == anonymous.pk
    assert Customer.objects.count() == 1


def test_a_new_identity_secret_ends_identified_sessions(
    widget: ChatWidget, known_customer: Customer
) -> None:
    proof = identity_hmac(widget.identity_secret, "c-42")
    token = start(widget, identity={"external_id": "c-42", "hmac": proof}).json()["token"]
    ChatWidget.objects.filter(pk=widget.pk).update(identity_secret="rotated" * 8)

    response = as_visitor(token).get("/widget/v1/messages")

    assert (response.status_code, response.json()["error"]["code"]) == (
        401, "visitor_token_invalid",
    )  # fmt: skip


# Messages -------------------------------------------------------------------------------


def test_the_same_client_id_twice_stores_one_message(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)

    first = write(visitor, "Merhaba", client_id="0f8b1c1e-5b1a-4d6f-9f51-1f3c2a7d9e10")
    again = write(visitor, "Merhaba", client_id="0f8b1c1e-5b1a-4d6f-9f51-1f3c2a7d9e10")

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["message"]["id"] == again.json()["message"]["id"]
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "message_empty"), ("  \n ", "message_empty"), ("x" * 10_001, "message_too_long")],
)
def test_empty_and_too_long_messages_are_refused_and_nothing_is_stored(
    widget: ChatWidget, text: str, code: str
) -> None:
    response = write(new_visitor(widget), text)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == code
    assert not Message.objects.exists()
    assert not Conversation.objects.exists()
    assert not ChatVisitor.objects.exists()
    assert not Customer.objects.exists()


def test_a_message_of_exactly_the_limit_is_stored(widget: ChatWidget) -> None:
    response = write(new_visitor(widget), "x" * 10_000)

    assert response.status_code == 201


@pytest.mark.parametrize(
    "body",
    [
        {"text": "no client id"},
        {"client_id": "has spaces in it", "text": "hi"},
        {"client_id": "c-1", "text": "a\u0000b"},
        {"client_id": "c-1", "text": "hi", "attachments": ["t"] * 6},
        {"client_id": "c-1", "text": 5},
    ],
)
def test_malformed_messages_are_refused(widget: ChatWidget, body: dict[str, Any]) -> None:
    response = post(new_visitor(widget), "/messages", body)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert not Message.objects.exists()


def test_a_flood_from_one_visitor_is_rate_limited(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)
    for number in range(20):
        assert write(visitor, f"Mesaj {number}", client_id=f"c-{number}").status_code == 201

    response = write(visitor, "Bir tane daha", client_id="c-20")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["error"]["details"]["retry_after"] == int(response["Retry-After"])
    assert Message.objects.count() == 20
    assert write(new_visitor(widget), "Başka biri").status_code == 201


def test_polling_returns_later_messages_never_notes_and_the_agents_typing(
    widget: ChatWidget, agent: User, store: Store
) -> None:
    visitor = new_visitor(widget)
    first = write(visitor, "Merhaba").json()["message"]
    conversation = Conversation.objects.get()
    actor = actor_for(agent, store)
    check_add_note(actor, conversation, text="Gizli not")
    check_send_reply(actor, conversation, text="Size nasıl yardımcı olabilirim?")
    do_record_agent_typing(conversation_id=conversation.pk, name="Ayla", typing=True)

    body = visitor.get("/widget/v1/messages", {"after": first["id"]}).json()

    assert [m["text"] for m in body["messages"]] == ["Size nasıl yardımcı olabilirim?"]
    assert body["typing"] == {"typing": True, "name": "Ayla"}


@pytest.mark.parametrize("after", ["-1", "abc", "1e3"])
def test_a_bad_after_is_refused(widget: ChatWidget, after: str) -> None:
    response = new_visitor(widget).get("/widget/v1/messages", {"after": after})

    assert response.status_code == 422


def test_after_a_resolved_conversation_the_next_message_starts_a_new_one(
    widget: ChatWidget, store: Store
) -> None:
    from storedesk.accounts.actors import system_actor

    visitor = new_visitor(widget)
    write(visitor, "İlk soru", client_id="a")
    first = Conversation.objects.get()
    do_set_status(system_actor(store), first, status=ConversationStatus.RESOLVED)

    response = write(visitor, "Yeni soru", client_id="b")

    second = Conversation.objects.exclude(pk=first.pk).get()
    assert response.json()["message"]["conversation_id"] == second.pk
    assert second.customer_id == first.customer_id
    assert Customer.objects.count() == 1


# Attachments ----------------------------------------------------------------------------


def upload(client: Client, name: str, content: bytes) -> Any:
    file = io.BytesIO(content)
    file.name = name
    return client.post("/widget/v1/attachments", {"file": file})


def test_an_image_is_uploaded_sent_and_seen_only_by_its_visitor(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)
    uploaded = upload(visitor, "kargo.png", PNG)
    token = uploaded.json()["token"]

    sent = write(visitor, "", attachments=[token])
    own = visitor.get(f"/widget/v1/attachments/{token}")
    stranger = new_visitor(widget).get(f"/widget/v1/attachments/{token}")

    assert uploaded.status_code == 201
    assert (uploaded.json()["content_type"], uploaded.json()["size"]) == ("image/png", len(PNG))
    assert sent.status_code == 201, sent.content
    assert [a["token"] for a in sent.json()["message"]["attachments"]] == [token]
    assert own.status_code == 200
    assert own.getvalue() == PNG
    assert own["Content-Type"] == "image/png"
    assert stranger.status_code == 404


def test_an_unsent_upload_cannot_be_sent_by_another_visitor(widget: ChatWidget) -> None:
    token = upload(new_visitor(widget), "kargo.png", PNG).json()["token"]

    response = write(new_visitor(widget), "benim", attachments=[token])

    assert response.status_code == 422
    assert not Message.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("photo.png", b"<!doctype html><html><script>alert(1)</script></html>"),
        ("empty.png", b""),
    ],
)
def test_disallowed_file_types_are_refused(widget: ChatWidget, name: str, content: bytes) -> None:
    response = upload(new_visitor(widget), name, content)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert not Attachment.objects.exists()


def test_an_oversized_file_is_refused(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)

    too_big = upload(visitor, "huge.png", PNG + b"\x00" * (10 * 1024 * 1024))
    large = upload(visitor, "large.png", PNG + b"\x00" * (2 * 1024 * 1024))

    assert (too_big.status_code, too_big.json()["error"]["code"]) == (413, "file_too_large")
    assert too_big["Access-Control-Allow-Origin"] == "*"
    assert large.status_code == 201
    assert Attachment.objects.count() == 1


def test_a_request_over_the_servers_limit_is_refused_in_the_error_shape(
    widget: ChatWidget,
) -> None:
    response = upload(new_visitor(widget), "huge.png", PNG + b"\x00" * (12 * 1024 * 1024))

    assert (response.status_code, response.json()["error"]["code"]) == (413, "payload_too_large")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not Attachment.objects.exists()


# Availability ---------------------------------------------------------------------------


def online(store: Store, user: User) -> None:
    AgentStatus.objects.update_or_create(
        store=store, user=user,
        defaults={"presence": Presence.ONLINE, "last_seen_at": timezone.now()},
    )  # fmt: skip


def test_outside_working_hours_the_widget_says_so_and_when_the_team_is_back(
    widget: ChatWidget, team: Team, store: Store, agent: User
) -> None:
    widget.team = team
    widget.save()
    # Friday 20:30 in Istanbul; the team is back on Monday at 09:00.
    with time_machine.travel(datetime(2026, 11, 27, 17, 30, tzinfo=UTC), tick=False):
        online(store, agent)
        english = start(widget, language="en").json()["availability"]

    assert english == {
        "live": False,
        "reason": "outside_hours",
        "expected_reply": "Our team is away right now and back on Monday at 09:00 "
        "(Europe/Istanbul time). Leave your email address and we will answer there.",
    }


def test_within_working_hours_with_an_agent_online_the_chat_is_live(
    widget: ChatWidget, team: Team, store: Store, agent: User
) -> None:
    widget.team = team
    widget.save()
    with time_machine.travel(datetime(2026, 11, 27, 8, 0, tzinfo=UTC), tick=False):
        nobody = start(widget, language="en").json()["availability"]
        online(store, agent)
        somebody = start(widget, language="en").json()["availability"]

    assert (nobody["live"], nobody["reason"]) == (False, "no_agent_online")
    assert somebody == {
        "live": True,
        "reason": "online",
        "expected_reply": "We usually answer within a few minutes.",
    }


# Email and transcripts ------------------------------------------------------------------


def test_leaving_another_customers_email_suggests_a_merge_and_merges_nothing(
    widget: ChatWidget, store: Store
) -> None:
    owner = CustomerFactory(store=store, email="ayse@example.com")
    visitor = new_visitor(widget)
    write(visitor, "Kargom gelmedi")
    conversation = Conversation.objects.get()
    visitor_customer = conversation.customer

    response = post(visitor, "/email", {"email": "AYSE@example.com"})

    conversation.refresh_from_db()
    visitor_customer.refresh_from_db()
    assert response.status_code == 200
    assert response.json() == {"email": "ayse@example.com"}
    assert conversation.suggested_customer_id == owner.pk
    assert conversation.customer_id == visitor_customer.pk
    assert visitor_customer.email is None
    assert Customer.objects.count() == 2
    assert not CustomerIdentity.objects.filter(value="ayse@example.com").exists()


def test_an_email_left_before_writing_suggests_the_merge_with_the_first_message(
    widget: ChatWidget, store: Store
) -> None:
    owner = CustomerFactory(store=store, email="ayse@example.com")
    visitor = new_visitor(widget)

    post(visitor, "/email", {"email": "ayse@example.com"})
    write(visitor, "Kargom gelmedi")

    assert Conversation.objects.get().suggested_customer_id == owner.pk


def test_a_new_email_becomes_the_visitors_unproven_address(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)
    write(visitor, "Merhaba")

    post(visitor, "/email", {"email": "yeni@example.com"})

    customer = Conversation.objects.get().customer
    customer.refresh_from_db()
    identity = CustomerIdentity.objects.get(kind=IdentityKind.EMAIL)
    assert customer.email == "yeni@example.com"
    assert (identity.customer_id, identity.verified) == (customer.pk, False)


@pytest.mark.parametrize("email", ["not-an-email", "a b@example.com"])
def test_a_bad_email_is_refused(widget: ChatWidget, email: str) -> None:
    response = post(new_visitor(widget), "/email", {"email": email})

    assert response.status_code == 422
    assert not ChatVisitor.objects.exists()


def test_a_transcript_is_emailed_without_notes(
    widget: ChatWidget,
    store: Store,
    agent: User,
    mailoutbox: list[mail.EmailMessage],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    from django_tasks_db.models import DBTaskResult

    visitor = new_visitor(widget)
    write(visitor, "İade etmek istiyorum")
    conversation = Conversation.objects.get()
    check_add_note(actor_for(agent, store), conversation, text="Gizli not")
    check_send_reply(actor_for(agent, store), conversation, text="Tabii, etiket gönderiyorum")

    with django_capture_on_commit_callbacks(execute=True):
        response = post(visitor, "/transcript", {"email": "ayse@example.com"})
    queued = DBTaskResult.objects.get().task_result
    queued.task.call(*queued.args, **queued.kwargs)

    assert response.status_code == 202
    assert len(mailoutbox) == 1
    sent = mailoutbox[0]
    assert sent.to == ["ayse@example.com"]
    assert sent.subject == "Moda Çarşı ile konuşmanız"
    assert "İade etmek istiyorum" in sent.body
    assert "Tabii, etiket gönderiyorum" in sent.body
    assert "Gizli not" not in sent.body


def test_a_transcript_without_an_address_or_conversation_is_refused(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)

    nothing_yet = post(visitor, "/transcript", {"email": "ayse@example.com"})
    write(visitor, "Merhaba")
    no_address = post(visitor, "/transcript", {"email": None})

    assert (nothing_yet.status_code, nothing_yet.json()["error"]["code"]) == (
        404, "no_conversation",
    )  # fmt: skip
    assert (no_address.status_code, no_address.json()["error"]["code"]) == (
        422, "email_required",
    )  # fmt: skip


def test_transcripts_are_rate_limited(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)
    write(visitor, "Merhaba")
    for _ in range(3):
        assert post(visitor, "/transcript", {"email": "a@example.com"}).status_code == 202

    response = post(visitor, "/transcript", {"email": "b@example.com"})

    assert response.status_code == 429


def test_a_failed_transcript_delivery_is_tried_again_later(
    widget: ChatWidget, settings: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    visitor = new_visitor(widget)
    write(visitor, "Merhaba")
    conversation = Conversation.objects.get()

    with pytest.raises(ConnectionRefusedError):
        send_transcript.call(conversation_id=conversation.pk, email="a@example.com", language="tr")

    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(minutes=1)


# Typing ---------------------------------------------------------------------------------


def test_typing_over_http_answers_204(widget: ChatWidget) -> None:
    visitor = new_visitor(widget)
    write(visitor, "Merhaba")

    response = post(visitor, "/typing", {"typing": True})

    assert response.status_code == 204


# CORS and origins -----------------------------------------------------------------------


def test_a_preflight_is_answered_for_any_site() -> None:
    response = Client().options(
        "/widget/v1/messages",
        headers={"Origin": "https://shop.example", "Access-Control-Request-Method": "POST"},
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Headers"] == "Authorization, Content-Type"
    assert "Access-Control-Allow-Credentials" not in response


def test_a_widget_limited_to_some_sites_answers_only_them(widget: ChatWidget) -> None:
    widget.allowed_origins = ["https://shop.example"]
    widget.save()
    shop = Client(headers={"Origin": "https://shop.example"})
    elsewhere = Client(headers={"Origin": "https://copycat.example"})

    allowed = shop.post("/widget/v1/sessions", {"key": widget.key}, content_type="application/json")
    refused = elsewhere.post(
        "/widget/v1/sessions", {"key": widget.key}, content_type="application/json"
    )
    token = allowed.json()["token"]
    refused_later = as_visitor(token, Origin="https://copycat.example").get("/widget/v1/messages")

    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == "https://shop.example"
    assert (refused.status_code, refused.json()["error"]["code"]) == (403, "origin_not_allowed")
    assert refused_later.status_code == 403


def test_storedesks_own_pages_run_a_widget_limited_to_other_sites(widget: ChatWidget) -> None:
    widget.allowed_origins = ["https://shop.example"]
    widget.save()
    own = Client(headers={"Origin": "http://testserver"})

    response = own.post("/widget/v1/sessions", {"key": widget.key}, content_type="application/json")
    polled = as_visitor(response.json()["token"], Origin="http://testserver").get(
        "/widget/v1/messages"
    )

    assert (response.status_code, polled.status_code) == (200, 200)


def test_an_unrestricted_widget_answers_every_site(widget: ChatWidget) -> None:
    response = Client(headers={"Origin": "https://anywhere.example"}).post(
        "/widget/v1/sessions", {"key": widget.key}, content_type="application/json"
    )

    assert response["Access-Control-Allow-Origin"] == "*"


def test_new_visitors_from_one_address_are_rate_limited(widget: ChatWidget) -> None:
    for _ in range(20):
        assert start(widget).status_code == 200

    response = start(widget)

    assert (response.status_code, response.json()["error"]["code"]) == (429, "rate_limited")


def test_malformed_json_gets_the_error_shape(widget: ChatWidget) -> None:
    response = Client().post("/widget/v1/sessions", "{not json", content_type="application/json")

    assert response.status_code == 400
    assert json.loads(response.content)["error"]["code"] == "malformed_json"
