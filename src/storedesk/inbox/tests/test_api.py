from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Role
from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.core.text import search_key
from storedesk.customers.models import Customer
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import (
    Attachment,
    CannedReply,
    Conversation,
    ConversationTag,
    Direction,
    Message,
)
from storedesk.inbox.tests.factories import (
    CannedReplyFactory,
    CannedReplyTextFactory,
    ConversationFactory,
    MessageFactory,
)
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64
AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def post(client: Client, path: str, body: Any) -> Any:
    return client.post(path, body, content_type="application/json")


def patch(client: Client, path: str, body: Any) -> Any:
    return client.patch(path, body, content_type="application/json")


def ids(response: Any) -> list[int]:
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def kinds(events: list[Event]) -> list[tuple[str, str]]:
    return [(event.type, event.op) for event in events]


def make_tag(store: Store, name: str, color: str = "") -> ConversationTag:
    return ConversationTag.objects.create(store=store, name=name, key=search_key(name), color=color)


def upload(client: Client, content: bytes = PNG, name: str = "photo.png") -> Any:
    return client.post("/api/v1/attachments", {"file": SimpleUploadedFile(name, content)})


# The inbox list ------------------------------------------------------------------------


def test_the_list_shows_each_row_and_leaves_resolved_ones_out(
    api_client: Client, store: Store
) -> None:
    customer = CustomerFactory(
        store=store, first_name="Elif", last_name="Kaya", email="elif@example.com"
    )
    conversation = ConversationFactory(
        customer=customer, channel="whatsapp", priority="high", subject="Kargo",
        last_message_at=AT, created_at=AT - timedelta(hours=1), waiting_since=AT,
        last_message_preview="Siparişim nerede?", message_count=3,
    )  # fmt: skip
    conversation.tags.add(
        make_tag(store, "kargo"),
        make_tag(store, "VIP"),
    )
    ConversationFactory(customer__store=store, status="resolved")

    body = api_client.get("/api/v1/conversations").json()

    assert body == {
        "items": [
            {
                "id": conversation.pk,
                "customer": {"id": customer.pk, "name": "Elif Kaya", "email": "elif@example.com"},
                "channel": "whatsapp",
                "status": "open",
                "priority": "high",
                "assignee_id": None,
                "team_id": None,
                "tags": ["VIP", "kargo"],
                "language": "tr",
                "subject": "Kargo",
                "last_message_at": "2026-11-20T10:00:00Z",
                "last_message_preview": "Siparişim nerede?",
                "message_count": 3,
                "waiting_since": "2026-11-20T10:00:00Z",
                "first_response_at": None,
                "resolved_at": None,
                "snoozed_until": None,
                "created_at": "2026-11-20T09:00:00Z",
            }
        ],
        "next_cursor": None,
    }


@pytest.fixture
def team(store: Store, agent: User) -> Team:
    team = Team.objects.create(store=store, name="Kargo", timezone="Europe/Istanbul")
    team.members.add(agent)
    return team


@pytest.fixture
def varied(store: Store, agent: User, team: Team) -> dict[str, Conversation]:
    """Conversations that differ in one attribute each from the plain one."""
    tagged = ConversationFactory(customer__store=store, last_message_at=AT)
    tagged.tags.add(make_tag(store, "İade"))
    return {
        "plain": ConversationFactory(customer__store=store, last_message_at=AT),
        "pending": ConversationFactory(customer__store=store, status="pending"),
        "email": ConversationFactory(customer__store=store, channel="email"),
        "polish": ConversationFactory(customer__store=store, language="pl"),
        "urgent": ConversationFactory(customer__store=store, priority="urgent"),
        "assigned": ConversationFactory(customer__store=store, assignee=agent),
        "team": ConversationFactory(customer__store=store, team=team),
        "tagged": tagged,
        "resolved": ConversationFactory(customer__store=store, status="resolved"),
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "pending"}, "pending"),
        ({"status": "resolved"}, "resolved"),
        ({"channel": "email"}, "email"),
        ({"language": "pl"}, "polish"),
        ({"priority": "urgent"}, "urgent"),
        ({"tag": "iade"}, "tagged"),
        ({"tag": "İADE"}, "tagged"),
    ],
)
def test_filters_narrow_the_list(
    api_client: Client, varied: dict[str, Conversation], params: dict[str, str], expected: str
) -> None:
    response = api_client.get("/api/v1/conversations", params)

    assert ids(response) == [varied[expected].pk]


