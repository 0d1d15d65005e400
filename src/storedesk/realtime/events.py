"""Ephemeral real-time signals: never stored, so never published through core.events
(which waits for a commit and feeds automations and webhooks); the realtime publisher
delivers them at once (docs/realtime.md)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class TypingEvent(BaseModel):
    """Someone is typing (or stopped) in a conversation."""

    model_config = ConfigDict(frozen=True)

    type: Literal["typing"] = "typing"
    op: Literal["changed"] = "changed"
    store_id: int
    conversation_id: int
    who: Literal["customer", "agent"]
    user_id: int | None = None
    name: str
    typing: bool
    # An agent typing in a website chat is also shown to the visitor. Routing only: not
    # part of the event's JSON.
    to_visitor: bool = Field(default=False, exclude=True)
