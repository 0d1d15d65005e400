import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from storedesk.core.text import search_key
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import (
    AuthorType,
    CannedReply,
    CannedReplyText,
    Channel,
    Conversation,
    DeliveryStatus,
    Direction,
    Message,
)


class ConversationFactory(DjangoModelFactory[Conversation]):
    class Meta:
        model = Conversation

    customer = factory.SubFactory(CustomerFactory)
    store = factory.SelfAttribute("customer.store")
    channel = Channel.CHAT
    language = factory.SelfAttribute("customer.language")
    last_message_at = factory.LazyFunction(timezone.now)
    created_at = factory.LazyFunction(timezone.now)


class MessageFactory(DjangoModelFactory[Message]):
    """An inbound customer message; the conversation's list fields are not updated."""

    class Meta:
        model = Message

    conversation = factory.SubFactory(ConversationFactory)
    store = factory.SelfAttribute("conversation.store")
    direction = Direction.INBOUND
    author_type = AuthorType.CUSTOMER
    author_name = "Ayşe"
    text = "Merhaba, siparişim nerede?"
    channel = factory.SelfAttribute("conversation.channel")
    delivery_status = DeliveryStatus.RECEIVED
    search_key = factory.LazyAttribute(lambda m: search_key(m.text))
    created_at = factory.LazyFunction(timezone.now)


class CannedReplyFactory(DjangoModelFactory[CannedReply]):
    class Meta:
        model = CannedReply

    name = "Where is my order"
    shortcut = factory.Sequence(lambda n: f"where-{n}")


class CannedReplyTextFactory(DjangoModelFactory[CannedReplyText]):
    class Meta:
        model = CannedReplyText

    reply = factory.SubFactory(CannedReplyFactory)
    store = factory.SelfAttribute("reply.store")
    language = "tr"
    body = "Merhaba {{ customer.first_name }}, {{ order.number }} numaralı siparişiniz yolda."
