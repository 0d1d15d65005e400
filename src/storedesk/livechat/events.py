"""Live-chat events, published after commit and delivered by the realtime publisher."""

from typing import Literal

from storedesk.core.events import Event


class VisitorConversationEvent(Event):
    """A visitor's message started a new conversation: every open tab of that visitor
    follows it (``audience`` is the visitor's key, or ``c<customer id>`` once identified)."""

    type: Literal["chat_visitor"] = "chat_visitor"
    op: Literal["conversation_started"] = "conversation_started"
    audience: str
    conversation_id: int