def test_filters_by_assignee_team_and_customer(
    api_client: Client, varied: dict[str, Conversation], agent: User, team: Team
) -> None:
    customer_id = varied["email"].customer_id

    by_assignee = api_client.get("/api/v1/conversations", {"assignee_id": agent.pk})
    by_team = api_client.get("/api/v1/conversations", {"team_id": team.pk})
    by_customer = api_client.get("/api/v1/conversations", {"customer_id": customer_id})

    assert ids(by_assignee) == [varied["assigned"].pk]
    assert ids(by_team) == [varied["team"].pk]
    assert ids(by_customer) == [varied["email"].pk]


def test_an_agents_views_mine_unassigned_and_teams(
    agent_client: Client, varied: dict[str, Conversation]
) -> None:
    mine = agent_client.get("/api/v1/conversations", {"view": "mine"})
    teams = agent_client.get("/api/v1/conversations", {"view": "teams"})
    unassigned = agent_client.get("/api/v1/conversations", {"view": "unassigned"})

    assert ids(mine) == [varied["assigned"].pk]
    assert ids(teams) == [varied["team"].pk]
    assert varied["assigned"].pk not in ids(unassigned)
    assert len(ids(unassigned)) == 7


@pytest.mark.parametrize("view", ["mine", "teams"])
def test_a_token_has_no_mine_or_teams_view(api_client: Client, store: Store, view: str) -> None:
    response = api_client.get("/api/v1/conversations", {"view": view})

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert "needs a staff member" in response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("IĞDIR", "igdir"),
        ("igdir", "igdir"),
        ("lodz", "lodz"),
        ("ŁÓDŹ", "lodz"),
        ("İADE", "iade"),
        ("iade", "iade"),
        ("Şükrü", "name"),
        ("sukru@ornek", "name"),
        ("kargo iade", "none"),
    ],
)
def test_search_ignores_case_and_diacritics(
    api_client: Client, store: Store, search: str, expected: str
) -> None:
    found = {
        "igdir": MessageFactory(conversation__customer__store=store, text="Iğdır'a kargo?"),
        "lodz": MessageFactory(conversation__customer__store=store, text="Paczka do Łódź"),
        "iade": MessageFactory(conversation__customer__store=store, text="İade istiyorum"),
    }
    by_name = ConversationFactory(
        customer=CustomerFactory(
            store=store, first_name="Şükrü", last_name="Öz", email="sukru@ornek.com"
        )
    )
    expected_ids = {
        "name": [by_name.pk],
        "none": [],
        **{key: [message.conversation_id] for key, message in found.items()},
    }

    response = api_client.get("/api/v1/conversations", {"search": search})

    assert ids(response) == expected_ids[expected]


def walk(client: Client, path: str, params: dict[str, Any]) -> list[list[int]]:
    pages = []
    cursor = None
    while True:
        response = client.get(path, {**params, **({"cursor": cursor} if cursor else {})})
        pages.append(ids(response))
        cursor = response.json()["next_cursor"]
        if cursor is None:
            return pages


@pytest.mark.parametrize("sort", ["newest", "oldest", "waiting"])
def test_pages_walk_every_sort_without_gaps_or_repeats(
    api_client: Client, store: Store, sort: str
) -> None:
    # Pairs share a time, so the id breaks ties across page boundaries.
    times = [AT, AT, AT + timedelta(hours=1), AT + timedelta(hours=1), AT + timedelta(hours=2)]
    waiting = [
        ConversationFactory(
            customer__store=store, last_message_at=at, waiting_since=AT - timedelta(days=index % 2)
        )
        for index, at in enumerate(times)
    ]
    answered = ConversationFactory(customer__store=store, last_message_at=AT - timedelta(days=9))
    by_time = sorted([*waiting, answered], key=lambda c: (c.last_message_at, c.pk))
    expected = {
        "newest": [c.pk for c in reversed(by_time)],
        "oldest": [c.pk for c in by_time],
        "waiting": [c.pk for c in sorted(waiting, key=lambda c: (c.waiting_since, c.pk))],
    }[sort]

    pages = walk(api_client, "/api/v1/conversations", {"sort": sort, "limit": 2})

    assert [pk for page in pages for pk in page] == expected
    assert [len(page) for page in pages] == ([2, 2, 1] if sort == "waiting" else [2, 2, 2])


@pytest.mark.parametrize(
    "params",
    [
        {"status": "closed"},
        {"channel": "fax"},
        {"sort": "random"},
        {"view": "everything"},
        {"priority": "meh"},
        {"assignee_id": 0},
        {"team_id": "x"},
        {"limit": 201},
        {"cursor": "!!!"},
        {"cursor": "WzUsIDNd"},  # [5, 3]: a number where a time belongs
        {"search": "a\u0000b"},
    ],
)
def test_bad_list_parameters_are_refused_clearly(
    api_client: Client, store: Store, params: dict[str, Any]
) -> None:
    ConversationFactory(customer__store=store)

    response = api_client.get("/api/v1/conversations", params)

    assert response.status_code == 422, response.content
    assert response.json()["error"]["code"] == "validation_error"


