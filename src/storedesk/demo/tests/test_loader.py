from collections import Counter
from datetime import timedelta

import phonenumbers
import pytest
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from storedesk.accounts.models import Team, User
from storedesk.core.models import Store
from storedesk.customers.models import Customer
from storedesk.demo.loader import FEATURED_EMAIL, load_demo
from storedesk.inbox.models import (
    AgentStatus,
    CannedReply,
    CannedReplyText,
    Conversation,
    Direction,
    Mention,
    Message,
)
from storedesk.inbox.order_status_text import order_status_variables
from storedesk.inbox.selectors import (
    list_customer_conversations,
    pick_reply_text,
    render_reply_template,
    reply_variables,
)
from storedesk.livechat.models import ChatWidget
from storedesk.orders.models import (
    FinancialStatus,
    FulfillmentStatus,
    LineItem,
    Order,
    OrderStatus,
    Shipment,
    ShipmentEvent,
    ShipmentStatus,
)

pytestmark = pytest.mark.django_db


def fingerprint() -> list[tuple[object, ...]]:
    return list(
        Order.objects.order_by("number").values_list(
            "number", "customer__email", "currency", "total", "status", "financial_status"
        )
    )


def inbox_fingerprint() -> list[tuple[object, ...]]:
    return list(
        Message.objects.order_by("id").values_list(
            "conversation__customer__email", "channel", "direction", "author_type", "text"
        )
    )


def test_the_demo_store_has_every_status_in_six_languages() -> None:
    summary = load_demo()

    assert summary.created
    # The 201st customer is the inbox's anonymous chat visitor.
    assert (summary.customers, summary.orders) == (201, 1000)
    assert set(Customer.objects.values_list("language", flat=True)) == {
        "tr",
        "pl",
        "en",
        "de",
        "fr",
        "es",
    }
    assert set(Order.objects.values_list("status", flat=True)) == set(OrderStatus.values)
    assert set(Order.objects.values_list("financial_status", flat=True)) == set(
        FinancialStatus.values
    )
    assert set(Order.objects.values_list("fulfillment_status", flat=True)) == set(
        FulfillmentStatus.values
    )
    assert set(Shipment.objects.values_list("status", flat=True)) == set(ShipmentStatus.values)
    assert Team.objects.count() == 2
    assert User.objects.filter(teams__isnull=False).distinct().count() == 4


def test_the_featured_turkish_customer_has_a_shipment_in_transit_with_turkish_scans() -> None:
    load_demo()

    elif_ = Customer.objects.get(email=FEATURED_EMAIL)
    assert (elif_.first_name, elif_.last_name, elif_.language) == ("Elif", "Yıldız", "tr")
    assert list(elif_.tags.values_list("name", flat=True)) == ["VIP"]
    orders = Order.objects.filter(customer=elif_)
    assert set(orders.values_list("currency", flat=True)) == {"TRY"}
    in_transit = Shipment.objects.get(order__customer=elif_, status=ShipmentStatus.IN_TRANSIT)
    messages = list(in_transit.events.order_by("occurred_at").values_list("message", flat=True))
    assert messages == [
        "Gönderi bilgisi alındı",
        "Gönderi kabul edildi",
        "Transfer merkezinde",
        "Dağıtım şubesine ulaştı",
    ]
    assert Shipment.objects.filter(order__customer=elif_, status="delivered").exists()
    assert orders.filter(fulfillment_status=FulfillmentStatus.UNFULFILLED).exists()


def test_the_demo_data_is_consistent() -> None:
    load_demo()

    assert not LineItem.objects.exclude(currency=F("order__currency")).exists()
    # Every customer but the anonymous chat visitor has a phone number.
    assert Customer.objects.filter(phone="").count() == 1
    for phone in Customer.objects.exclude(phone="").values_list("phone", flat=True):
        assert phonenumbers.is_valid_number(phonenumbers.parse(phone)), phone
    latest_status = ShipmentEvent.objects.filter(shipment=OuterRef("pk")).order_by(
        "-occurred_at", "-id"
    )
    with_events = Shipment.objects.filter(events__isnull=False).distinct()
    mismatched = with_events.annotate(latest=Subquery(latest_status.values("status")[:1])).exclude(
        status=F("latest")
    )
    assert not mismatched.exists()


