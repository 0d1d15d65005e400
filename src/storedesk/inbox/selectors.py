"""Every shared read of the inbox: conversations, messages, canned replies, presence."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Permission, Role
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.text import search_key
from storedesk.customers.models import Customer
from storedesk.inbox.events import AttachmentPayload, ConversationSummary, MessagePayload
from storedesk.inbox.models import (
    AgentStatus,
    Attachment,
    CannedReply,
    CannedReplyText,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Direction,
    Message,
    Presence,
)
from storedesk.orders.models import Order, Shipment

# An agent whose inbox has not checked in for this long is offline, whatever they chose.
PRESENCE_TIMEOUT = timedelta(seconds=90)


class InboxView(StrEnum):
    MINE = "mine"
    UNASSIGNED = "unassigned"
    TEAMS = "teams"  # the teams the agent belongs to
    ALL = "all"


class Sort(StrEnum):
    NEWEST = "newest"
    OLDEST = "oldest"
    WAITING = "waiting"  # awaiting our answer, longest first


SORT_ORDERINGS: dict[Sort, tuple[str, ...]] = {
    Sort.NEWEST: ("-last_message_at", "-id"),
    Sort.OLDEST: ("last_message_at", "id"),
    Sort.WAITING: ("waiting_since", "id"),
}


@dataclass(frozen=True, slots=True)
class ConversationFilters:
    view: InboxView = InboxView.ALL
    status: str = ""  # "" means every status but resolved
    channel: str = ""
    tag: str = ""
    language: str = ""
    priority: str = ""
    assignee_id: int | None = None
    team_id: int | None = None
    customer_id: int | None = None
    search: str = ""
    sort: Sort = Sort.NEWEST


def access_conversation(actor: Actor, conversation_id: int) -> Conversation:
    """The actor's store's conversation with this id; another store's id is not found."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    conversation = (
        Conversation.objects.filter(store=actor.store, pk=conversation_id)
        .select_related("customer", "assignee", "team", "suggested_customer")
        .prefetch_related("tags")
        .first()
    )
    if conversation is None:
        raise NotFound("No such conversation.", details={"conversation_id": conversation_id})
    return conversation


def list_conversations(actor: Actor, filters: ConversationFilters) -> QuerySet[Conversation]:
    """The actor's store's conversations matching ``filters``, in the sort's order."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    if filters.view in {InboxView.MINE, InboxView.TEAMS} and actor.user is None:
        # An API token is nobody: "mine" would silently mean "unassigned".
        raise ValidationFailed(
            f"The view {filters.view.value!r} needs a staff member; an API token may use "
            "'all' or 'unassigned' with assignee_id or team_id.",
            details={"view": filters.view.value},
        )
    conversations = Conversation.objects.filter(store=actor.store)
    if filters.view == InboxView.MINE:
        conversations = conversations.filter(assignee=actor.user)
    elif filters.view == InboxView.UNASSIGNED:
        conversations = conversations.filter(assignee__isnull=True)
    elif filters.view == InboxView.TEAMS:
        conversations = conversations.filter(team__in=_team_ids(actor))
    if filters.status:
        conversations = conversations.filter(status=filters.status)
    else:
        conversations = conversations.exclude(status=ConversationStatus.RESOLVED)
    if filters.sort == Sort.WAITING:
        conversations = conversations.filter(waiting_since__isnull=False)
    for name in ("channel", "language", "priority"):
        if value := getattr(filters, name):
            conversations = conversations.filter(**{name: value})
    if filters.assignee_id is not None:
        conversations = conversations.filter(assignee_id=filters.assignee_id)
    if filters.team_id is not None:
        conversations = conversations.filter(team_id=filters.team_id)
    if filters.customer_id is not None:
        conversations = conversations.filter(customer_id=filters.customer_id)
    if filters.tag:
        tagged = ConversationTag.objects.filter(store=actor.store, key=search_key(filters.tag))
        conversations = conversations.filter(tags__in=tagged)
    if filters.search:
        conversations = conversations.filter(_search_condition(actor.store, filters.search))
    return conversations.select_related("customer").prefetch_related("tags")


def _team_ids(actor: Actor) -> list[int]:
    if actor.user is None:
        return []
    return list(
        Team.objects.filter(store=actor.store, members=actor.user).values_list("pk", flat=True)
    )


def _search_condition(store: Store, text: str) -> Q:
    """Every word of ``text`` in the customer's name or address, or in one message."""
    words = search_key(text).split()[:8]
    if not words:
        return Q()
    customer_match = Q()
    message_match = Q()
    for word in words:
        customer_match &= Q(customer__search_key__contains=word)
        message_match &= Q(search_key__contains=word)
    matching_messages = Message.objects.filter(
        message_match, store=store, conversation=OuterRef("pk")
    )
    return Q(customer_match | Exists(matching_messages))


