"""REST API of the inbox: conversations, messages, notes, assignment, tags, canned replies."""

from django.http import HttpRequest
from ninja import File, Query, Router
from ninja.files import UploadedFile
from ninja.responses import Status

from storedesk.accounts.auth import request_actor
from storedesk.core.api import ERROR_STATUSES, ErrorResponse, ObjectId, PageQuery, provided_fields
from storedesk.core.pagination import paginate
from storedesk.customers.selectors import access_customer
from storedesk.inbox.actions.attachments import check_upload_attachment
from storedesk.inbox.actions.canned_replies import (
    check_delete_canned_reply,
    check_save_canned_reply,
)
from storedesk.inbox.actions.conversations import (
    check_assign_conversation,
    check_edit_conversation,
    check_link_orders,
)
from storedesk.inbox.actions.messages import (
    Sender,
    check_add_note,
    check_receive_message,
    check_send_reply_once,
)
from storedesk.inbox.models import Attachment, CannedReply, Conversation, Message
from storedesk.inbox.schemas import (
    AssignmentIn,
    CannedReplyIn,
    CannedReplyOut,
    CannedReplyPage,
    ConversationDetailOut,
    ConversationPage,
    ConversationPatch,
    ConversationQuery,
    InboundIn,
    InboundOut,
    MessageFilters,
    MessageOut,
    MessagePage,
    NoteIn,
    OrderLinksIn,
    RenderedReplyOut,
    ReplyIn,
    SearchQuery,
    TagPage,
    UploadOut,
)
from storedesk.inbox.selectors import (
    SORT_ORDERINGS,
    ConversationFilters,
    access_canned_reply,
    access_conversation,
    list_canned_replies,
    list_conversation_messages,
    list_conversation_tags,
    list_conversations,
    list_customer_timeline,
    list_tag_names,
    render_canned_reply,
)

router = Router()

MESSAGE_ORDERINGS = {"oldest": ("created_at", "id"), "newest": ("-created_at", "-id")}


# Conversations --------------------------------------------------------------------------


@router.get("/conversations", response={200: ConversationPage, ERROR_STATUSES: ErrorResponse})
def list_conversations_endpoint(
    request: HttpRequest, query: Query[ConversationQuery]
) -> dict[str, object]:
    """The inbox: conversations matching the filters, in the chosen order; ``search``
    ignores case and diacritics."""
    filters = ConversationFilters(
        view=query.view,
        status=query.status or "",
        channel=query.channel or "",
        tag=query.tag,
        language=query.language,
        priority=query.priority or "",
        assignee_id=query.assignee_id,
        team_id=query.team_id,
        customer_id=query.customer_id,
        search=query.search,
        sort=query.sort,
    )
    conversations = list_conversations(request_actor(request), filters)
    items, next_cursor = paginate(
        conversations.prefetch_related(None),
        ordering=SORT_ORDERINGS[query.sort],
        cursor=query.cursor,
        limit=query.limit,
    )
    return {"items": _conversation_rows(items), "next_cursor": next_cursor}


def _conversation_rows(conversations: list[Conversation]) -> list[dict[str, object]]:
    """List rows as plain values: validating a page of dicts is several times cheaper than
    reading each field of each model through the schema's attribute lookups."""
    tags = list_tag_names(c.pk for c in conversations)
    return [
        {
            "id": c.pk,
            "customer": {"id": c.customer_id, "name": str(c.customer), "email": c.customer.email},
            "channel": c.channel,
            "status": c.status,
            "priority": c.priority,
            "assignee_id": c.assignee_id,
            "team_id": c.team_id,
            "tags": tags.get(c.pk, []),
            "language": c.language,
            "subject": c.subject,
            "last_message_at": c.last_message_at,
            "last_message_preview": c.last_message_preview,
            "message_count": c.message_count,
            "waiting_since": c.waiting_since,
            "first_response_at": c.first_response_at,
            "resolved_at": c.resolved_at,
            "snoozed_until": c.snoozed_until,
            "created_at": c.created_at,
        }
        for c in conversations
    ]


@router.post(
    "/conversations/inbound",
    response={200: InboundOut, 201: InboundOut, ERROR_STATUSES: ErrorResponse},
)
def receive_message(request: HttpRequest, payload: InboundIn) -> Status[dict[str, object]]:
    """A customer's message from a channel of the integration's own. The first delivery
    stores it (201); the same ``external_id`` again returns it unchanged (200)."""
    actor = request_actor(request)
    received = check_receive_message(
        actor,
        channel=payload.channel,
        sender=Sender(
            kind=payload.sender.kind, value=payload.sender.value, name=payload.sender.name
        ),
        text=payload.text,
        html=payload.html,
        subject=payload.subject,
        external_id=payload.external_id,
        external_thread_id=payload.external_thread_id,
        language=payload.language or "",
    )
    body: dict[str, object] = {
        "message": received.message,
        "conversation": access_conversation(actor, received.conversation.pk),
    }
    return Status(201 if received.created else 200, body)


