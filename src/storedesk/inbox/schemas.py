"""Typed input and output of the inbox REST API."""

from datetime import datetime
from typing import Annotated, Any, Literal, Self

from ninja import Field, Schema
from ninja.schema import DjangoGetter
from pydantic import ModelWrapValidatorHandler, ValidationInfo, model_validator

from storedesk.core.api import InputSchema, ObjectId, PageQuery, Text, Timestamp
from storedesk.customers.models import IdentityKind
from storedesk.customers.schemas import CustomerOut
from storedesk.inbox.actions.conversations import MAX_TAGS
from storedesk.inbox.models import (
    MAX_ATTACHMENTS_PER_MESSAGE,
    MAX_MESSAGE_LENGTH,
    CannedReply,
    CannedReplyText,
    Channel,
    Conversation,
    ConversationStatus,
    Priority,
)
from storedesk.inbox.selectors import InboxView, Sort, list_conversation_orders

MAX_ORDER_IDS = 100
MAX_HTML_LENGTH = 200_000
# Attachment tokens are 43 characters; a little room for the future.
AttachmentToken = Annotated[str, Text(64, min_length=1)]


class ConversationQuery(PageQuery):
    view: InboxView = Field(
        InboxView.ALL,
        description="mine and teams need a staff member's session, not an API token.",
    )
    status: ConversationStatus | None = Field(
        None, description="Without a status, every conversation but the resolved ones."
    )
    channel: Channel | None = None
    tag: Annotated[str, Text(60)] = ""
    language: Annotated[str, Text(8)] = ""
    priority: Priority | None = None
    assignee_id: ObjectId | None = None
    team_id: ObjectId | None = None
    customer_id: ObjectId | None = None
    search: Annotated[str, Text(200)] = Field(
        "", description="Words in the customer's name, email or phone, or in one message."
    )
    sort: Sort = Field(
        Sort.NEWEST,
        description="newest or oldest last message first; waiting: awaiting our answer, "
        "longest first (only conversations that are waiting).",
    )


class MessageFilters(PageQuery):
    order: Literal["oldest", "newest"] = Field(
        "oldest",
        description="oldest: the thread from its start; newest: the latest messages first.",
    )


class SearchQuery(PageQuery):
    search: Annotated[str, Text(200)] = ""


class RowSchema(Schema):
    """An output schema that also takes a row already made of plain values (a list built
    by the endpoint) and validates it directly: going through the attribute lookups and
    resolvers meant for model objects cost more than the query behind the page."""

    @model_validator(mode="wrap")
    @classmethod
    def _run_root_validator(
        cls, values: Any, handler: ModelWrapValidatorHandler[Any], info: ValidationInfo
    ) -> Any:
        if isinstance(values, dict):
            return handler(values)
        return handler(DjangoGetter(values, cls, info.context))


class CustomerRefOut(RowSchema):
    id: int
    name: str
    email: str | None


class ConversationOut(RowSchema):
    id: int
    customer: CustomerRefOut
    channel: Channel
    status: ConversationStatus
    priority: Priority
    assignee_id: int | None
    team_id: int | None
    tags: list[str]
    language: str
    subject: str
    last_message_at: datetime
    last_message_preview: str
    message_count: int
    waiting_since: datetime | None
    first_response_at: datetime | None
    resolved_at: datetime | None
    snoozed_until: datetime | None
    created_at: datetime

    @staticmethod
    def resolve_customer(obj: Conversation) -> object:
        customer = obj.customer
        return {"id": customer.pk, "name": str(customer), "email": customer.email}

    @staticmethod
    def resolve_tags(obj: Conversation) -> list[str]:
        return sorted(tag.name for tag in obj.tags.all())


class ConversationDetailOut(ConversationOut):
    # The whole customer in place of the list's reference: a different shape by design.
    customer: CustomerOut  # type: ignore[assignment]
    suggested_customer_id: int | None
    external_thread_id: str | None
    order_ids: list[int]

    @staticmethod
    def resolve_customer(obj: Conversation) -> object:
        return obj.customer

    @staticmethod
    def resolve_order_ids(obj: Conversation) -> list[int]:
        return [order.pk for order in list_conversation_orders(obj)]


class ConversationPage(Schema):
    items: list[ConversationOut]
    next_cursor: str | None


class ConversationPatch(InputSchema):
    """Only the fields present are changed; a bad value in any of them changes nothing."""

    status: ConversationStatus | None = None
    snoozed_until: Timestamp | None = Field(
        None, description='With status "snoozed": when the conversation reopens (future).'
    )
    priority: Priority | None = None
    subject: Annotated[str, Text(300)] | None = None
    language: Annotated[str, Text(8, min_length=2)] | None = None
    tags: list[Annotated[str, Text(60)]] | None = Field(
        None, max_length=MAX_TAGS, description="Replaces the tags; unknown names become tags."
    )


