"""The demo store's inbox: about sixty conversations that look like the last few days.

Customers write in their own languages on chat, email, WhatsApp, Instagram, Facebook and the
contact form, about their real orders: where is my parcel, returns, sizes, damaged items,
invoices, thanks. Some conversations wait unassigned, some sit with a team, most are with an
agent; some are pending, snoozed or resolved. A few carry private notes that @mention a
colleague. The featured customer chats one day and emails the next (one timeline), and an
anonymous chat visitor gives the address of a known customer (a merge suggestion).

Everything is written through the inbox actions, the way channels and agents write it. The
actions stamp agents' messages with the present moment; those are moved back to their place
in the story afterwards, so the timeline reads right relative to the moment of loading.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from storedesk.accounts.actors import Actor, system_actor
from storedesk.accounts.models import Team, User
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.core.models import Store
from storedesk.core.text import lower_for_language
from storedesk.customers.actions import do_add_identity
from storedesk.customers.models import Customer, IdentityKind
from storedesk.demo import inbox_vocabulary as texts
from storedesk.demo import vocabulary as words
from storedesk.inbox.actions.canned_replies import check_save_canned_reply
from storedesk.inbox.actions.conversations import (
    check_link_orders,
    check_set_priority,
    check_set_tags,
    do_assign_conversation,
    do_set_status,
    do_suggest_customer,
)
from storedesk.inbox.actions.messages import (
    Sender,
    check_add_note,
    do_receive_message,
    do_send_message,
)
from storedesk.inbox.actions.presence import check_set_capacity, do_set_presence
from storedesk.inbox.models import (
    AuthorType,
    CannedReply,
    Channel,
    Conversation,
    ConversationStatus,
    DeliveryStatus,
    Direction,
    Message,
    Presence,
    Priority,
)
from storedesk.inbox.selectors import list_assignable_agents
from storedesk.livechat.actions import do_create_widget
from storedesk.orders.models import FinancialStatus, LineItem, Order, Shipment, ShipmentStatus

# The team that answers the website chat.
CHAT_TEAM = "Istanbul"

CHAT = Channel.CHAT
EMAIL = Channel.EMAIL
WHATSAPP = Channel.WHATSAPP
INSTAGRAM = Channel.INSTAGRAM
FACEBOOK = Channel.FACEBOOK
FORM = Channel.CONTACT_FORM
OPEN = ConversationStatus.OPEN
PENDING = ConversationStatus.PENDING
SNOOZED = ConversationStatus.SNOOZED
RESOLVED = ConversationStatus.RESOLVED


@dataclass(frozen=True)
class Story:
    language: str
    channel: Channel
    topic: str
    # How many lines of the topic's thread happened so far, the customer's first.
    messages: int
    status: ConversationStatus
    # An agent (the local part of their email), "team:<name>", or None: unassigned.
    owner: str | None
    note: str | None = None


STORIES = (
    # Turkish: Ayşe's customers; the featured customer's chat and, a day later, her email.
    Story("tr", CHAT, "featured_chat", 4, RESOLVED, "ayse"),
    Story("tr", EMAIL, "featured_email", 3, OPEN, "ayse", note="featured"),
    Story("tr", WHATSAPP, "where", 1, OPEN, None),
    Story("tr", WHATSAPP, "return", 3, OPEN, "ayse"),
    Story("tr", INSTAGRAM, "size", 2, PENDING, "ayse"),
    Story("tr", CHAT, "damaged", 2, PENDING, "ayse", note="replacement"),
    Story("tr", EMAIL, "invoice", 6, RESOLVED, "ayse"),
    Story("tr", WHATSAPP, "thanks", 2, RESOLVED, "ayse"),
    Story("tr", FORM, "return", 1, OPEN, "team:Istanbul"),
    Story("tr", FACEBOOK, "where", 4, SNOOZED, "ayse"),
    Story("tr", CHAT, "size", 1, OPEN, None),
    Story("tr", WHATSAPP, "damaged", 3, OPEN, "ayse", note="warehouse"),
    Story("tr", EMAIL, "where", 5, RESOLVED, "ayse"),
    Story("tr", INSTAGRAM, "thanks", 2, RESOLVED, "ayse"),
    Story("tr", CHAT, "return", 6, RESOLVED, "ayse"),
    Story("tr", FORM, "invoice", 2, PENDING, "ayse"),
    # English: Emily, and the owner now and then.
    Story("en", EMAIL, "where", 3, OPEN, "emily"),
    Story("en", CHAT, "where", 1, OPEN, None),
    Story("en", EMAIL, "return", 4, PENDING, "emily", note="label"),
    Story("en", CHAT, "damaged", 6, RESOLVED, "emily"),
    Story("en", FORM, "invoice", 1, OPEN, "team:New York"),
    Story("en", FACEBOOK, "size", 6, RESOLVED, "emily"),
    Story("en", INSTAGRAM, "thanks", 2, RESOLVED, "lucas"),
    Story("en", WHATSAPP, "where", 2, SNOOZED, "emily"),
    Story("en", EMAIL, "damaged", 3, OPEN, "emily", note="carrier"),
    Story("en", CHAT, "invoice", 4, RESOLVED, "owner"),
    Story("en", FORM, "return", 1, OPEN, None),
    Story("en", FACEBOOK, "thanks", 2, RESOLVED, "emily"),
    # Polish: Piotr.
    Story("pl", WHATSAPP, "where", 3, OPEN, "piotr"),
    Story("pl", EMAIL, "return", 6, RESOLVED, "piotr"),
    Story("pl", CHAT, "size", 2, PENDING, "piotr"),
    Story("pl", INSTAGRAM, "where", 1, OPEN, None),
    Story("pl", EMAIL, "damaged", 4, SNOOZED, "piotr", note="claim"),
    Story("pl", FORM, "invoice", 5, RESOLVED, "piotr"),
    Story("pl", CHAT, "thanks", 2, RESOLVED, "piotr"),
    Story("pl", FACEBOOK, "return", 1, OPEN, "team:Istanbul"),
    Story("pl", WHATSAPP, "invoice", 3, OPEN, "piotr"),
    # German: the anonymous visitor first, then Emily and Lucas.
    Story("de", CHAT, "visitor", 1, OPEN, None),
    Story("de", EMAIL, "where", 4, PENDING, "emily"),
    Story("de", WHATSAPP, "return", 3, OPEN, "lucas"),
    Story("de", EMAIL, "invoice", 6, RESOLVED, "emily"),
    Story("de", CHAT, "damaged", 1, OPEN, "team:New York"),
    Story("de", FORM, "size", 6, RESOLVED, "lucas"),
    Story("de", INSTAGRAM, "where", 6, RESOLVED, "lucas"),
    Story("de", FACEBOOK, "thanks", 2, RESOLVED, "emily"),
    Story("de", EMAIL, "return", 1, OPEN, None),
    # French: Lucas.
    Story("fr", CHAT, "where", 3, OPEN, "lucas"),
    Story("fr", EMAIL, "return", 2, PENDING, "lucas"),
    Story("fr", WHATSAPP, "damaged", 6, RESOLVED, "lucas"),
    Story("fr", INSTAGRAM, "size", 1, OPEN, None),
    Story("fr", FORM, "invoice", 4, RESOLVED, "lucas"),
    Story("fr", CHAT, "thanks", 2, RESOLVED, "lucas"),
    Story("fr", EMAIL, "where", 4, SNOOZED, "lucas"),
    # Spanish: Lucas and Emily.
    Story("es", WHATSAPP, "where", 1, OPEN, "team:New York"),
    Story("es", CHAT, "return", 5, RESOLVED, "emily"),
    Story("es", EMAIL, "size", 2, PENDING, "lucas"),
    Story("es", INSTAGRAM, "damaged", 3, OPEN, "lucas"),
    Story("es", FACEBOOK, "where", 6, RESOLVED, "emily"),
    Story("es", FORM, "invoice", 1, OPEN, None),
    Story("es", EMAIL, "thanks", 2, RESOLVED, "lucas"),
)

# (status, capacity) of each agent as the demo opens; whoever logs in is online anyway.
AGENT_STATUSES = {
    "ayse": (Presence.ONLINE, 25),
    "piotr": (Presence.ONLINE, 20),
    "emily": (Presence.AWAY, 15),
    "lucas": (Presence.OFFLINE, 20),
    "owner": (Presence.OFFLINE, 5),
}

# Minutes between messages: (agent answers after, customer answers after), per channel.
_PACE = {
    CHAT: ((1, 6), (1, 8)),
    WHATSAPP: ((5, 90), (10, 360)),
    INSTAGRAM: ((5, 90), (10, 360)),
    FACEBOOK: ((5, 90), (10, 360)),
    EMAIL: ((30, 480), (60, 1200)),
    FORM: ((30, 480), (60, 1200)),
}
# How long ago (minutes) a story's last message was.
_LAST_MESSAGE_AGO = {
    "waiting": (5, 360),
    OPEN: (10, 1440),
    PENDING: (60, 4320),
    SNOOZED: (60, 4320),
    RESOLVED: (120, 7200),
}
# The featured customer's chat is yesterday and her email this morning.
_FEATURED = {
    "featured_chat": ((1, 4), (1, 4), (1560, 1680)),
    "featured_email": ((100, 140), (180, 220), (60, 90)),
}
_WHERE_SHIPMENTS = frozenset(
    {
        ShipmentStatus.IN_TRANSIT,
        ShipmentStatus.OUT_FOR_DELIVERY,
        ShipmentStatus.INFO_RECEIVED,
        ShipmentStatus.ATTEMPT_FAIL,
    }
)
# What a size question is about: a garment's name in every language.
_CLOTHES = [
    titles
    for _, category, _, titles in words.PRODUCTS
    if category in {"tops", "bottoms", "outerwear", "dresses"}
]


@dataclass
class _Order:
    pk: int
    number: str
    customer_id: int
    status: str
    financial_status: str
    placed_at: datetime
    shipment_status: str = ""
    carrier: str = ""
    tracking_url: str = ""
    delivered_at: datetime | None = None
    product: str = ""


@dataclass
class _Written:
    """A conversation as loaded, with the times its agents' messages really belong to."""

    conversation: Conversation
    last_message_at: datetime
    updated_at: datetime
    retimed: list[tuple[Message, datetime]] = field(default_factory=list)
    first_response_at: datetime | None = None


