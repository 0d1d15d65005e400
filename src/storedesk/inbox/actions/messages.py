"""Messages: a customer's inbound message stored before anyone acknowledges it, replies
to the customer, delivery reports and private notes."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.html import sanitize_html
from storedesk.core.models import Store
from storedesk.core.tenancy import check_in_store
from storedesk.core.text import search_key
from storedesk.core.validation import check_language
from storedesk.customers.actions import do_resolve_customer
from storedesk.customers.models import Customer, IdentityKind
from storedesk.inbox.actions.attachments import (
    bind_attachments,
    check_upload_attachment,
    find_own_uploads,
)
from storedesk.inbox.actions.common import (
    actor_display_name,
    check_message_text,
    publish_conversation_event,
    publish_message_event,
    record_message,
)
from storedesk.inbox.actions.presence import do_auto_assign
from storedesk.inbox.actions.search import do_index_message
from storedesk.inbox.events import MentionEvent
from storedesk.inbox.models import (
    Attachment,
    AuthorType,
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
)
from storedesk.inbox.routing import get_channel_team
from storedesk.inbox.selectors import (
    list_assignable_agents,
)

# Channels whose outbound messages reach the customer through our own socket, at once.
_DIRECT_CHANNELS = frozenset({Channel.CHAT})


@dataclass(frozen=True, slots=True)
class Received:
    message: Message
    conversation: Conversation
    # False when the same message (external id or client id) was stored before.
    created: bool


@dataclass(frozen=True, slots=True)
class Sender:
    """Who wrote in, as the channel knows them."""

    kind: IdentityKind
    value: str
    name: str = ""
    verified: bool = False


def do_receive_message(
    store: Store,
    *,
    channel: Channel,
    text: str,
    sender: Sender | None = None,
    customer: Customer | None = None,
    conversation: Conversation | None = None,
    html: str = "",
    external_id: str | None = None,
    external_thread_id: str | None = None,
    client_id: str | None = None,
    subject: str = "",
    language: str = "",
    team: Team | None = None,
    attachments: Sequence[Attachment] = (),
    received_at: datetime | None = None,
    duplicates_checked: bool = False,
) -> Received:
    """Store a customer's message, in its conversation, before anyone acknowledges it.

    The same ``external_id`` (per channel) or ``client_id`` (per conversation) delivered
    twice stores one message. The customer is ``customer``, the conversation's, or the one
    ``sender`` resolves to (created if unknown). The conversation is ``conversation``, the
    one of ``external_thread_id``, or a new one; a resolved, pending or snoozed one reopens.
    """
    text = check_message_text(text, allow_empty=bool(attachments) or bool(html))
    # ``duplicates_checked``: the caller looked for ``client_id`` in this same transaction,
    # under a lock (the chat does, per visitor); the unique constraint still stands guard.
    duplicate = None if duplicates_checked else _find_duplicate(
        store, channel=channel, external_id=external_id, client_id=client_id,
        conversation=conversation,
    )  # fmt: skip
    if duplicate is not None:
        return Received(duplicate, duplicate.conversation, created=False)
    if customer is None and conversation is not None:
        customer = conversation.customer
    if customer is None:
        if sender is None:
            raise ValidationFailed(_("An inbound message needs its sender or its customer."))
        customer, _created = do_resolve_customer(
            store, kind=sender.kind, value=sender.value, name=sender.name,
            language=language, verified=sender.verified,
        )  # fmt: skip
    now = received_at or timezone.now()
    try:
        with transaction.atomic():
            conversation, opened = _conversation_for_inbound(
                store, customer, channel=channel, conversation=conversation,
                external_thread_id=external_thread_id, subject=subject,
                language=language, team=team, now=now,
            )  # fmt: skip
            message = Message.objects.create(
                store=store,
                conversation=conversation,
                direction=Direction.INBOUND,
                author_type=AuthorType.CUSTOMER,
                author_name=str(customer),
                text=text,
                html=sanitize_html(html) if html else "",
                channel=channel,
                external_id=external_id,
                client_id=client_id,
                delivery_status=DeliveryStatus.RECEIVED,
                search_key=search_key(text),
                created_at=now,
            )
            bind_attachments(message, attachments)
            do_index_message(message)
            record_message(conversation, message, waiting=True)
            if (
                opened == "created"
                and conversation.team is not None
                and conversation.assignee_id is None
            ):
                do_auto_assign(conversation, conversation.team, now=now)
            publish_message_event(conversation, message, "created", attachments=attachments)
            if opened:
                publish_conversation_event(conversation, opened)
    except IntegrityError:
        # A concurrent delivery of the same message won the race: return what it stored.
        duplicate = _find_duplicate(
            store, channel=channel, external_id=external_id, client_id=client_id,
            conversation=conversation,
        )  # fmt: skip
        if duplicate is None:
            raise
        return Received(duplicate, duplicate.conversation, created=False)
    return Received(message, conversation, created=True)


def _find_duplicate(
    store: Store,
    *,
    channel: Channel,
    external_id: str | None,
    client_id: str | None,
    conversation: Conversation | None,
) -> Message | None:
    messages = Message.objects.select_related("conversation__customer")
    if external_id:
        return messages.filter(store=store, channel=channel, external_id=external_id).first()
    if client_id and conversation is not None and conversation.pk is not None:
        return messages.filter(store=store, conversation=conversation, client_id=client_id).first()
    return None


def _conversation_for_inbound(
    store: Store,
    customer: Customer,
    *,
    channel: Channel,
    conversation: Conversation | None,
    external_thread_id: str | None,
    subject: str,
    language: str,
    team: Team | None,
    now: datetime,
) -> tuple[Conversation, str | None]:
    """The conversation an inbound message joins, locked, and "created" or "status_changed"
    when that happened to it."""
    if conversation is None and external_thread_id:
        conversation = Conversation.objects.filter(
            store=store, channel=channel, external_thread_id=external_thread_id
        ).first()
    if conversation is None:
        return (
            Conversation.objects.create(
                store=store,
                customer=customer,
                channel=channel,
                external_thread_id=external_thread_id or None,
                subject=subject[:300],
                language=language or customer.language,
                # A caller that names no team leaves it to the channel's route.
                team=team if team is not None else get_channel_team(store, channel),
                last_message_at=now,
                created_at=now,
            ),
            "created",
        )
    conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if conversation.customer_id == customer.pk:
        # The event that follows describes the customer: reuse the one already loaded.
        conversation.customer = customer
    if conversation.status != ConversationStatus.OPEN:
        conversation.status = ConversationStatus.OPEN
        conversation.snoozed_until = None
        conversation.resolved_at = None
        conversation.save(update_fields=["status", "snoozed_until", "resolved_at", "updated_at"])
        return conversation, "status_changed"
    return conversation, None


def check_send_reply(
    actor: Actor,
    conversation: Conversation,
    *,
    text: str,
    attachment_tokens: Sequence[str] = (),
    client_id: str | None = None,
) -> Message:
    """An agent (or an integration) answers the customer."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    attachments = find_own_uploads(actor, conversation, attachment_tokens)
    text = check_message_text(text, allow_empty=bool(attachments))
    if client_id:
        existing = Message.objects.filter(
            store=actor.store, conversation=conversation, client_id=client_id
        ).first()
        if existing is not None:
            return existing
    return do_send_message(
        conversation,
        text=text,
        author_type=AuthorType.AGENT,
        author_user=actor.user,
        author_name=actor_display_name(actor),
        attachments=attachments,
        client_id=client_id,
    )