# One conversation -------------------------------------------------------------------------


def test_the_detail_has_the_customer_and_the_linked_orders(
    api_client: Client, store: Store
) -> None:
    conversation = ConversationFactory(customer__store=store, external_thread_id="thread-1")
    orders = [OrderFactory(customer=conversation.customer) for _ in range(2)]
    conversation.orders.add(*orders)

    body = api_client.get(f"/api/v1/conversations/{conversation.pk}").json()

    assert body["customer"]["id"] == conversation.customer_id
    assert body["customer"]["email"] == conversation.customer.email
    assert body["customer"]["language"] == "tr"
    assert sorted(body["order_ids"]) == sorted(o.pk for o in orders)
    assert (body["external_thread_id"], body["suggested_customer_id"]) == ("thread-1", None)


def test_unknown_and_other_stores_conversations_are_not_found(
    api_client: Client, other_store: Store
) -> None:
    theirs = ConversationFactory(customer__store=other_store)

    unknown = api_client.get("/api/v1/conversations/999999")
    other = api_client.get(f"/api/v1/conversations/{theirs.pk}")
    too_big = api_client.get(f"/api/v1/conversations/{2**63}")

    assert (unknown.status_code, other.status_code) == (404, 404)
    assert unknown.json()["error"] == {
        "code": "not_found",
        "message": "No such conversation.",
        "details": {"conversation_id": 999_999},
    }
    assert other.json()["error"] == {
        "code": "not_found",
        "message": "No such conversation.",
        "details": {"conversation_id": theirs.pk},
    }
    assert too_big.status_code == 422


def test_patch_changes_every_field_with_one_event_each(
    agent_client: Client,
    store: Store,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store, waiting_since=AT)
    until = timezone.now() + timedelta(days=1)

    with django_capture_on_commit_callbacks(execute=True):
        response = patch(agent_client, f"/api/v1/conversations/{conversation.pk}", {
            "status": "snoozed", "snoozed_until": until.isoformat(), "priority": "urgent",
            "subject": "İade talebi", "language": "pl", "tags": ["iade", "VIP", " "],
        })  # fmt: skip

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["priority"], body["subject"], body["language"]) == (
        "snoozed", "urgent", "İade talebi", "pl",
    )  # fmt: skip
    assert body["tags"] == ["VIP", "iade"]
    assert abs(datetime.fromisoformat(body["snoozed_until"]) - until) < timedelta(milliseconds=1)
    assert kinds(captured_events) == [
        ("conversation", "status_changed"),
        ("conversation", "priority_changed"),
        ("conversation", "updated"),
        ("conversation", "tagged"),
    ]
    assert {e.actor_user_id for e in captured_events} == {agent.pk}  # type: ignore[attr-defined]
    assert captured_events[-1].conversation.tags == ("VIP", "iade")  # type: ignore[attr-defined]


def test_patch_with_unchanged_values_publishes_nothing(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store, priority="high", subject="Kargo")
    conversation.tags.add(make_tag(store, "VIP"))

    with django_capture_on_commit_callbacks(execute=True):
        response = patch(api_client, f"/api/v1/conversations/{conversation.pk}", {
            "status": "open", "priority": "high", "subject": "Kargo", "tags": ["vip"],
        })  # fmt: skip

    assert response.status_code == 200
    assert captured_events == []


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"status": "snoozed", "snoozed_until": "2020-01-01T00:00:00Z"}, "future"),
        ({"status": "snoozed"}, "future"),
        ({"snoozed_until": "2099-01-01T00:00:00Z"}, "can only be set with the status"),
        ({"status": "open", "snoozed_until": "2099-01-01T00:00:00Z"}, "snooze time"),
        ({"status": "resolved", "language": "türkçe"}, "language code"),
        ({"status": "resolved", "tags": ["x" * 61]}, "tags"),
        ({"priority": "urgent", "tags": [f"t{n}" for n in range(21)]}, "tags"),
        ({"status": "closed"}, "status"),
        ({"subject": "x" * 301}, "subject"),
        ({"priority": 3}, "priority"),
        ({"status": "resolved", "snoozed_until": "yesterday"}, "snoozed_until"),
    ],
)
def test_a_bad_value_in_a_patch_changes_nothing(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
    body: dict[str, Any],
    fragment: str,
) -> None:
    conversation = ConversationFactory(customer__store=store)

    with django_capture_on_commit_callbacks(execute=True):
        response = patch(api_client, f"/api/v1/conversations/{conversation.pk}", body)

    assert response.status_code == 422, response.content
    assert fragment in response.json()["error"]["message"] + str(
        response.json()["error"]["details"]
    )
    after = Conversation.objects.get(pk=conversation.pk)
    assert (after.status, after.priority, after.language, after.subject) == (
        "open", "normal", "tr", "",
    )  # fmt: skip
    assert not ConversationTag.objects.exists()
    assert not AuditLogEntry.objects.exists()
    assert captured_events == []