def list_messages(
    conversation: Conversation,
    *,
    include_notes: bool,
    after_id: int | None = None,
    limit: int | None = None,
) -> list[Message]:
    """The conversation's messages in order, with their attachments; the newest ``limit``
    when given. Customers' clients pass ``include_notes=False``."""
    messages = Message.objects.filter(store_id=conversation.store_id, conversation=conversation)
    if not include_notes:
        messages = messages.exclude(direction=Direction.INTERNAL)
    if after_id is not None:
        messages = messages.filter(pk__gt=after_id)
    messages = messages.select_related("author_user").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )
    if limit is not None:
        return list(reversed(messages.order_by("-created_at", "-id")[:limit]))
    return list(messages.order_by("created_at", "id"))


def list_customer_conversations(
    customer: Customer, *, exclude_id: int | None = None, limit: int = 20
) -> list[Conversation]:
    """The customer's conversations on every channel, newest first: one timeline."""
    conversations = Conversation.objects.filter(store_id=customer.store_id, customer=customer)
    if exclude_id is not None:
        conversations = conversations.exclude(pk=exclude_id)
    return list(conversations.order_by("-last_message_at", "-id")[:limit])


def list_conversation_orders(conversation: Conversation) -> list[Order]:
    return list(
        conversation.orders.filter(store_id=conversation.store_id).order_by("-placed_at", "-id")
    )


def list_conversation_tags(actor: Actor) -> QuerySet[ConversationTag]:
    actor.require(Permission.VIEW_CONVERSATIONS)
    return ConversationTag.objects.filter(store=actor.store)


def conversation_summary(conversation: Conversation) -> ConversationSummary:
    """The list-row view of a conversation; tags should be prefetched."""
    customer = conversation.customer
    return ConversationSummary(
        id=conversation.pk,
        customer_id=conversation.customer_id,
        customer_name=str(customer),
        channel=conversation.channel,
        status=conversation.status,
        priority=conversation.priority,
        assignee_id=conversation.assignee_id,
        team_id=conversation.team_id,
        language=conversation.language,
        subject=conversation.subject,
        last_message_at=conversation.last_message_at,
        last_message_preview=conversation.last_message_preview,
        waiting_since=conversation.waiting_since,
        tags=tuple(sorted(tag.name for tag in conversation.tags.all())),
    )


def message_payload(
    message: Message, attachments: Iterable[Attachment] | None = None
) -> MessagePayload:
    """A message as clients render it; pass ``attachments`` to avoid a query."""
    if attachments is None:
        attachments = message.attachments.all()
    return MessagePayload(
        id=message.pk,
        conversation_id=message.conversation_id,
        direction=message.direction,  # type: ignore[arg-type]
        author_type=message.author_type,  # type: ignore[arg-type]
        author_name=message.author_name,
        text=message.text,
        html=message.html,
        channel=message.channel,
        client_id=message.client_id,
        delivery_status=message.delivery_status,
        created_at=message.created_at,
        attachments=tuple(
            AttachmentPayload(
                token=a.token, filename=a.filename, content_type=a.content_type, size=a.size
            )
            for a in attachments
        ),
    )