@router.get(
    "/conversations/{conversation_id}",
    response={200: ConversationDetailOut, ERROR_STATUSES: ErrorResponse},
)
def get_conversation(request: HttpRequest, conversation_id: ObjectId) -> Conversation:
    return access_conversation(request_actor(request), conversation_id)


@router.patch(
    "/conversations/{conversation_id}",
    response={200: ConversationDetailOut, ERROR_STATUSES: ErrorResponse},
)
def update_conversation(
    request: HttpRequest, conversation_id: ObjectId, payload: ConversationPatch
) -> Conversation:
    """Change status (with ``snoozed_until`` to snooze), priority, subject, language or
    tags. Every value is checked first: one bad value changes nothing."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    check_edit_conversation(actor, conversation, **provided_fields(payload))
    return access_conversation(actor, conversation_id)


@router.post(
    "/conversations/{conversation_id}/assignment",
    response={200: ConversationDetailOut, ERROR_STATUSES: ErrorResponse},
)
def assign_conversation(
    request: HttpRequest, conversation_id: ObjectId, payload: AssignmentIn
) -> Conversation:
    """Give the conversation to an agent and/or a team. A field left out stays as it is;
    null clears it."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    sent = payload.model_fields_set
    check_assign_conversation(
        actor,
        conversation,
        assignee_id=payload.assignee_id if "assignee_id" in sent else conversation.assignee_id,
        team_id=payload.team_id if "team_id" in sent else conversation.team_id,
    )
    return access_conversation(actor, conversation_id)


@router.post(
    "/conversations/{conversation_id}/orders",
    response={200: ConversationDetailOut, ERROR_STATUSES: ErrorResponse},
)
def link_orders(
    request: HttpRequest, conversation_id: ObjectId, payload: OrderLinksIn
) -> Conversation:
    """Link orders of the store to the conversation (linked ones stay linked)."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    check_link_orders(actor, conversation, order_ids=payload.order_ids)
    return access_conversation(actor, conversation_id)


@router.delete(
    "/conversations/{conversation_id}/orders/{order_id}",
    response={200: ConversationDetailOut, ERROR_STATUSES: ErrorResponse},
)
def unlink_order(
    request: HttpRequest, conversation_id: ObjectId, order_id: ObjectId
) -> Conversation:
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    check_link_orders(actor, conversation, order_ids=[order_id], unlink=True)
    return access_conversation(actor, conversation_id)


# Messages and notes ---------------------------------------------------------------------


@router.get(
    "/conversations/{conversation_id}/messages",
    response={200: MessagePage, ERROR_STATUSES: ErrorResponse},
)
def list_messages_endpoint(
    request: HttpRequest, conversation_id: ObjectId, query: Query[MessageFilters]
) -> dict[str, object]:
    """Messages and private notes, the oldest first (``order=newest`` for the latest first)."""
    conversation = access_conversation(request_actor(request), conversation_id)
    messages = list_conversation_messages(conversation, include_notes=True)
    items, next_cursor = paginate(
        messages, ordering=MESSAGE_ORDERINGS[query.order], cursor=query.cursor, limit=query.limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.post(
    "/conversations/{conversation_id}/messages",
    response={200: MessageOut, 201: MessageOut, ERROR_STATUSES: ErrorResponse},
)
def send_reply(
    request: HttpRequest, conversation_id: ObjectId, payload: ReplyIn
) -> Status[Message]:
    """Answer the customer on the conversation's channel (201). With a ``client_id`` sent
    before, nothing is sent again and the stored message is returned (200)."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    message, created = check_send_reply_once(
        actor,
        conversation,
        text=payload.text,
        attachment_tokens=payload.attachments,
        client_id=payload.client_id,
    )
    return Status(201 if created else 200, message)


