"""Every shared read of the website chat: widgets, visitor tokens, identity proofs,
availability, and what a visitor may see."""

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from django.core import signing
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team
from storedesk.accounts.permissions import Permission
from storedesk.accounts.selectors.teams import next_opening, within_working_hours
from storedesk.core.models import Store
from storedesk.customers.models import Customer
from storedesk.inbox.events import MessagePayload
from storedesk.inbox.models import Attachment, Channel, Conversation, Direction
from storedesk.inbox.selectors import (
    get_attachment_by_token,
    get_latest_customer_conversation,
    is_any_agent_online,
    list_messages,
    list_online_team_agents,
    list_unsent_customer_uploads,
    message_payload,
)
from storedesk.livechat.errors import VisitorTokenInvalid, WidgetNotFound
from storedesk.livechat.models import ChatVisitor, ChatWidget, VisitorUpload

_TOKEN_SALT = "storedesk.livechat.visitor"  # noqa: S105  (a namespace, not a secret)
# A browser that comes back within this time finds its conversation again.
TOKEN_MAX_AGE = timedelta(days=180)
_MAX_TOKEN_LENGTH = 600
_VISITOR_KEY = re.compile(r"^[0-9a-f]{32}$")
# How many of the conversation's latest messages a widget loads at once.
VISITOR_HISTORY_LIMIT = 200
# An agent's "typing" lasts this long for a polling widget unless renewed.
TYPING_TTL_SECONDS = 8

Reason = Literal["online", "outside_hours", "no_agent_online"]


@dataclass(frozen=True, slots=True)
class Visitor:
    """Who holds a valid visitor token: a browser, and the customer it proved to be."""

    widget: ChatWidget  # with its store and team loaded
    key: str
    # Set only after an identity proof (the store's HMAC): then the widget may show this
    # customer's chat history. Never set from anything the browser merely claims.
    customer_id: int | None
    language: str

    @property
    def store(self) -> Store:
        return self.widget.store

    @property
    def identified(self) -> bool:
        return self.customer_id is not None

    @property
    def audience(self) -> str:
        """Whose sockets see this visitor's chat: the browser, or every browser of the
        identified customer."""
        return f"c{self.customer_id}" if self.customer_id is not None else self.key


@dataclass(frozen=True, slots=True)
class Availability:
    live: bool
    reason: Reason
    expected_reply: str


# Widgets -------------------------------------------------------------------------------


def get_widget_for_store(store: Store) -> ChatWidget | None:
    """The store's enabled chat widget, or None."""
    return (
        ChatWidget.objects.filter(store=store, enabled=True).select_related("store", "team").first()
    )


def get_widget_by_key(key: str) -> ChatWidget:
    """The enabled widget with this public key."""
    widget = (
        ChatWidget.objects.filter(key=key, enabled=True).select_related("store", "team").first()
        if key.startswith("wk_") and len(key) <= 40
        else None
    )
    if widget is None:
        raise WidgetNotFound("No chat widget has this key, or it is turned off.")
    return widget


def access_widget(actor: Actor) -> ChatWidget | None:
    """The actor's store's widget (enabled or not), for its settings page."""
    actor.require(Permission.MANAGE_STORE)
    return ChatWidget.objects.filter(store=actor.store).select_related("team").first()


def origin_allowed(widget: ChatWidget, origin: str | None) -> bool:
    """Whether a browser on ``origin`` may run the widget. A request without an Origin
    does not come from a web page's script, which is what the list guards against."""
    if not widget.allowed_origins or not origin:
        return True
    return normalize_origin(origin) in widget.allowed_origins


def foreign_origin(origin: str | None, *, host: str | None) -> str | None:
    """``origin``, or None when it is Storedesk's own (``host`` is the request's Host): our
    own pages, such as the chat preview, run the widget whatever the allowed list says."""
    if not origin or not host:
        return origin
    own = origin.split("://", 1)[-1].rstrip("/").lower() == host.strip().lower()
    return None if own else origin


def normalize_origin(origin: str) -> str:
    return origin.strip().rstrip("/").lower()


def widget_language(widget: ChatWidget, requested: str | None) -> str:
    """The store language closest to what the browser asked for ("tr-TR" → "tr")."""
    store = widget.store
    languages = store.languages or [store.default_language]
    if requested:
        wanted = requested.strip().lower()
        for candidate in (wanted, wanted.split("-")[0]):
            for language in languages:
                if language.lower() == candidate:
                    return str(language)
    return store.default_language


def widget_greeting(widget: ChatWidget, language: str) -> str:
    greeting = widget.greeting or {}
    text = greeting.get(language) or greeting.get(widget.store.default_language)
    if text:
        return str(text)
    with translation.override(language):
        return _("Hi! How can we help you today?")


def launcher_label(language: str) -> str:
    with translation.override(language):
        return _("Chat with us")


