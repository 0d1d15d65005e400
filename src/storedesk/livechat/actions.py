"""Every write of the website chat. The widget's HTTP API and socket come through here;
messages themselves are stored by the inbox (inbox.actions.messages.do_receive_message)."""

import re
import secrets
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.core.errors import ValidationFailed
from storedesk.core.events import publish_event
from storedesk.core.models import Store
from storedesk.core.ratelimit import RateLimit, check, hit
from storedesk.core.tenancy import check_in_store
from storedesk.customers.actions import (
    CustomerFields,
    do_add_identity,
    do_create_customer,
    do_resolve_customer,
    do_update_customer,
)
from storedesk.customers.models import Customer, CustomerIdentity, IdentityKind
from storedesk.customers.selectors import (
    find_customer,
    find_customer_by_identity,
    normalize_identity,
)
from storedesk.inbox.actions.attachments import do_store_attachment
from storedesk.inbox.actions.common import check_message_text
from storedesk.inbox.actions.conversations import check_merge_customers, do_suggest_customer
from storedesk.inbox.actions.messages import do_receive_message
from storedesk.inbox.events import MessagePayload
from storedesk.inbox.models import Attachment, Channel, Conversation, ConversationStatus
from storedesk.inbox.selectors import (
    MESSAGE_LIMITS,
    get_client_message,
    get_conversation_by_id,
    list_messages,
    message_payload,
)
from storedesk.livechat.errors import (
    EmailRequired,
    IdentityInvalid,
    NoConversation,
    OriginNotAllowed,
)
from storedesk.livechat.events import VisitorConversationEvent
from storedesk.livechat.models import DEFAULT_ACCENT_COLOR, ChatVisitor, ChatWidget, VisitorUpload
from storedesk.livechat.selectors import (
    TYPING_TTL_SECONDS,
    Availability,
    Visitor,
    get_availability,
    get_visitor_conversation,
    get_widget_by_key,
    identity_is_valid,
    issue_visitor_token,
    list_visitor_messages,
    list_visitor_uploads,
    normalize_origin,
    origin_allowed,
    read_visitor_token,
    typing_cache_key,
    widget_language,
)
from storedesk.livechat.tasks import send_transcript
from storedesk.realtime.events import TypingEvent
from storedesk.realtime.publisher import deliver

# Floods are refused per visitor, per client address and per store; the numbers are in
# docs/livechat.md. Per visitor (an identified customer counts once across devices):
MESSAGE_LIMIT = RateLimit("chat-message", limit=20, window=60)
UPLOAD_LIMIT = RateLimit("chat-upload", limit=10, window=60)
TYPING_LIMIT = RateLimit("chat-typing", limit=40, window=60)
EMAIL_LIMIT = RateLimit("chat-email", limit=5, window=3600)
# Transcripts go to any address the visitor types: few, so the widget cannot spam.
TRANSCRIPT_LIMIT = RateLimit("chat-transcript", limit=3, window=3600)
# Per client address, so that a script starting session after session as a new visitor gets
# no further than a few real shoppers behind one office or mobile network would.
SESSION_LIMIT = RateLimit("chat-session", limit=60, window=60)
ADDRESS_VISITOR_LIMIT = RateLimit("chat-address-visitor", limit=20, window=600)
ADDRESS_CONVERSATION_LIMIT = RateLimit("chat-address-conversation", limit=5, window=600)
ADDRESS_MESSAGE_LIMIT = RateLimit("chat-address-message", limit=60, window=60)
ADDRESS_UPLOAD_LIMIT = RateLimit("chat-address-upload", limit=30, window=60)
# Per store, a minute, from settings (CHAT_STORE_NEW_*_PER_MINUTE): however many addresses a
# flood comes from, it opens no more conversations than this, and the inbox stays usable.
STORE_WINDOW = 60

MAX_ALLOWED_ORIGINS = 50
MAX_GREETING_LENGTH = 500
_CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_ORIGIN = re.compile(
    r"^https?://[a-z0-9.-]+(:[0-9]{1,5})?$|^https?://\[[0-9a-f:]+\](:[0-9]{1,5})?$"
)
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class IdentityClaim:
    """A logged-in shopper as the store's page describes them, with the store's proof."""

    external_id: str | None
    email: str | None
    name: str | None
    proof: str