def test_malformed_json_is_a_400(api_client: Client, store: Store) -> None:
    conversation = ConversationFactory(customer__store=store)

    response = api_client.patch(
        f"/api/v1/conversations/{conversation.pk}", "{not json", content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "malformed_json"


# Assignment and orders ---------------------------------------------------------------------


def test_assignment_gives_the_conversation_to_an_agent_and_a_team(
    api_client: Client,
    store: Store,
    agent: User,
    team: Team,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store)
    path = f"/api/v1/conversations/{conversation.pk}/assignment"

    with django_capture_on_commit_callbacks(execute=True):
        both = post(api_client, path, {"assignee_id": agent.pk, "team_id": team.pk})
        team_kept = post(api_client, path, {"assignee_id": None})

    assert (both.json()["assignee_id"], both.json()["team_id"]) == (agent.pk, team.pk)
    assert (team_kept.json()["assignee_id"], team_kept.json()["team_id"]) == (None, team.pk)
    assert kinds(captured_events) == [("conversation", "assigned"), ("conversation", "assigned")]
    assert AuditLogEntry.objects.filter(action="conversation.assigned").count() == 2


@pytest.mark.parametrize("who", ["outsider", "viewer", "unknown_team", "nothing"])
def test_assignment_to_someone_who_cannot_take_it_is_refused(
    api_client: Client,
    store: Store,
    other_store: Store,
    make_staff: Callable[..., User],
    who: str,
) -> None:
    conversation = ConversationFactory(customer__store=store)
    other_team = Team.objects.create(store=other_store, name="Obsługa", timezone="Europe/Warsaw")
    body: dict[str, Any] = {
        "outsider": {"assignee_id": make_staff(other_store, Role.OWNER).pk},
        "viewer": {"assignee_id": make_staff(store, Role.VIEWER).pk},
        "unknown_team": {"team_id": other_team.pk},
        "nothing": {},
    }[who]

    response = post(api_client, f"/api/v1/conversations/{conversation.pk}/assignment", body)

    assert response.status_code == 422, response.content
    conversation.refresh_from_db()
    assert (conversation.assignee_id, conversation.team_id) == (None, None)


def test_orders_are_linked_and_unlinked(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store)
    first, second = OrderFactory(customer__store=store), OrderFactory(customer__store=store)
    path = f"/api/v1/conversations/{conversation.pk}/orders"

    with django_capture_on_commit_callbacks(execute=True):
        linked = post(api_client, path, {"order_ids": [first.pk, second.pk]})
        unlinked = api_client.delete(f"{path}/{first.pk}")

    assert sorted(linked.json()["order_ids"]) == sorted([first.pk, second.pk])
    assert unlinked.json()["order_ids"] == [second.pk]
    assert kinds(captured_events) == [
        ("conversation", "orders_linked"),
        ("conversation", "orders_linked"),
    ]


def test_another_stores_order_is_not_found_and_nothing_is_linked(
    api_client: Client, store: Store, other_store: Store
) -> None:
    conversation = ConversationFactory(customer__store=store)
    ours, theirs = OrderFactory(customer__store=store), OrderFactory(customer__store=other_store)

    response = post(
        api_client,
        f"/api/v1/conversations/{conversation.pk}/orders",
        {"order_ids": [ours.pk, theirs.pk]},
    )

    assert response.status_code == 404
    assert response.json()["error"]["details"] == {"order_ids": [theirs.pk]}
    assert not conversation.orders.exists()


# Messages and notes -------------------------------------------------------------------------


def test_messages_come_with_notes_and_attachments_in_both_orders(
    api_client: Client, store: Store, agent: User
) -> None:
    conversation = ConversationFactory(customer__store=store)
    inbound = MessageFactory(conversation=conversation, created_at=AT)
    note = MessageFactory(
        conversation=conversation, direction=Direction.INTERNAL, author_type="agent",
        author_user=agent, text="Kargoya sordum", created_at=AT + timedelta(minutes=1),
    )  # fmt: skip
    reply = MessageFactory(
        conversation=conversation, direction=Direction.OUTBOUND, author_type="agent",
        text="Yarın teslim", created_at=AT + timedelta(minutes=2),
    )  # fmt: skip
    Attachment.objects.create(
        store=store, message=reply, conversation=conversation, token="t" * 43,
        file="attachments/x", filename="fatura.pdf", content_type="application/pdf", size=12,
    )  # fmt: skip
    path = f"/api/v1/conversations/{conversation.pk}/messages"

    oldest = walk(api_client, path, {"limit": 2})
    newest = walk(api_client, path, {"limit": 2, "order": "newest"})
    items = api_client.get(path).json()["items"]

    assert oldest == [[inbound.pk, note.pk], [reply.pk]]
    assert newest == [[reply.pk, note.pk], [inbound.pk]]
    assert [m["direction"] for m in items] == ["inbound", "internal", "outbound"]
    assert items[1]["author_user_id"] == agent.pk
    assert items[2]["attachments"] == [
        {"token": "t" * 43, "filename": "fatura.pdf", "content_type": "application/pdf", "size": 12}
    ]


def test_a_reply_is_stored_and_published(
    agent_client: Client,
    store: Store,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store, waiting_since=AT)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            agent_client,
            f"/api/v1/conversations/{conversation.pk}/messages",
            {"text": "  Merhaba, kargonuz yolda.  "},
        )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["text"], body["direction"], body["author_type"], body["author_user_id"]) == (
        "Merhaba, kargonuz yolda.", "outbound", "agent", agent.pk,
    )  # fmt: skip
    assert (body["delivery_status"], body["client_id"], body["attachments"]) == ("sent", None, [])
    conversation.refresh_from_db()
    assert (conversation.assignee_id, conversation.waiting_since, conversation.message_count) == (
        agent.pk, None, 1,
    )  # fmt: skip
    assert kinds(captured_events) == [("message", "created"), ("conversation", "assigned")]


