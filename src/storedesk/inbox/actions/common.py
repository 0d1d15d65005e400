"""What the inbox actions share: the message text check, display names, list fields and
event publishing."""

import unicodedata
from collections.abc import Sequence

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.core.errors import ValidationFailed
from storedesk.core.events import publish_event
from storedesk.inbox.errors import MessageEmpty, MessageTooLong
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
    """The one rule for a message's text, whoever writes it (a shopper in the chat, an
    agent's reply or note, an integration): trimmed and NFC-normalised, not empty unless
    files or HTML carry the message, at most MAX_MESSAGE_LENGTH characters once normalised,
    and no control characters but tab and line breaks (PostgreSQL cannot store NUL)."""
    text = unicodedata.normalize("NFC", text.strip())
    if not text and not allow_empty:
        raise MessageEmpty(_("A message cannot be empty."))
    if len(text) > MAX_MESSAGE_LENGTH:
        raise MessageTooLong(
            _("A message may have at most %(limit)s characters.") % {"limit": MAX_MESSAGE_LENGTH},
            details={"length": len(text), "limit": MAX_MESSAGE_LENGTH},
        )
    if any(unicodedata.category(c) in {"Cc", "Cs"} and c not in "\t\n\r" for c in text):
        raise ValidationFailed(_("A message must not contain control characters."))
    return text


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