def access_attachment(actor: Actor, token: str) -> Attachment:
    actor.require(Permission.VIEW_CONVERSATIONS)
    attachment = Attachment.objects.filter(store=actor.store, token=token).first()
    if attachment is None:
        raise NotFound("No such attachment.")
    return attachment


# Canned replies ------------------------------------------------------------------------


def list_canned_replies(actor: Actor, *, search: str = "") -> QuerySet[CannedReply]:
    actor.require(Permission.VIEW_CONVERSATIONS)
    replies = CannedReply.objects.filter(store=actor.store).prefetch_related(
        Prefetch("texts", queryset=CannedReplyText.objects.order_by("language"))
    )
    for word in search_key(search).split():
        replies = replies.filter(Q(name__icontains=word) | Q(shortcut__icontains=word))
    return replies.order_by("name", "id")


def access_canned_reply(actor: Actor, reply_id: int) -> CannedReply:
    actor.require(Permission.VIEW_CONVERSATIONS)
    reply = (
        CannedReply.objects.filter(store=actor.store, pk=reply_id).prefetch_related("texts").first()
    )
    if reply is None:
        raise NotFound("No such canned reply.", details={"canned_reply_id": reply_id})
    return reply


# The variables a canned reply may use. Anything else in {{ }} is refused when saved.
REPLY_VARIABLES = (
    "customer.first_name",
    "customer.last_name",
    "customer.name",
    "customer.email",
    "order.number",
    "order.status",
    "order.tracking_url",
    "order.tracking_number",
    "order.carrier",
    "agent.name",
    "agent.first_name",
    "store.name",
)
REPLY_VARIABLE_PATTERN = re.compile(r"\{\{\s*([a-z_]+(?:\.[a-z_]+)*)\s*\}\}")


def pick_reply_text(reply: CannedReply, language: str, store: Store) -> CannedReplyText | None:
    """The reply's text in ``language``, else in the store's default language, else any."""
    texts = {text.language: text for text in reply.texts.all()}
    return (
        texts.get(language)
        or texts.get(store.default_language)
        or next(iter(sorted(texts.items())), (None, None))[1]
    )


def render_reply_template(body: str, variables: Mapping[str, str]) -> str:
    """Fill ``{{ name }}`` placeholders with plain text values; unknown ones become empty.

    The result is plain text: it is escaped wherever it is shown, so a customer's name
    can never inject markup, and nothing in a reply is evaluated as code."""
    return REPLY_VARIABLE_PATTERN.sub(lambda match: variables.get(match.group(1), ""), body)


def reply_variables(conversation: Conversation, *, agent: User | None) -> dict[str, str]:
    """The values of REPLY_VARIABLES for a reply in ``conversation``."""
    customer = conversation.customer
    store = conversation.store
    variables = {
        "customer.first_name": customer.first_name,
        "customer.last_name": customer.last_name,
        "customer.name": customer.full_name,
        "customer.email": customer.email or "",
        "store.name": store.name,
        "agent.name": agent.name if agent is not None else "",
        "agent.first_name": agent.name.split(" ")[0] if agent is not None else "",
    }
    order = _reply_order(conversation)
    if order is not None:
        variables["order.number"] = order.number
        variables["order.status"] = order.fulfillment_status
        shipment = (
            Shipment.objects.filter(store_id=order.store_id, order=order)
            .order_by("-created_at", "-id")
            .first()
        )
        if shipment is not None:
            variables["order.tracking_url"] = shipment.tracking_url
            variables["order.tracking_number"] = shipment.tracking_number
            variables["order.carrier"] = shipment.carrier
    return variables


def _reply_order(conversation: Conversation) -> Order | None:
    """The order a reply is most likely about: the latest linked one, else the latest placed."""
    linked = conversation.orders.filter(store_id=conversation.store_id).order_by("-placed_at")
    order = linked.first()
    if order is None:
        order = (
            Order.objects.filter(store_id=conversation.store_id, customer=conversation.customer)
            .order_by("-placed_at", "-id")
            .first()
        )
    return order


# Presence and assignment -------------------------------------------------------------


