"""Every shared read of the inbox: conversations, messages, canned replies, presence."""

import json
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    Func,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, StrIndex
from django.db.models.lookups import GreaterThan
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, Team, User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Permission, Role
from storedesk.core.errors import NotFound, ValidationFailed
from storedesk.core.models import Store
from storedesk.core.text import search_key
from storedesk.customers.models import Customer
from storedesk.customers.selectors import find_customer_ids_by_contact, parse_contact
from storedesk.inbox.events import AttachmentPayload, ConversationSummary, MessagePayload
from storedesk.inbox.models import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS_PER_MESSAGE,
    MAX_MESSAGE_LENGTH,
    AgentStatus,
    Attachment,
    CannedReply,
    CannedReplyText,
    Channel,
    Conversation,
    ConversationSearchText,
    ConversationStatus,
    ConversationTag,
    Direction,
    Message,
    Presence,
)
from storedesk.inbox.order_status_text import order_status_variables
from storedesk.orders.models import Order, Shipment

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType

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
        .select_related("store", "customer", "assignee", "team", "suggested_customer")
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


# How many conversations the search reads from the trigram index before it calls the words
# common. Up to this many, the search starts from the matches: their conversations are few,
# and fetching them by id is quick however rare the words. Beyond it, the words are in so
# many conversations that walking the list in its order meets a page of them at once.
SEARCH_PROBE_LIMIT = 5_000
# On SQLite, which reads the texts one after another to find a word: fewer, as walking
# the list is about as quick as that read once a word is in more than a few hundred.
SEARCH_PROBE_LIMIT_UNINDEXED = 500
# Words PostgreSQL's statistics put in more conversations than this are walked at once,
# without reading the first matches: the estimate costs a plan, the probe a read.
COMMON_ESTIMATE = 2 * SEARCH_PROBE_LIMIT
# The same for customers whose name or address holds the words.
CUSTOMER_PROBE_LIMIT = 200
# A trigram index cannot find words shorter than this: the probe leaves them to the check.
_INDEXABLE_WORD = 3
# Order numbers are digits, sometimes after a "#" or with letters.
_ORDER_NUMBER = re.compile(r"#?(\w*\d\w*)")


def _search_condition(store: Store, text: str) -> Q:
    """Every word of ``text`` in the customer's name or address, or in one message. An order
    number finds the order's conversations and customer, and an email address or a phone
    number its customers, exactly and on an index, instead of comparing the customer's name
    and address."""
    words = search_key(text).split()[:8]
    if not words:
        return Q()
    order_number = _ORDER_NUMBER.fullmatch(text.strip())
    if order_number is not None:
        # "#10234" is the order "10234", which a message may mention without the "#".
        words = [search_key(order_number.group(1))]
    return _customer_condition(store, text, words) | _message_condition(store, words)


def _message_condition(store: Store, words: list[str]) -> Q:
    """Every word in one message, read from the conversations' search texts."""
    # The conversation's text is looked up row by row, and tested with plain function calls
    # (strpos, regexp_like), never LIKE: PostgreSQL estimates a LIKE on many words, or on a
    # looked-up value, as matching almost nothing, and then reads every unresolved
    # conversation to sort them, where walking the list meets a page of matches at once.
    text = Subquery(
        ConversationSearchText.objects.filter(conversation=OuterRef("pk")).values("text")[:1]
    )
    if len(words) == 1:
        in_text = Q(GreaterThan(StrIndex(text, Value(words[0])), 0))
    else:
        # The words of a text may come from several messages: one line must hold them all.
        in_text = Q(_MatchesPattern(text, Value(_one_line_with(words))))
    indexable = [word for word in words if len(word) >= _INDEXABLE_WORD]
    if not indexable:
        return in_text
    probe = ConversationSearchText.objects.filter(store=store)
    for word in indexable:
        probe = probe.filter(text__contains=word)
    if connections[probe.db].vendor == "postgresql":
        if _estimated_rows(probe) > COMMON_ESTIMATE:
            return in_text
        limit = SEARCH_PROBE_LIMIT
    else:
        # Without a trigram index the probe reads the texts in turn: it stops sooner.
        limit = SEARCH_PROBE_LIMIT_UNINDEXED
    # The probe stops at the limit: cheap for rare words (the trigram index finds the few)
    # and for common ones (the first rows read fill it).
    found = list(probe.values_list("conversation_id", flat=True)[: limit + 1])
    if len(found) > limit:
        return in_text
    if indexable == words == words[:1]:
        return Q(pk__in=found)
    return Q(pk__in=found) & in_text


