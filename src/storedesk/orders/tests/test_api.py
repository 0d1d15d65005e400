from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.orders.events import OrderEvent, ShipmentEvent
from storedesk.orders.models import LineItem, Order, Shipment
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def order_payload(customer: int, **changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "external_id": "shop-1001",
        "number": "#1001",
        "customer_id": customer,
        "currency": "TRY",
        "financial_status": "paid",
        "placed_at": "2026-11-20T09:30:00+03:00",
        "shipping_total": "29.90",
        "discount_total": "50.00",
        "line_items": [
            {"sku": "LS-M", "title": "Keten gömlek", "quantity": 2, "unit_price": "449.95"},
            {"title": "Çorap", "quantity": 1, "unit_price": "60.00", "currency": "TRY"},
        ],
    }
    payload.update(changes)
    return payload


def post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, body, content_type="application/json")


def test_a_platform_pushes_an_order_and_resending_it_updates_it(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    customer = CustomerFactory(store=store)

    with django_capture_on_commit_callbacks(execute=True):
        created = post(api_client, "/api/v1/orders", order_payload(customer.pk))
        changed = order_payload(
            customer.pk,
            financial_status="refunded",
            line_items=[{"title": "Keten gömlek", "quantity": 1, "unit_price": "449.95"}],
        )
        updated = post(api_client, "/api/v1/orders", changed)

    assert created.status_code == 201, created.content
    assert updated.status_code == 200
    body = updated.json()
    assert body["id"] == created.json()["id"]
    assert body["number"] == "1001"
    assert (body["items_total"], body["total"]) == ("449.95", "429.85")
    assert body["financial_status"] == "refunded"
    assert [line["title"] for line in body["line_items"]] == ["Keten gömlek"]
    assert Order.objects.count() == 1
    assert LineItem.objects.count() == 1
    order_id = body["id"]
    assert captured_events == [
        OrderEvent(op="created", store_id=store.pk, order_id=order_id, customer_id=customer.pk),
        OrderEvent(op="updated", store_id=store.pk, order_id=order_id, customer_id=customer.pk),
    ]
    assert list(AuditLogEntry.objects.values_list("action", "target_id")) == [
        ("order.updated", str(order_id)),
        ("order.created", str(order_id)),
    ]


def test_an_order_can_name_its_customer_by_the_platforms_id(
    api_client: Client, store: Store
) -> None:
    CustomerFactory(store=store, external_id="cust-7")
    payload = order_payload(0, customer_external_id="cust-7")
    del payload["customer_id"]

    response = post(api_client, "/api/v1/orders", payload)

    assert response.status_code == 201, response.content


@pytest.mark.parametrize(
    ("changes", "status", "fragment"),
    [
        (
            {"line_items": [{"title": "A", "quantity": 1, "unit_price": "1", "currency": "EUR"}]},
            422,
            "Line item 1 is in EUR, but the order is in TRY",
        ),
        ({"line_items": []}, 422, "line_items"),
        ({"currency": "XYZ"}, 422, "ISO 4217"),
        ({"customer_id": 999999}, 404, "No such customer"),
        ({"shipping_total": "-1"}, 422, "shipping_total"),
        ({"shipping_total": "1.001"}, 422, "shipping_total"),
        ({"placed_at": "yesterday"}, 422, "placed_at"),
        ({"status": "lost"}, 422, "status"),
        ({"number": ""}, 422, "number"),
    ],
)
def test_invalid_orders_are_refused_and_nothing_is_written(
    api_client: Client, store: Store, changes: dict[str, Any], status: int, fragment: str
) -> None:
    customer = CustomerFactory(store=store)

    response = post(api_client, "/api/v1/orders", order_payload(customer.pk, **changes))

    assert response.status_code == status
    assert fragment in response.content.decode()
    assert set(response.json()) == {"error"}
    assert (Order.objects.count(), LineItem.objects.count()) == (0, 0)


def test_an_order_for_another_stores_customer_is_refused(
    api_client: Client, other_store: Store
) -> None:
    theirs = CustomerFactory(store=other_store)

    response = post(api_client, "/api/v1/orders", order_payload(theirs.pk))

    assert response.status_code == 404
    assert not Order.objects.exists()


def test_the_same_order_number_twice_is_a_conflict(api_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    post(api_client, "/api/v1/orders", order_payload(customer.pk, external_id=None))

    again = post(api_client, "/api/v1/orders", order_payload(customer.pk, external_id=None))

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "conflict"
    assert Order.objects.count() == 1


def test_patch_changes_only_what_is_sent(api_client: Client, store: Store) -> None:
    order = OrderFactory(customer__store=store, note="Kapıya bırakın")

    response = api_client.patch(
        f"/api/v1/orders/{order.pk}", {"fulfillment_status": "packed"},
        content_type="application/json",
    )  # fmt: skip

    assert response.status_code == 200
    order.refresh_from_db()
    assert (order.fulfillment_status, order.note) == ("packed", "Kapıya bırakın")


def test_tracking_events_move_the_shipment_and_duplicates_are_ignored(
    api_client: Client,
    store: Store,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    order = OrderFactory(customer__store=store)
    scans = [
        {"status": "info_received", "occurred_at": "2026-11-20T08:00:00Z", "external_id": "e1"},
        {"status": "in_transit", "occurred_at": "2026-11-20T18:00:00Z", "external_id": "e2",
         "message": "Transfer merkezinde", "location": "Ankara"},
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        created = post(
            api_client,
            f"/api/v1/orders/{order.pk}/shipments",
            {"carrier": "Aras Kargo", "tracking_number": "AR123", "events": scans},
        )
        shipment_id = created.json()["id"]
        delivered = [
            scans[1],
            {"status": "delivered", "occurred_at": "2026-11-21T11:00:00Z", "external_id": "e3"},
        ]
        first = post(api_client, f"/api/v1/shipments/{shipment_id}/events", {"events": delivered})
        again = post(api_client, f"/api/v1/shipments/{shipment_id}/events", {"events": delivered})

    assert created.status_code == 201
    assert created.json()["status"] == "in_transit"
    assert created.json()["shipped_at"] == "2026-11-20T18:00:00Z"
    assert first.json()["status"] == "delivered"
    assert first.json()["delivered_at"] == "2026-11-21T11:00:00Z"
    assert len(again.json()["events"]) == 3
    shipment = {"store_id": store.pk, "shipment_id": shipment_id, "order_id": order.pk}
    assert captured_events == [
        ShipmentEvent(op="created", status="in_transit", **shipment),
        ShipmentEvent(op="updated", status="delivered", **shipment),
        ShipmentEvent(op="delivered", status="delivered", **shipment),
        ShipmentEvent(op="updated", status="delivered", **shipment),
    ]


def test_a_late_scan_arriving_after_delivery_does_not_undo_it(
    api_client: Client, store: Store
) -> None:
    shipment = ShipmentFactory(order__customer__store=store)
    post(api_client, f"/api/v1/shipments/{shipment.pk}/events", {"events": [
        {"status": "delivered", "occurred_at": "2026-11-21T11:00:00Z"}]})  # fmt: skip

    response = post(api_client, f"/api/v1/shipments/{shipment.pk}/events", {"events": [
        {"status": "in_transit", "occurred_at": "2026-11-20T10:00:00Z"}]})  # fmt: skip

    assert response.json()["status"] == "delivered"


def test_resending_a_shipment_by_tracking_number_updates_it(
    api_client: Client, store: Store
) -> None:
    order = OrderFactory(customer__store=store)
    body = {"carrier": "InPost", "tracking_number": "IP1", "status": "in_transit"}
    post(api_client, f"/api/v1/orders/{order.pk}/shipments", body)

    again = post(
        api_client,
        f"/api/v1/orders/{order.pk}/shipments",
        body | {"estimated_delivery_at": "2026-11-25T12:00:00Z"},
    )

    assert again.status_code == 200
    assert Shipment.objects.get().estimated_delivery_at is not None


def test_a_tracking_number_of_another_order_is_a_conflict(api_client: Client, store: Store) -> None:
    shipment = ShipmentFactory(order__customer__store=store, carrier="DPD", tracking_number="D1")
    other = OrderFactory(customer__store=store)

    response = post(
        api_client,
        f"/api/v1/orders/{other.pk}/shipments",
        {"carrier": "DPD", "tracking_number": "D1"},
    )

    assert response.status_code == 409
    assert Shipment.objects.get().order_id == shipment.order_id


def test_walking_the_order_list_visits_every_order_once(api_client: Client, store: Store) -> None:
    customer = CustomerFactory(store=store)
    for _ in range(7):
        OrderFactory(customer=customer)  # the same placed_at: ties are broken by id
    seen: list[int] = []
    cursor = ""

    while True:
        page = api_client.get("/api/v1/orders", {"limit": "3", "cursor": cursor}).json()
        seen += [order["id"] for order in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]

    assert seen == sorted(Order.objects.values_list("pk", flat=True), reverse=True)


def test_order_list_filters(api_client: Client, store: Store) -> None:
    mine = OrderFactory(customer__store=store, status="cancelled")
    OrderFactory(customer__store=store)

    by_status = api_client.get("/api/v1/orders", {"status": "cancelled"}).json()
    by_customer = api_client.get("/api/v1/orders", {"customer_id": mine.customer_id}).json()
    bad = api_client.get("/api/v1/orders", {"status": "lost"})

    assert [o["id"] for o in by_status["items"]] == [mine.pk]
    assert [o["id"] for o in by_customer["items"]] == [mine.pk]
    assert bad.status_code == 422


def test_order_page_queries_do_not_grow_with_lines_and_shipments(
    api_client: Client, store: Store, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    small = OrderFactory(customer__store=store)
    LineItemFactory(order=small)
    ShipmentFactory(order=small)
    big = OrderFactory(customer__store=store)
    for _ in range(6):
        LineItemFactory(order=big)
        ShipmentFactory(order=big)
    api_client.get(f"/api/v1/orders/{small.pk}")  # warm: token use is recorded
    with CaptureQueriesContext(connection) as baseline:
        api_client.get(f"/api/v1/orders/{small.pk}")

    with django_assert_num_queries(len(baseline)):
        response = api_client.get(f"/api/v1/orders/{big.pk}")

    assert len(response.json()["shipments"]) == 6


def test_money_is_exact_decimal_strings(api_client: Client, store: Store) -> None:
    order = OrderFactory(customer__store=store, items_total=Decimal("0.10"),
                         shipping_total=Decimal("0.20"), discount_total=Decimal("0"))  # fmt: skip

    body = api_client.get(f"/api/v1/orders/{order.pk}").json()

    assert body["total"] == "0.30"


def test_patching_a_shipment_changes_its_estimate(api_client: Client, store: Store) -> None:
    shipment = ShipmentFactory(order__customer__store=store)

    response = api_client.patch(
        f"/api/v1/shipments/{shipment.pk}",
        {"estimated_delivery_at": "2026-11-28T12:00:00Z", "tracking_url": "https://t.example/1"},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert response.json()["estimated_delivery_at"] == "2026-11-28T12:00:00Z"
    assert response.json()["tracking_url"] == "https://t.example/1"