@dataclass(frozen=True, slots=True)
class WidgetSession:
    token: str
    visitor: Visitor
    # Shown only to a proven customer; an anonymous visitor has no name here.
    visitor_name: str | None
    conversation: Conversation | None
    messages: list[MessagePayload]
    availability: Availability


@dataclass(frozen=True, slots=True)
class SentMessage:
    message: MessagePayload
    conversation_id: int
    # False when the same client id was stored before (a resend after a reconnect).
    created: bool


# Widget settings ------------------------------------------------------------------------


def do_create_widget(
    store: Store,
    *,
    team: Team | None = None,
    greeting: Mapping[str, str] | None = None,
    allowed_origins: Sequence[str] = (),
    accent_color: str = DEFAULT_ACCENT_COLOR,
) -> ChatWidget:
    """The store's chat widget, created with a fresh key and identity secret the first
    time; calling it again returns the existing one unchanged."""
    existing = ChatWidget.objects.filter(store=store).first()
    if existing is not None:
        return existing
    return ChatWidget.objects.create(
        store=store,
        key=_new_widget_key(),
        identity_secret=secrets.token_hex(32),
        team=team,
        greeting=dict(greeting or {}),
        allowed_origins=[normalize_origin(origin) for origin in allowed_origins],
        accent_color=accent_color,
    )


def check_create_widget(actor: Actor) -> ChatWidget:
    actor.require(Permission.MANAGE_STORE)
    with transaction.atomic():
        widget = do_create_widget(actor.store)
        actor.audit("chat_widget.created", "chat_widget", widget.pk)
    return widget


