"""Who receives which event: the audience of each event is a permission decision."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from storedesk.core.events import Event
from storedesk.core.models import Store
from storedesk.customers.events import CustomerEvent
from storedesk.inbox.events import (
    ConversationEvent,
    ConversationSummary,
    MentionEvent,
    MessageEvent,
    MessagePayload,
    PresenceEvent,
)
from storedesk.livechat.actions import check_send_visitor_message, check_start_session
from storedesk.livechat.events import VisitorConversationEvent
from storedesk.livechat.selectors import read_visitor_token
from storedesk.livechat.tests.factories import ChatWidgetFactory
from storedesk.realtime.events import TypingEvent
from storedesk.realtime.publisher import FOLLOW, FRAME, route

WHEN = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
SUMMARY = ConversationSummary(
    id=7, customer_id=3, customer_name="Ayşe Yılmaz", channel="chat", status="open",
    priority="normal", assignee_id=None, team_id=None, language="tr", subject="",
    last_message_at=WHEN, last_message_preview="Merhaba", waiting_since=WHEN,
)  # fmt: skip


def message(direction: str = "outbound", text: str = "Merhaba") -> MessagePayload:
    return MessagePayload(
        id=11, conversation_id=7, direction=direction,  # type: ignore[arg-type]
        author_type="agent", author_name="Ece", text=text, html="", channel="chat",
        client_id=None, delivery_status="sent", created_at=WHEN,
    )  # fmt: skip


def frames(deliveries: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    return {
        group: json.loads(payload["text"]) if payload["type"] == FRAME else payload
        for group, payload in deliveries
    }


def test_a_reply_in_a_chat_reaches_the_agents_and_the_visitor_without_the_summary() -> None:
    event = MessageEvent(op="created", store_id=1, message=message(), conversation=SUMMARY)

    routed = frames(route(event))

    assert routed == {
        "store.1.agents": {"event": event.model_dump(mode="json")},
        "store.1.chat.7": {"type": "message", "message": message().model_dump(mode="json")},
    }


def test_a_note_reaches_the_agents_only() -> None:
    event = MessageEvent(
        op="created", store_id=1, message=message("internal", "Gizli"), conversation=SUMMARY
    )

    assert list(frames(route(event))) == ["store.1.agents"]


def test_a_message_on_another_channel_reaches_the_agents_only() -> None:
    email = SUMMARY.model_copy(update={"channel": "email"})
    event = MessageEvent(op="created", store_id=1, message=message(), conversation=email)

    assert list(frames(route(event))) == ["store.1.agents"]


def test_a_delivery_update_reaches_the_agents_only() -> None:
    event = MessageEvent(op="delivery_updated", store_id=1, message=message(), conversation=SUMMARY)

    assert list(frames(route(event))) == ["store.1.agents"]


def test_conversation_and_presence_events_reach_the_stores_agents() -> None:
    changed = ConversationEvent(op="assigned", store_id=2, conversation=SUMMARY, actor_user_id=4)
    presence = PresenceEvent(store_id=2, user_id=4, presence="away")

    assert frames(route(changed)) == {"store.2.agents": {"event": changed.model_dump(mode="json")}}
    assert frames(route(presence)) == {
        "store.2.agents": {
            "event": {"type": "presence", "op": "changed", "store_id": 2, "user_id": 4,
                      "presence": "away"},
        }
    }  # fmt: skip


def test_a_mention_reaches_the_mentioned_user_only() -> None:
    event = MentionEvent(store_id=1, user_id=9, conversation_id=7, message_id=11)

    assert list(frames(route(event))) == ["store.1.user.9"]


def test_agent_typing_skips_the_typist_and_reaches_the_chat_visitor() -> None:
    event = TypingEvent(
        store_id=1, conversation_id=7, who="agent", user_id=4, name="Ece", typing=True,
        to_visitor=True,
    )  # fmt: skip

    deliveries = dict(route(event))

    assert deliveries["store.1.agents"]["skip_user_id"] == 4
    assert json.loads(deliveries["store.1.agents"]["text"]) == {
        "event": {
            "type": "typing", "op": "changed", "store_id": 1, "conversation_id": 7,
            "who": "agent", "user_id": 4, "name": "Ece", "typing": True,
        }
    }  # fmt: skip
    assert json.loads(deliveries["store.1.chat.7"]["text"]) == {
        "type": "typing", "typing": True, "name": "Ece",
    }  # fmt: skip


def test_a_visitors_new_conversation_reaches_their_tabs() -> None:
    event = VisitorConversationEvent(store_id=1, audience="ab" * 16, conversation_id=7)

    assert route(event) == [
        (f"store.1.visitor.{'ab' * 16}", {"type": FOLLOW, "conversation_id": 7})
    ]


def test_other_events_reach_no_socket() -> None:
    assert route(CustomerEvent(op="created", store_id=1, customer_id=3)) == []


@pytest.mark.django_db
def test_a_visitors_first_message_publishes_exactly_these_events(
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    widget = ChatWidgetFactory(store=store)
    session = check_start_session(
        key=widget.key, token=None, language="tr", identity=None, origin=None,
        client_address="127.0.0.1",
    )  # fmt: skip
    visitor = read_visitor_token(session.token)

    with django_capture_on_commit_callbacks(execute=True):
        sent = check_send_visitor_message(visitor, client_id="c-1", text="Merhaba")

    assert [(e.type, e.op) for e in captured_events] == [
        ("customer", "created"),
        ("message", "created"),
        ("conversation", "created"),
        ("chat_visitor", "conversation_started"),
    ]
    assert captured_events[-1] == VisitorConversationEvent(
        store_id=store.pk, audience=visitor.key, conversation_id=sent.conversation_id
    )