def _estimated_rows(queryset: QuerySet[Any]) -> int:
    """How many rows PostgreSQL's planner expects ``queryset`` to return."""
    plan = json.loads(queryset.explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def _one_line_with(words: list[str]) -> str:
    """A pattern that matches a line holding every one of ``words``, in any order: the same
    in PostgreSQL's and Python's regular expressions."""
    line = "[^\n]*"
    return "(^|\n)" + "".join(f"(?={line}{re.escape(word)})" for word in words)


class _MatchesPattern(Func):
    """Whether a text matches a regular expression, as a function call."""

    function = "regexp_like"
    output_field = BooleanField()

    def as_sqlite(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> "_AsSqlType":
        # Django gives SQLite a regexp(pattern, text) function (Python's re).
        text, pattern = self.get_source_expressions()
        return Func(pattern, text, function="regexp", output_field=BooleanField()).as_sql(
            compiler, connection
        )


def _customer_condition(store: Store, text: str, words: list[str]) -> Q:
    order_number = _ORDER_NUMBER.fullmatch(text.strip())
    if order_number is not None:
        order = (
            Order.objects.filter(store=store, number=order_number.group(1))
            .values("pk", "customer_id")
            .first()
        )
        if order is not None:
            linked = Conversation.orders.through.objects.filter(order_id=order["pk"])
            return Q(customer_id=order["customer_id"]) | Q(
                pk__in=list(linked.values_list("conversation_id", flat=True))
            )
    contact = parse_contact(store, text)
    if contact is not None:
        return Q(customer_id__in=find_customer_ids_by_contact(store, contact))
    matching = Customer.objects.filter(store=store)
    for word in words:
        matching = matching.filter(search_key__contains=word)
    found = list(matching.values_list("pk", flat=True)[: CUSTOMER_PROBE_LIMIT + 1])
    if len(found) <= CUSTOMER_PROBE_LIMIT:
        return Q(customer_id__in=found)
    in_key = Q()
    for word in words:
        in_key &= Q(customer__search_key__contains=word)
    return in_key


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


def list_tag_names(conversation_ids: Iterable[int]) -> dict[int, list[str]]:
    """The tag names of each of these conversations, sorted: one query of plain values,
    cheaper for a list than a prefetch that builds a manager and a model per row."""
    names: dict[int, list[str]] = {}
    rows = Conversation.tags.through.objects.filter(
        conversation_id__in=list(conversation_ids)
    ).values_list("conversation_id", "conversationtag__name")
    for conversation_id, name in rows:
        names.setdefault(conversation_id, []).append(name)
    return {conversation_id: sorted(tags) for conversation_id, tags in names.items()}


def has_conversations_on(store: Store, channel: Channel) -> bool:
    """Whether any conversation of the store came in on ``channel``."""
    return Conversation.objects.filter(store=store, channel=channel).exists()


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
    # Every word in the name, the shortcut or one of the texts, compared folded: "iade"
    # and "İADE" find "İade süreci", "lodz" finds "Łódź".
    for word in search_key(search).split()[:8]:
        in_text = CannedReplyText.objects.filter(reply=OuterRef("pk"), search_key__contains=word)
        replies = replies.filter(Q(search_key__contains=word) | Exists(in_text))
    return replies.order_by("name", "id")


def canned_reply_search_key(name: str, shortcut: str) -> str:
    """The folded name and shortcut a canned reply is found by (see core.text.search_key)."""
    return search_key(f"{name} {shortcut}")[:200]


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
    "order.shipping_status",
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


def reply_variables(
    conversation: Conversation, *, agent: User | None, language: str = ""
) -> dict[str, str]:
    """The values of REPLY_VARIABLES for a reply in ``conversation`` written in ``language``
    (by default the conversation's): the order's statuses are told in that language."""
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
        variables["order.number"] = order["number"]
        variables |= order_status_variables(
            order["fulfillment_status"],
            order["shipment_status"],
            language=language
            or conversation.language
            or customer.language
            or store.default_language,
        )
        if order["carrier"] is not None:
            variables["order.tracking_url"] = order["tracking_url"]
            variables["order.tracking_number"] = order["tracking_number"]
            variables["order.carrier"] = order["carrier"]
    return variables


def _reply_order(conversation: Conversation) -> Mapping[str, Any] | None:
    """The order a reply is most likely about (the latest linked one, else the customer's
    latest) with its latest shipment's tracking, in one query whatever the conversation
    holds; a tracking field is None when the order has no shipment."""
    store_id = conversation.store_id
    linked = Order.objects.filter(store_id=store_id, conversations=conversation.pk)
    latest = Order.objects.filter(store_id=store_id, customer_id=conversation.customer_id)
    shipment = Shipment.objects.filter(store_id=store_id, order=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    newest = ("-placed_at", "-id")
    return (
        Order.objects.filter(
            store_id=store_id,
            pk=Coalesce(
                Subquery(linked.order_by(*newest).values("pk")[:1]),
                Subquery(latest.order_by(*newest).values("pk")[:1]),
            ),
        )
        .annotate(
            tracking_url=Subquery(shipment.values("tracking_url")[:1]),
            tracking_number=Subquery(shipment.values("tracking_number")[:1]),
            carrier=Subquery(shipment.values("carrier")[:1]),
            shipment_status=Subquery(shipment.values("status")[:1]),
        )
        .values(
            "number",
            "fulfillment_status",
            "tracking_url",
            "tracking_number",
            "carrier",
            "shipment_status",
        )
        .first()
    )


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
    """Staff who may be given conversations: active members whose role may reply."""
    roles = [
        role.value for role in Role if Permission.REPLY_CONVERSATIONS in ROLE_PERMISSIONS[role]
    ]
    members = Membership.objects.filter(
        store=store, role__in=roles, deactivated_at__isnull=True
    ).values("user_id")
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
    variables = reply_variables(conversation, agent=agent, language=text.language)
    body = render_reply_template(text.body, variables)
    return RenderedReply(language=text.language, text=body)


# The agent inbox UI ----------------------------------------------------------------------


# A view holding more unresolved conversations than this shows "999+": an exact count reads
# every unresolved row on every page load, which at 100,000 conversations was half the page.
VIEW_COUNT_CAP = 999


def count_conversations_by_view(actor: Actor) -> dict[InboxView, int]:
    """How many unresolved conversations each inbox view holds, counted up to
    ``VIEW_COUNT_CAP + 1``: a larger number means "more than the cap". One query, in which
    each view's count stops after that many rows."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    unresolved = Conversation.objects.filter(store=actor.store).exclude(
        status=ConversationStatus.RESOLVED
    )
    views = {
        InboxView.MINE: unresolved.filter(assignee=actor.user) if actor.user is not None else None,
        InboxView.UNASSIGNED: unresolved.filter(assignee__isnull=True),
        InboxView.TEAMS: unresolved.filter(
            team__in=Team.objects.filter(store=actor.store, members=actor.user).values("pk")
        )
        if actor.user is not None
        else None,
        InboxView.ALL: unresolved,
    }
    counted = {view: rows for view, rows in views.items() if rows is not None}
    parts: list[str] = []
    params: list[Any] = []
    for rows in counted.values():
        sql, part_params = (
            rows.values("pk")[: VIEW_COUNT_CAP + 1].query.get_compiler(unresolved.db).as_sql()
        )
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS capped)")  # noqa: S608 (compiled SQL)
        params.extend(part_params)
    with connections[unresolved.db].cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}", params)
        row = cursor.fetchone()
    found = dict(zip(counted, row, strict=True))
    return {view: int(found.get(view, 0)) for view in views}


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
    # A text in another language (the store's default, for want of the customer's) tells
    # the order's status in its own language.
    by_language: dict[str, dict[str, str]] = {}
    rendered = []
    for reply in replies:
        text = pick_reply_text(reply, language, actor.store)
        if text is None:
            continue
        variables = by_language.get(text.language)
        if variables is None:
            variables = by_language[text.language] = reply_variables(
                conversation, agent=actor.user, language=text.language
            )
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
    "order.tracking_url": "https://tracking.example.com/TR7300001234",
    "order.tracking_number": "TR7300001234",
    "order.carrier": "Yurtiçi Kargo",
}


def get_sample_reply_variables(actor: Actor, *, language: str = "") -> dict[str, str]:
    """Values of REPLY_VARIABLES to preview a canned reply with: the customer and order of
    the store's latest shipment (to a customer speaking ``language`` if there is one) when
    the actor may see them, else a made-up shopper."""
    actor.require(Permission.VIEW_CONVERSATIONS)
    language = language or actor.store.default_language
    variables = _SAMPLE_REPLY_VARIABLES | order_status_variables(
        "fulfilled", "in_transit", language=language
    )
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
    shipment = shipments.filter(order__customer__language=language).first() or shipments.first()
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
        **order_status_variables(order.fulfillment_status, shipment.status, language=language),
        "order.tracking_url": shipment.tracking_url,
        "order.tracking_number": shipment.tracking_number,
        "order.carrier": shipment.carrier,
    }


# Reads of the website chat (livechat), which keeps no copy of the inbox's tables ---------


@dataclass(frozen=True, slots=True)
class MessageLimits:
    """What any message may carry, for clients that check before they send."""

    max_message_length: int
    max_attachment_bytes: int
    max_attachments_per_message: int


MESSAGE_LIMITS = MessageLimits(
    max_message_length=MAX_MESSAGE_LENGTH,
    max_attachment_bytes=MAX_ATTACHMENT_BYTES,
    max_attachments_per_message=MAX_ATTACHMENTS_PER_MESSAGE,
)


def get_conversation_by_id(conversation_id: int) -> Conversation | None:
    """A conversation with its store, for a background job that was handed only its id."""
    return Conversation.objects.filter(pk=conversation_id).select_related("store").first()


def get_latest_customer_conversation(
    store: Store, *, customer_id: int, channel: str
) -> Conversation | None:
    """The customer's most recent conversation on ``channel``, with the customer loaded."""
    return (
        Conversation.objects.filter(store=store, customer_id=customer_id, channel=channel)
        .select_related("customer")
        .order_by("-last_message_at", "-id")
        .first()
    )


def get_client_message(conversation: Conversation, client_id: str) -> Message | None:
    """The message a client stored under ``client_id`` in this conversation (a resend),
    with its attachments."""
    return (
        Message.objects.filter(
            store_id=conversation.store_id, conversation=conversation, client_id=client_id
        )
        .prefetch_related("attachments")
        .first()
    )


def get_attachment_by_token(store: Store, token: str) -> Attachment | None:
    """A file of the store by its token, with the message and conversation it was sent in
    (none while it waits to be sent). Who may see it is the caller's decision."""
    return (
        Attachment.objects.filter(store=store, token=token)
        .select_related("message", "conversation")
        .first()
    )


def list_unsent_customer_uploads(store: Store, tokens: Iterable[str]) -> list[Attachment]:
    """Files with these tokens that no message has sent yet and no staff member uploaded:
    uploads of a customer's client, such as the chat widget."""
    return list(
        Attachment.objects.filter(
            store=store, token__in=list(tokens), message__isnull=True, uploaded_by__isnull=True
        )
    )


def is_any_agent_online(store: Store, *, now: datetime | None = None) -> bool:
    """Whether any agent who may take conversations has the inbox open and is online."""
    now = now or timezone.now()
    return AgentStatus.objects.filter(
        store=store,
        user__in=list_assignable_agents(store).values("pk"),
        presence=Presence.ONLINE,
        last_seen_at__gte=now - PRESENCE_TIMEOUT,
    ).exists()


# Orders a conversation mentions ---------------------------------------------------------

# An order number after a word for "order" in the languages stores serve ("order #10234",
# "Sipariş no 10234", "zamówienie nr 10234", "Bestellung 10234", "commande n° 10234",
# "pedido n.º 10234"), before one ("10234 numaralı sipariş"), or after a "#". Matched on
# the folded text (core.text.search_key), so case and diacritics do not matter. Only the
# numbers of the store's own orders are ever offered, so a date or a postcode that looks
# like one costs a lookup, never a wrong suggestion.
_ORDER_WORD = r"(?:orders?|siparis\w*|zamowien\w*|bestell\w*|auftrag\w*|commandes?|pedidos?)"
_NUMBER_WORD = r"(?:number|numara\w*|numer\w*|nummer|numero|nro|num|nr|no|n)"
_SEPARATOR = r"[\s:.,#°º-]*"
_VERB = r"(?:is|was|ist|war|est|es|jest|to|era)"  # "my order number is 10234"
_NUMBER = r"([a-z]{0,4}-?\d{3,20})(?![\w-])"
ORDER_NUMBER_PATTERNS = (
    re.compile(
        rf"\b{_ORDER_WORD}{_SEPARATOR}(?:{_NUMBER_WORD}\.?{_SEPARATOR}(?:o\b{_SEPARATOR})?)?"
        rf"(?:{_VERB}\s+)?{_NUMBER}"
    ),
    re.compile(rf"(?<![\w-])#?{_NUMBER}\s+(?:numarali|nolu|no lu|nr)\s+{_ORDER_WORD}"),
    re.compile(rf"(?<![\w&/#-])#{_NUMBER}"),
)
MAX_ORDER_SUGGESTIONS = 5
# How far back the customer's messages are read for order numbers.
ORDER_MENTION_MESSAGES = 50


def find_order_numbers(text: str) -> list[str]:
    """The order numbers ``text`` names, in the order it names them, each once; upper-case
    as order numbers are written ("TR-10234")."""
    folded = search_key(text)
    found: dict[int, str] = {}
    for pattern in ORDER_NUMBER_PATTERNS:
        for match in pattern.finditer(folded):
            found.setdefault(match.start(1), match.group(1).upper())
    return list(dict.fromkeys(number for _, number in sorted(found.items())))


@dataclass(frozen=True, slots=True)
class OrderSuggestion:
    """An order number the customer gave or wrote, offered to the agent for linking."""

    number: str
    # None: no order of the store has this number (shown only for a number the customer
    # typed into a form's order field, where it is certainly meant as one).
    order: Order | None
    # Whether the order is the conversation's customer's; another customer's order is
    # offered too, marked, for the agent to judge.
    customers_own: bool


def list_order_suggestions(
    conversation: Conversation,
    *,
    messages: Sequence[Message] | None = None,
    linked_ids: Collection[int] = (),
) -> list[OrderSuggestion]:
    """Orders the customer named (in a form's order field, or in their latest messages)
    that are not linked to the conversation yet. Pass ``messages`` the page has read
    already, and ``linked_ids`` of the linked orders, to save their queries."""
    if messages is None:
        keys = list(
            Message.objects.filter(
                store_id=conversation.store_id,
                conversation=conversation,
                direction=Direction.INBOUND,
            )
            .order_by("-created_at", "-id")
            .values_list("search_key", flat=True)[:ORDER_MENTION_MESSAGES]
        )[::-1]
    else:
        keys = [m.search_key for m in messages if m.direction == Direction.INBOUND][
            -ORDER_MENTION_MESSAGES:
        ]
    given = conversation.given_order_number.strip().lstrip("#").upper()
    named = [given] if given else []
    for key in keys:
        named += find_order_numbers(key)
    numbers = list(dict.fromkeys(named))[: MAX_ORDER_SUGGESTIONS * 2]
    if not numbers:
        return []
    spellings = {spelling for number in numbers for spelling in (number, number.lower())}
    orders = {
        order.number.upper(): order
        for order in Order.objects.filter(store_id=conversation.store_id, number__in=spellings)
    }
    suggestions: list[OrderSuggestion] = []
    for number in numbers:
        order = orders.get(number)
        if order is None:
            if number == given:
                suggestions.append(OrderSuggestion(number, None, customers_own=False))
        elif order.pk not in linked_ids:
            own = order.customer_id == conversation.customer_id
            suggestions.append(OrderSuggestion(order.number, order, customers_own=own))
    return suggestions[:MAX_ORDER_SUGGESTIONS]


def find_order_by_number(store: Store, number: str) -> Order | None:
    """The store's order with this number, as a customer may write it ("#10234")."""
    number = number.strip().lstrip("#")
    if not number:
        return None
    return Order.objects.filter(store=store, number__in={number, number.upper()}).first()


def find_message_by_external_ids(
    store: Store, *, channel: str, external_ids: Sequence[str]
) -> Message | None:
    """Of the store's messages on ``channel`` that have one of these channel ids, the one
    whose id comes first in ``external_ids`` (an email's In-Reply-To, then its References
    from the latest back), with its conversation."""
    wanted = list(dict.fromkeys(external_id for external_id in external_ids if external_id))
    if not wanted:
        return None
    found = {
        message.external_id: message
        for message in Message.objects.filter(
            store=store, channel=channel, external_id__in=wanted[:100]
        ).select_related("conversation")
    }
    return next((found[external_id] for external_id in wanted if external_id in found), None)
