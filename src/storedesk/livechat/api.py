"""The chat widget's HTTP API at /widget/v1/ (docs/livechat.md): public, CORS-enabled, no
cookies; the visitor token travels in ``Authorization: Visitor <token>``."""

from typing import Annotated, Literal

from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import File, NinjaAPI, Query, Schema
from ninja.files import UploadedFile
from ninja.responses import Status
from ninja.security import APIKeyHeader
from pydantic import Field

from storedesk.core.api import (
    Flag,
    InputSchema,
    JsonObjectParser,
    Text,
    error_response,
    install_error_handlers,
)
from storedesk.core.ratelimit import RateLimited, client_address
from storedesk.inbox.actions.attachments import ALLOWED_ATTACHMENT_TYPES
from storedesk.inbox.events import MessagePayload
from storedesk.inbox.selectors import MESSAGE_LIMITS
from storedesk.livechat.actions import (
    IdentityClaim,
    check_leave_email,
    check_request_transcript,
    check_send_visitor_message,
    check_start_session,
    check_upload_visitor_file,
    check_visitor,
    do_visitor_typing,
)
from storedesk.livechat.errors import FileTooLarge
from storedesk.livechat.middleware import allow_widget_origins
from storedesk.livechat.selectors import (
    Visitor,
    access_visitor_attachment,
    foreign_origin,
    get_agent_typing,
    get_visitor_conversation,
    launcher_label,
    list_visitor_messages,
    widget_greeting,
    widget_strings,
)
from storedesk.search.api import public_router as search_public_router

AUTH_SCHEME = "Visitor "


class VisitorAuth(APIKeyHeader):
    """``Authorization: Visitor <token>``; a missing or bad token is a 401 with the code
    ``visitor_token_invalid``, so the widget knows to start a new session."""

    param_name = "Authorization"
    openapi_name = "visitor"

    def authenticate(self, request: HttpRequest, key: str | None) -> Visitor:
        token = key[len(AUTH_SCHEME) :].strip() if key and key.startswith(AUTH_SCHEME) else None
        visitor = check_visitor(token, origin=_page_origin(request))
        allow_widget_origins(request, visitor.widget.allowed_origins)
        # The rest of the request answers in the widget's language, not the browser's: a
        # refusal (429 and the like) is shown to the shopper as it is.
        translation.activate(visitor.language)
        return visitor


widget_api = NinjaAPI(
    title="Storedesk chat widget API",
    version="1",
    description=(
        "What the website chat widget calls. Start with POST /sessions; send the returned "
        "token as `Authorization: Visitor <token>`. Every error has the body "
        '`{"error": {"code": "...", "message": "...", "details": ...}}`.'
    ),
    auth=VisitorAuth(),
    parser=JsonObjectParser(),
    urls_namespace="widget",
)
install_error_handlers(widget_api)
# Help-center search for the widget (and any page with the widget key).
widget_api.add_router("/", search_public_router, tags=["search"])


