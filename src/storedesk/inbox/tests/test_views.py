"""The agent inbox pages: what each role may see and do, refused inputs, the one timeline
across channels, attachments, and the number of queries each page costs."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries, DjangoCaptureOnCommitCallbacks

from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.events import Event
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.actions import do_add_identity, do_resolve_customer
from storedesk.customers.models import Customer, IdentityKind
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.attachments import do_store_attachment
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    MAX_MESSAGE_LENGTH,
    AgentStatus,
    Attachment,
    AuthorType,
    Channel,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Direction,
    Message,
    Presence,
    Priority,
)
from storedesk.inbox.tests.factories import (
    CannedReplyFactory,
    CannedReplyTextFactory,
    ConversationFactory,
    MessageFactory,
    chat_from,
)
from storedesk.orders.tests.factories import OrderFactory, give_orders

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
    b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def url(name: str, store: Store, *args: object) -> str:
    return reverse(name, args=[store.slug, *args])


# Who may see and do what ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "method", "with_id"),
    [
        ("inbox", "get", False),
        ("inbox-conversation", "get", True),
        ("inbox-messages", "get", True),
        ("inbox-details", "get", True),
        ("inbox-reply", "post", True),
        ("inbox-note", "post", True),
        ("inbox-assign", "post", True),
        ("inbox-status", "post", True),
        ("inbox-attachments", "post", False),
        ("inbox-presence", "post", False),
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(
    client: Client, store: Store, name: str, method: str, with_id: bool
) -> None:
    conversation = chat_from(store)
    target = url(name, store, conversation.pk) if with_id else url(name, store)

    response = getattr(client, method)(target, {"text": "Merhaba"})

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "method", "data"),
    [
        ("inbox-conversation", "get", {}),
        ("inbox-messages", "get", {}),
        ("inbox-details", "get", {}),
        ("inbox-reply", "post", {"text": "Cześć"}),
        ("inbox-note", "post", {"text": "Notatka"}),
        ("inbox-assign", "post", {"assignee": "me"}),
        ("inbox-status", "post", {"status": "resolved"}),
        ("inbox-priority", "post", {"priority": "urgent"}),
        ("inbox-tags", "post", {"tags": "zwrot"}),
        ("inbox-merge", "post", {"target": "1"}),
    ],
)
def test_another_stores_conversation_is_not_found_and_untouched(
    store: Store,
    other_store: Store,
    agent_client: Client,
    name: str,
    method: str,
    data: dict[str, str],
) -> None:
    theirs = chat_from(other_store)

    response = getattr(agent_client, method)(url(name, store, theirs.pk), data)

    assert response.status_code == 404
    assert "Elif" not in response.content.decode()
    theirs.refresh_from_db()
    assert (theirs.status, theirs.priority, theirs.assignee_id) == ("open", "normal", None)
    assert Message.objects.filter(conversation=theirs).count() == 1
    assert theirs.tags.count() == 0


def test_another_stores_agent_does_not_get_into_this_store(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    conversation = chat_from(store)
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    assert outsider.get(url("inbox", store)).status_code == 404
    assert outsider.get(url("inbox-conversation", store, conversation.pk)).status_code == 404


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("inbox-reply", {"text": "Merhaba"}),
        ("inbox-note", {"text": "Not"}),
        ("inbox-assign", {"assignee": "me"}),
        ("inbox-status", {"status": "resolved"}),
        ("inbox-priority", {"priority": "urgent"}),
        ("inbox-tags", {"tags": "iade"}),
        ("inbox-orders", {"number": "1001"}),
        ("inbox-merge", {"target": "1"}),
    ],
)
def test_a_viewer_may_read_but_not_write(
    store: Store, viewer: User, name: str, data: dict[str, str]
) -> None:
    conversation = chat_from(store)
    client = logged_in(viewer)

    page = client.get(url("inbox-conversation", store, conversation.pk))
    response = client.post(url(name, store, conversation.pk), data)

    assert page.status_code == 200
    assert "Merhaba, siparişim nerede?" in page.content.decode()
    assert 'id="reply-text"' not in page.content.decode()
    assert response.status_code == 403
    conversation.refresh_from_db()
    assert (conversation.status, conversation.priority, conversation.assignee_id) == (
        "open",
        "normal",
        None,
    )
    assert Message.objects.filter(conversation=conversation).count() == 1


def test_a_viewer_cannot_upload_a_file(store: Store, viewer: User) -> None:
    response = logged_in(viewer).post(url("inbox-attachments", store), {"file": _file(PNG)})

    assert response.status_code == 403
    assert Attachment.objects.count() == 0


# The list ------------------------------------------------------------------------------


def test_the_list_shows_each_conversation_with_its_customer_and_preview(
    agent_client: Client, store: Store
) -> None:
    chat_from(store)

    body = agent_client.get(url("inbox", store)).content.decode()

    assert 'aria-labelledby="conversations-heading"' in body
    assert 'aria-label="Conversations"' in body
    assert "Elif Yıldız" in body
    assert "Merhaba, siparişim nerede?" in body


def test_the_views_split_mine_unassigned_and_my_teams(
    agent_client: Client, store: Store, agent: User, make_staff: Callable[..., User]
) -> None:
    team = Team.objects.create(store=store, name="Kargo", timezone="Europe/Istanbul")
    team.members.add(agent)
    colleague = make_staff(store)
    ConversationFactory(customer=CustomerFactory(store=store, first_name="Mine"), assignee=agent)
    ConversationFactory(customer=CustomerFactory(store=store, first_name="Nobody"))
    ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Teamwork"), team=team, assignee=colleague
    )

    def names(view: str) -> set[str]:
        body = agent_client.get(url("inbox", store), {"view": view}, headers=HTMX)
        return {n for n in ("Mine", "Nobody", "Teamwork") if f"{n} Yılmaz" in body.content.decode()}

    assert names("mine") == {"Mine"}
    assert names("unassigned") == {"Nobody"}
    assert names("teams") == {"Teamwork"}
    assert names("all") == {"Mine", "Nobody", "Teamwork"}


def test_the_list_searches_without_case_or_diacritics(agent_client: Client, store: Store) -> None:
    chat_from(store, visitor="v-1", text="Kargom IĞDIR şubesinde bekliyor")
    chat_from(store, visitor="v-2", text="Paczka do Łodzi nie dotarła")
    chat_from(store, visitor="v-3", text="Zwrot butów")

    turkish = agent_client.get(url("inbox", store), {"q": "Iğdır"}, headers=HTMX)
    polish = agent_client.get(url("inbox", store), {"q": "lodzi"}, headers=HTMX)

    assert "IĞDIR" in turkish.content.decode()
    assert "Łodzi" not in turkish.content.decode()
    assert "Łodzi" in polish.content.decode()
    assert "Zwrot" not in polish.content.decode()


def test_the_list_filters_and_sorts(agent_client: Client, store: Store) -> None:
    now = timezone.now()
    ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Early"),
        channel=Channel.EMAIL,
        priority=Priority.URGENT,
        last_message_at=now - timedelta(hours=2),
        waiting_since=now - timedelta(hours=2),
    )
    ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Late"),
        channel=Channel.EMAIL,
        last_message_at=now,
        waiting_since=now,
    )
    ConversationFactory(customer=CustomerFactory(store=store, first_name="Chat"))

    emails = agent_client.get(
        url("inbox", store), {"channel": "email", "sort": "oldest"}, headers=HTMX
    ).content.decode()
    urgent = agent_client.get(
        url("inbox", store), {"priority": "urgent"}, headers=HTMX
    ).content.decode()

    assert "Chat Yılmaz" not in emails
    assert emails.index("Early Yılmaz") < emails.index("Late Yılmaz")
    assert "Early Yılmaz" in urgent
    assert "Late Yılmaz" not in urgent


@pytest.mark.parametrize(
    "query",
    [{"status": "closed"}, {"view": "everything"}, {"sort": "random"}, {"q": "x" * 201}],
)
def test_a_bad_filter_is_refused_with_a_400(
    agent_client: Client, store: Store, query: dict[str, str]
) -> None:
    response = agent_client.get(url("inbox", store), query)

    assert response.status_code == 400


def test_more_conversations_come_page_by_page(agent_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    now = timezone.now()
    for minutes in range(55):
        ConversationFactory(customer=customer, last_message_at=now - timedelta(minutes=minutes))

    first = agent_client.get(url("inbox", store), headers=HTMX).content.decode()
    cursor = first.split("cursor=")[1].split('"')[0]
    second = agent_client.get(url("inbox", store), {"cursor": cursor}, headers=HTMX)

    assert first.count('class="conversation-row') == 50
    assert second.content.decode().count('class="conversation-row') == 5


# Writing to the customer -----------------------------------------------------------------


def test_an_agent_replies_and_takes_the_conversation(
    agent_client: Client, store: Store, agent: User
) -> None:
    conversation = chat_from(store)

    response = agent_client.post(
        url("inbox-reply", store, conversation.pk) + "?view=mine",
        {"text": "  Kargonuz yarın elinizde.  ", "client_id": "c-1"},
    )

    assert response.status_code == 303
    assert response["Location"] == url("inbox-conversation", store, conversation.pk) + "?view=mine"
    reply = Message.objects.get(conversation=conversation, direction=Direction.OUTBOUND)
    assert (reply.text, reply.author_type, reply.author_user_id) == (
        "Kargonuz yarın elinizde.",
        AuthorType.AGENT,
        agent.pk,
    )
    conversation.refresh_from_db()
    assert conversation.assignee_id == agent.pk


def test_the_thread_is_not_mistaken_for_the_frames_notices(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)

    body = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    assert '<ul class="messages"' not in body
    assert body.count("data-message-id=") == 1


def test_a_reply_through_htmx_answers_the_new_messages(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)
    first = Message.objects.get(conversation=conversation)

    response = agent_client.post(
        url("inbox-reply", store, conversation.pk),
        {"text": "Hemen bakıyorum", "after": str(first.pk)},
        headers=HTMX,
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Hemen bakıyorum" in body
    assert "siparişim nerede" not in body
    assert body.count("data-message-id=") == 1


def test_a_reply_posted_twice_with_one_client_id_is_sent_once(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    data = {"text": "Bir kez", "client_id": "4f1c2b"}

    agent_client.post(url("inbox-reply", store, conversation.pk), data, headers=HTMX)
    agent_client.post(url("inbox-reply", store, conversation.pk), data, headers=HTMX)

    assert Message.objects.filter(conversation=conversation, text="Bir kez").count() == 1


def test_sending_publishes_the_message_and_the_assignment_after_commit(
    agent_client: Client,
    store: Store,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    conversation = chat_from(store)

    with django_capture_on_commit_callbacks(execute=True):
        agent_client.post(url("inbox-reply", store, conversation.pk), {"text": "Merhaba"})

    assert [(event.name, getattr(event, "actor_user_id", None)) for event in captured_events] == [
        ("message.created", None),
        ("conversation.assigned", agent.pk),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "A message cannot be empty."),
        ("x" * (MAX_MESSAGE_LENGTH + 1), f"at most {MAX_MESSAGE_LENGTH} characters"),
    ],
)
def test_an_empty_or_oversized_reply_is_refused_and_nothing_is_sent(
    agent_client: Client, store: Store, text: str, message: str
) -> None:
    conversation = chat_from(store)

    page = agent_client.post(url("inbox-reply", store, conversation.pk), {"text": text})
    fragment = agent_client.post(
        url("inbox-reply", store, conversation.pk), {"text": text}, headers=HTMX
    )

    assert page.status_code == 422
    assert message in page.content.decode()
    assert fragment.status_code == 422
    assert fragment["Content-Type"] == "text/plain; charset=utf-8"
    assert message in fragment.content.decode()
    assert Message.objects.filter(conversation=conversation).count() == 1


def test_a_refused_reply_keeps_what_the_agent_typed(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)
    text = "Çok uzun " * 1200

    page = agent_client.post(url("inbox-reply", store, conversation.pk), {"text": text})

    assert text.strip() in page.content.decode()


def test_a_private_note_stays_inside_and_is_marked(
    agent_client: Client, store: Store, make_staff: Callable[..., User]
) -> None:
    conversation = chat_from(store)
    make_staff(store, email="zeynep@moda.example", name="Zeynep Kaya")

    response = agent_client.post(
        url("inbox-note", store, conversation.pk), {"text": "@zeynep iade mi?"}
    )
    page = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    assert response.status_code == 303
    note = Message.objects.get(conversation=conversation, direction=Direction.INTERNAL)
    assert [m.user.email for m in note.mentions.all()] == ["zeynep@moda.example"]
    assert 'class="message internal' in page
    assert "Private note" in page


def test_an_empty_note_is_refused(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)

    response = agent_client.post(url("inbox-note", store, conversation.pk), {"text": ""})

    assert response.status_code == 422
    assert "A message cannot be empty." in response.content.decode()
    assert not Message.objects.filter(direction=Direction.INTERNAL).exists()


# Canned replies --------------------------------------------------------------------------


def test_canned_replies_are_offered_in_the_customers_language_filled_in(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    reply = CannedReplyFactory(store=store, name="Kargo nerede", shortcut="kargo")
    CannedReplyTextFactory(reply=reply, language="tr", body="Merhaba {{ customer.first_name }}!")
    CannedReplyTextFactory(reply=reply, language="en", body="Hello {{ customer.first_name }}!")

    body = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    assert "Canned replies" in body
    assert ">Kargo nerede</button>" in body
    assert 'data-text="Merhaba Elif!"' in body
    assert "Hello Elif!" not in body


def test_without_scripts_a_chosen_canned_reply_fills_the_reply_box(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    text = CannedReplyTextFactory(
        reply=CannedReplyFactory(store=store), body="Tamam {{ customer.name }}"
    )

    body = agent_client.get(
        url("inbox-conversation", store, conversation.pk), {"canned": text.reply_id}
    ).content.decode()

    assert ">Tamam Elif Yıldız</textarea>" in body


# Assignment, status, priority, tags, orders ------------------------------------------------


def test_assign_to_me_keeps_the_team(agent_client: Client, store: Store, agent: User) -> None:
    team = Team.objects.create(store=store, name="Kargo", timezone="Europe/Istanbul")
    conversation = ConversationFactory(customer=CustomerFactory(store=store), team=team)

    response = agent_client.post(
        url("inbox-assign", store, conversation.pk),
        {"assignee": "me", "team": str(team.pk)},
        headers=HTMX,
    )

    conversation.refresh_from_db()
    assert response.status_code == 200
    assert (conversation.assignee_id, conversation.team_id) == (agent.pk, team.pk)
    assert 'id="thread-head" hx-swap-oob="true"' in response.content.decode()


def test_assign_to_a_colleague_and_show_their_presence(
    agent_client: Client, store: Store, make_staff: Callable[..., User]
) -> None:
    colleague = make_staff(store, name="Zeynep Kaya")
    AgentStatus.objects.create(
        store=store, user=colleague, presence=Presence.AWAY, last_seen_at=timezone.now()
    )
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    agent_client.post(url("inbox-assign", store, conversation.pk), {"assignee": colleague.pk})
    page = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    conversation.refresh_from_db()
    assert conversation.assignee_id == colleague.pk
    assert "Zeynep Kaya · Away" in page


@pytest.mark.parametrize("assignee", ["viewer", "outsider", "99999", "somebody"])
def test_an_unknown_assignee_is_refused(
    agent_client: Client,
    store: Store,
    other_store: Store,
    viewer: User,
    make_staff: Callable[..., User],
    assignee: str,
) -> None:
    outsider = make_staff(other_store)
    value = {"viewer": str(viewer.pk), "outsider": str(outsider.pk)}.get(assignee, assignee)
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    response = agent_client.post(
        url("inbox-assign", store, conversation.pk), {"assignee": value}, headers=HTMX
    )

    conversation.refresh_from_db()
    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert conversation.assignee_id is None


def test_snoozing_needs_a_time_in_the_future(agent_client: Client, store: Store) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    past = agent_client.post(
        url("inbox-status", store, conversation.pk),
        {"status": "snoozed", "snoozed_until": "2020-01-01T09:00"},
    )
    missing = agent_client.post(
        url("inbox-status", store, conversation.pk), {"status": "snoozed"}, headers=HTMX
    )
    conversation.refresh_from_db()

    assert past.status_code == 422
    assert "Snoozing needs a time in the future." in past.content.decode()
    assert missing.status_code == 422
    assert conversation.status == ConversationStatus.OPEN


def test_snooze_until_is_read_in_the_agents_time_zone(
    store: Store, make_staff: Callable[..., User]
) -> None:
    client = logged_in(make_staff(store, timezone="Europe/Istanbul"))
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    tomorrow = (timezone.now() + timedelta(days=1)).date()

    response = client.post(
        url("inbox-status", store, conversation.pk),
        {"status": "snoozed", "snoozed_until": f"{tomorrow.isoformat()}T09:30"},
    )

    conversation.refresh_from_db()
    assert response.status_code == 303
    assert conversation.status == ConversationStatus.SNOOZED
    assert conversation.snoozed_until == datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 6, 30, tzinfo=UTC
    )


def test_resolve_priority_and_tags(agent_client: Client, store: Store) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    target = url("inbox-status", store, conversation.pk)

    agent_client.post(target, {"status": "resolved"}, headers=HTMX)
    agent_client.post(url("inbox-priority", store, conversation.pk), {"priority": "high"})
    agent_client.post(url("inbox-tags", store, conversation.pk), {"tags": "İade, kargo, iade"})

    conversation.refresh_from_db()
    assert (conversation.status, conversation.priority) == ("resolved", "high")
    assert sorted(tag.name for tag in conversation.tags.all()) == ["kargo", "İade"]
    assert ConversationTag.objects.filter(store=store).count() == 2


@pytest.mark.parametrize(
    ("name", "data"),
    [("inbox-status", {"status": "closed"}), ("inbox-priority", {"priority": "asap"})],
)
def test_an_unknown_status_or_priority_is_refused(
    agent_client: Client, store: Store, name: str, data: dict[str, str]
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))

    response = agent_client.post(url(name, store, conversation.pk), data, headers=HTMX)

    conversation.refresh_from_db()
    assert response.status_code == 422
    assert (conversation.status, conversation.priority) == ("open", "normal")


def test_link_an_order_by_its_number_and_unlink_it(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)
    order = OrderFactory(customer=CustomerFactory(store=store), number="1042")

    linked = agent_client.post(url("inbox-orders", store, conversation.pk), {"number": "#1042"})
    shown = agent_client.get(url("inbox-details", store, conversation.pk)).content.decode()
    agent_client.post(
        url("inbox-orders", store, conversation.pk), {"order": order.pk, "unlink": "on"}
    )

    assert linked.status_code == 303
    assert "Unlink order 1042" in shown
    assert list(conversation.orders.all()) == []


def test_an_unknown_order_number_is_refused_and_another_stores_order_not_found(
    agent_client: Client, store: Store, other_store: Store
) -> None:
    conversation = chat_from(store)
    theirs = OrderFactory(customer=CustomerFactory(store=other_store), number="1042")

    unknown = agent_client.post(
        url("inbox-orders", store, conversation.pk), {"number": "1042"}, headers=HTMX
    )
    foreign = agent_client.post(url("inbox-orders", store, conversation.pk), {"order": theirs.pk})
    empty = agent_client.post(url("inbox-orders", store, conversation.pk), {"number": " "})

    assert unknown.status_code == 422
    assert "No order has the number 1042." in unknown.content.decode()
    assert foreign.status_code == 404
    assert empty.status_code == 422
    assert conversation.orders.count() == 0


# Merging customers ------------------------------------------------------------------------


def test_the_suggested_customer_is_offered_and_merged(agent_client: Client, store: Store) -> None:
    known = CustomerFactory(store=store, first_name="Deniz", last_name="Aksoy")
    conversation = chat_from(store)
    visitor_id = conversation.customer_id
    Conversation.objects.filter(pk=conversation.pk).update(suggested_customer=known)

    page = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()
    response = agent_client.post(
        url("inbox-merge", store, conversation.pk), {"target": known.pk}, headers=HTMX
    )

    conversation.refresh_from_db()
    assert "This visitor gave the address of" in page
    assert "Deniz Aksoy" in page
    assert response.status_code == 200
    assert conversation.customer_id == known.pk
    assert conversation.suggested_customer_id is None
    assert not Customer.objects.filter(pk=visitor_id).exists()


def test_merge_candidates_are_found_by_name_without_diacritics(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    CustomerFactory(store=store, first_name="Łucja", last_name="Wójcik")

    found = agent_client.get(
        url("inbox-merge-candidates", store, conversation.pk), {"q": "lucja"}
    ).content.decode()
    itself = agent_client.get(
        url("inbox-merge-candidates", store, conversation.pk), {"q": "elif"}
    ).content.decode()

    assert "Łucja Wójcik" in found
    assert "No other customer matches." in itself


def test_merging_into_another_stores_customer_is_not_found(
    agent_client: Client, store: Store, other_store: Store
) -> None:
    conversation = chat_from(store)
    theirs = CustomerFactory(store=other_store)

    response = agent_client.post(url("inbox-merge", store, conversation.pk), {"target": theirs.pk})

    conversation.refresh_from_db()
    assert response.status_code == 404
    assert Customer.objects.filter(pk=conversation.customer_id).exists()


# Attachments ------------------------------------------------------------------------------


def _file(content: bytes, name: str = "photo.png") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def test_an_agent_uploads_a_picture_and_sends_it(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)

    uploaded = agent_client.post(url("inbox-attachments", store), {"file": _file(PNG)})
    token = uploaded.json()["token"]
    agent_client.post(
        url("inbox-reply", store, conversation.pk), {"text": "", "attachments": [token]}
    )
    download = agent_client.get(url("inbox-attachment", store, token))

    assert uploaded.status_code == 201
    assert uploaded.json() | {"token": "t"} == {
        "token": "t",
        "filename": "photo.png",
        "content_type": "image/png",
        "size": len(PNG),
    }
    message = Message.objects.get(conversation=conversation, direction=Direction.OUTBOUND)
    assert [a.token for a in message.attachments.all()] == [token]
    assert download.status_code == 200
    assert download["Content-Type"] == "image/png"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Content-Disposition"] == 'inline; filename="photo.png"'
    assert b"".join(download.streaming_content) == PNG  # type: ignore[attr-defined]


def test_a_pdf_downloads_as_an_attachment(agent_client: Client, store: Store) -> None:
    attachment = do_store_attachment(store, filename="fatura.pdf", content=PDF)

    response = agent_client.get(url("inbox-attachment", store, attachment.token))

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="fatura.pdf"'


@pytest.mark.parametrize(
    ("content", "name"),
    [(b"MZ\x90\x00 not a picture", "setup.exe"), (b"<svg onload=alert(1)>", "x.svg"), (b"", "e")],
)
def test_a_file_of_a_wrong_type_is_refused_in_the_one_error_shape(
    agent_client: Client, store: Store, content: bytes, name: str
) -> None:
    response = agent_client.post(url("inbox-attachments", store), {"file": _file(content, name)})

    assert response.status_code == 422
    assert set(response.json()) == {"error"}
    assert response.json()["error"]["code"] == "validation_error"
    assert Attachment.objects.count() == 0


def test_a_file_over_10_mb_is_refused(agent_client: Client, store: Store) -> None:
    content = PNG + b"\0" * (MAX_ATTACHMENT_BYTES + 1 - len(PNG))

    response = agent_client.post(url("inbox-attachments", store), {"file": _file(content)})

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "A file may be at most 10 MB."
    assert Attachment.objects.count() == 0


def test_an_upload_without_a_file_is_refused(agent_client: Client, store: Store) -> None:
    response = agent_client.post(url("inbox-attachments", store), {})

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Choose a file to attach."


def test_another_stores_attachment_is_not_found(
    agent_client: Client, store: Store, other_store: Store
) -> None:
    theirs = do_store_attachment(other_store, filename="x.png", content=PNG)

    response = agent_client.get(url("inbox-attachment", store, theirs.token))

    assert response.status_code == 404


def test_a_reply_with_someone_elses_upload_is_refused(
    agent_client: Client, store: Store, make_staff: Callable[..., User]
) -> None:
    conversation = chat_from(store)
    theirs = do_store_attachment(
        store, filename="x.png", content=PNG, uploaded_by=make_staff(store)
    )

    response = agent_client.post(
        url("inbox-reply", store, conversation.pk),
        {"text": "Bak", "attachments": [theirs.token]},
        headers=HTMX,
    )

    assert response.status_code == 404
    assert response.content.decode() == "No such upload."
    assert Message.objects.filter(direction=Direction.OUTBOUND).count() == 0


def test_without_scripts_files_go_with_the_reply(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)

    response = agent_client.post(
        url("inbox-reply", store, conversation.pk),
        {"text": "Fotoğraf ekte", "files": [_file(PNG), _file(PDF, "fatura.pdf")]},
    )

    assert response.status_code == 303
    message = Message.objects.get(direction=Direction.OUTBOUND)
    assert sorted(a.filename for a in message.attachments.all()) == ["fatura.pdf", "photo.png"]


def test_without_scripts_a_bad_file_sends_nothing_and_keeps_no_file(
    agent_client: Client, store: Store, settings: Any
) -> None:
    conversation = chat_from(store)

    response = agent_client.post(
        url("inbox-reply", store, conversation.pk),
        {"text": "Ekte", "files": [_file(PNG), _file(b"#!/bin/sh\necho", "run.sh")]},
    )

    assert response.status_code == 422
    assert Message.objects.filter(direction=Direction.OUTBOUND).count() == 0
    assert Attachment.objects.count() == 0
    stored = Path(settings.MEDIA_ROOT)
    assert not stored.exists() or not any(p.is_file() for p in stored.rglob("*"))


# Presence -------------------------------------------------------------------------------


def test_an_agent_goes_away_and_comes_back(agent_client: Client, store: Store, agent: User) -> None:
    away = agent_client.post(url("inbox-presence", store), {"presence": "away"}, headers=HTMX)
    agent_client.post(
        url("inbox-presence", store), {"presence": "online", "next": "//evil.example"}
    )
    status = AgentStatus.objects.get(store=store, user=agent)

    assert away.status_code == 200
    assert 'value="away" class="presence-choice away" aria-pressed="true"' in away.content.decode()
    assert status.presence == Presence.ONLINE


def test_the_presence_toggle_shows_what_the_socket_recorded(
    agent_client: Client, store: Store, agent: User
) -> None:
    AgentStatus.objects.create(
        store=store, user=agent, presence=Presence.AWAY, last_seen_at=timezone.now()
    )

    body = agent_client.get(url("inbox-presence", store), headers=HTMX).content.decode()

    assert 'value="away" class="presence-choice away" aria-pressed="true"' in body
    assert 'value="online" class="presence-choice online" aria-pressed="false"' in body


def test_presence_must_be_online_or_away(agent_client: Client, store: Store) -> None:
    response = agent_client.post(url("inbox-presence", store), {"presence": "offline"})

    assert response.status_code == 400
    assert not AgentStatus.objects.exists()


def test_presence_redirects_only_to_this_site(agent_client: Client, store: Store) -> None:
    local = agent_client.post(
        url("inbox-presence", store), {"presence": "online", "next": "/s/moda/inbox/?view=mine"}
    )
    foreign = agent_client.post(
        url("inbox-presence", store), {"presence": "online", "next": "https://evil.example/"}
    )

    assert local["Location"] == "/s/moda/inbox/?view=mine"
    assert foreign["Location"] == url("inbox", store)


# Live updates -----------------------------------------------------------------------------


def test_the_messages_fragment_brings_what_came_after(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store)
    first = Message.objects.get(conversation=conversation)
    do_receive_message(
        store, channel=Channel.CHAT, text="Orada mısınız?", conversation=conversation
    )

    fragment = agent_client.get(
        url("inbox-messages", store, conversation.pk), {"after": first.pk}
    ).content.decode()
    bad = agent_client.get(url("inbox-messages", store, conversation.pk), {"after": "-1"})

    assert "Orada mısınız?" in fragment
    assert "siparişim" not in fragment
    assert bad.status_code == 400


def test_a_conversation_opened_from_the_list_comes_as_a_fragment(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)

    response = agent_client.get(
        url("inbox-conversation", store, conversation.pk),
        headers=HTMX | {"HX-Target": "conversation-area"},
    )

    body = response.content.decode()
    assert body.lstrip().startswith('<div class="conversation"')
    assert "<html" not in body
    assert {"HX-Request", "HX-Target"} <= set(response["Vary"].split(", "))


# One customer, one timeline --------------------------------------------------------------


def test_a_chat_visitor_who_later_emails_has_one_timeline(
    agent_client: Client, store: Store
) -> None:
    visitor, _ = do_resolve_customer(store, kind=IdentityKind.VISITOR, value="v-77", name="Deniz")
    chat = do_receive_message(
        store, channel=Channel.CHAT, text="Beden tablosu var mı?", customer=visitor
    ).conversation
    do_add_identity(visitor, kind=IdentityKind.EMAIL, value="deniz@example.com")
    email = do_receive_message(
        store,
        channel=Channel.EMAIL,
        text="E-posta ile yazıyorum",
        sender=Sender(kind=IdentityKind.EMAIL, value="Deniz@Example.com", name="Deniz"),
        external_id="<m-1@mail>",
    ).conversation

    chat_page = agent_client.get(url("inbox-conversation", store, chat.pk)).content.decode()
    email_page = agent_client.get(url("inbox-conversation", store, email.pk)).content.decode()
    profile = agent_client.get(
        reverse("customer-profile", args=[store.slug, visitor.pk])
    ).content.decode()

    earlier = 'id="earlier-heading"'
    assert email.customer_id == chat.customer_id == visitor.pk
    assert url("inbox-conversation", store, email.pk) in chat_page.split(earlier)[1]
    assert "E-posta ile yazıyorum" in chat_page.split(earlier)[1]
    assert url("inbox-conversation", store, chat.pk) in email_page.split(earlier)[1]
    assert "Beden tablosu var mı?" in email_page.split(earlier)[1]
    assert url("inbox-conversation", store, chat.pk) in profile
    assert url("inbox-conversation", store, email.pk) in profile


def test_the_customer_panel_shows_orders_shipments_and_spend(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    give_orders(conversation.customer, 2)

    body = agent_client.get(url("inbox-details", store, conversation.pk)).content.decode()

    assert "Yurtiçi Kargo" in body
    assert "Scan 1-2" in body
    assert "TRY\xa01,060.00" in body


# Query counts ------------------------------------------------------------------------------


def test_the_list_costs_the_same_queries_for_5_or_30_conversations(
    agent_client: Client,
    store: Store,
    agent: User,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    tag = ConversationTag.objects.create(store=store, name="kargo", key="kargo")

    def add(count: int) -> None:
        for _ in range(count):
            conversation = ConversationFactory(
                customer=CustomerFactory(store=store), assignee=agent
            )
            conversation.tags.add(tag)

    add(5)
    target = url("inbox", store)
    agent_client.get(target)
    with CaptureQueriesContext(connection) as baseline:
        agent_client.get(target)
    add(25)

    with django_assert_num_queries(len(baseline)):
        body = agent_client.get(target).content.decode()

    assert body.count('class="conversation-row') == 30


def test_a_conversation_costs_the_same_queries_for_2_or_50_messages_and_5_orders(
    agent_client: Client,
    store: Store,
    agent: User,
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    CannedReplyTextFactory(reply=CannedReplyFactory(store=store))

    def conversation_with(messages: int, orders: int) -> Conversation:
        customer = CustomerFactory(store=store)
        conversation = ConversationFactory(customer=customer, assignee=agent)
        for index in range(messages):
            message = MessageFactory(conversation=conversation, text=f"Mesaj {index}")
            if index % 10 == 0:
                attachment = do_store_attachment(store, filename="a.png", content=PNG)
                Attachment.objects.filter(pk=attachment.pk).update(message=message)
        give_orders(customer, orders)
        for _ in range(orders):
            ConversationFactory(customer=customer, channel=Channel.EMAIL)
        return conversation

    small = conversation_with(2, 1)
    large = conversation_with(50, 5)
    agent_client.get(url("inbox-conversation", store, small.pk))
    with CaptureQueriesContext(connection) as baseline:
        agent_client.get(url("inbox-conversation", store, small.pk))

    with django_assert_num_queries(len(baseline)):
        body = agent_client.get(url("inbox-conversation", store, large.pk)).content.decode()

    assert body.count("data-message-id=") == 50
    assert body.count('class="panel-order"') == 5


# Filters, view tabs and languages, as the list pane shows them ---------------------------


def test_every_filter_select_refreshes_the_list_at_once(agent_client: Client, store: Store) -> None:
    body = agent_client.get(url("inbox", store)).content.decode()
    form = body[
        body.index('<form id="inbox-filters"') : body.index("</form>", body.index("inbox-filters"))
    ]

    # "from:find select" listened to the first select only (status): every select now.
    assert "change from:#inbox-filters select" in form
    assert "from:find select" not in form
    assert [name for name in ("status", "channel", "tag", "language", "priority", "sort")
            if f'<select name="{name}"' in form] == [
        "status", "channel", "tag", "language", "priority", "sort"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    [
        {"channel": "email"},
        {"priority": "urgent"},
        {"language": "pl"},
        {"tag": "iade"},
        {"status": "snoozed"},
        {"sort": "waiting"},
    ],
)
def test_an_empty_filtered_list_says_nothing_matches_the_filters(
    agent_client: Client, store: Store, query: dict[str, str]
) -> None:
    chat_from(store)
    Conversation.objects.update(waiting_since=None)

    body = agent_client.get(url("inbox", store), query, headers=HTMX).content.decode()

    assert "No conversation matches these filters." in body
    assert "Nothing here. Well done." not in body
    assert 'class="conversation-row' not in body


def test_an_empty_list_without_filters_says_well_done_and_a_search_says_so(
    agent_client: Client, store: Store
) -> None:
    empty = agent_client.get(url("inbox", store), headers=HTMX).content.decode()
    searched = agent_client.get(url("inbox", store), {"q": "yok"}, headers=HTMX).content.decode()

    assert "Nothing here. Well done." in empty
    assert "No conversation matches these filters." not in empty
    assert "No conversation matches this search." in searched


def tab_counts(body: str) -> dict[str, str]:
    nav = body[
        body.index('<nav id="inbox-views"') : body.index("</nav>", body.index("inbox-views"))
    ]
    counts = {}
    for view in ("mine", "unassigned", "teams", "all"):
        tab = nav[nav.index(f'data-view="{view}"') :]
        counts[view] = tab[tab.index('<span class="count">') + 20 : tab.index("</span>")]
    return counts


def test_a_fresh_list_brings_the_view_tabs_with_live_counts(
    agent_client: Client, store: Store, agent: User
) -> None:
    first = chat_from(store, visitor="v-1")
    before = agent_client.get(url("inbox", store), {"channel": "chat"}, headers=HTMX)
    chat_from(store, visitor="v-2")
    agent_client.post(url("inbox-assign", store, first.pk), {"assignee": "me"}, headers=HTMX)

    after = agent_client.get(url("inbox", store), {"channel": "chat"}, headers=HTMX)

    assert tab_counts(before.content.decode()) == {
        "mine": "0", "unassigned": "1", "teams": "0", "all": "1"
    }  # fmt: skip
    assert tab_counts(after.content.decode()) == {
        "mine": "1", "unassigned": "1", "teams": "0", "all": "2"
    }  # fmt: skip
    # Swapped in beside the list, and linking to each view with the filters kept.
    assert (
        '<nav id="inbox-views" class="inbox-views" aria-label="Inbox views" hx-swap-oob="true">'
        in (after.content.decode())
    )
    assert f'href="{url("inbox", store)}?channel=chat&amp;view=mine"' in after.content.decode()


def test_show_more_brings_rows_only(agent_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    for _ in range(51):
        ConversationFactory(customer=customer)
    first = agent_client.get(url("inbox", store), headers=HTMX).content.decode()
    cursor = first.split("cursor=")[1].split('"')[0]

    more = agent_client.get(url("inbox", store), {"cursor": cursor}, headers=HTMX)

    assert "inbox-views" not in more.content.decode()


def test_language_names_are_in_the_agents_language(
    store: Store, make_staff: Callable[..., User]
) -> None:
    store.languages = ["tr", "en", "pl"]
    store.save()
    turkish = logged_in(make_staff(store, Role.AGENT, language="tr"))
    conversation = chat_from(store)
    Conversation.objects.filter(pk=conversation.pk).update(language="tr")

    listing = turkish.get(url("inbox", store)).content.decode()
    page = turkish.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    select = listing[listing.index('<select name="language"') :]
    select = select[: select.index("</select>")]
    assert '<option value="tr">Türkçe</option>' in select
    assert '<option value="pl">Lehçe</option>' in select
    assert '<option value="en">İngilizce</option>' in select
    assert "Turkish" not in select
    placeholder = page[page.index('id="reply-text"') :]
    placeholder = placeholder[placeholder.index('placeholder="') : placeholder.index("…")]
    assert "(Türkçe)" in placeholder
    assert "Turkish" not in placeholder


def test_the_canned_reply_picker_finds_by_folded_name_text_and_shortcut(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store)
    reply = CannedReplyFactory(store=store, name="İade süreci", shortcut="iade")
    CannedReplyTextFactory(reply=reply, language="tr", body="İADE için kargo kodu: 123")

    body = agent_client.get(url("inbox-conversation", store, conversation.pk)).content.decode()

    # The script folds what the agent types the same way, and "/iade" in the reply box
    # becomes this reply's text.
    assert '<li data-search="iade sureci iade iade icin kargo kodu: 123" data-shortcut="iade">' in (
        body
    )
    assert "/iade · İADE için kargo kodu: 123" in body