def check_update_widget(
    actor: Actor,
    widget: ChatWidget,
    *,
    enabled: bool,
    team_id: int | None,
    allowed_origins: Sequence[str],
    greeting: Mapping[str, str],
    accent_color: str,
) -> ChatWidget:
    """Change the widget's settings; nothing is saved unless every value is valid."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, widget)
    team = None
    if team_id is not None:
        team = Team.objects.filter(store=actor.store, pk=team_id).first()
        if team is None:
            raise ValidationFailed(_("No such team in this store."), details={"team_id": team_id})
    origins = _check_origins(allowed_origins)
    greetings = _check_greeting(actor.store, greeting)
    if not _COLOR.match(accent_color):
        raise ValidationFailed(
            _("The accent colour must look like #2563eb."), details={"accent_color": accent_color}
        )
    with transaction.atomic():
        widget.enabled = enabled
        widget.team = team
        widget.allowed_origins = origins
        widget.greeting = greetings
        widget.accent_color = accent_color.lower()
        widget.save()
        actor.audit(
            "chat_widget.updated", "chat_widget", widget.pk,
            enabled=enabled, team_id=team_id, allowed_origins=origins,
        )  # fmt: skip
    return widget


def check_rotate_identity_secret(actor: Actor, widget: ChatWidget) -> ChatWidget:
    """A new identity secret: proofs made with the old one, and every identified visitor
    session, stop working at once."""
    actor.require(Permission.MANAGE_STORE)
    check_in_store(actor, widget)
    with transaction.atomic():
        widget.identity_secret = secrets.token_hex(32)
        widget.save(update_fields=["identity_secret", "updated_at"])
        actor.audit("chat_widget.secret_rotated", "chat_widget", widget.pk)
    return widget


def _new_widget_key() -> str:
    return "wk_" + secrets.token_urlsafe(18)


def _check_origins(origins: Sequence[str]) -> list[str]:
    cleaned = list(dict.fromkeys(normalize_origin(o) for o in origins if o.strip()))
    if len(cleaned) > MAX_ALLOWED_ORIGINS:
        raise ValidationFailed(
            _("At most %(limit)s origins may be listed.") % {"limit": MAX_ALLOWED_ORIGINS}
        )
    for origin in cleaned:
        if not _ORIGIN.match(origin):
            raise ValidationFailed(
                _(
                    "“%(origin)s” is not an origin such as https://shop.example (scheme, host "
                    "and an optional port, no path)."
                )
                % {"origin": origin},
                details={"origin": origin},
            )
    return cleaned


def _check_greeting(store: Store, greeting: Mapping[str, str]) -> dict[str, str]:
    cleaned = {}
    languages = set(store.languages or [store.default_language])
    for language, text in greeting.items():
        text = text.strip()
        if not text:
            continue
        if language not in languages:
            raise ValidationFailed(
                _("“%(language)s” is not one of the store's languages.") % {"language": language},
                details={"language": language},
            )
        if len(text) > MAX_GREETING_LENGTH:
            raise ValidationFailed(
                _("A greeting may have at most %(limit)s characters.")
                % {"limit": MAX_GREETING_LENGTH},
                details={"language": language},
            )
        cleaned[language] = text
    return cleaned


# Sessions -------------------------------------------------------------------------------


def check_start_session(
    *,
    key: str,
    token: str | None,
    language: str | None,
    identity: IdentityClaim | None,
    origin: str | None,
    client_address: str,
) -> WidgetSession:
    """Start or resume a visitor's chat. A failed identity proof answers nothing at all; a
    proven one opens the customer's chat history, and the visitor's anonymous conversation
    becomes theirs."""
    widget = get_widget_by_key(key)
    if not origin_allowed(widget, origin):
        raise OriginNotAllowed(_("This website may not run the store's chat widget."))
    chosen_language = widget_language(widget, language)
    with translation.override(chosen_language):
        check(SESSION_LIMIT, client_address, message=_too_many("sessions"))
    if identity is not None and not identity_is_valid(
        widget, external_id=identity.external_id, email=identity.email, proof=identity.proof
    ):
        raise IdentityInvalid(
            _(
                "The identity proof does not match: compute it on your server with the "
                "widget's identity secret (see the chat widget settings)."
            )
        )
    previous = read_visitor_token(token, widget=widget) if token else None
    if identity is not None:
        with transaction.atomic():
            customer = _proven_customer(widget.store, identity, language=chosen_language)
            same_browser = previous is not None and previous.customer_id in (None, customer.pk)
            if previous is not None and previous.customer_id is None:
                _adopt_anonymous_customer(previous, customer)
            visitor = Visitor(
                widget=widget,
                key=previous.key if previous is not None and same_browser else _new_visitor_key(),
                customer_id=customer.pk,
                language=chosen_language,
            )
        name: str | None = customer.full_name or None
    elif previous is not None and previous.customer_id is None:
        visitor = replace(previous, language=chosen_language)
        name = None
    else:
        # A new browser, or a proven customer's browser that no longer sends the proof
        # (they logged out of the shop): whoever uses it now starts with an empty chat.
        with translation.override(chosen_language):
            _check_new_visitor(widget.store, client_address)
        visitor = Visitor(
            widget=widget, key=_new_visitor_key(), customer_id=None, language=chosen_language
        )
        name = None
    conversation = get_visitor_conversation(visitor)
    return WidgetSession(
        token=issue_visitor_token(
            widget, key=visitor.key, customer_id=visitor.customer_id, language=chosen_language
        ),
        visitor=visitor,
        visitor_name=name,
        conversation=conversation,
        messages=list_visitor_messages(conversation),
        availability=get_availability(widget, language=chosen_language),
    )


def check_visitor(token: str | None, *, origin: str | None) -> Visitor:
    """The visitor of a request's token, on a website allowed to run the widget."""
    visitor = read_visitor_token(token)
    if not origin_allowed(visitor.widget, origin):
        raise OriginNotAllowed(_("This website may not run the store's chat widget."))
    return visitor


def _new_visitor_key() -> str:
    return uuid.uuid4().hex


def _check_new_visitor(store: Store, client_address: str) -> None:
    """A new anonymous visitor costs nothing stored, but each may write its own messages and
    open its own conversation: how many a store and an address get is limited."""
    _check_address(ADDRESS_VISITOR_LIMIT, store, client_address, _too_many("sessions"))
    check(
        _store_limit("chat-store-visitor", settings.CHAT_STORE_NEW_VISITORS_PER_MINUTE),
        str(store.pk),
        message=_too_many("busy"),
    )