def test_the_same_client_id_returns_the_stored_message(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store)
    path = f"/api/v1/conversations/{conversation.pk}/messages"
    token = upload(api_client).json()["token"]
    body = {"text": "Fatura ekte", "attachments": [token], "client_id": "c-1"}

    with django_capture_on_commit_callbacks(execute=True):
        first = post(api_client, path, body)
        again = post(api_client, path, body)

    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert first.json()["attachments"][0]["token"] == token
    assert Message.objects.count() == 1
    assert kinds(captured_events) == [("message", "created")]


def test_an_upload_of_another_agent_is_not_found(
    agent_client: Client, store: Store, make_staff: Callable[..., User]
) -> None:
    conversation = ConversationFactory(customer__store=store)
    colleague = logged_in(make_staff(store, Role.AGENT))
    token = upload(colleague).json()["token"]

    response = post(
        agent_client,
        f"/api/v1/conversations/{conversation.pk}/messages",
        {"text": "Ek", "attachments": [token]},
    )

    assert response.status_code == 404
    assert response.json()["error"]["message"] == "No such upload."
    assert not Message.objects.exists()
    assert Attachment.objects.get().message_id is None


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"text": "   "}, 422, "cannot be empty"),
        ({}, 422, "cannot be empty"),
        ({"text": "x" * 10_001}, 422, "10000"),
        ({"text": 5}, 422, "text"),
        ({"text": "a\u0000b"}, 422, "control characters"),
        ({"text": "hi", "attachments": ["a"] * 6}, 422, "attachments"),
        ({"text": "hi", "attachments": ["unknown-token"]}, 404, "No such upload"),
        ({"text": "hi", "client_id": "x" * 65}, 422, "client_id"),
    ],
)
def test_bad_replies_are_refused_and_nothing_is_stored(
    api_client: Client,
    store: Store,
    body: dict[str, Any],
    status: int,
    fragment: str,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store)

    with django_capture_on_commit_callbacks(execute=True):
        response = post(api_client, f"/api/v1/conversations/{conversation.pk}/messages", body)

    assert response.status_code == status, response.content
    assert fragment in response.json()["error"]["message"]
    assert not Message.objects.exists()
    assert captured_events == []


def test_a_reply_of_exactly_the_limit_is_accepted(api_client: Client, store: Store) -> None:
    conversation = ConversationFactory(customer__store=store)

    response = post(
        api_client, f"/api/v1/conversations/{conversation.pk}/messages", {"text": "x" * 10_000}
    )

    assert response.status_code == 201


def test_replies_to_other_stores_or_unknown_conversations_are_not_found(
    api_client: Client, other_store: Store
) -> None:
    theirs = ConversationFactory(customer__store=other_store)

    for conversation_id in (theirs.pk, 999_999):
        response = post(
            api_client, f"/api/v1/conversations/{conversation_id}/messages", {"text": "Merhaba"}
        )
        assert response.status_code == 404
    assert not Message.objects.exists()