def effective_presence(status: AgentStatus | None, *, now: datetime | None = None) -> Presence:
    """What an agent's chosen presence means now: silent for too long counts as offline."""
    if status is None or status.last_seen_at is None:
        return Presence.OFFLINE
    if (now or timezone.now()) - status.last_seen_at > PRESENCE_TIMEOUT:
        return Presence.OFFLINE
    return Presence(status.presence)


def list_agent_statuses(store: Store) -> dict[int, AgentStatus]:
    return {status.user_id: status for status in AgentStatus.objects.filter(store=store)}


def list_assignable_agents(store: Store) -> QuerySet[User]:
    """Staff who may be given conversations: members whose role may reply."""
    roles = [
        role.value for role in Role if Permission.REPLY_CONVERSATIONS in ROLE_PERMISSIONS[role]
    ]
    members = Membership.objects.filter(store=store, role__in=roles).values("user_id")
    return User.objects.filter(pk__in=members, is_active=True).order_by("name", "id")


def list_online_team_agents(team: Team, *, now: datetime | None = None) -> list[AgentStatus]:
    """The team's agents who are online now, least recently assigned first."""
    now = now or timezone.now()
    assignable = list_assignable_agents(team.store).filter(teams=team).values("pk")
    statuses = AgentStatus.objects.filter(
        store_id=team.store_id,
        user__in=assignable,
        presence=Presence.ONLINE,
        last_seen_at__gte=now - PRESENCE_TIMEOUT,
    )
    return sorted(
        statuses, key=lambda s: (s.last_assigned_at is not None, s.last_assigned_at, s.user_id)
    )


def count_open_conversations(store: Store, user_ids: list[int]) -> dict[int, int]:
    """How many unresolved conversations each of these agents holds."""
    counts = dict.fromkeys(user_ids, 0)
    rows = (
        Conversation.objects.filter(store=store, assignee_id__in=user_ids)
        .exclude(status=ConversationStatus.RESOLVED)
        .values("assignee_id")
        .annotate(open=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["assignee_id"]] = row["open"]
    return counts


# REST API ------------------------------------------------------------------------------


def list_conversation_messages(
    conversation: Conversation, *, include_notes: bool
) -> QuerySet[Message]:
    """The conversation's messages with their attachments, for keyset pages on
    (created_at, id)."""
    messages = Message.objects.filter(store_id=conversation.store_id, conversation=conversation)
    if not include_notes:
        messages = messages.exclude(direction=Direction.INTERNAL)
    return messages.prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id"))
    )


def list_customer_timeline(actor: Actor, customer: Customer) -> QuerySet[Conversation]:
    """Every conversation of the customer on every channel, resolved ones too."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    return (
        Conversation.objects.filter(store=actor.store, customer=customer)
        .select_related("customer")
        .prefetch_related("tags")
    )


@dataclass(frozen=True, slots=True)
class RenderedReply:
    language: str
    text: str


def render_canned_reply(
    reply: CannedReply, conversation: Conversation, *, agent: User | None
) -> RenderedReply:
    """The reply's text for this conversation: in its language (else the customer's, the
    store's default, any), with the variables filled in."""
    store = conversation.store
    language = conversation.language or conversation.customer.language
    text = pick_reply_text(reply, language, store)
    if text is None:
        raise NotFound("The canned reply has no text.", details={"canned_reply_id": reply.pk})
    body = render_reply_template(text.body, reply_variables(conversation, agent=agent))
    return RenderedReply(language=text.language, text=body)


# The agent inbox UI ----------------------------------------------------------------------


# A view holding more unresolved conversations than this shows "999+": an exact count reads
# every unresolved row on every page load, which at 100,000 conversations was half the page.
VIEW_COUNT_CAP = 999


