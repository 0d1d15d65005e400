"""Every API endpoint, asked by everyone who might ask: only the store's own staff and
integrations see or change its data, each only as far as its permissions go, and a refusal
changes nothing."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.test import Client

from storedesk.accounts.actions.staff import do_add_member
from storedesk.accounts.actions.tokens import do_create_api_token, do_revoke_api_token
from storedesk.accounts.actors import system_actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.catalog.models import Product, Variant
from storedesk.connectors.actions import check_create_connection
from storedesk.connectors.models import ChannelConnection
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.models import Customer, MarketingConsent
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.helpcenter.models import Article, ArticleTranslation, Category, CategoryTranslation
from storedesk.helpcenter.tests.factories import make_article, make_category
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
from storedesk.policies.models import (
    ReturnPolicyVersion,
    ReturnRule,
    ShippingMethod,
    ShippingPolicyVersion,
    ShippingZone,
    VersionStatus,
)
from storedesk.policies.tests.factories import (
    ReturnPolicyVersionFactory,
    ReturnRuleFactory,
    ShippingMethodFactory,
    ShippingPolicyVersionFactory,
    ShippingZoneFactory,
)
from storedesk.search.actions import do_index_document
from storedesk.search.models import SearchDocument, SearchTerm

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
# A word in the store's policies, help center and search index: another store's answers
# must never contain it.
MARKER = "Lavanta"

Who = Literal["token", "viewer", "agent", "admin"]
EVERYONE: frozenset[Who] = frozenset({"token", "viewer", "agent", "admin"})
# Writes of commerce data and conversations: what integrations exist for.
TOKEN_AND_STAFF: frozenset[Who] = frozenset({"token", "agent", "admin"})
# Catalog and canned replies: an integration token or an admin, not an agent.
TOKEN_AND_ADMINS: frozenset[Who] = frozenset({"token", "admin"})
# Drafting help articles (EDIT_HELP_CENTER); tokens may read the help center, not write it.
EDITORS: frozenset[Who] = frozenset({"agent", "admin"})
# What shoppers are promised: publishing articles, changing policies.
ADMINS: frozenset[Who] = frozenset({"admin"})
# A Telegram bot token's shape (the tests never call Telegram).
BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"
STAFF_ROLES: dict[Who, Role] = {"viewer": Role.VIEWER, "agent": Role.AGENT, "admin": Role.ADMIN}


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    body: dict[str, object] | None
    # Who of the store may make the request; everyone else of the store gets 403.
    allowed: frozenset[Who]
    # A list endpoint: the model whose rows of the store must not reach another store.
    listed: type[Model] | None = None
    # The store's own readers find MARKER in the answer, so its absence elsewhere means something.
    marked: bool = False
    # Names one of the store's records outside the path (query or body): others get 404.
    names_a_record: bool = False

    @property
    def names_a_record_of_the_store(self) -> bool:
        return self.names_a_record or any(part.isdigit() for part in self.path.split("/"))


def read(
    path: str,
    *,
    by: frozenset[Who] = EVERYONE,
    listed: type[Model] | None = None,
    marked: bool = False,
    names_a_record: bool = False,
) -> Operation:
    return Operation("get", path, None, by, listed, marked, names_a_record)


def write(
    method: str,
    path: str,
    body: dict[str, object] | None = None,
    *,
    by: frozenset[Who],
    names_a_record: bool = False,
) -> Operation:
    return Operation(method, path, body, by, names_a_record=names_a_record)


@dataclass
class Target:
    customer: int
    order: int
    line_item: int
    shipment: int
    product: int
    conversation: int
    unlinked_order: int
    assignee: int
    canned_reply: int
    help_category: int
    article: int
    channel: int


@pytest.fixture
def target(store: Store, make_staff: Callable[..., User]) -> Target:
    order = OrderFactory(customer__store=store)
    line_item = LineItemFactory(order=order)
    shipment = ShipmentFactory(order=order)
    product = Product.objects.create(store=store, handle="linen-shirt")
    Variant.objects.create(store=store, product=product, sku="LS-1", price="10", currency="TRY")
    conversation = ConversationFactory(customer=order.customer)
    conversation.orders.add(order)
    conversation.tags.add(ConversationTag.objects.create(store=store, name="VIP", key="vip"))
    unlinked = OrderFactory(customer=order.customer)
    reply = CannedReplyTextFactory(reply__store=store).reply
    make_policies(store)
    category = make_category(store, "iade", {"tr": f"İade ({MARKER})", "en": "Returns"})
    article = make_article(
        category,
        "iade-sureci",
        published={"tr": (f"{MARKER} iade süreci", "14 gün içinde **iade** edebilirsiniz.")},
        drafts={"en": ("Returns", "Return within **14 days**.")},
    )
    do_index_document(
        store, kind="help_article", key=str(article.pk), language="tr",
        title=f"{MARKER} iade süreci", body="14 gün içinde iade edebilirsiniz.",
        url="/help/tr/iade/iade-sureci/",
    )  # fmt: skip
    channel = check_create_connection(
        system_actor(store), kind="telegram", secrets_in={"bot_token": BOT_TOKEN}
    )
    return Target(
        order.customer_id, order.pk, line_item.pk, shipment.pk, product.pk, conversation.pk,
        unlinked.pk, make_staff(store, Role.AGENT).pk, reply.pk, category.pk, article.pk,
        channel.pk,
    )  # fmt: skip


def make_policies(store: Store) -> None:
    """Published return and shipping versions (1) and a draft of each (2)."""
    draft = {"status": VersionStatus.DRAFT, "effective_from": None, "published_at": None}
    for fields in ({"number": 1}, {"number": 2, **draft}):
        ReturnRuleFactory(
            version=ReturnPolicyVersionFactory(store=store, note=f"{MARKER} returns", **fields)
        )
        ShippingMethodFactory(
            zone=ShippingZoneFactory(
                version=ShippingPolicyVersionFactory(
                    store=store, note=f"{MARKER} shipping", **fields
                )
            )
        )


def operations_for(t: Target) -> list[Operation]:
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
    policies = "/api/v1/policies"
    article = f"/api/v1/help/articles/{t.article}"
    return [
        read("/api/v1/customers", listed=Customer),
        write("post", "/api/v1/customers", {"first_name": "Yeni", "email": "yeni@example.com"},
              by=TOKEN_AND_STAFF),
        read(f"/api/v1/customers/{t.customer}"),
        write("patch", f"/api/v1/customers/{t.customer}", {"notes": "changed"},
              by=TOKEN_AND_STAFF),
        read(f"/api/v1/customers/{t.customer}/profile"),
        write("post", f"/api/v1/customers/{t.customer}/consents",
              {"channel": "email", "granted": True, "source": "agent"}, by=TOKEN_AND_STAFF),
        read("/api/v1/products", listed=Product),
        write("post", "/api/v1/products", {"translations": {"tr": {"title": "Kemer"}}},
              by=TOKEN_AND_ADMINS),
        read(f"/api/v1/products/{t.product}"),
        write("patch", f"/api/v1/products/{t.product}", {"is_active": False},
              by=TOKEN_AND_ADMINS),
        read("/api/v1/orders", listed=Order),
        write("post", "/api/v1/orders", order, by=TOKEN_AND_STAFF),
        read(f"/api/v1/orders/{t.order}"),
        write("patch", f"/api/v1/orders/{t.order}", {"note": "changed"}, by=TOKEN_AND_STAFF),
        write("post", f"/api/v1/orders/{t.order}/shipments",
              {"carrier": "Aras Kargo", "tracking_number": "AR1"}, by=TOKEN_AND_STAFF),
        read("/api/v1/shipments", listed=Shipment),
        read(f"/api/v1/shipments/{t.shipment}"),
        write("patch", f"/api/v1/shipments/{t.shipment}", {"sub_status": "held"},
              by=TOKEN_AND_STAFF),
        write("post", f"/api/v1/shipments/{t.shipment}/events",
              {"events": [{"status": "delivered", "occurred_at": "2026-11-02T10:00:00Z"}]},
              by=TOKEN_AND_STAFF),
        read("/api/v1/conversations", listed=Conversation),
        write("post", "/api/v1/conversations/inbound", inbound, by=TOKEN_AND_STAFF),
        read(conversation),
        write("patch", conversation, {"priority": "urgent"}, by=TOKEN_AND_STAFF),
        write("post", f"{conversation}/assignment", {"assignee_id": t.assignee},
              by=TOKEN_AND_STAFF),
        write("post", f"{conversation}/orders", {"order_ids": [t.unlinked_order]},
              by=TOKEN_AND_STAFF),
        write("delete", f"{conversation}/orders/{t.order}", by=TOKEN_AND_STAFF),
        read(f"{conversation}/messages"),
        write("post", f"{conversation}/messages", {"text": "Merhaba"}, by=TOKEN_AND_STAFF),
        write("post", f"{conversation}/notes", {"text": "Kargoya soralım"}, by=TOKEN_AND_STAFF),
        write("post", "/api/v1/attachments", {"file": PNG}, by=TOKEN_AND_STAFF),  # multipart
        read("/api/v1/conversation-tags", listed=ConversationTag),
        read("/api/v1/canned-replies", listed=CannedReply),
        write("post", "/api/v1/canned-replies", canned, by=TOKEN_AND_ADMINS),
        read(f"/api/v1/canned-replies/{t.canned_reply}"),
        write("put", f"/api/v1/canned-replies/{t.canned_reply}", canned, by=TOKEN_AND_ADMINS),
        write("delete", f"/api/v1/canned-replies/{t.canned_reply}", by=TOKEN_AND_ADMINS),
        read(f"{conversation}/canned-replies/{t.canned_reply}/render"),
        read(f"/api/v1/customers/{t.customer}/conversations"),
        read(f"{policies}/returns", marked=True),
        read(f"{policies}/returns/versions", marked=True),
        read(f"{policies}/returns/versions/1", marked=True),
        write("put", f"{policies}/returns/draft",
              {"note": "changed", "rules": [{"window_days": 30}]}, by=ADMINS),
        write("delete", f"{policies}/returns/draft", by=ADMINS),
        write("post", f"{policies}/returns/draft/publish", {}, by=ADMINS),
        read(f"{policies}/returns/eligibility?order_id={t.order}&line_item_id={t.line_item}",
             names_a_record=True),
        read(f"{policies}/shipping", marked=True),
        read(f"{policies}/shipping/versions", marked=True),
        read(f"{policies}/shipping/versions/1", marked=True),
        write("put", f"{policies}/shipping/draft", {"note": "changed", "dispatch_cutoff": "12:00"},
              by=ADMINS),
        write("delete", f"{policies}/shipping/draft", by=ADMINS),
        write("post", f"{policies}/shipping/draft/publish", {}, by=ADMINS),
        read(f"{policies}/shipping/estimate?country=TR"),
        read(f"{policies}/shipping/quote?country=TR&cart_total=100.00"),
        read("/api/v1/help/categories", listed=Category, marked=True),
        read("/api/v1/help/articles", listed=Article, marked=True),
        write("post", "/api/v1/help/articles",
              {"category_id": t.help_category, "language": "tr", "title": "Kargo süreleri",
               "body": "1-3 iş günü."}, by=EDITORS, names_a_record=True),
        read(article, marked=True),
        write("put", f"{article}/translations/tr", {"title": "İade", "body": "30 gün."},
              by=EDITORS),
        write("post", f"{article}/translations/en/publish", by=ADMINS),
        write("post", f"{article}/translations/tr/unpublish", by=ADMINS),
        read(f"/api/v1/help/search?q={MARKER}", marked=True),
        read("/api/v1/audit-log", by=ADMINS, listed=AuditLogEntry),
        read("/api/v1/channels", by=ADMINS, listed=ChannelConnection),
        write("post", "/api/v1/channels",
              {"kind": "telegram", "secrets": {"bot_token": BOT_TOKEN}}, by=ADMINS),
        read(f"/api/v1/channels/{t.channel}", by=ADMINS),
        write("patch", f"/api/v1/channels/{t.channel}", {"enabled": False}, by=ADMINS),
        write("delete", f"/api/v1/channels/{t.channel}", by=ADMINS),
    ]  # fmt: skip


OPERATION_COUNT = 67  # the operations of the OpenAPI document: one request each


def snapshot(store: Store | None = None) -> tuple[object, ...]:
    """Everything a request could change: of one store, or of every store."""
    scope = {"store": store} if store is not None else {}
    return (
        Customer.objects.filter(**scope).count(), Order.objects.filter(**scope).count(),
        LineItem.objects.filter(**scope).count(), Shipment.objects.filter(**scope).count(),
        ShipmentEvent.objects.filter(**scope).count(), Product.objects.filter(**scope).count(),
        MarketingConsent.objects.filter(**scope).count(),
        AuditLogEntry.objects.filter(**scope).count(),
        list(Customer.objects.filter(**scope).order_by("pk").values_list("notes", flat=True)),
        list(Order.objects.filter(**scope).order_by("pk").values_list("note", flat=True)),
        list(Product.objects.filter(**scope).order_by("pk").values_list("is_active", flat=True)),
        list(Shipment.objects.filter(**scope).order_by("pk").values_list("sub_status", flat=True)),
        *inbox_snapshot(store),
        *policies_snapshot(store),
        *help_center_snapshot(store),
        *search_snapshot(store),
        _values(ChannelConnection, store, "name", "enabled", "team_id"),
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


def policies_snapshot(store: Store | None = None) -> tuple[object, ...]:
    version = ("number", "status", "note", "effective_from", "published_at")
    return (
        _values(ReturnPolicyVersion, store, *version),
        _values(ShippingPolicyVersion, store, *version, "dispatch_cutoff", "working_days"),
        _values(ReturnRule, store, "version_id", "window_days"),
        _values(ShippingZone, store, "version_id", "name", "countries"),
        _values(ShippingMethod, store, "zone_id", "name", "cost"),
    )


def help_center_snapshot(store: Store | None = None) -> tuple[object, ...]:
    translation = ("title", "body", "published_title", "published_body", "published_at")
    return (
        _values(Category, store, "slug", "position"),
        _values(CategoryTranslation, store, "category_id", "language", "name"),
        _values(Article, store, "category_id", "slug", "position"),
        _values(ArticleTranslation, store, "article_id", "language", *translation),
    )


def search_snapshot(store: Store | None = None) -> tuple[object, ...]:
    return (
        _values(SearchDocument, store, "kind", "key", "language", "title", "body"),
        _values(SearchTerm, store, "language", "term", "doc_count"),
    )


# Translations belong to a store through their parent.
_STORE_PATH = {CategoryTranslation: "category__store", ArticleTranslation: "article__store"}


def _values(model: type[Model], store: Store | None, *fields: str) -> list[tuple[object, ...]]:
    queryset = model._default_manager.all()
    if store is not None:
        queryset = queryset.filter(**{_STORE_PATH.get(model, "store"): store})
    return list(queryset.order_by("pk").values_list(*fields))


def send(client: Client, operation: Operation, **extra: str):  # type: ignore[no-untyped-def]
    method, path, body = operation.method, operation.path, operation.body
    if body is None:
        return getattr(client, method)(path, **extra)
    if any(isinstance(value, bytes) for value in body.values()):
        files = {name: SimpleUploadedFile("photo.png", value) for name, value in body.items()}  # type: ignore[arg-type]
        return getattr(client, method)(path, files, **extra)
    return getattr(client, method)(path, body, content_type="application/json", **extra)


def client_of(who: Who, store: Store, make_staff: Callable[..., User]) -> Client:
    if who == "token":
        _, raw = do_create_api_token(store, name="Platform sync")
        return Client(headers={"Authorization": f"Bearer {raw}"})
    return logged_in(make_staff(store, STAFF_ROLES[who]))


def listed_ids(body: object) -> set[int]:
    items = body["items"] if isinstance(body, dict) else body
    assert isinstance(items, list)
    return {item["id"] for item in items}


@pytest.mark.parametrize("index", range(OPERATION_COUNT))
def test_anonymous_requests_are_refused_without_side_effects(target: Target, index: int) -> None:
    operation = operations_for(target)[index]
    before = snapshot()

    response = send(Client(), operation)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"
    assert snapshot() == before


@pytest.mark.parametrize("index", range(OPERATION_COUNT))
def test_a_revoked_token_is_refused(store: Store, target: Target, index: int) -> None:
    token, raw = do_create_api_token(store, name="old")
    do_revoke_api_token(system_actor(store), token)
    operation = operations_for(target)[index]
    before = snapshot()

    response = send(Client(), operation, HTTP_AUTHORIZATION=f"Bearer {raw}")

    assert response.status_code == 401
    assert snapshot() == before


@pytest.mark.parametrize("who", ["token", "agent", "admin"])
@pytest.mark.parametrize("index", range(OPERATION_COUNT))
def test_the_stores_token_and_staff_may_do_what_their_permissions_allow(
    store: Store, target: Target, make_staff: Callable[..., User], index: int, who: Who
) -> None:
    operation = operations_for(target)[index]
    client = client_of(who, store, make_staff)
    before = snapshot()

    response = send(client, operation)

    if who in operation.allowed:
        assert response.status_code in {200, 201, 204}, response.content
        if operation.method != "get":
            # The write shows in the snapshot, so refusals that leave it equal mean something.
            assert snapshot() != before
    else:
        assert response.status_code == 403, response.content
        assert response.json()["error"]["code"] == "permission_denied"
        assert snapshot() == before


@pytest.mark.parametrize("index", range(OPERATION_COUNT))
def test_a_viewer_reads_but_cannot_write(
    store: Store, target: Target, make_staff: Callable[..., User], index: int
) -> None:
    viewer = logged_in(make_staff(store, Role.VIEWER))
    operation = operations_for(target)[index]
    before = snapshot()

    response = send(viewer, operation)

    if "viewer" in operation.allowed:
        assert operation.method == "get"
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "permission_denied"
        assert snapshot() == before


@pytest.mark.parametrize("index", range(OPERATION_COUNT))
def test_another_store_can_neither_see_nor_change_anything(
    store: Store,
    other_store: Store,
    target: Target,
    other_api_client: Client,
    make_staff: Callable[..., User],
    index: int,
) -> None:
    CustomerFactory(store=other_store, first_name="Zofia")
    outsider = logged_in(make_staff(other_store, Role.OWNER))
    operation = operations_for(target)[index]
    if operation.marked:
        ours = send(logged_in(make_staff(store, Role.ADMIN)), operation)
        assert MARKER.encode() in ours.content
    before = snapshot(store)

    for client, who in ((other_api_client, "token"), (outsider, "admin")):
        response = send(client, operation)
        if operation.names_a_record_of_the_store:
            # Without the permission either answer is right: nothing is found, nothing done.
            refusals = {404} if who in operation.allowed else {403, 404}
            assert response.status_code in refusals, (operation.path, response.content)
        elif who not in operation.allowed:
            assert response.status_code == 403, (operation.path, response.content)
        if operation.method == "get":
            assert MARKER.encode() not in response.content
            if operation.listed is not None and response.status_code == 200:
                assert listed_ids(response.json()).isdisjoint(
                    operation.listed._default_manager.filter(store=store).values_list(
                        "pk", flat=True
                    )
                )

    assert snapshot(store) == before


def test_a_member_of_several_stores_names_one_with_a_header(
    store: Store, other_store: Store, target: Target, make_staff: Callable[..., User]
) -> None:
    user = make_staff(store, Role.AGENT)
    do_add_member(other_store, user=user, role=Role.AGENT)
    client = logged_in(user)

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
    client = logged_in(agent, enforce_csrf_checks=True)

    response = client.post(
        "/api/v1/customers", {"first_name": "Ayşe"}, content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "permission_denied"
    assert not Customer.objects.exists()


def test_the_matrix_covers_every_operation_of_the_api(client: Client, target: Target) -> None:
    document = client.get("/api/v1/openapi.json").json()
    documented = sorted(
        (method, path) for path, methods in document["paths"].items() for method in methods
    )

    requested = sorted(
        (operation.method, template_of(operation.path, list(document["paths"])))
        for operation in operations_for(target)
    )

    assert requested == documented
    assert len(documented) == OPERATION_COUNT


def template_of(path: str, templates: list[str]) -> str:
    """The documented path ``path`` was made from; literal segments win over parameters
    (``/conversations/inbound`` over ``/conversations/{conversation_id}``)."""
    path = path.split("?")[0]
    matches = [
        template
        for template in templates
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", template), path)
    ]
    assert matches, path
    return min(matches, key=lambda template: template.count("{"))
