from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.orders.tests.factories import give_orders

pytestmark = pytest.mark.django_db


def test_search_ignores_case_and_turkish_letters(agent_client: Client, store: Store) -> None:
    CustomerFactory(store=store, first_name="Elif", last_name="Yıldız", email="elif@example.com")
    CustomerFactory(store=store, first_name="Jan", last_name="Kowalski", email="jan@example.com")

    page = agent_client.get(reverse("customer-list", args=[store.slug]), {"q": "YILDIZ"})

    body = page.content.decode()
    assert "Elif Yıldız" in body
    assert "Kowalski" not in body


def test_filters_narrow_the_list(agent_client: Client, store: Store) -> None:
    CustomerFactory(store=store, first_name="Ola", last_name="Nowak", language="pl", country="PL")
    CustomerFactory(store=store, first_name="Ece", last_name="Kaya", language="tr", country="TR")

    body = agent_client.get(
        reverse("customer-list", args=[store.slug]), {"language": "pl", "country": "PL"}
    ).content.decode()

    assert "Ola Nowak" in body
    assert "Ece Kaya" not in body


def test_a_bad_cursor_is_a_400_not_a_500(agent_client: Client, store: Store) -> None:
    response = agent_client.get(reverse("customer-list", args=[store.slug]), {"cursor": "zzz"})

    assert response.status_code == 400


def test_the_profile_shows_orders_shipments_and_spend(agent_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store, first_name="Elif", last_name="Yıldız")
    give_orders(customer, 2)

    body = agent_client.get(
        reverse("customer-profile", args=[store.slug, customer.pk])
    ).content.decode()

    assert "Elif Yıldız" in body
    assert "Yurtiçi Kargo" in body
    assert "Scan 1-2" in body
    assert "TRY\xa01,060.00" in body  # two orders of 530.00 TRY, in English style


def test_profile_queries_do_not_grow_with_orders_and_scans(
    agent_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    few, many = CustomerFactory(store=store), CustomerFactory(store=store)
    give_orders(few, 1)
    give_orders(many, 8)
    url = reverse("customer-profile", args=[store.slug, few.pk])
    agent_client.get(url)
    with CaptureQueriesContext(connection) as baseline:
        agent_client.get(url)

    with django_assert_num_queries(len(baseline)):
        agent_client.get(reverse("customer-profile", args=[store.slug, many.pk]))


def test_list_queries_do_not_grow_with_customers(
    agent_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    CustomerFactory.create_batch(2, store=store)
    url = reverse("customer-list", args=[store.slug])
    with CaptureQueriesContext(connection) as baseline:
        agent_client.get(url)
    CustomerFactory.create_batch(20, store=store)

    with django_assert_num_queries(len(baseline)):
        agent_client.get(url)


def test_another_stores_customer_is_not_found_from_either_store(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    theirs = CustomerFactory(store=other_store, first_name="Zofia", last_name="Łuczak")
    ours = CustomerFactory(store=store, first_name="Ayşe", last_name="Kaya")
    client = logged_in(make_staff(store, Role.AGENT))

    through_our_store = client.get(reverse("customer-profile", args=[store.slug, theirs.pk]))
    through_their_store = client.get(
        reverse("customer-profile", args=[other_store.slug, theirs.pk])
    )
    our_list = client.get(reverse("customer-list", args=[store.slug])).content.decode()

    assert through_our_store.status_code == 404
    assert through_their_store.status_code == 404
    assert "Łuczak" not in through_our_store.content.decode()
    assert "Łuczak" not in our_list
    assert str(ours) in our_list
