"""Inbox search: the same conversations whichever way the query runs, and exact lookups for
an email address, a phone number or an order number."""

import random
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from storedesk.accounts.actors import Actor
from storedesk.core.models import Store
from storedesk.core.text import search_key
from storedesk.customers.actions import do_add_identity
from storedesk.customers.models import Customer, IdentityKind
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox import selectors
from storedesk.inbox.models import Conversation, ConversationStatus, Message
from storedesk.inbox.selectors import ConversationFilters, InboxView, list_conversations
from storedesk.inbox.tests.factories import ConversationFactory, MessageFactory
from storedesk.orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db

VOCABULARY = [
    "siparişim",
    "nerede",
    "kargo",
    "iade",
    "paczka",
    "zwrot",
    "Łódź",
    "Iğdır",
    "invoice",
    "order",
    "Rechnung",
    "ok",
    "a",
    "%50_indirim",
]
QUERIES = [
    "kargo",
    "SİPARİŞİM nerede",
    "lodz",
    "igdir kargo",
    "rechnung",
    "reklamacja",
    "ok",
    "a kargo",
    "order invoice",
    "ayse",
    "ayse kargo",
    "zwrot",
    "SANLIURFA",
    "%50_",
    "50 indirim",
]


def corpus(store: Store, other_store: Store) -> None:
    """Forty conversations in every status, two to six messages each, from a small
    vocabulary, and the same words in another store."""
    rng = random.Random(11)
    now = timezone.now()
    names = ["Ayşe", "Łucja", "Emre", "Zeynep"]
    for index in range(40):
        for target in (store, other_store) if index % 8 == 0 else (store,):
            customer = CustomerFactory(store=target, first_name=rng.choice(names))
            conversation = ConversationFactory(
                customer=customer,
                status=rng.choice(list(ConversationStatus)),
                last_message_at=now - timedelta(minutes=rng.randrange(10_000)),
            )
            for _ in range(rng.randrange(2, 7)):
                words = rng.sample(VOCABULARY, rng.randrange(1, 4))
                MessageFactory(conversation=conversation, text=" ".join(words))
    rare = ConversationFactory(customer=CustomerFactory(store=store), last_message_at=now)
    MessageFactory(conversation=rare, text="Kargo Şanlıurfa'da bekliyor")


def expected(actor: Actor, text: str, **filters: Any) -> list[int]:
    """What the search means, evaluated in Python over the list without search."""
    words = search_key(text).split()
    listed = list_conversations(actor, ConversationFilters(**filters))
    keys: dict[int, list[str]] = {}
    for conversation_id, key in Message.objects.values_list("conversation_id", "search_key"):
        keys.setdefault(conversation_id, []).append(key)
    return [
        c.pk
        for c in listed.order_by("-last_message_at", "-id")
        if all(w in c.customer.search_key for w in words)
        or any(all(w in key for w in words) for key in keys.get(c.pk, []))
    ]


def found(actor: Actor, text: str, **filters: Any) -> list[int]:
    conversations = list_conversations(actor, ConversationFilters(search=text, **filters))
    return list(conversations.order_by("-last_message_at", "-id").values_list("pk", flat=True))


@pytest.mark.parametrize("probe_limit", [3_000, 2, 0])
@pytest.mark.parametrize("query", QUERIES)
def test_search_finds_the_same_conversations_for_rare_and_common_words(
    store: Store,
    other_store: Store,
    agent_actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    probe_limit: int,
) -> None:
    # A small limit makes every word "common": the list is walked instead of fetched by id.
    monkeypatch.setattr(selectors, "SEARCH_PROBE_LIMIT", probe_limit)
    monkeypatch.setattr(selectors, "SEARCH_PROBE_LIMIT_UNINDEXED", probe_limit)
    monkeypatch.setattr(selectors, "CUSTOMER_PROBE_LIMIT", probe_limit)
    corpus(store, other_store)

    for filters in ({}, {"status": "resolved"}, {"view": InboxView.UNASSIGNED}):
        assert found(agent_actor, query, **filters) == expected(agent_actor, query, **filters)