def test_loading_twice_changes_nothing() -> None:
    load_demo()
    before = fingerprint()

    summary = load_demo()

    assert not summary.created
    assert fingerprint() == before


def test_the_same_seed_gives_the_same_store() -> None:
    load_demo(seed=7, customers=30, orders=80)
    first = fingerprint()
    first_inbox = inbox_fingerprint()
    Conversation.objects.all().delete()
    Order.objects.all().delete()
    Customer.objects.all().delete()
    Store.objects.all().delete()
    User.objects.all().delete()

    load_demo(seed=7, customers=30, orders=80)

    assert fingerprint() == first
    assert inbox_fingerprint() == first_inbox


# The inbox -----------------------------------------------------------------------------


def test_the_inbox_has_every_channel_status_and_language() -> None:
    load_demo()

    conversations = Conversation.objects.all()
    assert Counter(conversations.values_list("channel", flat=True)) == {
        "chat": 14,
        "email": 15,
        "whatsapp": 10,
        "instagram": 7,
        "facebook": 6,
        "contact_form": 8,
    }
    assert Counter(conversations.values_list("status", flat=True)) == {
        "open": 24,
        "pending": 8,
        "snoozed": 4,
        "resolved": 24,
    }
    assert Counter(conversations.values_list("language", flat=True)) == {
        "tr": 16,
        "en": 12,
        "pl": 9,
        "de": 9,
        "fr": 7,
        "es": 7,
    }
    assert not conversations.exclude(language=F("customer__language")).exists()
    waiting_unassigned = conversations.filter(status="open", assignee=None, team=None)
    assert waiting_unassigned.count() == 9
    assert not waiting_unassigned.filter(waiting_since=None).exists()
    assert conversations.filter(assignee=None).exclude(team=None).count() == 5
    assert conversations.exclude(assignee=None).count() == 46
    assert set(conversations.exclude(assignee=None).values_list("assignee__email", flat=True)) == {
        "ayse@atlas.example",
        "piotr@atlas.example",
        "emily@atlas.example",
        "lucas@atlas.example",
        "owner@atlas.example",
    }
    sizes = conversations.annotate(
        said=Count("messages", filter=~Q(messages__direction=Direction.INTERNAL))
    ).values_list("said", flat=True)
    assert (min(sizes), max(sizes)) == (1, 6)
    assert Counter(
        conversations.filter(tags__isnull=False).values_list("tags__name", flat=True)
    ).keys() == {"iade", "return", "kargo", "shipping", "VIP", "complaint"}
    notes = Message.objects.filter(direction=Direction.INTERNAL)
    assert notes.count() == 6
    assert Mention.objects.count() == 6
    assert all(note.startswith("@") for note in notes.values_list("text", flat=True))
    assert not Message.objects.filter(Q(text__contains="{") | Q(text__contains="}")).exists()


def test_conversations_are_about_the_customers_real_orders() -> None:
    load_demo()

    linked = Conversation.objects.filter(orders__isnull=False).distinct()
    assert linked.count() == 52
    for conversation in linked.prefetch_related("orders"):
        (order,) = conversation.orders.all()
        first = conversation.messages.order_by("created_at", "id").first()
        assert first is not None
        assert order.customer_id == conversation.customer_id
        assert order.number in first.text


def test_the_timeline_is_the_last_days_in_order() -> None:
    load_demo()
    now = timezone.now()

    assert not Message.objects.filter(created_at__gt=now).exists()
    assert not Message.objects.filter(created_at__lt=now - timedelta(days=7)).exists()
    for conversation in Conversation.objects.all():
        messages = list(conversation.messages.order_by("id"))
        said = [m for m in messages if m.direction != Direction.INTERNAL]
        answers = [m for m in said if m.direction == Direction.OUTBOUND]
        assert [m.created_at for m in messages] == sorted(m.created_at for m in messages)
        assert conversation.created_at == said[0].created_at
        assert conversation.last_message_at == said[-1].created_at
        assert conversation.message_count == len(said)
        assert conversation.first_response_at == (answers[0].created_at if answers else None)
        assert conversation.updated_at >= conversation.last_message_at
        if conversation.status == "snoozed":
            assert conversation.snoozed_until is not None
            assert conversation.snoozed_until > now
        if conversation.status == "resolved":
            assert conversation.resolved_at is not None
            assert conversation.resolved_at <= now
            assert conversation.waiting_since is None