def _proven_customer(store: Store, identity: IdentityClaim, *, language: str) -> Customer:
    """The customer the store vouched for. With an external id, only the external id is
    proven (the email beside it is the browser's word), so it alone finds the customer."""
    if identity.external_id:
        customer = find_customer(store, external_id=identity.external_id)
        if customer is not None:
            return customer
        first_name, _space, last_name = (identity.name or "").strip().partition(" ")
        fields: CustomerFields = {
            "external_id": identity.external_id,
            "first_name": first_name[:120],
            "last_name": last_name.strip()[:120],
            "language": language,
        }
        return do_create_customer(system_actor(store), fields)
    assert identity.email is not None  # identity_is_valid() needs one of the two
    customer, _created = do_resolve_customer(
        store,
        kind=IdentityKind.EMAIL,
        value=identity.email,
        name=identity.name or "",
        language=language,
        verified=True,
    )
    return customer


def _adopt_anonymous_customer(previous: Visitor, customer: Customer) -> None:
    """The browser chatted anonymously, then its shopper logged in: what they wrote
    becomes the proven customer's. Only a customer that is nothing but this browser is
    merged; one an agent has tied to a real person stays as it is."""
    anonymous = find_customer_by_identity(
        previous.store, kind=IdentityKind.VISITOR, value=previous.key
    )
    if anonymous is None or anonymous.pk == customer.pk or anonymous.external_id:
        return
    if CustomerIdentity.objects.filter(customer=anonymous, verified=True).exists():
        return
    check_merge_customers(
        system_actor(previous.store), source_id=anonymous.pk, target_id=customer.pk
    )


# Messages -------------------------------------------------------------------------------


def check_send_visitor_message(
    visitor: Visitor,
    *,
    client_id: str,
    text: str,
    attachment_tokens: Sequence[str] = (),
    client_address: str | None = None,
) -> SentMessage:
    """Store a visitor's message once per client id, in their open chat conversation or a
    new one. Validated and rate-limited before anything is written: per visitor, per
    ``client_address`` (given by the widget's API and socket; in-process callers have none)
    and, for a new conversation, per store."""
    if not _CLIENT_ID.match(client_id):
        raise ValidationFailed(
            _("client_id must be 1 to 64 letters, digits, '-' or '_' (for example a UUID)."),
            details={"client_id": client_id[:80]},
        )
    limit = MESSAGE_LIMITS.max_attachments_per_message
    if len(attachment_tokens) > limit:
        raise ValidationFailed(_("A message may carry at most %(limit)d files.") % {"limit": limit})
    # The inbox's one rule for message text, as for an agent's reply.
    text = check_message_text(text, allow_empty=bool(attachment_tokens))
    store = visitor.store
    with transaction.atomic():
        row = _lock_visitor_row(visitor)
        conversation = get_visitor_conversation(visitor, row=row)
        if conversation is not None:
            duplicate = get_client_message(conversation, client_id)
            if duplicate is not None:
                return SentMessage(message_payload(duplicate), conversation.pk, created=False)
            if conversation.status == ConversationStatus.RESOLVED:
                conversation = None
        check(MESSAGE_LIMIT, f"{store.pk}:{visitor.audience}", message=_too_many("messages"))
        _check_address(ADDRESS_MESSAGE_LIMIT, store, client_address, _too_many("messages"))
        if conversation is None:
            _check_new_conversation(store, client_address)
        uploads = list_visitor_uploads(visitor, list(attachment_tokens))
        if len(uploads) != len(set(attachment_tokens)):
            raise ValidationFailed(
                _("A file to send is unknown or was sent already; upload it again."),
                details={"attachments": list(attachment_tokens)},
            )
        customer = conversation.customer if conversation is not None else _customer_of(visitor)
        received = do_receive_message(
            store,
            channel=Channel.CHAT,
            text=text,
            customer=customer,
            conversation=conversation,
            client_id=client_id,
            language=visitor.language,
            team=visitor.widget.team,
            attachments=uploads,
            duplicates_checked=True,
        )
        if received.conversation.pk != row.conversation_id:
            row.conversation = received.conversation
            row.save(update_fields=["conversation", "updated_at"])
        if conversation is None:  # the message opened a new conversation
            if row.email and visitor.customer_id is None:
                _link_email(store, row, received.conversation, customer)
            publish_event(
                VisitorConversationEvent(
                    store_id=store.pk,
                    audience=visitor.audience,
                    conversation_id=received.conversation.pk,
                )
            )
    return SentMessage(
        message_payload(received.message, uploads),
        received.conversation.pk,
        created=received.created,
    )