def count_conversations_by_view(actor: Actor) -> dict[InboxView, int]:
    """How many unresolved conversations each inbox view holds, counted up to
    ``VIEW_COUNT_CAP + 1``: a larger number means "more than the cap". Each view is one
    query that stops after that many rows."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    team_ids = _team_ids(actor)
    unresolved = Conversation.objects.filter(store=actor.store).exclude(
        status=ConversationStatus.RESOLVED
    )
    views = {
        InboxView.MINE: unresolved.filter(assignee=actor.user) if actor.user is not None else None,
        InboxView.UNASSIGNED: unresolved.filter(assignee__isnull=True),
        InboxView.TEAMS: unresolved.filter(team_id__in=team_ids) if team_ids else None,
        InboxView.ALL: unresolved,
    }
    return {
        view: 0 if rows is None else rows.values("pk")[: VIEW_COUNT_CAP + 1].count()
        for view, rows in views.items()
    }


@dataclass(frozen=True, slots=True)
class CannedReplyChoice:
    """A canned reply filled in for one conversation, ready to insert into the reply box."""

    reply_id: int
    name: str
    shortcut: str
    language: str
    text: str


def list_rendered_canned_replies(
    actor: Actor, conversation: Conversation
) -> list[CannedReplyChoice]:
    """The store's canned replies in the conversation's language (else the store's default),
    with the conversation's customer, order and agent filled in."""
    replies = list(list_canned_replies(actor))
    if not replies:
        return []
    language = conversation.language or conversation.customer.language
    variables = reply_variables(conversation, agent=actor.user)
    rendered = []
    for reply in replies:
        text = pick_reply_text(reply, language, actor.store)
        if text is None:
            continue
        rendered.append(
            CannedReplyChoice(
                reply_id=reply.pk,
                name=reply.name,
                shortcut=reply.shortcut,
                language=text.language,
                text=render_reply_template(text.body, variables),
            )
        )
    return rendered


# Canned reply editor -------------------------------------------------------------------


def list_unknown_reply_variables(body: str) -> list[str]:
    """The ``{{ names }}`` in ``body`` that are not REPLY_VARIABLES, sorted."""
    return sorted(set(REPLY_VARIABLE_PATTERN.findall(body)) - set(REPLY_VARIABLES))


# What the editor previews with when the store has no shipped order to borrow from yet.
_SAMPLE_REPLY_VARIABLES = {
    "customer.first_name": "Elif",
    "customer.last_name": "Yıldız",
    "customer.name": "Elif Yıldız",
    "customer.email": "elif@example.com",
    "order.number": "10042",
    "order.status": "fulfilled",
    "order.tracking_url": "https://tracking.example.com/TR7300001234",
    "order.tracking_number": "TR7300001234",
    "order.carrier": "Yurtiçi Kargo",
}


def get_sample_reply_variables(actor: Actor, *, language: str = "") -> dict[str, str]:
    """Values of REPLY_VARIABLES to preview a canned reply with: the customer and order of
    the store's latest shipment (to a customer speaking ``language`` if there is one) when
    the actor may see them, else a made-up shopper."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    variables = dict(_SAMPLE_REPLY_VARIABLES)
    agent = actor.user
    variables |= {
        "agent.name": agent.name if agent is not None else actor.store.name,
        "agent.first_name": agent.name.split(" ")[0] if agent is not None else actor.store.name,
        "store.name": actor.store.name,
    }
    if not (actor.can(Permission.VIEW_CUSTOMERS) and actor.can(Permission.VIEW_ORDERS)):
        return variables
    shipments = (
        Shipment.objects.filter(store=actor.store)
        .exclude(tracking_url="")
        .select_related("order__customer")
        .order_by("-id")
    )
    shipment = None
    if language:
        shipment = shipments.filter(order__customer__language=language).first()
    shipment = shipment or shipments.first()
    if shipment is None:
        return variables
    order = shipment.order
    customer = order.customer
    return variables | {
        "customer.first_name": customer.first_name,
        "customer.last_name": customer.last_name,
        "customer.name": customer.full_name,
        "customer.email": customer.email or "",
        "order.number": order.number,
        "order.status": order.fulfillment_status,
        "order.tracking_url": shipment.tracking_url,
        "order.tracking_number": shipment.tracking_number,
        "order.carrier": shipment.carrier,
    }