def widget_strings(language: str) -> dict[str, str]:
    """Every word the widget shows, in ``language``, from the project's catalogues: the
    widget carries none of its own, so translators work in one place. Placeholders are
    ``%(name)s``, which the widget fills in."""
    with translation.override(language):
        return {
            "unread": _("%(count)s unread"),
            "close": _("Close chat"),
            "messages": _("Messages"),
            "placeholder": _("Write a message…"),
            "message": _("Message"),
            "send": _("Send"),
            "attach": _("Attach a file"),
            "remove": _("Remove %(name)s"),
            "you": _("You"),
            "team": _("Our team"),
            "sending": _("Sending…"),
            "queued": _("Will be sent when the connection is back"),
            "failed": _("Not sent"),
            "typing": _("%(name)s is typing…"),
            "reconnecting": _("Connection lost. Reconnecting…"),
            "outside_hours": _("We are outside our opening hours right now."),
            "no_agent_online": _("No one from our team is available right now."),
            "email": _("Email address"),
            "save": _("Save"),
            "email_saved": _("Thank you. We will reply to %(email)s."),
            # Django's own wording, so its catalogues translate it.
            "email_invalid": _("Enter a valid email address."),
            "transcript": _("Email me this conversation"),
            "transcript_sent": _("The conversation is on its way to your inbox."),
            "too_large": _("Files may be up to %(size)s MB."),
            "bad_type": _("Only images (JPEG, PNG, GIF, WebP) and PDF files can be sent."),
            "too_long": _("A message may have at most %(limit)s characters."),
            "too_many": _("A message may carry at most %(limit)d files."),
            "too_fast": _("You are sending messages too fast; wait a moment."),
            "error": _("Something went wrong. Please try again."),
            "uploading": _("Uploading…"),
        }


# Visitor tokens ------------------------------------------------------------------------


def issue_visitor_token(
    widget: ChatWidget, *, key: str, customer_id: int | None, language: str
) -> str:
    """A signed token naming the store, the browser and, once proven, the customer."""
    payload: dict[str, object] = {"s": widget.store_id, "v": key, "l": language}
    if customer_id is not None:
        payload["c"] = customer_id
        payload["h"] = _secret_fingerprint(widget)
    return signing.dumps(payload, salt=_TOKEN_SALT, compress=False)