def _check_new_conversation(store: Store, client_address: str | None) -> None:
    _check_address(ADDRESS_CONVERSATION_LIMIT, store, client_address, _too_many("chats"))
    check(
        _store_limit("chat-store-conversation", settings.CHAT_STORE_NEW_CONVERSATIONS_PER_MINUTE),
        str(store.pk),
        message=_too_many("busy"),
    )


def _check_address(rule: RateLimit, store: Store, client_address: str | None, message: str) -> None:
    """Count a hit of the client address (within the store) against ``rule``."""
    if client_address is None or not settings.CHAT_ADDRESS_LIMITS:
        return
    check(rule, f"{store.pk}:{client_address}", message=message)


def _store_limit(scope: str, per_minute: int) -> RateLimit:
    return RateLimit(scope, limit=per_minute, window=STORE_WINDOW)


def _lock_visitor_row(visitor: Visitor) -> ChatVisitor:
    """The browser's row, created on its first write and locked, so that two tabs (or a
    resend racing its original) cannot open two conversations."""
    rows = (
        ChatVisitor.objects.select_for_update(of=("self",))
        .select_related("conversation__customer")
        .filter(store=visitor.store, key=visitor.key)
    )
    row = rows.first()
    if row is None:
        ChatVisitor.objects.get_or_create(store=visitor.store, key=visitor.key)
        row = rows.get()
    return row


def _customer_of(visitor: Visitor) -> Customer:
    if visitor.customer_id is not None:
        return Customer.objects.get(store=visitor.store, pk=visitor.customer_id)
    customer, _created = do_resolve_customer(
        visitor.store, kind=IdentityKind.VISITOR, value=visitor.key, language=visitor.language
    )
    return customer


# Attachments ----------------------------------------------------------------------------


def check_upload_visitor_file(
    visitor: Visitor, *, filename: str, content: bytes, client_address: str | None = None
) -> Attachment:
    """Keep a visitor's file until their message sends it (type and size are checked by
    the inbox: images and PDF, read from the content)."""
    check(UPLOAD_LIMIT, f"{visitor.store.pk}:{visitor.audience}", message=_too_many("files"))
    _check_address(ADDRESS_UPLOAD_LIMIT, visitor.store, client_address, _too_many("files"))
    with transaction.atomic():
        row = _lock_visitor_row(visitor)
        conversation = get_visitor_conversation(visitor, row=row)
        if conversation is not None and conversation.status == ConversationStatus.RESOLVED:
            conversation = None
        attachment = do_store_attachment(
            visitor.store, filename=filename, content=content, conversation=conversation
        )
        VisitorUpload.objects.create(store=visitor.store, visitor=row, attachment=attachment)
    return attachment


# Email and transcripts ------------------------------------------------------------------


def check_leave_email(visitor: Visitor, *, email: str) -> str:
    """The address a visitor leaves for the answer. It becomes an unproven address of their
    customer, unless another customer has it: then an agent is pointed at that customer,
    and nothing is merged without them."""
    address = normalize_identity(visitor.store, IdentityKind.EMAIL, email)
    check(EMAIL_LIMIT, f"{visitor.store.pk}:{visitor.audience}", message=_too_many("addresses"))
    with transaction.atomic():
        row = _lock_visitor_row(visitor)
        row.email = address
        row.save(update_fields=["email", "updated_at"])
        if visitor.customer_id is None:
            conversation = get_visitor_conversation(visitor, row=row)
            customer = conversation.customer if conversation is not None else _customer_of(visitor)
            _link_email(visitor.store, row, conversation, customer)
    return address