def do_send_message(
    conversation: Conversation,
    *,
    text: str,
    author_type: AuthorType,
    author_user: User | None = None,
    author_name: str = "",
    html: str = "",
    attachments: Sequence[Attachment] = (),
    client_id: str | None = None,
) -> Message:
    """Store a message to the customer; the conversation's channel delivers it after commit.

    Chat messages are delivered by our own socket and are ``sent`` at once; other channels
    start ``queued`` until their connector reports back."""
    now = timezone.now()
    status = (
        DeliveryStatus.SENT if conversation.channel in _DIRECT_CHANNELS else DeliveryStatus.QUEUED
    )
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        message = Message.objects.create(
            store_id=locked.store_id,
            conversation=locked,
            direction=Direction.OUTBOUND,
            author_type=author_type,
            author_user=author_user,
            author_name=author_name,
            text=text,
            html=sanitize_html(html) if html else "",
            channel=locked.channel,
            client_id=client_id,
            delivery_status=status,
            search_key=search_key(text),
            created_at=now,
        )
        bind_attachments(message, attachments)
        do_index_message(message)
        first_human_answer = author_type == AuthorType.AGENT and locked.first_response_at is None
        if first_human_answer:
            locked.first_response_at = now
        took_over = author_type == AuthorType.AGENT and locked.assignee_id is None
        if took_over:
            # Whoever answers an unassigned conversation owns it: no two agents answer twice.
            locked.assignee = author_user
        record_message(locked, message, waiting=False)
        publish_message_event(locked, message, "created", attachments=attachments)
        if took_over and author_user is not None:
            publish_conversation_event(locked, "assigned", actor_user_id=author_user.pk)
    conversation.refresh_from_db()
    return message