class AssignmentIn(InputSchema):
    """Absent fields are left as they are; null clears."""

    assignee_id: ObjectId | None = None
    team_id: ObjectId | None = None

    @model_validator(mode="after")
    def _names_something(self) -> Self:
        if not self.model_fields_set:
            raise ValueError("send assignee_id, team_id or both (null clears one)")
        return self


class OrderLinksIn(InputSchema):
    order_ids: list[ObjectId] = Field(min_length=1, max_length=MAX_ORDER_IDS)


class AttachmentOut(Schema):
    token: str
    filename: str
    content_type: str
    size: int


class MessageOut(Schema):
    id: int
    conversation_id: int
    direction: str = Field(description="inbound, outbound, or internal (a private note)")
    author_type: str
    author_user_id: int | None
    author_name: str
    text: str
    html: str
    channel: Channel
    external_id: str | None
    client_id: str | None
    delivery_status: str
    failure_reason: str
    created_at: datetime
    attachments: list[AttachmentOut]


class MessagePage(Schema):
    items: list[MessageOut]
    next_cursor: str | None


class ReplyIn(InputSchema):
    text: Annotated[str, Text(MAX_MESSAGE_LENGTH)] = Field(
        "", description=f"Up to {MAX_MESSAGE_LENGTH} characters; may be empty with attachments."
    )
    attachments: list[AttachmentToken] = Field(
        default_factory=list,
        max_length=MAX_ATTACHMENTS_PER_MESSAGE,
        description="Tokens of your own uploads (POST /attachments).",
    )
    client_id: Annotated[str, Text(64, min_length=1)] | None = Field(
        None, description="Your id for this message: sending it again returns the stored one."
    )


class NoteIn(InputSchema):
    text: Annotated[str, Text(MAX_MESSAGE_LENGTH, min_length=1)] = Field(
        description="@name or @email mentions notify those colleagues."
    )


class SenderIn(InputSchema):
    kind: IdentityKind = Field(
        description="How the channel knows the customer: email, phone, marketplace, "
        "external (your own id), … (not visitor, the chat widget's own)."
    )
    value: Annotated[str, Text(254, min_length=1)]
    name: Annotated[str, Text(200)] = ""


class InboundIn(InputSchema):
    channel: Channel = Field(description="Any channel but chat, which is the widget's.")
    sender: SenderIn
    text: Annotated[str, Text(MAX_MESSAGE_LENGTH, min_length=1)]
    html: Annotated[str, Text(MAX_HTML_LENGTH)] = Field(
        "", description="Optional formatted version; sanitised when stored."
    )
    subject: Annotated[str, Text(300)] = ""
    external_id: Annotated[str, Text(300, min_length=1)] | None = Field(
        None, description="Your id of the message: sending it again stores nothing new."
    )
    external_thread_id: Annotated[str, Text(300, min_length=1)] | None = Field(
        None, description="Your id of the thread: later messages with it join the conversation."
    )
    language: Annotated[str, Text(8, min_length=2)] | None = None


class InboundOut(Schema):
    message: MessageOut
    conversation: ConversationOut


class UploadOut(Schema):
    token: str
    filename: str
    content_type: str
    size: int


class TagOut(Schema):
    id: int
    name: str
    color: str


class TagPage(Schema):
    items: list[TagOut]
    next_cursor: str | None


class CannedReplyIn(InputSchema):
    name: Annotated[str, Text(120, min_length=1)]
    shortcut: Annotated[str, Text(40, min_length=1)] = Field(
        description="Lower-case letters, digits, '-' and '_'; unique in the store."
    )
    texts: dict[Annotated[str, Text(8, min_length=2)], Annotated[str, Text(MAX_MESSAGE_LENGTH)]] = (
        Field(
            min_length=1,
            max_length=30,
            description="The text per language, with variables such as {{ customer.first_name }}.",
        )
    )


class CannedReplyOut(Schema):
    id: int
    name: str
    shortcut: str
    texts: dict[str, str]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_texts(obj: CannedReply) -> dict[str, str]:
        return {text.language: text.body for text in sorted(obj.texts.all(), key=_language)}


def _language(text: CannedReplyText) -> str:
    return text.language


class CannedReplyPage(Schema):
    items: list[CannedReplyOut]
    next_cursor: str | None


class RenderedReplyOut(Schema):
    reply_id: int
    language: str
    text: str