def test_the_corpus_has_rare_common_and_absent_words(
    store: Store, other_store: Store, agent_actor: Actor
) -> None:
    corpus(store, other_store)

    assert len(found(agent_actor, "kargo")) > 5
    assert len(found(agent_actor, "şanlıurfa")) == 1
    assert found(agent_actor, "reklamacja") == []


def test_an_absent_word_costs_no_walk_through_the_list(
    store: Store, agent_actor: Actor, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    conversation = ConversationFactory(customer=CustomerFactory(store=store))
    MessageFactory(conversation=conversation, text="Kargom nerede?")

    # The probes of customers and of the conversations' texts find nothing, so the list is
    # never read. PostgreSQL is asked for its estimate first.
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 2):
        assert found(agent_actor, "reklamacja") == []


# Exact lookups -------------------------------------------------------------------------


def conversation_of(customer: Customer, **fields: object) -> Conversation:
    return ConversationFactory(customer=customer, **fields)


def test_an_email_finds_its_customer_exactly_not_one_whose_address_contains_it(
    store: Store, agent_actor: Actor
) -> None:
    mine = conversation_of(CustomerFactory(store=store, email="ela@example.com"))
    conversation_of(CustomerFactory(store=store, email="bela@example.com"))

    assert found(agent_actor, "ELA@example.com") == [mine.pk]


def test_an_email_finds_a_customer_through_another_address_of_theirs(
    store: Store, agent_actor: Actor
) -> None:
    customer = CustomerFactory(store=store, email="ela@example.com")
    do_add_identity(customer, kind=IdentityKind.EMAIL, value="ela.work@example.org")
    conversation = conversation_of(customer)

    assert found(agent_actor, "ela.work@example.org") == [conversation.pk]


def test_an_email_also_finds_messages_that_quote_it(store: Store, agent_actor: Actor) -> None:
    quoted = conversation_of(CustomerFactory(store=store))
    MessageFactory(conversation=quoted, text="My new address is ela@example.com")

    assert found(agent_actor, "ela@example.com") == [quoted.pk]


@pytest.mark.parametrize("typed", ["+90 532 123 45 67", "0532 123 4567", "+905321234567"])
def test_a_phone_number_finds_its_customer_however_it_is_typed(
    store: Store, agent_actor: Actor, typed: str
) -> None:
    customer = CustomerFactory(store=store, phone="+905321234567")
    conversation = conversation_of(customer)
    conversation_of(CustomerFactory(store=store, phone="+905321234568"))

    assert found(agent_actor, typed) == [conversation.pk]


def test_a_phone_number_finds_a_customer_through_an_identity(
    store: Store, agent_actor: Actor
) -> None:
    customer = CustomerFactory(store=store, phone="")
    do_add_identity(customer, kind=IdentityKind.PHONE, value="+48 601 234 567")
    conversation = conversation_of(customer)

    assert found(agent_actor, "+48601234567") == [conversation.pk]


def test_an_order_number_finds_its_linked_conversations_and_its_customer(
    store: Store, agent_actor: Actor
) -> None:
    buyer = CustomerFactory(store=store)
    order = OrderFactory(customer=buyer, number="10234")
    about_it = conversation_of(CustomerFactory(store=store))
    about_it.orders.add(order)
    buyers = conversation_of(buyer)
    mentions = conversation_of(CustomerFactory(store=store))
    MessageFactory(conversation=mentions, text="Sipariş no 10234 nerede?")
    # Another customer whose phone holds the digits is no match for an order number.
    conversation_of(CustomerFactory(store=store, phone="+905321023499"))

    assert sorted(found(agent_actor, "#10234")) == sorted([about_it.pk, buyers.pk, mentions.pk])
    assert sorted(found(agent_actor, "10234")) == sorted([about_it.pk, buyers.pk, mentions.pk])


def test_exact_lookups_stay_in_the_store(
    store: Store, other_store: Store, agent_actor: Actor
) -> None:
    conversation_of(CustomerFactory(store=other_store, email="ela@example.com"))
    OrderFactory(customer=CustomerFactory(store=other_store), number="777")

    assert found(agent_actor, "ela@example.com") == []
    assert found(agent_actor, "777") == []