@widget_api.exception_handler(RateLimited)
def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = error_response(
        widget_api, request, status=429, code=exc.code, message=exc.message, details=exc.details
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


def _visitor(request: HttpRequest) -> Visitor:
    # django-ninja sets ``auth`` to what VisitorAuth returned.
    visitor = getattr(request, "auth", None)
    assert isinstance(visitor, Visitor)
    return visitor


def _page_origin(request: HttpRequest) -> str | None:
    return foreign_origin(request.headers.get("Origin"), host=request.get_host())


# Schemas -----------------------------------------------------------------------------


class IdentityIn(InputSchema):
    external_id: Annotated[str, Text(120, min_length=1)] | None = None
    email: Annotated[str, Text(254, min_length=3)] | None = None
    name: Annotated[str, Text(200)] | None = None
    hmac: Annotated[str, Text(128, min_length=1)]


class SessionIn(InputSchema):
    key: Annotated[str, Text(40, min_length=1)]
    token: Annotated[str, Text(600)] | None = None
    language: Annotated[str, Text(35)] | None = None
    identity: IdentityIn | None = None


class VisitorOut(Schema):
    name: str | None
    identified: bool


class StoreOut(Schema):
    name: str
    languages: list[str]


class WidgetOut(Schema):
    language: str
    greeting: str
    accent_color: str
    launcher_label: str
    # Every word the widget shows, in its language ("%(name)s" placeholders).
    strings: dict[str, str]


class AvailabilityOut(Schema):
    live: bool
    reason: Literal["online", "outside_hours", "no_agent_online"]
    expected_reply: str


class ConversationOut(Schema):
    id: int
    status: str


class LimitsOut(Schema):
    max_message_length: int
    max_attachment_bytes: int
    max_attachments_per_message: int
    attachment_types: list[str]


class SessionOut(Schema):
    token: str
    visitor: VisitorOut
    store: StoreOut
    widget: WidgetOut
    availability: AvailabilityOut
    conversation: ConversationOut | None
    messages: list[MessagePayload]
    limits: LimitsOut


class TypingOut(Schema):
    typing: bool
    name: str


class MessagesOut(Schema):
    messages: list[MessagePayload]
    typing: TypingOut | None


class PollQuery(Schema):
    after: int = Field(0, ge=0, le=2**63 - 1)


class MessageIn(InputSchema):
    client_id: Annotated[str, Text(64, min_length=1)]
    # Long enough to reach the action, which answers "message_too_long" beyond 10,000.
    text: Annotated[str, Text(4 * MESSAGE_LIMITS.max_message_length)] = ""
    attachments: list[Annotated[str, Text(64, min_length=1)]] = Field(
        default_factory=list, max_length=MESSAGE_LIMITS.max_attachments_per_message
    )


class MessageOut(Schema):
    message: MessagePayload


class UploadOut(Schema):
    token: str
    filename: str
    content_type: str
    size: int


class EmailIn(InputSchema):
    email: Annotated[str, Text(254, min_length=3)]


class EmailOut(Schema):
    email: str


class TranscriptIn(InputSchema):
    email: Annotated[str, Text(254, min_length=3)] | None = None


class TranscriptOut(Schema):
    email: str


class TypingIn(InputSchema):
    typing: Flag


LIMITS = LimitsOut(
    max_message_length=MESSAGE_LIMITS.max_message_length,
    max_attachment_bytes=MESSAGE_LIMITS.max_attachment_bytes,
    max_attachments_per_message=MESSAGE_LIMITS.max_attachments_per_message,
    attachment_types=sorted(ALLOWED_ATTACHMENT_TYPES),
)


# Endpoints ---------------------------------------------------------------------------


@widget_api.post("/sessions", auth=None, response=SessionOut)
def start_session(request: HttpRequest, payload: SessionIn) -> SessionOut:
    identity = (
        IdentityClaim(
            external_id=payload.identity.external_id,
            email=payload.identity.email,
            name=payload.identity.name,
            proof=payload.identity.hmac,
        )
        if payload.identity is not None
        else None
    )
    session = check_start_session(
        key=payload.key,
        token=payload.token,
        language=payload.language,
        identity=identity,
        origin=_page_origin(request),
        client_address=client_address(request),
    )
    widget = session.visitor.widget
    allow_widget_origins(request, widget.allowed_origins)
    language = session.visitor.language
    conversation = session.conversation
    return SessionOut(
        token=session.token,
        visitor=VisitorOut(name=session.visitor_name, identified=session.visitor.identified),
        store=StoreOut(name=widget.store.name, languages=list(widget.store.languages)),
        widget=WidgetOut(
            language=language,
            greeting=widget_greeting(widget, language),
            accent_color=widget.accent_color,
            launcher_label=launcher_label(language),
            strings=widget_strings(language),
        ),
        availability=AvailabilityOut(
            live=session.availability.live,
            reason=session.availability.reason,
            expected_reply=session.availability.expected_reply,
        ),
        conversation=(
            ConversationOut(id=conversation.pk, status=conversation.status)
            if conversation is not None
            else None
        ),
        messages=session.messages,
        limits=LIMITS,
    )


@widget_api.get("/messages", response=MessagesOut)
def poll_messages(request: HttpRequest, query: Query[PollQuery]) -> MessagesOut:
    conversation = get_visitor_conversation(_visitor(request))
    typing = get_agent_typing(conversation.pk) if conversation is not None else None
    return MessagesOut(
        messages=list_visitor_messages(conversation, after_id=query.after or None),
        typing=TypingOut(typing=True, name=str(typing["name"])) if typing else None,
    )


@widget_api.post("/messages", response={200: MessageOut, 201: MessageOut})
def send_message(request: HttpRequest, payload: MessageIn) -> Status[MessageOut]:
    sent = check_send_visitor_message(
        _visitor(request),
        client_id=payload.client_id,
        text=payload.text,
        attachment_tokens=payload.attachments,
        client_address=client_address(request),
    )
    return Status(201 if sent.created else 200, MessageOut(message=sent.message))


@widget_api.post("/attachments", response={201: UploadOut})
def upload_attachment(request: HttpRequest, file: File[UploadedFile]) -> Status[UploadOut]:
    limit = MESSAGE_LIMITS.max_attachment_bytes
    if file.size is not None and file.size > limit:
        # Refused before the file is read into memory.
        raise FileTooLarge(
            _("A file may be at most %(limit)s MB.") % {"limit": limit // (1024 * 1024)},
            details={"size": file.size, "limit": limit},
        )
    attachment = check_upload_visitor_file(
        _visitor(request),
        filename=file.name or "file",
        content=file.read(),
        client_address=client_address(request),
    )
    return Status(
        201,
        UploadOut(
            token=attachment.token,
            filename=attachment.filename,
            content_type=attachment.content_type,
            size=attachment.size,
        ),
    )


@widget_api.get("/attachments/{token}")
def download_attachment(request: HttpRequest, token: str) -> HttpResponseBase:
    attachment = access_visitor_attachment(_visitor(request), token[:64])
    if attachment is None:
        return error_response(
            widget_api, request, status=404, code="not_found", message=_("No such file.")
        )
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=attachment.content_type == "application/pdf",
        filename=attachment.filename,
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@widget_api.post("/email", response=EmailOut)
def leave_email(request: HttpRequest, payload: EmailIn) -> EmailOut:
    return EmailOut(email=check_leave_email(_visitor(request), email=payload.email))


@widget_api.post("/transcript", response={202: TranscriptOut})
def request_transcript(request: HttpRequest, payload: TranscriptIn) -> Status[TranscriptOut]:
    address = check_request_transcript(_visitor(request), email=payload.email)
    return Status(202, TranscriptOut(email=address))


@widget_api.post("/typing", response={204: None})
def typing(request: HttpRequest, payload: TypingIn) -> Status[None]:
    do_visitor_typing(_visitor(request), typing=payload.typing)
    return Status(204, None)
