"""Order numbers a customer gives, in a message or in the contact form's order field: found,
offered to the agent for linking, and linked at once when the order is provably theirs."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.models import User
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import Customer
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.helpcenter.tests.factories import HelpCenterSettingsFactory
from storedesk.inbox.models import Conversation, Message
from storedesk.inbox.selectors import find_order_numbers, list_order_suggestions
from storedesk.inbox.tests.factories import chat_from
from storedesk.orders.models import Order
from storedesk.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Sipariş no 10234 hâlâ gelmedi", ["10234"]),
        ("SİPARİŞ NUMARAM: 10234", ["10234"]),
        ("Siparişim 10234 nerede?", ["10234"]),
        ("10234 numaralı siparişim", ["10234"]),
        ("Gdzie jest moje zamówienie nr 10234?", ["10234"]),
        ("Zamówienia nr. 10234 nie dostałam", ["10234"]),
        ("Where is order #10234?", ["10234"]),
        ("My order number is 10234", ["10234"]),
        ("Meine Bestellung 10234 ist nicht angekommen", ["10234"]),
        ("Bestellnummer: 10234", ["10234"]),
        ("Ma commande n° 10234", ["10234"]),
        ("Mi pedido n.º 10234", ["10234"]),
        ("#10234", ["10234"]),
        ("Order No. tr-10234", ["TR-10234"]),
        ("Orders 10234 and #10235, and order 10234 again", ["10234", "10235"]),
        # Numbers that are not order numbers: a phone, a postcode, a date, an entity, a link.
        ("Telefonum 0532 123 45 67, 34710 Kadıköy", []),
        ("12.03.2026 tarihli sipariş", []),
        ("order 2026-10-01", []),
        ("&#1234; https://example.com/page#1234", []),
    ],
)
def test_order_numbers_are_found_in_every_language(text: str, numbers: list[str]) -> None:
    assert find_order_numbers(text) == numbers


def details(client: Client, store: Store, conversation: Conversation) -> str:
    response = client.get(
        reverse("inbox-details", args=[store.slug, conversation.pk]), headers=HTMX
    )
    assert response.status_code == 200
    return response.content.decode()


def test_an_order_named_in_a_message_is_offered_and_linked_when_accepted(
    agent_client: Client, store: Store
) -> None:
    conversation = chat_from(store, text="Merhaba, sipariş no 10234 hâlâ gelmedi")
    order = OrderFactory(customer=conversation.customer, number="10234")

    offered = details(agent_client, store, conversation)
    accepted = agent_client.post(
        reverse("inbox-orders", args=[store.slug, conversation.pk]),
        {"order": order.pk},
        headers=HTMX,
    )

    assert '<li data-suggested-order="10234">' in offered
    assert "Another customer's order" not in offered
    assert 'aria-label="Link order 10234"' in offered
    assert accepted.status_code == 200
    assert list(conversation.orders.all()) == [order]
    assert "data-suggested-order" not in accepted.content.decode()


def test_another_customers_order_is_offered_marked(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store, text="Bestellung 10234?")
    OrderFactory(customer=CustomerFactory(store=store), number="10234")

    offered = details(agent_client, store, conversation)

    assert '<li data-suggested-order="10234">' in offered
    assert "Another customer's order" in offered


def test_numbers_that_are_no_order_of_this_store_are_not_offered(
    agent_client: Client, store: Store, other_store: Store
) -> None:
    conversation = chat_from(store, text="order #55555 and order #10234")
    OrderFactory(customer=CustomerFactory(store=other_store), number="10234")

    assert "data-suggested-order" not in details(agent_client, store, conversation)
    assert list_order_suggestions(conversation) == []


def test_the_conversation_page_offers_the_order_too(agent_client: Client, store: Store) -> None:
    conversation = chat_from(store, text="zamówienie nr 10234")
    OrderFactory(customer=conversation.customer, number="10234")

    page = agent_client.get(reverse("inbox-conversation", args=[store.slug, conversation.pk]))

    assert '<li data-suggested-order="10234">' in page.content.decode()


# The contact form's order field ---------------------------------------------------------


def contact(client: Client, **fields: str) -> Any:
    data = {
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.com",
        "order_number": "",
        "subject": "Kargo",
        "message": "Paketim nerede?",
        "website": "",
    }
    return client.post("/help/tr/contact/", data | fields, REMOTE_ADDR="203.0.113.7")


@pytest.fixture
def ayse(store: Store) -> Customer:
    HelpCenterSettingsFactory(store=store)
    return CustomerFactory(store=store, first_name="Ayşe", email="ayse@example.com")


def test_the_contact_form_links_the_order_at_once_when_the_email_is_its_customers(
    store: Store, ayse: Customer
) -> None:
    order = OrderFactory(customer=ayse, number="10234")

    response = contact(Client(), order_number=" #10234 ")

    assert response.status_code == 303
    conversation = Conversation.objects.get()
    assert conversation.customer == ayse
    assert list(conversation.orders.all()) == [order]
    assert conversation.given_order_number == ""
    # The shopper's words only: no "Order number: 10234" pasted in, in any language.
    assert Message.objects.get().text == "Paketim nerede?"


def test_the_contact_form_offers_an_order_of_another_address_without_linking_it(
    agent_client: Client, store: Store, ayse: Customer
) -> None:
    OrderFactory(customer=ayse, number="10234")

    contact(Client(), email="someone.else@example.com", order_number="10234")

    conversation = Conversation.objects.get()
    assert conversation.customer != ayse
    assert conversation.orders.count() == 0
    assert conversation.given_order_number == "10234"
    assert Message.objects.get().text == "Paketim nerede?"
    offered = details(agent_client, store, conversation)
    assert '<li data-suggested-order="10234">' in offered
    assert "Another customer's order" in offered


def test_the_contact_form_keeps_a_number_no_order_has_and_says_so(
    agent_client: Client, store: Store, ayse: Customer
) -> None:
    contact(Client(), order_number="99999")

    conversation = Conversation.objects.get()
    assert Order.objects.count() == 0
    offered = details(agent_client, store, conversation)
    assert '<li data-suggested-order="99999"><span>#99999</span>' in offered
    assert "No order has this number." in offered


def test_an_unrelated_store_member_sees_no_suggestion_without_the_orders_permission(
    store: Store, make_staff: Callable[..., User]
) -> None:
    from storedesk.accounts.permissions import Role

    conversation = chat_from(store, text="order #10234")
    OrderFactory(customer=conversation.customer, number="10234")
    viewer = make_staff(store, Role.VIEWER)
    client = logged_in(viewer)

    assert "data-suggested-order" not in details(client, store, conversation)