def test_a_note_is_private_and_notifies_the_mentioned(
    agent_client: Client,
    store: Store,
    make_staff: Callable[..., User],
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    conversation = ConversationFactory(customer__store=store)
    colleague = make_staff(store, Role.AGENT, name="Zeynep Ak", email="zeynep@moda.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            agent_client,
            f"/api/v1/conversations/{conversation.pk}/notes",
            {"text": "@zeynep kargo firmasını arar mısın?"},
        )

    assert response.status_code == 201, response.content
    assert (response.json()["direction"], response.json()["delivery_status"]) == (
        "internal", "sent",
    )  # fmt: skip
    assert kinds(captured_events) == [("mention", "created"), ("message", "created")]
    assert captured_events[0].user_id == colleague.pk  # type: ignore[attr-defined]
    conversation.refresh_from_db()
    assert conversation.message_count == 0  # notes are not part of the customer's thread


@pytest.mark.parametrize("body", [{"text": ""}, {"text": "  "}, {"text": "x" * 10_001}, {}])
def test_bad_notes_are_refused(api_client: Client, store: Store, body: dict[str, Any]) -> None:
    conversation = ConversationFactory(customer__store=store)

    response = post(api_client, f"/api/v1/conversations/{conversation.pk}/notes", body)

    assert response.status_code == 422
    assert not Message.objects.exists()


# Messages from an integration's own channel ------------------------------------------------


def inbound(**overrides: Any) -> dict[str, Any]:
    return {
        "channel": "marketplace",
        "sender": {"kind": "marketplace", "value": "buyer-881", "name": "Can Demir"},
        "text": "Ürün hasarlı geldi",
        "external_id": "msg-1",
        "external_thread_id": "thread-9",
        "subject": "Sipariş 1001",
        **overrides,
    }


def test_an_inbound_message_is_stored_once(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = post(api_client, "/api/v1/conversations/inbound", inbound())
    with django_capture_on_commit_callbacks(execute=True):
        again = post(api_client, "/api/v1/conversations/inbound", inbound(text="changed"))

    assert (first.status_code, again.status_code) == (201, 200), first.content
    assert first.json()["message"] == again.json()["message"]
    message, conversation = first.json()["message"], first.json()["conversation"]
    assert (message["text"], message["direction"], message["external_id"]) == (
        "Ürün hasarlı geldi", "inbound", "msg-1",
    )  # fmt: skip
    assert (conversation["channel"], conversation["subject"], conversation["message_count"]) == (
        "marketplace", "Sipariş 1001", 1,
    )  # fmt: skip
    assert conversation["customer"]["name"] == "Can Demir"
    assert Message.objects.count() == 1
    assert kinds(captured_events) == [
        ("customer", "created"),
        ("message", "created"),
        ("conversation", "created"),
    ]


def test_inbound_messages_of_one_thread_join_one_conversation(
    api_client: Client, store: Store
) -> None:
    first = post(api_client, "/api/v1/conversations/inbound", inbound())
    second = post(api_client, "/api/v1/conversations/inbound", inbound(external_id="msg-2"))

    assert second.status_code == 201
    assert second.json()["conversation"]["id"] == first.json()["conversation"]["id"]
    assert second.json()["conversation"]["message_count"] == 2
    assert Customer.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"channel": "chat"}, "widget"),
        ({"channel": "fax"}, "channel"),
        ({"sender": {"kind": "visitor", "value": "v-1"}}, "visitor"),
        ({"sender": {"kind": "email", "value": "not an address"}}, "email address"),
        ({"sender": {"kind": "phone", "value": "12"}}, "phone number"),
        ({"sender": {"kind": "email"}}, "value"),
        ({"language": "türkçe"}, "language code"),
        ({"text": "   "}, "cannot be empty"),
        ({"text": "x" * 10_001}, "text"),
        ({"external_id": "x" * 301}, "external_id"),
    ],
)
def test_bad_inbound_messages_store_nothing(
    api_client: Client, store: Store, overrides: dict[str, Any], fragment: str
) -> None:
    response = post(api_client, "/api/v1/conversations/inbound", inbound(**overrides))

    assert response.status_code == 422, response.content
    assert fragment in response.json()["error"]["message"]
    assert (Customer.objects.count(), Conversation.objects.count(), Message.objects.count()) == (
        0, 0, 0,
    )  # fmt: skip


# Attachments -----------------------------------------------------------------------------


