"""Order numbers a customer gives: linked at once when the order is provably theirs,
otherwise kept for an agent to check and link."""

from django.db import transaction

from storedesk.accounts.actors import system_actor
from storedesk.inbox.actions.common import publish_conversation_event
from storedesk.inbox.actions.conversations import do_link_orders
from storedesk.inbox.models import Conversation
from storedesk.inbox.selectors import find_order_by_number
from storedesk.orders.models import Order

MAX_ORDER_NUMBER_LENGTH = 40


def do_take_given_order_number(conversation: Conversation, *, number: str) -> Order | None:
    """The customer typed ``number`` into a form's order field (the contact form's).

    When the store has that order and it is the conversation's customer's (the address
    the form came from is the order's customer's), the order is linked at once and
    returned. Otherwise the number is kept on the conversation, where agents see it
    offered for linking: typing a number proves nothing about whose order it is."""
    number = number.strip().lstrip("#").strip()[:MAX_ORDER_NUMBER_LENGTH]
    if not number:
        return None
    store = conversation.store
    order = find_order_by_number(store, number)
    if order is not None and order.customer_id == conversation.customer_id:
        do_link_orders(system_actor(store), conversation, orders=[order])
        return order
    with transaction.atomic():
        conversation.given_order_number = number
        conversation.save(update_fields=["given_order_number", "updated_at"])
        publish_conversation_event(conversation, "updated")
    return None
