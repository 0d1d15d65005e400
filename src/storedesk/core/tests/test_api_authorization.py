"""Every API endpoint, asked by everyone who might ask: only the store's own staff and
integrations see or change its data, and a refusal changes nothing."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from storedesk.accounts.actions import do_add_member, do_create_api_token, do_revoke_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.catalog.models import Product, Variant
from storedesk.core.models import AuditLogEntry, Store
from storedesk.customers.models import Customer, MarketingConsent
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import (
    Attachment,
    CannedReply,
    Conversation,
    ConversationTag,
    Message,
)
from storedesk.inbox.tests.factories import CannedReplyTextFactory, ConversationFactory
from storedesk.orders.models import LineItem, Order, Shipment, ShipmentEvent
from storedesk.orders.tests.factories import LineItemFactory, OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@dataclass
class Target:
    customer: int
    order: int
    shipment: int
    product: int
    conversation: int
    unlinked_order: int
    assignee: int
    canned_reply: int


@pytest.fixture
def target(store: Store, make_staff: Callable[..., User]) -> Target:
    order = OrderFactory(customer__store=store)
    LineItemFactory(order=order)
    shipment = ShipmentFactory(order=order)
    product = Product.objects.create(store=store, handle="linen-shirt")
    Variant.objects.create(store=store, product=product, sku="LS-1", price="10", currency="TRY")
    conversation = ConversationFactory(customer=order.customer)
    conversation.orders.add(order)
    conversation.tags.add(ConversationTag.objects.create(store=store, name="VIP", key="vip"))
    unlinked = OrderFactory(customer=order.customer)
    reply = CannedReplyTextFactory(reply__store=store).reply
    return Target(
        order.customer_id, order.pk, shipment.pk, product.pk, conversation.pk, unlinked.pk,
        make_staff(store, Role.AGENT).pk, reply.pk,
    )  # fmt: skip


def requests_for(t: Target) -> list[tuple[str, str, dict[str, object] | None]]:
    order = {
        "number": "N-1", "customer_id": t.customer, "currency": "TRY",
        "placed_at": "2026-11-01T10:00:00Z",
        "line_items": [{"title": "Gömlek", "quantity": 1, "unit_price": "10.00"}],
    }  # fmt: skip
    conversation = f"/api/v1/conversations/{t.conversation}"
    canned: dict[str, object] = {
        "name": "Kargo",
        "shortcut": "kargo",
        "texts": {"tr": "Kargonuz yolda."},
    }
    inbound: dict[str, object] = {
        "channel": "api", "sender": {"kind": "email", "value": "yeni@example.com"},
        "text": "Merhaba", "external_id": "m-1",
    }  # fmt: skip
    return [
        ("get", "/api/v1/customers", None),
        ("post", "/api/v1/customers", {"first_name": "Yeni", "email": "yeni@example.com"}),
        ("get", f"/api/v1/customers/{t.customer}", None),
        ("patch", f"/api/v1/customers/{t.customer}", {"notes": "changed"}),
        ("get", f"/api/v1/customers/{t.customer}/profile", None),
        ("post", f"/api/v1/customers/{t.customer}/consents",
         {"channel": "email", "granted": True, "source": "agent"}),
        ("get", "/api/v1/products", None),
        ("post", "/api/v1/products", {"translations": {"tr": {"title": "Kemer"}}}),
        ("get", f"/api/v1/products/{t.product}", None),
        ("patch", f"/api/v1/products/{t.product}", {"is_active": False}),
        ("get", "/api/v1/orders", None),
        ("post", "/api/v1/orders", order),
        ("get", f"/api/v1/orders/{t.order}", None),
        ("patch", f"/api/v1/orders/{t.order}", {"note": "changed"}),
        ("post", f"/api/v1/orders/{t.order}/shipments",
         {"carrier": "Aras Kargo", "tracking_number": "AR1"}),
        ("get", "/api/v1/shipments", None),
        ("get", f"/api/v1/shipments/{t.shipment}", None),
        ("patch", f"/api/v1/shipments/{t.shipment}", {"sub_status": "held"}),
        ("post", f"/api/v1/shipments/{t.shipment}/events",
         {"events": [{"status": "delivered", "occurred_at": "2026-11-02T10:00:00Z"}]}),
        ("get", "/api/v1/conversations", None),
        ("post", "/api/v1/conversations/inbound", inbound),
        ("get", conversation, None),
        ("patch", conversation, {"priority": "urgent"}),
        ("post", f"{conversation}/assignment", {"assignee_id": t.assignee}),
        ("post", f"{conversation}/orders", {"order_ids": [t.unlinked_order]}),
        ("delete", f"{conversation}/orders/{t.order}", None),
        ("get", f"{conversation}/messages", None),
        ("post", f"{conversation}/messages", {"text": "Merhaba"}),
        ("post", f"{conversation}/notes", {"text": "Kargoya soralım"}),
        ("post", "/api/v1/attachments", {"file": PNG}),  # multipart
        ("get", "/api/v1/conversation-tags", None),
        ("get", "/api/v1/canned-replies", None),
        ("post", "/api/v1/canned-replies", canned),
        ("get", f"/api/v1/canned-replies/{t.canned_reply}", None),
        ("put", f"/api/v1/canned-replies/{t.canned_reply}", canned),
        ("delete", f"/api/v1/canned-replies/{t.canned_reply}", None),
        ("get", f"{conversation}/canned-replies/{t.canned_reply}/render", None),
        ("get", f"/api/v1/customers/{t.customer}/conversations", None),
    ]  # fmt: skip


REQUEST_COUNT = 38  # the operations of the OpenAPI document: one request each
LISTED_MODELS: dict[
    str, type[Customer | Order | Shipment | Product | Conversation | ConversationTag | CannedReply]
] = {
    "/api/v1/customers": Customer,
    "/api/v1/orders": Order,
    "/api/v1/shipments": Shipment,
    "/api/v1/products": Product,
    "/api/v1/conversations": Conversation,
    "/api/v1/conversation-tags": ConversationTag,
    "/api/v1/canned-replies": CannedReply,
}


def snapshot() -> tuple[object, ...]:
    return (
        Customer.objects.count(), Order.objects.count(), LineItem.objects.count(),
        Shipment.objects.count(), ShipmentEvent.objects.count(), Product.objects.count(),
        MarketingConsent.objects.count(), AuditLogEntry.objects.count(),
        list(Customer.objects.values_list("notes", flat=True)),
        list(Order.objects.values_list("note", flat=True)),
        list(Product.objects.values_list("is_active", flat=True)),
        list(Shipment.objects.values_list("sub_status", flat=True)),
        *inbox_snapshot(),
    )  # fmt: skip


def inbox_snapshot(store: Store | None = None) -> tuple[object, ...]:
    scope = {"store": store} if store is not None else {}
    conversations = Conversation.objects.filter(**scope).order_by("id")
    return (
        conversations.count(),
        Message.objects.filter(**scope).count(),
        Attachment.objects.filter(**scope).count(),
        list(conversations.values_list("priority", "assignee_id", "team_id")),
        sorted(conversations.values_list("orders", flat=True), key=str),
        list(CannedReply.objects.filter(**scope).order_by("id").values_list("name", "shortcut")),
    )


def send(client: Client, method: str, path: str, body: dict[str, object] | None, **extra: str):  # type: ignore[no-untyped-def]
    if body is None:
        return getattr(client, method)(path, **extra)
    if any(isinstance(value, bytes) for value in body.values()):
        files = {name: SimpleUploadedFile("photo.png", value) for name, value in body.items()}  # type: ignore[arg-type]
        return getattr(client, method)(path, files, **extra)
    return getattr(client, method)(path, body, content_type="application/json", **extra)


def session_client(user: User) -> Client:
    client = Client()
    client.force_login(user, backend=MODEL_BACKEND)
    return client


@pytest.mark.parametrize("index", range(REQUEST_COUNT))
def test_anonymous_requests_are_refused_without_side_effects(target: Target, index: int) -> None:
    method, path, body = requests_for(target)[index]
    before = snapshot()

    response = send(Client(), method, path, body)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert snapshot() == before


@pytest.mark.parametrize("index", range(REQUEST_COUNT))
def test_a_revoked_token_is_refused(store: Store, target: Target, index: int) -> None:
    token, raw = do_create_api_token(store, name="old")
    do_revoke_api_token(system_actor(store), token)
    method, path, body = requests_for(target)[index]
    before = snapshot()

    response = send(Client(), method, path, body, HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401
    assert snapshot() == before


@pytest.mark.parametrize("index", range(REQUEST_COUNT))
def test_the_stores_token_and_agent_may_do_everything(
    store: Store, target: Target, api_client: Client, agent: User, index: int
) -> None:
    method, path, body = requests_for(target)[index]

    by_token = send(api_client, method, path, body)

    assert by_token.status_code in {200, 201, 204}, by_token.content
    if method == "get":
        by_agent = send(session_client(agent), method, path, body)
        assert by_agent.status_code == 200


@pytest.mark.parametrize("index", range(REQUEST_COUNT))
def test_a_viewer_reads_but_cannot_write(
    store: Store, target: Target, make_staff: Callable[..., User], index: int
) -> None:
    viewer = session_client(make_staff(store, Role.VIEWER))
    method, path, body = requests_for(target)[index]
    before = snapshot()

    response = send(viewer, method, path, body)

    if method == "get":
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
        assert snapshot() == before


@pytest.mark.parametrize("index", range(REQUEST_COUNT))
def test_another_store_can_neither_see_nor_change_anything(
    store: Store,
    other_store: Store,
    target: Target,
    other_api_client: Client,
    make_staff: Callable[..., User],
    index: int,
) -> None:
    CustomerFactory(store=other_store, first_name="Zofia")
    outsider = session_client(make_staff(other_store, Role.OWNER))
    method, path, body = requests_for(target)[index]
    before_counts = (
        Customer.objects.filter(store=store).count(),
        Order.objects.filter(store=store).count(),
        list(Customer.objects.filter(store=store).values_list("notes", flat=True)),
        list(Order.objects.filter(store=store).values_list("note", flat=True)),
        list(Product.objects.filter(store=store).values_list("is_active", flat=True)),
        list(Shipment.objects.filter(store=store).values_list("sub_status", flat=True)),
        ShipmentEvent.objects.filter(store=store).count(),
        MarketingConsent.objects.filter(store=store).count(),
        *inbox_snapshot(store),
    )

    for client in (other_api_client, outsider):
        response = send(client, method, path, body)
        if any(part.isdigit() for part in path.split("/")):
            assert response.status_code == 404, (path, response.content)
        elif method == "get":
            model = LISTED_MODELS[path]
            returned = {item["id"] for item in response.json()["items"]}
            assert returned.isdisjoint(
                model.objects.filter(store=store).values_list("pk", flat=True)
            )

    assert before_counts == (
        Customer.objects.filter(store=store).count(),
        Order.objects.filter(store=store).count(),
        list(Customer.objects.filter(store=store).values_list("notes", flat=True)),
        list(Order.objects.filter(store=store).values_list("note", flat=True)),
        list(Product.objects.filter(store=store).values_list("is_active", flat=True)),
        list(Shipment.objects.filter(store=store).values_list("sub_status", flat=True)),
        ShipmentEvent.objects.filter(store=store).count(),
        MarketingConsent.objects.filter(store=store).count(),
        *inbox_snapshot(store),
    )


def test_a_member_of_several_stores_names_one_with_a_header(
    store: Store, other_store: Store, target: Target, make_staff: Callable[..., User]
) -> None:
    user = make_staff(store, Role.AGENT)
    do_add_member(other_store, user=user, role=Role.AGENT)
    client = session_client(user)

    unnamed = client.get("/api/v1/customers")
    ours = client.get("/api/v1/customers", HTTP_STOREDESK_STORE=store.slug)
    theirs = client.get(
        f"/api/v1/customers/{target.customer}", HTTP_STOREDESK_STORE=other_store.slug
    )

    assert unnamed.status_code == 404
    assert "several stores" in unnamed.json()["error"]["message"]
    assert [c["id"] for c in ours.json()["items"]] == [target.customer]
    assert theirs.status_code == 404


def test_session_writes_need_the_csrf_token(store: Store, agent: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent, backend=MODEL_BACKEND)

    response = client.post(
        "/api/v1/customers", {"first_name": "Ayşe"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Customer.objects.exists()


def test_the_matrix_covers_every_operation_of_the_api(client: Client, target: Target) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operations = sum(len(methods) for methods in document["paths"].values())

    assert operations == REQUEST_COUNT == len(requests_for(target))