def test_an_upload_is_recognised_by_its_content(api_client: Client, store: Store) -> None:
    response = upload(api_client, PDF, name="../../etc/fatura")

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["filename"], body["content_type"], body["size"]) == (
        "fatura.pdf", "application/pdf", len(PDF),
    )  # fmt: skip
    assert len(body["token"]) == 43
    assert Attachment.objects.get().uploaded_by_id is None


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"<script>alert(1)</script>", "photo.png", "Only images"),
        (b"MZ\x90\x00" + b"\x00" * 60, "setup.exe", "Only images"),
        (b"", "empty.png", "empty"),
    ],
)
def test_disallowed_uploads_are_refused(
    api_client: Client, store: Store, content: bytes, name: str, fragment: str
) -> None:
    response = upload(api_client, content, name=name)

    assert response.status_code == 422
    assert fragment in response.json()["error"]["message"]
    assert not Attachment.objects.exists()


def test_an_upload_without_a_file_is_refused(api_client: Client, store: Store) -> None:
    response = api_client.post("/api/v1/attachments", {"other": "x"})

    assert response.status_code == 422
    assert not Attachment.objects.exists()


def test_an_upload_larger_than_a_json_body_may_be_is_accepted(api_client: Client) -> None:
    photo = PNG + b"\x00" * (3 * 1024 * 1024)

    response = upload(api_client, photo)

    assert response.status_code == 201
    assert Attachment.objects.get().size == len(photo)


def test_an_upload_over_the_limit_is_refused(api_client: Client, store: Store) -> None:
    too_big = PNG + b"\x00" * (10 * 1024 * 1024 + 1 - len(PNG))

    response = upload(api_client, too_big)

    assert response.status_code == 422
    assert response.json()["error"]["message"] == "A file may be at most 10 MB."
    assert not Attachment.objects.exists()


# Tags and canned replies -------------------------------------------------------------------


def test_the_stores_conversation_tags_are_listed(
    api_client: Client, store: Store, other_store: Store
) -> None:
    vip = make_tag(store, "VIP", color="#ff0000")
    make_tag(other_store, "Pilne")

    body = api_client.get("/api/v1/conversation-tags").json()

    assert body == {
        "items": [{"id": vip.pk, "name": "VIP", "color": "#ff0000"}],
        "next_cursor": None,
    }


def test_canned_replies_are_created_read_replaced_and_deleted(
    api_client: Client, store: Store
) -> None:
    created = post(api_client, "/api/v1/canned-replies", {
        "name": "Kargo nerede", "shortcut": "kargo",
        "texts": {"tr": "Merhaba {{ customer.first_name }}", "en": "Hi {{customer.first_name}}"},
    })  # fmt: skip
    reply_id = created.json()["id"]
    path = f"/api/v1/canned-replies/{reply_id}"

    read = api_client.get(path)
    replaced = api_client.put(
        path,
        {"name": "Kargo", "shortcut": "kargo", "texts": {"pl": "Dzień dobry"}},
        content_type="application/json",
    )
    listed = api_client.get("/api/v1/canned-replies", {"search": "KARGO"})
    deleted = api_client.delete(path)

    assert created.status_code == 201, created.content
    assert read.json()["texts"] == {
        "en": "Hi {{customer.first_name}}",
        "tr": "Merhaba {{ customer.first_name }}",
    }
    assert (replaced.json()["name"], replaced.json()["texts"]) == ("Kargo", {"pl": "Dzień dobry"})
    assert ids(listed) == [reply_id]
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert not CannedReply.objects.exists()
    assert [e.action for e in AuditLogEntry.objects.order_by("id")] == [
        "canned_reply.saved", "canned_reply.saved", "canned_reply.deleted",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "status", "fragment"),
    [
        ({"texts": {"tr": "Merhaba {{ customer.password }}"}}, 422, "customer.password"),
        ({"texts": {}}, 422, "texts"),
        ({"texts": {"türkçe": "Merhaba"}}, 422, "language code"),
        ({"texts": {"tr": "  "}}, 422, "1 to 10000"),
        ({"shortcut": "Kargo Nerede!"}, 422, "shortcut"),
        ({"shortcut": "taken"}, 409, "taken"),
        ({"name": ""}, 422, "name"),
    ],
)
def test_bad_canned_replies_are_refused(
    api_client: Client, store: Store, body: dict[str, Any], status: int, fragment: str
) -> None:
    existing = CannedReplyTextFactory(reply__store=store, reply__shortcut="taken").reply
    payload = {"name": "Yeni", "shortcut": "yeni", "texts": {"tr": "Merhaba"}, **body}

    response = post(api_client, "/api/v1/canned-replies", payload)

    assert response.status_code == status, response.content
    assert fragment in response.json()["error"]["message"]
    assert list(CannedReply.objects.values_list("pk", flat=True)) == [existing.pk]