def do_update_delivery_status(
    message: Message, *, status: DeliveryStatus, reason: str = ""
) -> Message:
    """A connector reports what became of an outbound message. Statuses only move forward
    (a late "delivered" never undoes "read"); "failed" is always recorded."""
    order = [
        DeliveryStatus.QUEUED,
        DeliveryStatus.SENT,
        DeliveryStatus.DELIVERED,
        DeliveryStatus.READ,
    ]
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        current = DeliveryStatus(locked.delivery_status)
        moves_forward = (
            status == DeliveryStatus.FAILED
            or current not in order
            or status not in order
            or order.index(status) > order.index(current)
        )
        if not moves_forward:
            return locked
        locked.delivery_status = status
        locked.failure_reason = reason[:500] if status == DeliveryStatus.FAILED else ""
        locked.save(update_fields=["delivery_status", "failure_reason"])
        conversation = Conversation.objects.select_related("customer").get(
            pk=locked.conversation_id
        )
        publish_message_event(conversation, locked, "delivery_updated")
    return locked


_MENTION = re.compile(r"(?<![\w@])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)", re.UNICODE)


def check_add_note(actor: Actor, conversation: Conversation, *, text: str) -> Message:
    """A private note for colleagues; ``@name`` or ``@email`` mentions notify them."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    text = check_message_text(text, allow_empty=False)
    mentioned = _mentioned_users(actor.store, text)
    now = timezone.now()
    with transaction.atomic():
        note = Message.objects.create(
            store=actor.store,
            conversation=conversation,
            direction=Direction.INTERNAL,
            author_type=AuthorType.AGENT if actor.user is not None else AuthorType.SYSTEM,
            author_user=actor.user,
            author_name=actor_display_name(actor),
            text=text,
            channel=conversation.channel,
            delivery_status=DeliveryStatus.SENT,
            search_key=search_key(text),
            created_at=now,
        )
        do_index_message(note)
        for user in mentioned:
            note.mentions.create(store=actor.store, user=user)
            publish_event(
                MentionEvent(
                    store_id=actor.store.pk,
                    user_id=user.pk,
                    conversation_id=conversation.pk,
                    message_id=note.pk,
                )
            )
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=now)
        publish_message_event(conversation, note, "created")
    return note


def _mentioned_users(store: Store, text: str) -> list[User]:
    """Staff of the store named by ``@handle``: an email address, its local part, or the
    first word of their name, compared without case or accents."""
    handles = {search_key(handle) for handle in _MENTION.findall(text)}
    if not handles:
        return []
    found = []
    for user in list_assignable_agents(store):
        email = user.email.lower()
        names = {
            email,
            email.split("@")[0],
            search_key(user.name.split(" ")[0] if user.name else ""),
        }
        if handles & names:
            found.append(user)
    return found


def check_receive_message(
    actor: Actor,
    *,
    channel: Channel,
    sender: Sender,
    text: str,
    html: str = "",
    subject: str = "",
    external_id: str | None = None,
    external_thread_id: str | None = None,
    language: str = "",
) -> Received:
    """An integration hands over a customer's message from a channel of its own (a
    marketplace panel, a phone call note, a custom shop's form)."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    if channel == Channel.CHAT:
        raise ValidationFailed(
            _("Chat messages come only through the website chat widget."),
            details={"channel": channel.value},
        )
    if sender.kind == IdentityKind.VISITOR:
        raise ValidationFailed(
            _("A chat visitor id belongs to the widget; name the sender another way."),
            details={"kind": sender.kind.value},
        )
    if language:
        check_language(language)
    check_message_text(text, allow_empty=False)
    # What an integration says about its sender is a claim, never a proof.
    claimed = Sender(kind=sender.kind, value=sender.value, name=sender.name, verified=False)
    return do_receive_message(
        actor.store, channel=channel, text=text, sender=claimed, html=html,
        external_id=external_id, external_thread_id=external_thread_id, subject=subject,
        language=language,
    )  # fmt: skip