@router.post(
    "/conversations/{conversation_id}/notes",
    response={201: MessageOut, ERROR_STATUSES: ErrorResponse},
)
def add_note(request: HttpRequest, conversation_id: ObjectId, payload: NoteIn) -> Status[Message]:
    """A private note for colleagues, never sent to the customer."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    return Status(201, check_add_note(actor, conversation, text=payload.text))


@router.post("/attachments", response={201: UploadOut, ERROR_STATUSES: ErrorResponse})
def upload_attachment(request: HttpRequest, file: File[UploadedFile]) -> Status[Attachment]:
    """Upload a file (multipart field ``file``) for one of your replies: images (JPEG, PNG,
    GIF, WebP) and PDF, recognised by their content, up to 10 MB."""
    attachment = check_upload_attachment(
        request_actor(request), filename=file.name or "", content=file.read()
    )
    return Status(201, attachment)


# Tags and canned replies ----------------------------------------------------------------


@router.get("/conversation-tags", response={200: TagPage, ERROR_STATUSES: ErrorResponse})
def list_tags_endpoint(request: HttpRequest, query: Query[PageQuery]) -> dict[str, object]:
    tags = list_conversation_tags(request_actor(request))
    items, next_cursor = paginate(tags, ordering=("id",), cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.get("/canned-replies", response={200: CannedReplyPage, ERROR_STATUSES: ErrorResponse})
def list_canned_replies_endpoint(
    request: HttpRequest, query: Query[SearchQuery]
) -> dict[str, object]:
    """Canned replies in the order they were created; ``search`` looks in the name, the
    shortcut and the texts, without regard to case or diacritics."""
    replies = list_canned_replies(request_actor(request), search=query.search)
    items, next_cursor = paginate(replies, ordering=("id",), cursor=query.cursor, limit=query.limit)
    return {"items": items, "next_cursor": next_cursor}


@router.post("/canned-replies", response={201: CannedReplyOut, ERROR_STATUSES: ErrorResponse})
def create_canned_reply(request: HttpRequest, payload: CannedReplyIn) -> Status[CannedReply]:
    actor = request_actor(request)
    reply = check_save_canned_reply(
        actor, name=payload.name, shortcut=payload.shortcut, texts=payload.texts
    )
    return Status(201, access_canned_reply(actor, reply.pk))


@router.get(
    "/canned-replies/{reply_id}", response={200: CannedReplyOut, ERROR_STATUSES: ErrorResponse}
)
def get_canned_reply(request: HttpRequest, reply_id: ObjectId) -> CannedReply:
    return access_canned_reply(request_actor(request), reply_id)


@router.put(
    "/canned-replies/{reply_id}", response={200: CannedReplyOut, ERROR_STATUSES: ErrorResponse}
)
def replace_canned_reply(
    request: HttpRequest, reply_id: ObjectId, payload: CannedReplyIn
) -> CannedReply:
    """Replace the name, shortcut and texts; a language left out is removed."""
    actor = request_actor(request)
    reply = access_canned_reply(actor, reply_id)
    check_save_canned_reply(
        actor, reply=reply, name=payload.name, shortcut=payload.shortcut, texts=payload.texts
    )
    return access_canned_reply(actor, reply_id)


@router.delete("/canned-replies/{reply_id}", response={204: None, ERROR_STATUSES: ErrorResponse})
def delete_canned_reply(request: HttpRequest, reply_id: ObjectId) -> Status[None]:
    actor = request_actor(request)
    check_delete_canned_reply(actor, access_canned_reply(actor, reply_id))
    return Status(204, None)


@router.get(
    "/conversations/{conversation_id}/canned-replies/{reply_id}/render",
    response={200: RenderedReplyOut, ERROR_STATUSES: ErrorResponse},
)
def render_canned_reply_endpoint(
    request: HttpRequest, conversation_id: ObjectId, reply_id: ObjectId
) -> dict[str, object]:
    """The reply's text for this conversation: in its language (falling back to the
    store's default), with the customer's, order's and your own details filled in."""
    actor = request_actor(request)
    conversation = access_conversation(actor, conversation_id)
    reply = access_canned_reply(actor, reply_id)
    rendered = render_canned_reply(reply, conversation, agent=actor.user)
    return {"reply_id": reply.pk, "language": rendered.language, "text": rendered.text}


# Customers ------------------------------------------------------------------------------


@router.get(
    "/customers/{customer_id}/conversations",
    response={200: ConversationPage, ERROR_STATUSES: ErrorResponse},
)
def list_customer_conversations_endpoint(
    request: HttpRequest, customer_id: ObjectId, query: Query[PageQuery]
) -> dict[str, object]:
    """The customer's conversations on every channel, resolved ones too, newest first."""
    actor = request_actor(request)
    customer = access_customer(actor, customer_id)
    conversations = list_customer_timeline(actor, customer)
    items, next_cursor = paginate(
        conversations.prefetch_related(None),
        ordering=("-last_message_at", "-id"),
        cursor=query.cursor,
        limit=query.limit,
    )
    return {"items": _conversation_rows(items), "next_cursor": next_cursor}