def test_agents_read_canned_replies_but_only_admins_write_them(
    agent_client: Client, store: Store, make_staff: Callable[..., User]
) -> None:
    reply = CannedReplyTextFactory(reply__store=store).reply
    body = {"name": "Yeni", "shortcut": "yeni", "texts": {"tr": "Merhaba"}}

    read = agent_client.get(f"/api/v1/canned-replies/{reply.pk}")
    written = post(agent_client, "/api/v1/canned-replies", body)
    by_admin = post(logged_in(make_staff(store, Role.ADMIN)), "/api/v1/canned-replies", body)

    assert (read.status_code, written.status_code, by_admin.status_code) == (200, 403, 201)


def test_a_canned_reply_is_rendered_for_the_conversation(
    agent_client: Client, store: Store, agent: User
) -> None:
    customer = CustomerFactory(store=store, first_name="Kasia", language="pl")
    conversation = ConversationFactory(customer=customer, language="")
    order = OrderFactory(customer=customer, number="1042")
    ShipmentFactory(order=order, tracking_number="YK1")
    reply = CannedReplyFactory(store=store)
    CannedReplyTextFactory(
        reply=reply, language="pl",
        body="Cześć {{ customer.first_name }}, paczka {{ order.number }} "
        "({{ order.tracking_number }}). {{ agent.first_name }}",
    )  # fmt: skip
    CannedReplyTextFactory(reply=reply, language="tr", body="Merhaba")

    response = agent_client.get(
        f"/api/v1/conversations/{conversation.pk}/canned-replies/{reply.pk}/render"
    )

    assert response.json() == {
        "reply_id": reply.pk,
        "language": "pl",
        "text": f"Cześć Kasia, paczka 1042 (YK1). {agent.name.split(' ')[0]}",
    }


def test_a_canned_reply_falls_back_to_the_stores_language(
    api_client: Client, store: Store, other_store: Store
) -> None:
    conversation = ConversationFactory(customer__store=store, language="de")
    reply = CannedReplyTextFactory(reply__store=store, language="tr", body="Merhaba").reply
    theirs = CannedReplyTextFactory(reply__store=other_store).reply
    path = f"/api/v1/conversations/{conversation.pk}/canned-replies"

    ours = api_client.get(f"{path}/{reply.pk}/render")
    other = api_client.get(f"{path}/{theirs.pk}/render")

    assert (ours.json()["language"], ours.json()["text"]) == ("tr", "Merhaba")
    assert other.status_code == 404


# One customer's timeline ------------------------------------------------------------------


def test_a_customers_conversations_on_every_channel(api_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    chat = ConversationFactory(customer=customer, last_message_at=AT)
    email = ConversationFactory(
        customer=customer, channel="email", status="resolved", last_message_at=AT + timedelta(1)
    )
    ConversationFactory(customer__store=store)

    response = api_client.get(f"/api/v1/customers/{customer.pk}/conversations")

    assert ids(response) == [email.pk, chat.pk]


def test_another_stores_customer_has_no_timeline(api_client: Client, other_store: Store) -> None:
    theirs = ConversationFactory(customer__store=other_store)

    response = api_client.get(f"/api/v1/customers/{theirs.customer_id}/conversations")

    assert response.status_code == 404


# Query counts -----------------------------------------------------------------------------


def test_the_list_costs_the_same_queries_for_10_or_40_rows(
    api_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    def add(count: int) -> None:
        tag = make_tag(store, f"tag-{count}")
        for conversation in ConversationFactory.create_batch(count, customer__store=store):
            conversation.tags.add(tag)

    add(10)
    api_client.get("/api/v1/conversations")  # warm: token use is recorded
    with CaptureQueriesContext(connection) as baseline:
        ten = api_client.get("/api/v1/conversations", {"search": "ayşe"})
    add(30)

    with django_assert_num_queries(len(baseline)):
        forty = api_client.get("/api/v1/conversations", {"search": "ayşe"})
    assert (len(ids(ten)), len(ids(forty))) == (10, 40)
    # The token, the search's probes of customers and of the conversations' texts (after
    # asking PostgreSQL for its estimate), the page, its tags.
    assert len(baseline) <= (6 if connection.vendor == "postgresql" else 5)


def test_the_messages_cost_the_same_queries_for_3_or_30(
    api_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    conversation = ConversationFactory(customer__store=store)

    def add(count: int) -> None:
        for message in MessageFactory.create_batch(count, conversation=conversation):
            Attachment.objects.create(
                store=store, message=message, conversation=conversation,
                token=f"token-{message.pk}", file="attachments/x", filename="a.png",
                content_type="image/png", size=1,
            )  # fmt: skip

    path = f"/api/v1/conversations/{conversation.pk}/messages"
    add(3)
    api_client.get(path)  # warm: token use is recorded
    with CaptureQueriesContext(connection) as baseline:
        api_client.get(path)
    add(27)

    with django_assert_num_queries(len(baseline)):
        response = api_client.get(path)
    assert len(ids(response)) == 30
