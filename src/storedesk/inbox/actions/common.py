"""What the inbox actions share: checks, display names, list fields and event publishing."""

from collections.abc import Sequence

from django.db.models import F
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.events import publish_event
from storedesk.inbox.events import ConversationEvent, MessageEvent
from storedesk.inbox.models import (
    MAX_MESSAGE_LENGTH,
    Attachment,
    Conversation,
    Message,
)
from storedesk.inbox.selectors import (
    conversation_summary,
    message_payload,
)

PREVIEW_LENGTH = 200


def check_message_text(text: str, *, allow_empty: bool) -> str:
    text = text.strip()
    if not text and not allow_empty:
        raise ValidationFailed("A message cannot be empty.")
    if len(text) > MAX_MESSAGE_LENGTH:
        raise ValidationFailed(
            f"A message may have at most {MAX_MESSAGE_LENGTH} characters.",
            details={"length": len(text), "limit": MAX_MESSAGE_LENGTH},
        )
    return text


def check_same_store(actor: Actor, conversation: Conversation) -> None:
    if conversation.store_id != actor.store.pk:
        raise NotFound("No such conversation.")


def actor_display_name(actor: Actor) -> str:
    if actor.user is not None:
        return actor.user.name or actor.user.email.split("@")[0]
    return actor.store.name


def actor_user_id(actor: Actor) -> int | None:
    return actor.user.pk if actor.user is not None else None


def record_message(conversation: Conversation, message: Message, *, waiting: bool) -> None:
    """Keep the conversation's list fields in step with its newest message."""
    preview = " ".join(message.text.split())[:PREVIEW_LENGTH]
    conversation.last_message_at = message.created_at
    conversation.last_message_preview = preview
    if waiting:
        conversation.waiting_since = conversation.waiting_since or message.created_at
    else:
        conversation.waiting_since = None
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=message.created_at,
        last_message_preview=preview,
        message_count=F("message_count") + 1,
        waiting_since=conversation.waiting_since,
        first_response_at=conversation.first_response_at,
        assignee_id=conversation.assignee_id,
        updated_at=timezone.now(),
    )


def publish_message_event(
    conversation: Conversation,
    message: Message,
    op: str,
    *,
    attachments: Sequence[Attachment] | None = None,
) -> None:
    publish_event(
        MessageEvent(
            op=op,  # type: ignore[arg-type]
            store_id=conversation.store_id,
            message=message_payload(message, attachments),
            conversation=conversation_summary(conversation),
        )
    )


def publish_conversation_event(
    conversation: Conversation, op: str, *, actor_user_id: int | None = None
) -> None:
    publish_event(
        ConversationEvent(
            op=op,  # type: ignore[arg-type]
            store_id=conversation.store_id,
            conversation=conversation_summary(conversation),
            actor_user_id=actor_user_id,
        )
    )