def check_send_reply_once(
    actor: Actor,
    conversation: Conversation,
    *,
    text: str,
    attachment_tokens: Sequence[str] = (),
    client_id: str | None = None,
) -> tuple[Message, bool]:
    """check_send_reply for clients that retry: a known ``client_id`` returns the message
    stored the first time, with False, and sends nothing. Returns (message, created)."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    # Looked up before the uploads: a retry names uploads that its first try already sent.
    existing = _client_message(conversation, client_id)
    if existing is not None:
        return existing, False
    try:
        message = check_send_reply(
            actor, conversation, text=text, attachment_tokens=attachment_tokens,
            client_id=client_id,
        )  # fmt: skip
    except IntegrityError:
        # A concurrent retry with the same client id stored it a moment ago.
        existing = _client_message(conversation, client_id)
        if existing is None:
            raise
        return existing, False
    return message, True


def _client_message(conversation: Conversation, client_id: str | None) -> Message | None:
    if not client_id:
        return None
    return Message.objects.filter(
        store_id=conversation.store_id, conversation=conversation, client_id=client_id
    ).first()


def check_send_reply_with_files(
    actor: Actor,
    conversation: Conversation,
    *,
    text: str,
    files: Sequence[tuple[str, bytes]],
    client_id: str | None = None,
) -> Message:
    """A reply posted together with its files (the reply form without scripts). A refused
    file or text sends nothing and keeps no file; the same ``client_id`` again (a form
    submitted twice) returns the first message."""
    actor.require(Permission.REPLY_CONVERSATIONS)
    check_in_store(actor, conversation)
    existing = _client_message(conversation, client_id)
    if existing is not None:
        return existing
    check_message_text(text, allow_empty=bool(files))
    stored: list[Attachment] = []
    try:
        with transaction.atomic():
            for filename, content in files:
                stored.append(check_upload_attachment(actor, filename=filename, content=content))
            message, _created = check_send_reply_once(
                actor, conversation, text=text,
                attachment_tokens=[attachment.token for attachment in stored],
                client_id=client_id,
            )  # fmt: skip
    except BaseException:
        # The rows rolled back; the files written beside them must go too.
        for attachment in stored:
            attachment.file.delete(save=False)
        raise
    return message