def test_the_featured_customer_chatted_and_then_emailed_one_timeline() -> None:
    load_demo()

    elif_ = Customer.objects.get(email=FEATURED_EMAIL)
    chat, email = sorted(list_customer_conversations(elif_), key=lambda c: c.created_at)
    assert (chat.channel, chat.status) == ("chat", "resolved")
    assert (email.channel, email.status) == ("email", "open")
    assert chat.last_message_at < email.created_at
    assert set(chat.orders.all()) == set(email.orders.all())
    first_email = email.messages.order_by("created_at").first()
    assert first_email is not None
    assert "dün canlı destekte" in first_email.text
    assert sorted(email.tags.values_list("name", flat=True)) == ["VIP", "kargo"]


def test_an_anonymous_chat_visitor_points_at_a_known_customer() -> None:
    load_demo()

    (suggestion,) = Conversation.objects.exclude(suggested_customer=None)
    visitor = suggestion.customer
    known = suggestion.suggested_customer
    assert known is not None
    assert (suggestion.channel, suggestion.status, suggestion.assignee) == ("chat", "open", None)
    assert (visitor.first_name, visitor.email, visitor.language) == ("", None, "de")
    assert list(visitor.identities.values_list("kind", flat=True)) == ["visitor"]
    assert known.email is not None
    assert known.orders.exists()
    assert known.email in suggestion.messages.get().text


def test_canned_replies_in_six_languages_fill_in_the_tracking_link() -> None:
    load_demo()

    assert list(CannedReply.objects.order_by("shortcut").values_list("shortcut", flat=True)) == [
        "invoice",
        "return",
        "size",
        "sorry",
        "thanks",
        "where",
    ]
    assert Counter(CannedReplyText.objects.values_list("language", flat=True)) == dict.fromkeys(
        ["en", "tr", "pl", "de", "fr", "es"], 6
    )
    where = CannedReply.objects.get(shortcut="where")
    elif_ = Customer.objects.get(email=FEATURED_EMAIL)
    conversation = Conversation.objects.get(customer=elif_, channel="email")
    text = pick_reply_text(where, conversation.language, conversation.store)
    assert text is not None
    order = conversation.orders.get()
    shipment = order.shipments.get()
    told = order_status_variables(order.fulfillment_status, shipment.status, language="tr")
    assert render_reply_template(text.body, reply_variables(conversation, agent=None)) == (
        f"Merhaba Elif, {order.number} numaralı siparişinizin son durumu: "
        f"{told['order.shipping_status']} {shipment.tracking_url}"
    )
    assert told["order.shipping_status"]


def test_agents_have_a_presence_and_a_capacity_and_the_chat_has_a_widget() -> None:
    load_demo()

    widget = ChatWidget.objects.get()
    assert widget.enabled
    assert widget.team is not None
    assert widget.team.name == "Istanbul"
    assert widget.allowed_origins == []
    assert sorted(widget.greeting) == ["de", "en", "es", "fr", "pl", "tr"]

    assert sorted(
        AgentStatus.objects.values_list("user__email", "presence", "max_open_conversations")
    ) == [
        ("ayse@atlas.example", "online", 25),
        ("emily@atlas.example", "away", 15),
        ("lucas@atlas.example", "offline", 20),
        ("owner@atlas.example", "offline", 5),
        ("piotr@atlas.example", "online", 20),
    ]


def inbox_counts() -> dict[str, int]:
    return {
        "customers": Customer.objects.count(),
        "conversations": Conversation.objects.count(),
        "messages": Message.objects.count(),
        "canned_replies": CannedReply.objects.count(),
        "agent_statuses": AgentStatus.objects.count(),
        "chat_widgets": ChatWidget.objects.count(),
    }


def test_loading_twice_creates_no_second_inbox() -> None:
    load_demo()
    before = inbox_counts()
    messages = inbox_fingerprint()

    load_demo()

    assert inbox_counts() == before
    assert inbox_fingerprint() == messages


def test_a_demo_store_from_before_the_inbox_gets_one() -> None:
    load_demo()
    Conversation.objects.all().delete()
    CannedReply.objects.all().delete()

    summary = load_demo()

    assert not summary.created
    assert (Conversation.objects.count(), CannedReply.objects.count()) == (60, 6)