def load_demo_inbox(store: Store, *, seed: int, now: datetime, featured_email: str) -> None:
    """Write the demo inbox, canned replies and agent statuses of ``store``; the customer
    with ``featured_email`` is the one who chats, then emails."""
    builder = _InboxBuilder(store, random.Random(f"{seed}-inbox"), now=now)
    builder.build(featured_email=featured_email)


class _InboxBuilder:
    def __init__(self, store: Store, rng: random.Random, *, now: datetime) -> None:
        self.store = store
        self.rng = rng
        self.now = now
        self.system = system_actor(store)
        self.agents = {user.email.split("@")[0]: user for user in list_assignable_agents(store)}
        self.actors: dict[int, Actor] = {}
        self.teams = {team.name: team for team in Team.objects.filter(store=store)}
        self.team_of = {
            user_id: self.teams[name]
            for name, user_id in Team.members.through.objects.filter(team__store=store)
            .values_list("team__name", "user_id")
            .order_by("team__name")
        }
        self.used: set[int] = set()
        self.written: list[_Written] = []

    def build(self, *, featured_email: str) -> None:
        self._load_orders(featured_email)
        for story in STORIES:
            self._story(story)
        self._retime()
        self._canned_replies()
        self._agent_statuses()
        self._chat_widget()

    # What the stories are about ------------------------------------------------------
    def _load_orders(self, featured_email: str) -> None:
        store = self.store
        self.customers = {
            customer.pk: customer
            for customer in Customer.objects.filter(store=store).order_by("pk")
        }
        self.featured = next(
            (c for c in self.customers.values() if c.email == featured_email), None
        )
        self.vip = set(
            Customer.tags.through.objects.filter(
                customer__store=store, tag__name="VIP"
            ).values_list("customer_id", flat=True)
        )
        self.orders: dict[int, _Order] = {}
        for row in (
            Order.objects.filter(store=store)
            .order_by("pk")
            .values("pk", "number", "customer_id", "status", "financial_status", "placed_at")
        ):
            self.orders[row["pk"]] = _Order(**row)
        for shipment in (
            Shipment.objects.filter(store=store)
            .order_by("pk")
            .values("order_id", "status", "carrier", "tracking_url", "delivered_at")
        ):
            order = self.orders[shipment["order_id"]]
            order.shipment_status = shipment["status"]
            order.carrier = shipment["carrier"]
            order.tracking_url = shipment["tracking_url"]
            order.delivered_at = shipment["delivered_at"]
        for order_id, title in (
            LineItem.objects.filter(store=store).order_by("pk").values_list("order_id", "title")
        ):
            if not self.orders[order_id].product:
                self.orders[order_id].product = title

    def _choose(self, story: Story) -> tuple[Customer, _Order | None] | None:
        """An unused customer of the story's language with an order that fits its topic."""
        featured = self.featured
        if story.topic.startswith("featured_"):
            if featured is None:
                return None
            order = self._featured_order(featured)
            return (featured, order) if order is not None else None
        if story.topic == "size":
            # A question before buying: any customer of that language will do.
            people = [
                c
                for c in self.customers.values()
                if c.pk not in self.used and c.language == story.language and c != self.featured
            ]
            return (self.rng.choice(people), None) if people else None
        candidates = [
            order
            for order in self.orders.values()
            if order.customer_id not in self.used
            and self.customers[order.customer_id].language == story.language
            and self.customers[order.customer_id] != self.featured
            and _fits(story.topic, order)
        ]
        if not candidates:
            return None
        # The most recently delivered or placed orders make the likeliest questions.
        candidates.sort(key=lambda o: (o.delivered_at or o.placed_at, o.pk), reverse=True)
        order = self.rng.choice(candidates[: max(5, len(candidates) // 3)])
        return self.customers[order.customer_id], order

    def _featured_order(self, customer: Customer) -> _Order | None:
        mine = [o for o in self.orders.values() if o.customer_id == customer.pk]
        moving = [o for o in mine if o.shipment_status in _WHERE_SHIPMENTS]
        if moving:
            return moving[0]
        return mine[0] if mine else None

    # One conversation ---------------------------------------------------------------
    def _story(self, story: Story) -> None:
        chosen = self._choose(story)
        if chosen is None:
            return  # a small demo store may not have a customer for every story
        customer, order = chosen
        self.used.add(customer.pk)
        agent = self.agents.get(story.owner or "")
        fields = self._fields(story, customer, order)
        lines = texts.THREADS[story.topic][story.language][: story.messages]
        times = self._times(story, len(lines))
        visitor_key = uuid.UUID(int=self.rng.getrandbits(128)).hex
        conversation = self._receive(
            story, customer, None, lines[0].format(**fields), at=times[0],
            subject=fields["subject"], visitor_key=visitor_key,
        )  # fmt: skip
        self._assign(story, conversation)
        written = _Written(conversation, last_message_at=times[0], updated_at=times[0])
        for index, (line, at) in enumerate(zip(lines[1:], times[1:], strict=True), start=1):
            text = line.format(**fields)
            if index % 2 == 0:
                self._receive(
                    story, customer, conversation, text, at=at,
                    subject="", visitor_key=visitor_key,
                )  # fmt: skip
            else:
                assert agent is not None, f"{story}: only an agent answers"
                message = do_send_message(
                    conversation,
                    text=text + self._signature(story, agent),
                    author_type=AuthorType.AGENT,
                    author_user=agent,
                    author_name=agent.name,
                )
                written.retimed.append((message, at))
                written.first_response_at = written.first_response_at or at
            written.last_message_at = at
        if story.topic == "visitor":
            do_suggest_customer(conversation, customer)
        last = times[-1]
        if story.note is not None and agent is not None:
            at = min(last + timedelta(minutes=self.rng.randrange(2, 20)), self.now)
            note = check_add_note(
                self._actor(agent), conversation, text=texts.NOTES[story.note].format(**fields)
            )
            written.retimed.append((note, at))
            last = at
        self._label(story, customer, order, conversation)
        written.updated_at = self._close(story, conversation, agent, last)
        self._mark_delivered(story, written)
        self.written.append(written)

    def _fields(self, story: Story, customer: Customer, order: _Order | None) -> dict[str, str]:
        """The values the story's lines, subject and note are filled in with."""
        rng = self.rng
        language = story.language
        product = order.product if order is not None else ""
        if not product:
            product = rng.choice(_CLOTHES)[language]
        company, tax_id = texts.COMPANIES[language]
        digits = {
            f"digits{size}": "".join(str(rng.randrange(10)) for _ in range(size))
            for size in (8, 9, 10, 11)
        }
        fields = {
            "first_name": customer.first_name,
            "email": customer.email or "",
            "order": order.number if order is not None else "",
            "carrier": order.carrier if order is not None else "",
            "tracking_url": order.tracking_url if order is not None else "",
            "Product": product,
            "product": product if language == "de" else _lower_first(product, language),
            "return_code": f"RT-{rng.randrange(100000, 999999)}",
            "company": company.format(last_name=customer.last_name),
            "tax_id": tax_id.format(**digits),
        }
        subject = texts.SUBJECTS.get(story.topic, {}).get(language, "")
        fields["subject"] = subject.format(**fields)
        return fields

    def _times(self, story: Story, count: int) -> list[datetime]:
        """When each line of the story was written, oldest first, all in the past."""
        rng = self.rng
        if story.topic in _FEATURED:
            agent_pace, customer_pace, ago = _FEATURED[story.topic]
        else:
            agent_pace, customer_pace = _PACE[story.channel]
            waiting = story.status == OPEN and story.owner not in self.agents
            ago = _LAST_MESSAGE_AGO["waiting" if waiting else story.status]
        last = self.now - timedelta(minutes=rng.randrange(*ago))
        agent = self.agents.get(story.owner or "")
        if agent is not None and story.topic not in _FEATURED:
            # Agents work by day: a story that would end in their night ends the evening before.
            hour = last.astimezone(ZoneInfo(agent.timezone)).hour
            if hour < 8:
                last -= timedelta(hours=hour + 1)
        times = [last]
        for index in range(count - 1, 0, -1):
            # The line at ``index`` answers the one before it.
            pace = agent_pace if index % 2 else customer_pace
            times.append(times[-1] - timedelta(minutes=rng.randrange(*pace)))
        return times[::-1]

    def _receive(
        self,
        story: Story,
        customer: Customer,
        conversation: Conversation | None,
        text: str,
        *,
        at: datetime,
        subject: str,
        visitor_key: str,
    ) -> Conversation:
        """The customer's message, arriving the way its channel delivers it; the first one
        (no ``conversation`` yet) opens the conversation."""
        token = uuid.UUID(int=self.rng.getrandbits(128)).hex
        first = conversation is None
        sender = None
        external_id: str | None = None
        client_id: str | None = None
        thread_id: str | None = None
        channel = story.channel
        if channel == CHAT:
            client_id = str(uuid.UUID(token))
            if story.topic == "visitor":
                sender = Sender(IdentityKind.VISITOR, visitor_key)
        elif channel in (EMAIL, FORM):
            sender = Sender(IdentityKind.EMAIL, customer.email or "", name=customer.full_name)
            if channel == EMAIL:
                external_id = f"<{token}@mail.example.com>"
                # Replies name the first message of the thread, as mail clients do.
                thread_id = (
                    conversation.external_thread_id if conversation is not None else external_id
                )
        elif channel == WHATSAPP:
            sender = Sender(IdentityKind.PHONE, customer.phone, name=customer.full_name)
            external_id = f"wamid.{token}"
        else:
            handle = str(int(token[:14], 16))
            kind = IdentityKind.INSTAGRAM if channel == INSTAGRAM else IdentityKind.FACEBOOK
            if first:
                # The customer linked their social account to their shop account.
                do_add_identity(customer, kind=kind, value=handle)
            sender = Sender(kind, handle, name=customer.full_name)
            external_id = f"m_{token}"
        received = do_receive_message(
            self.store,
            channel=channel,
            text=text,
            sender=sender if first else None,
            customer=customer if first and sender is None else None,
            conversation=conversation,
            external_id=external_id,
            external_thread_id=thread_id,
            client_id=client_id,
            subject=subject if channel in (EMAIL, FORM) else "",
            language=story.language,
            received_at=at,
        )
        return received.conversation

    def _assign(self, story: Story, conversation: Conversation) -> None:
        if story.owner is None:
            return
        if story.owner.startswith("team:"):
            team = self.teams.get(story.owner.removeprefix("team:"))
            if team is not None:
                do_assign_conversation(self.system, conversation, assignee=None, team=team)
            return
        agent = self.agents[story.owner]
        do_assign_conversation(
            self.system, conversation, assignee=agent, team=self.team_of.get(agent.pk)
        )

    def _signature(self, story: Story, agent: User) -> str:
        if story.channel in (EMAIL, FORM):
            return f"\n\n{agent.name}\n{self.store.name}"
        return ""

    def _label(
        self, story: Story, customer: Customer, order: _Order | None, conversation: Conversation
    ) -> None:
        turkish = story.language == "tr"
        names = {
            "where": ["kargo" if turkish else "shipping"],
            "featured_chat": ["kargo"],
            "featured_email": ["kargo"],
            "return": ["iade" if turkish else "return"],
            "damaged": ["complaint"],
        }.get(story.topic, [])
        if customer.pk in self.vip and story.topic != "visitor":
            names.append("VIP")
        if names:
            check_set_tags(self.system, conversation, names=names)
        if story.topic == "damaged":
            check_set_priority(self.system, conversation, priority=Priority.HIGH)
        if order is not None and story.topic != "visitor":
            check_link_orders(self.system, conversation, order_ids=[order.pk])

    def _close(
        self, story: Story, conversation: Conversation, agent: User | None, last: datetime
    ) -> datetime:
        """Leave the conversation in the story's status; returns when that happened."""
        if story.status == OPEN:
            return last
        actor = self._actor(agent) if agent is not None else self.system
        snoozed_until = None
        if story.status == SNOOZED:
            snoozed_until = self.now + timedelta(hours=self.rng.randrange(18, 44))
        if story.status == RESOLVED:
            last = min(last + timedelta(minutes=self.rng.randrange(5, 60)), self.now)
        do_set_status(
            actor, conversation, status=story.status, snoozed_until=snoozed_until, now=last
        )
        return last

    def _mark_delivered(self, story: Story, written: _Written) -> None:
        """What the channels reported back: email handed over, messaging apps read. Written
        with the times in _retime (the connectors' reports would be stamped now)."""
        if story.channel == CHAT:
            return
        replies = [m for m, _ in written.retimed if m.direction == Direction.OUTBOUND]
        for index, message in enumerate(replies):
            if story.channel in (EMAIL, FORM):
                status = DeliveryStatus.SENT
            elif index == len(replies) - 1 and story.status in (PENDING, SNOOZED):
                status = DeliveryStatus.DELIVERED  # the customer has not looked yet
            else:
                status = DeliveryStatus.READ
            message.delivery_status = status

    def _actor(self, user: User) -> Actor:
        if user.pk not in self.actors:
            self.actors[user.pk] = get_actor_for_user(user, store_slug=self.store.slug)
        return self.actors[user.pk]

    # After the stories ---------------------------------------------------------------
    def _retime(self) -> None:
        """Put agents' messages and notes at their moment in the story, not the load's, with
        what became of them."""
        messages = []
        conversations = []
        for written in self.written:
            for message, at in written.retimed:
                message.created_at = at
                messages.append(message)
            conversation = written.conversation
            conversation.last_message_at = written.last_message_at
            conversation.first_response_at = written.first_response_at
            conversation.updated_at = written.updated_at
            conversations.append(conversation)
        Message.objects.bulk_update(messages, ["created_at", "delivery_status"], batch_size=500)
        # bulk_update writes the values given, auto_now included.
        Conversation.objects.bulk_update(
            conversations,
            ["last_message_at", "first_response_at", "updated_at"],
            batch_size=500,
        )

    def _canned_replies(self) -> None:
        languages = set(self.store.languages)
        for name, shortcut, bodies in texts.CANNED_REPLIES:
            check_save_canned_reply(
                self.system,
                name=name,
                shortcut=shortcut,
                texts={code: body for code, body in bodies.items() if code in languages},
            )

    def _agent_statuses(self) -> None:
        for key, (presence, capacity) in AGENT_STATUSES.items():
            user = self.agents.get(key)
            if user is None:
                continue
            do_set_presence(self.store, user, presence=presence, seen=presence != Presence.OFFLINE)
            check_set_capacity(self.system, user, max_open_conversations=capacity)

    def _chat_widget(self) -> None:
        """The website chat, answered by the Istanbul team, open to any website."""
        languages = set(self.store.languages)
        do_create_widget(
            self.store,
            team=self.teams.get(CHAT_TEAM),
            greeting={
                code: text for code, text in texts.CHAT_GREETINGS.items() if code in languages
            },
        )


def _fits(topic: str, order: _Order) -> bool:
    """Whether a story about ``topic`` can be about ``order``."""
    if topic == "where":
        return order.status == "open" and order.shipment_status in _WHERE_SHIPMENTS
    if topic in {"return", "damaged", "thanks"}:
        return order.shipment_status == ShipmentStatus.DELIVERED
    if topic == "invoice":
        return order.financial_status == FinancialStatus.PAID
    return True


def _lower_first(title: str, language: str) -> str:
    """A product name as it reads inside a sentence ("the linen shirt"), acronyms kept."""
    if len(title) > 1 and title[1].islower():
        return lower_for_language(title[0], language) + title[1:]
    return title


def has_demo_inbox(store: Store) -> bool:
    """Whether the store has an inbox already (a demo store from before the inbox has not)."""
    return (
        Conversation.objects.filter(store=store).exists()
        or CannedReply.objects.filter(store=store).exists()
    )