def _link_email(
    store: Store, row: ChatVisitor, conversation: Conversation | None, customer: Customer
) -> None:
    owner = find_customer_by_identity(
        store, kind=IdentityKind.EMAIL, value=row.email
    ) or find_customer(store, email=row.email)
    if owner is None:
        do_add_identity(customer, kind=IdentityKind.EMAIL, value=row.email, verified=False)
        if not customer.email:
            do_update_customer(system_actor(store), customer, {"email": row.email})
    elif owner.pk != customer.pk and conversation is not None:
        do_suggest_customer(conversation, owner)


def check_request_transcript(visitor: Visitor, *, email: str | None) -> str:
    """Queue an email of the visitor's conversation to ``email``, or to the address they
    left before (a proven customer's own address otherwise)."""
    if email:
        address = normalize_identity(visitor.store, IdentityKind.EMAIL, email)
    else:
        row = ChatVisitor.objects.filter(store=visitor.store, key=visitor.key).first()
        address = row.email if row is not None else ""
        if not address and visitor.customer_id is not None:
            customer = Customer.objects.get(store=visitor.store, pk=visitor.customer_id)
            address = customer.email or ""
        if not address:
            raise EmailRequired(_("Give the email address the transcript should go to."))
    conversation = get_visitor_conversation(visitor)
    if conversation is None:
        raise NoConversation(_("There is no conversation to send yet."))
    check(
        TRANSCRIPT_LIMIT, f"{visitor.store.pk}:{visitor.audience}", message=_too_many("transcripts")
    )
    conversation_id, language = conversation.pk, visitor.language
    with transaction.atomic():
        transaction.on_commit(
            lambda: send_transcript.enqueue(
                conversation_id=conversation_id, email=address, language=language
            )
        )
    return address


def do_send_transcript(*, conversation_id: int, email: str, language: str) -> bool:
    """Email the conversation's messages (never its notes); False when it no longer exists."""
    conversation = get_conversation_by_id(conversation_id)
    if conversation is None:
        return False
    store = conversation.store
    with translation.override(language):
        subject = _("Your conversation with %(store)s") % {"store": store.name}
        body = render_to_string(
            "livechat/transcript_email.txt",
            {
                "store": store,
                "messages": list_messages(conversation, include_notes=False),
                "zone": store.timezone,
            },
        )
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [email]).send()
    return True


# Typing ---------------------------------------------------------------------------------


def do_visitor_typing(
    visitor: Visitor, *, typing: bool, conversation: Conversation | None = None
) -> None:
    """Tell the agents the visitor is typing (or stopped). Too many signals are dropped
    quietly: typing is a courtesy, not a message."""
    if not hit(TYPING_LIMIT, f"{visitor.store.pk}:{visitor.audience}").allowed:
        return
    conversation = conversation or get_visitor_conversation(visitor)
    if conversation is None:
        return
    # Nothing is stored, so nothing waits for a commit.
    deliver(
        TypingEvent(
            store_id=visitor.store.pk,
            conversation_id=conversation.pk,
            who="customer",
            name=str(conversation.customer),
            typing=typing,
        )
    )


def do_record_agent_typing(*, conversation_id: int, name: str, typing: bool) -> None:
    """Remember that an agent is typing, for widgets that poll instead of holding a socket."""
    if typing:
        cache.set(typing_cache_key(conversation_id), name, timeout=TYPING_TTL_SECONDS)
    else:
        cache.delete(typing_cache_key(conversation_id))


def _too_many(what: str) -> str:
    return {
        "messages": _("You are sending messages too fast; wait a moment."),
        "sessions": _("Too many chat sessions from this address; wait a moment."),
        "chats": _("Too many new chats from this address; try again in a few minutes."),
        "busy": _("We are receiving a lot of chats right now; try again in a few minutes."),
        "files": _("You are sending files too fast; wait a moment."),
        "addresses": _("Too many email addresses; try again later."),
        "transcripts": _("Too many transcripts were requested; try again later."),
    }[what]