def read_visitor_token(token: str | None, *, widget: ChatWidget | None = None) -> Visitor:
    """The visitor of a token; a forged, expired or foreign token is VisitorTokenInvalid.

    With ``widget`` (a session start names its key), a token of another store is refused;
    without, the token's store's enabled widget is loaded."""
    if not token or len(token) > _MAX_TOKEN_LENGTH:
        raise VisitorTokenInvalid("Send the visitor token: Authorization: Visitor <token>.")
    try:
        payload = signing.loads(token, salt=_TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature as error:
        raise VisitorTokenInvalid("The visitor token is not valid; start a new session.") from error
    store_id, key, customer_id = payload.get("s"), payload.get("v"), payload.get("c")
    language = payload.get("l")
    if (
        not isinstance(store_id, int)
        or not isinstance(key, str)
        or not _VISITOR_KEY.match(key)
        or not isinstance(language, str)
        or not (customer_id is None or isinstance(customer_id, int))
    ):
        raise VisitorTokenInvalid("The visitor token is not valid; start a new session.")
    if widget is None:
        widget = (
            ChatWidget.objects.filter(store_id=store_id, enabled=True)
            .select_related("store", "team")
            .first()
        )
        if widget is None:
            raise WidgetNotFound("This store's chat is turned off.")
    elif widget.store_id != store_id:
        raise VisitorTokenInvalid("The visitor token belongs to another store.")
    if customer_id is not None and (
        not hmac.compare_digest(str(payload.get("h", "")), _secret_fingerprint(widget))
        or not Customer.objects.filter(store_id=store_id, pk=customer_id).exists()
    ):
        # A new identity secret (rotated after a leak) ends every identified session.
        raise VisitorTokenInvalid("The visitor token has expired; start a new session.")
    return Visitor(widget=widget, key=key, customer_id=customer_id, language=language)


def _secret_fingerprint(widget: ChatWidget) -> str:
    digest = hmac.new(widget.identity_secret.encode(), b"visitor-token", hashlib.sha256)
    return digest.hexdigest()[:16]


# Identity verification ------------------------------------------------------------------


def identity_hmac(secret: str, value: str) -> str:
    """What the store's server computes: HMAC-SHA256(secret, external id or email), hex."""
    return hmac.new(secret.encode(), value.encode(), hashlib.sha256).hexdigest()


def identity_is_valid(
    widget: ChatWidget, *, external_id: str | None, email: str | None, proof: str
) -> bool:
    """Whether ``proof`` is the store's HMAC of the external id (or, without one, the email).
    Compared in constant time, so the proof cannot be guessed byte by byte."""
    value = external_id or email
    if not value:
        return False
    expected = identity_hmac(widget.identity_secret, value)
    return hmac.compare_digest(expected.encode(), proof.strip().lower().encode())


# Availability ---------------------------------------------------------------------------


def get_availability(
    widget: ChatWidget, *, language: str, now: datetime | None = None
) -> Availability:
    """Live chat needs a team member online and the team within its working hours; outside
    them the widget says so and when the team is back."""
    now = now or timezone.now()
    team = widget.team
    with translation.override(language):
        if team is not None and not within_working_hours(team, now):
            return Availability(False, "outside_hours", _back_at_sentence(team, now))
        online = (
            bool(list_online_team_agents(team, now=now))
            if team is not None
            else is_any_agent_online(widget.store, now=now)
        )
        if not online:
            return Availability(
                False,
                "no_agent_online",
                _(
                    "No one from our team is online right now. Leave your email address and "
                    "we will answer there as soon as we can."
                ),
            )
        return Availability(True, "online", _("We usually answer within a few minutes."))


def _back_at_sentence(team: Team, now: datetime) -> str:
    opening = next_opening(team, now)
    if opening is None:
        return _("Our team is away right now. Leave your email address and we will answer there.")
    local_now = now.astimezone(opening.tzinfo)
    values = {"time": time_format(opening.time(), "H:i"), "zone": team.timezone}
    if opening.date() == local_now.date():
        return (
            _(
                "Our team is away right now and back today at %(time)s (%(zone)s time). "
                "Leave your email address and we will answer there."
            )
            % values
        )
    return _(
        "Our team is away right now and back on %(day)s at %(time)s (%(zone)s time). "
        "Leave your email address and we will answer there."
    ) % (values | {"day": str(WEEKDAYS[opening.weekday()])})


# What a visitor sees --------------------------------------------------------------------


def get_visitor_row(visitor: Visitor) -> ChatVisitor | None:
    return (
        ChatVisitor.objects.filter(store=visitor.store, key=visitor.key)
        .select_related("conversation__customer")
        .first()
    )


def get_visitor_conversation(
    visitor: Visitor, *, row: ChatVisitor | None = None
) -> Conversation | None:
    """The chat conversation the visitor's widget shows: an identified customer's latest
    chat; an anonymous browser's own conversation, and nothing else of anyone's. Pass the
    browser's ``row`` (with its conversation loaded) when it is at hand."""
    if visitor.customer_id is not None:
        return get_latest_customer_conversation(
            visitor.store, customer_id=visitor.customer_id, channel=Channel.CHAT
        )
    if row is None:
        row = get_visitor_row(visitor)
    conversation = row.conversation if row is not None else None
    if (
        conversation is None
        or conversation.channel != Channel.CHAT
        or conversation.store_id != visitor.store.pk
    ):
        return None
    return conversation


def list_visitor_messages(
    conversation: Conversation | None, *, after_id: int | None = None
) -> list[MessagePayload]:
    """The conversation's messages for the customer's widget: never a private note."""
    if conversation is None:
        return []
    messages = list_messages(
        conversation, include_notes=False, after_id=after_id, limit=VISITOR_HISTORY_LIMIT
    )
    return [message_payload(message) for message in messages]


def access_visitor_attachment(visitor: Visitor, token: str) -> Attachment | None:
    """The file with this token if the visitor may see it: sent in a conversation their
    widget shows, or uploaded by them and not sent yet."""
    attachment = get_attachment_by_token(visitor.store, token)
    if attachment is None:
        return None
    message = attachment.message
    if message is None:
        owned = VisitorUpload.objects.filter(
            store=visitor.store, attachment=attachment, visitor__key=visitor.key
        ).exists()
        return attachment if owned else None
    if message.direction == Direction.INTERNAL:
        return None
    if visitor.customer_id is not None:
        sent_in = attachment.conversation
        visible = (
            sent_in is not None
            and sent_in.customer_id == visitor.customer_id
            and sent_in.channel == Channel.CHAT
        )
    else:
        shown = get_visitor_conversation(visitor)
        visible = shown is not None and message.conversation_id == shown.pk
    return attachment if visible else None


def list_visitor_uploads(visitor: Visitor, tokens: list[str]) -> list[Attachment]:
    """The visitor's own unsent uploads with these tokens, in the order given."""
    if not tokens:
        return []
    unsent = list_unsent_customer_uploads(visitor.store, tokens)
    own = set(
        VisitorUpload.objects.filter(
            store=visitor.store,
            visitor__key=visitor.key,
            attachment_id__in=[attachment.pk for attachment in unsent],
        ).values_list("attachment_id", flat=True)
    )
    uploads = {attachment.token: attachment for attachment in unsent if attachment.pk in own}
    return [uploads[token] for token in dict.fromkeys(tokens) if token in uploads]


def get_agent_typing(conversation_id: int) -> dict[str, object] | None:
    """Whether an agent is typing in the conversation, for a widget that polls."""
    state = cache.get(typing_cache_key(conversation_id))
    return {"typing": True, "name": str(state)} if state is not None else None


def typing_cache_key(conversation_id: int) -> str:
    return f"livechat:typing:{conversation_id}"
