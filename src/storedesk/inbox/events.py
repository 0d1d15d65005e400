"""Inbox events: published after commit, delivered to agents' and visitors' sockets,
automations and outgoing webhooks. Part of the documented client API (docs/realtime.md)."""

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

from storedesk.core.events import Event


class AttachmentPayload(BaseModel):
    model_config = ConfigDict(frozen=True)

    token: str
    filename: str
    content_type: str
    size: int


class MessagePayload(BaseModel):
    """A message as every client renders it; notes never reach a customer's client."""

    model_config = ConfigDict(frozen=True)

    id: int
    conversation_id: int
    direction: Literal["inbound", "outbound", "internal"]
    author_type: Literal["customer", "agent", "assistant", "system"]
    author_name: str
    text: str
    html: str
    channel: str
    client_id: str | None
    delivery_status: str
    created_at: datetime
    attachments: tuple[AttachmentPayload, ...] = ()


class ConversationSummary(BaseModel):
    """What an inbox list row shows, so a client can update the row without a request."""

    model_config = ConfigDict(frozen=True)

    id: int
    customer_id: int
    customer_name: str
    channel: str
    status: str
    priority: str
    assignee_id: int | None
    team_id: int | None
    language: str
    subject: str
    last_message_at: datetime
    last_message_preview: str
    waiting_since: datetime | None
    tags: tuple[str, ...] = ()


class MessageEvent(Event):
    type: Literal["message"] = "message"
    op: Literal["created", "delivery_updated"]
    message: MessagePayload
    conversation: ConversationSummary


class ConversationEvent(Event):
    """A change to a conversation: ``op`` says which, ``conversation`` is its new state."""

    type: Literal["conversation"] = "conversation"
    op: Literal[
        "created",
        "assigned",
        "status_changed",
        "tagged",
        "priority_changed",
        "updated",
        "orders_linked",
        "merged",
    ]
    conversation: ConversationSummary
    actor_user_id: int | None = None


class MentionEvent(Event):
    """A staff member was @mentioned in a note."""

    type: Literal["mention"] = "mention"
    op: Literal["created"] = "created"
    user_id: int
    conversation_id: int
    message_id: int


class PresenceEvent(Event):
    type: Literal["presence"] = "presence"
    op: Literal["changed"] = "changed"
    user_id: int
    presence: Literal["online", "away", "offline"]
