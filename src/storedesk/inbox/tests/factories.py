from typing import Any

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from storedesk.core.models import Store
from storedesk.core.text import search_key
from storedesk.customers.models import IdentityKind
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.messages import Sender, do_receive_message
from storedesk.inbox.actions.search import do_index_message
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

    @classmethod
    def _create(cls, model_class: type[Message], *args: Any, **kwargs: Any) -> Message:
        message: Message = super()._create(model_class, *args, **kwargs)
        # As the actions do: the inbox search reads the conversation's search text.
        do_index_message(message)
        return message


class CannedReplyFactory(DjangoModelFactory[CannedReply]):
    class Meta:
        model = CannedReply

    name = "Where is my order"
    shortcut = factory.Sequence(lambda n: f"where-{n}")
    search_key = factory.LazyAttribute(lambda r: search_key(f"{r.name} {r.shortcut}"))


class CannedReplyTextFactory(DjangoModelFactory[CannedReplyText]):
    class Meta:
        model = CannedReplyText

    reply = factory.SubFactory(CannedReplyFactory)
    store = factory.SelfAttribute("reply.store")
    language = "tr"
    body = "Merhaba {{ customer.first_name }}, {{ order.number }} numaralı siparişiniz yolda."
    search_key = factory.LazyAttribute(lambda t: search_key(t.body))


def chat_from(
    store: Store, *, visitor: str = "v-1", text: str = "Merhaba, siparişim nerede?"
) -> Conversation:
    """A website chat as the widget starts one: through the inbox's own action, so the
    customer, the conversation and their list fields are what production writes."""
    return do_receive_message(
        store,
        channel=Channel.CHAT,
        text=text,
        sender=Sender(kind=IdentityKind.VISITOR, value=visitor, name="Elif Yıldız"),
    ).conversation
