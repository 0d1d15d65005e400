from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.customers.events import CustomerEvent
from storedesk.customers.models import Customer, MarketingConsent
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.orders.tests.factories import OrderFactory, give_orders

pytestmark = pytest.mark.django_db


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


def test_create_customer_normalises_phone_email_and_search_key(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = post(api_client, "/api/v1/customers", {
            "first_name": "Çağrı", "last_name": "Öztürk", "email": "Cagri@Example.COM",
            "phone": "0532 123 45 67", "country": "TR", "tags": ["VIP", "vip "],
        })  # fmt: skip

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["email"], body["phone"], body["tags"]) == (
        "cagri@example.com", "+905321234567", ["VIP"],
    )  # fmt: skip
    assert (body["language"], body["timezone"]) == ("tr", "Europe/Istanbul")  # store defaults
    customer = Customer.objects.get(pk=body["id"])
    assert customer.search_key == "cagri ozturk cagri@example.com +905321234567"
    assert captured_events == [
        CustomerEvent(op="created", store_id=store.pk, customer_id=customer.pk)
    ]
    entry = AuditLogEntry.objects.get()
    assert (entry.actor_label, entry.action, entry.target_id) == (
        "token:Platform sync", "customer.created", str(customer.pk),
    )  # fmt: skip


def test_the_same_external_id_updates_instead_of_duplicating(
    api_client: Client, store: Store
) -> None:
    first = post(api_client, "/api/v1/customers", {"external_id": "c-1", "first_name": "Ola"})
    second = post(api_client, "/api/v1/customers", {"external_id": "c-1", "last_name": "Nowak"})

    assert (first.status_code, second.status_code) == (201, 200)
    assert Customer.objects.get().full_name == "Ola Nowak"


def test_a_duplicate_email_is_a_conflict(api_client: Client, store: Store) -> None:
    CustomerFactory(store=store, email="ayse@example.com")

    response = post(api_client, "/api/v1/customers", {"email": "AYSE@example.com"})

    assert response.status_code == 409
    assert Customer.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ({"phone": "12"}, "phone number"),
        ({"phone": "+90 212"}, "not a valid phone number"),
        ({"email": "not-an-email"}, "email"),
        ({"country": "XX"}, "ISO 3166-1"),
        ({"timezone": "Mars/Olympus"}, "IANA time zone"),
        ({"language": "türkçe"}, "language code"),
        ({"birthday": "2999-01-01"}, "future"),
        ({"first_name": 5}, "first_name"),
        ({"first_name": "a\u0000b"}, "control characters"),
        ({"first_name": "x" * 121}, "first_name"),
        ({"tags": ["VIP"] * 51}, "tags"),
    ],
)
def test_invalid_customers_are_refused_with_a_clear_message(
    api_client: Client, store: Store, body: dict[str, Any], fragment: str
) -> None:
    response = post(api_client, "/api/v1/customers", body)

    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert fragment in response.content.decode()
    assert not Customer.objects.exists()


def test_patch_changes_only_what_is_sent(api_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store, first_name="Elif", notes="VIP")

    response = api_client.patch(
        f"/api/v1/customers/{customer.pk}", {"notes": "", "email": None},
        content_type="application/json",
    )  # fmt: skip

    customer.refresh_from_db()
    assert response.status_code == 200
    assert (customer.first_name, customer.notes, customer.email) == ("Elif", "", None)


def test_search_ignores_case_and_diacritics(api_client: Client, store: Store) -> None:
    elif_ = CustomerFactory(store=store, first_name="Elif", last_name="Yıldız")
    CustomerFactory(store=store, first_name="Zofia", last_name="Łuczak")

    found = api_client.get("/api/v1/customers", {"search": "YILDIZ"}).json()["items"]
    polish = api_client.get("/api/v1/customers", {"search": "luczak"}).json()["items"]

    assert [c["id"] for c in found] == [elif_.pk]
    assert [c["last_name"] for c in polish] == ["Łuczak"]


def test_consents_are_kept_as_a_trail(api_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    path = f"/api/v1/customers/{customer.pk}/consents"
    post(api_client, path, {"channel": "email", "granted": True, "source": "checkout"})
    post(api_client, path, {"channel": "email", "granted": False, "source": "form"})

    profile = api_client.get(f"/api/v1/customers/{customer.pk}/profile").json()

    assert MarketingConsent.objects.count() == 2
    assert [(c["channel"], c["granted"]) for c in profile["consents"]] == [("email", False)]


def test_the_profile_has_orders_shipments_and_lifetime_spend(
    api_client: Client, store: Store
) -> None:
    customer = CustomerFactory(store=store)
    OrderFactory(customer=customer)
    OrderFactory(customer=customer, currency="EUR")
    OrderFactory(customer=customer, status="cancelled")

    profile = api_client.get(f"/api/v1/customers/{customer.pk}/profile").json()

    assert profile["order_count"] == 2
    assert profile["lifetime_spend"] == [
        {"currency": "EUR", "amount": "530.00"},
        {"currency": "TRY", "amount": "530.00"},
    ]
    assert len(profile["recent_orders"]) == 3


def test_profile_queries_do_not_grow_with_history(
    api_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    quiet, busy = CustomerFactory(store=store), CustomerFactory(store=store)
    give_orders(quiet, 1)
    give_orders(busy, 8)
    api_client.get(f"/api/v1/customers/{quiet.pk}/profile")  # warm: token use is recorded
    with CaptureQueriesContext(connection) as baseline:
        api_client.get(f"/api/v1/customers/{quiet.pk}/profile")

    with django_assert_num_queries(len(baseline)):
        api_client.get(f"/api/v1/customers/{busy.pk}/profile")


def test_list_queries_do_not_grow_with_customers(
    api_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    CustomerFactory.create_batch(2, store=store)
    api_client.get("/api/v1/customers")  # warm: token use is recorded
    with CaptureQueriesContext(connection) as baseline:
        api_client.get("/api/v1/customers")
    CustomerFactory.create_batch(30, store=store)

    with django_assert_num_queries(len(baseline)):
        api_client.get("/api/v1/customers")
