"""The chat widget's HTTP API at /widget/v1/ (docs/livechat.md): public, CORS-enabled, no
cookies; the visitor token travels in ``Authorization: Visitor <token>``."""

from typing import Literal

from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from ninja import File, NinjaAPI, Query, Schema
from ninja.files import UploadedFile
from ninja.responses import Status
from ninja.security import APIKeyHeader
from pydantic import Field

from storedesk.core.api import Text, error_response, install_error_handlers
from storedesk.core.ratelimit import RateLimited
from storedesk.inbox.actions.attachments import ALLOWED_ATTACHMENT_TYPES
from storedesk.inbox.events import MessagePayload
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_PER_MESSAGE,
    MAX_MESSAGE_LENGTH,
)
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
from storedesk.livechat.selectors import (
    Visitor,
    access_visitor_attachment,
    foreign_origin,
    get_agent_typing,
    get_visitor_conversation,
    launcher_label,
    list_visitor_messages,
    widget_greeting,
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
        _allow_origins(request, visitor.widget.allowed_origins)
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
    visitor = request.auth  # type: ignore[attr-defined]
    assert isinstance(visitor, Visitor)
    return visitor


def _page_origin(request: HttpRequest) -> str | None:
    return foreign_origin(request.headers.get("Origin"), host=request.get_host())


def _allow_origins(request: HttpRequest, origins: list[str]) -> None:
    # Read by livechat.middleware: answers name the caller's origin only when the widget
    # restricts where it runs.
    request.widget_allowed_origins = origins  # type: ignore[attr-defined]


# Schemas -----------------------------------------------------------------------------


class IdentityIn(Schema):
    external_id: Text(120, min_length=1) | None = None  # type: ignore[valid-type]
    email: Text(254, min_length=3) | None = None  # type: ignore[valid-type]
    name: Text(200) | None = None  # type: ignore[valid-type]
    hmac: Text(128, min_length=1)  # type: ignore[valid-type]


class SessionIn(Schema):
    key: Text(40, min_length=1)  # type: ignore[valid-type]
    token: Text(600) | None = None  # type: ignore[valid-type]
    language: Text(35) | None = None  # type: ignore[valid-type]
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


class MessageIn(Schema):
    client_id: Text(64, min_length=1)  # type: ignore[valid-type]
    # Long enough to reach the action, which answers "message_too_long" beyond 10,000.
    text: Text(4 * MAX_MESSAGE_LENGTH) = ""  # type: ignore[valid-type]
    attachments: list[Text(64, min_length=1)] = Field(  # type: ignore[valid-type]
        default_factory=list, max_length=MAX_ATTACHMENTS_PER_MESSAGE
    )


class MessageOut(Schema):
    message: MessagePayload


class UploadOut(Schema):
    token: str
    filename: str
    content_type: str
    size: int


class EmailIn(Schema):
    email: Text(254, min_length=3)  # type: ignore[valid-type]


class EmailOut(Schema):
    email: str


class TranscriptIn(Schema):
    email: Text(254, min_length=3) | None = None  # type: ignore[valid-type]


class TranscriptOut(Schema):
    email: str


class TypingIn(Schema):
    typing: bool


LIMITS = LimitsOut(
    max_message_length=MAX_MESSAGE_LENGTH,
    max_attachment_bytes=MAX_ATTACHMENT_BYTES,
    max_attachments_per_message=MAX_ATTACHMENTS_PER_MESSAGE,
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
        client_address=request.META.get("REMOTE_ADDR", ""),
    )
    widget = session.visitor.widget
    _allow_origins(request, widget.allowed_origins)
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
    )
    return Status(201 if sent.created else 200, MessageOut(message=sent.message))


@widget_api.post("/attachments", response={201: UploadOut})
def upload_attachment(request: HttpRequest, file: File[UploadedFile]) -> Status[UploadOut]:
    if file.size is not None and file.size > MAX_ATTACHMENT_BYTES:
        # Refused before the file is read into memory.
        raise FileTooLarge(
            f"A file may have at most {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MB.",
            details={"size": file.size, "limit": MAX_ATTACHMENT_BYTES},
        )
    attachment = check_upload_visitor_file(
        _visitor(request), filename=file.name or "file", content=file.read()
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
            widget_api, request, status=404, code="not_found", message="No such file."
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
