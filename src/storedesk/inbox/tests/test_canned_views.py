from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import pgettext

from storedesk.accounts.models import User
from storedesk.accounts.permissions import Role
from storedesk.core.models import AuditLogEntry, Store
from storedesk.core.tests.clients import logged_in
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.canned_views import VARIABLE_LABELS
from storedesk.inbox.models import CannedReply
from storedesk.inbox.selectors import REPLY_VARIABLES
from storedesk.inbox.tests.factories import (
    CannedReplyFactory,
    CannedReplyTextFactory,
    ConversationFactory,
)
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def saved_texts() -> list[tuple[str, str, str]]:
    return [
        (reply.shortcut, text.language, text.body)
        for reply in CannedReply.objects.order_by("shortcut")
        for text in reply.texts.order_by("language")
    ]


def a_reply(store: Store, **fields: str) -> CannedReply:
    reply = CannedReplyFactory(store=store, **fields)
    CannedReplyTextFactory(reply=reply, language="tr", body="Merhaba {{ customer.first_name }}")
    CannedReplyTextFactory(reply=reply, language="en", body="Hello {{ customer.first_name }}")
    return reply


# Who may do what ----------------------------------------------------------------------


def test_every_page_needs_a_login(client: Client, store: Store) -> None:
    reply = a_reply(store)
    pages = [
        reverse("canned-reply-list", args=[store.slug]),
        reverse("canned-reply-create", args=[store.slug]),
        reverse("canned-reply-edit", args=[store.slug, reply.pk]),
        reverse("canned-reply-delete", args=[store.slug, reply.pk]),
    ]

    responses = [client.get(page) for page in pages]
    responses.append(client.post(reverse("canned-reply-preview", args=[store.slug]), {}))
    responses.append(client.post(pages[3]))

    assert [r.status_code for r in responses] == [302] * 6
    assert all(r["Location"].startswith("/login/") for r in responses)
    assert CannedReply.objects.count() == 1


@pytest.mark.parametrize("role", [Role.VIEWER, Role.AGENT])
def test_viewers_and_agents_read_the_list_but_change_nothing(
    store: Store, make_staff: Callable[..., User], role: Role
) -> None:
    reply = a_reply(store, name="Where is my order", shortcut="where")
    client = logged_in(make_staff(store, role))
    before = saved_texts()

    listing = client.get(reverse("canned-reply-list", args=[store.slug]))
    create_page = client.get(reverse("canned-reply-create", args=[store.slug]))
    create = client.post(
        reverse("canned-reply-create", args=[store.slug]),
        {"name": "Thanks", "shortcut": "thanks", "text_tr": "Teşekkürler"},
    )
    edit_page = client.get(reverse("canned-reply-edit", args=[store.slug, reply.pk]))
    edit = client.post(
        reverse("canned-reply-edit", args=[store.slug, reply.pk]),
        {"name": "Changed", "shortcut": "where", "text_tr": "Değişti"},
    )
    delete = client.post(reverse("canned-reply-delete", args=[store.slug, reply.pk]))
    preview = client.post(
        reverse("canned-reply-preview", args=[store.slug]), {"text_tr": "Merhaba"}
    )

    body = listing.content.decode()
    assert listing.status_code == 200
    assert "Where is my order" in body
    assert "Merhaba {{ customer.first_name }}" in body
    assert reverse("canned-reply-create", args=[store.slug]) not in body
    assert reverse("canned-reply-edit", args=[store.slug, reply.pk]) not in body
    assert [r.status_code for r in (create_page, create, edit_page, edit, delete, preview)] == [
        403
    ] * 6
    assert saved_texts() == before


def test_another_stores_reply_is_not_found_and_stays_as_it_was(
    store: Store, other_store: Store, admin_client: Client
) -> None:
    theirs = a_reply(other_store, name="Gdzie jest paczka", shortcut="gdzie")
    before = saved_texts()

    edit_page = admin_client.get(reverse("canned-reply-edit", args=[store.slug, theirs.pk]))
    edit = admin_client.post(
        reverse("canned-reply-edit", args=[store.slug, theirs.pk]),
        {"name": "Mine now", "shortcut": "gdzie", "text_tr": "Benim"},
    )
    delete_page = admin_client.get(reverse("canned-reply-delete", args=[store.slug, theirs.pk]))
    delete = admin_client.post(reverse("canned-reply-delete", args=[store.slug, theirs.pk]))
    listing = admin_client.get(reverse("canned-reply-list", args=[store.slug]))

    assert [r.status_code for r in (edit_page, edit, delete_page, delete)] == [404] * 4
    assert saved_texts() == before
    assert "Gdzie jest paczka" not in listing.content.decode()


def test_a_member_of_another_store_gets_404_for_this_stores_pages(
    store: Store, other_store: Store, make_staff: Callable[..., User]
) -> None:
    reply = a_reply(store)
    outsider = logged_in(make_staff(other_store, Role.OWNER))

    listing = outsider.get(reverse("canned-reply-list", args=[store.slug]))
    delete = outsider.post(reverse("canned-reply-delete", args=[store.slug, reply.pk]))

    assert (listing.status_code, delete.status_code) == (404, 404)
    assert CannedReply.objects.filter(pk=reply.pk).exists()


# Admins write -------------------------------------------------------------------------


def test_an_admin_creates_a_reply_in_two_languages(store: Store, admin_client: Client) -> None:
    response = admin_client.post(
        reverse("canned-reply-create", args=[store.slug]),
        {
            "name": "Where is my order",
            "shortcut": "Where",
            "text_tr": "Merhaba {{ customer.first_name }},\r\ntakip: {{ order.tracking_url }}\n",
            "text_en": "Hi {{customer.first_name}}, tracking: {{ order.tracking_url }}",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("canned-reply-list", args=[store.slug])
    assert saved_texts() == [
        ("where", "en", "Hi {{customer.first_name}}, tracking: {{ order.tracking_url }}"),
        ("where", "tr", "Merhaba {{ customer.first_name }},\ntakip: {{ order.tracking_url }}"),
    ]
    assert AuditLogEntry.objects.filter(action="canned_reply.saved").count() == 1


def test_the_editor_shows_the_reply_and_every_variable(store: Store, admin_client: Client) -> None:
    reply = a_reply(store, name="Where is my order", shortcut="where")

    page = admin_client.get(reverse("canned-reply-edit", args=[store.slug, reply.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert 'value="Where is my order"' in body
    assert 'lang="tr" dir="auto"' in body
    assert ">Merhaba {{ customer.first_name }}</textarea>" in body
    assert ">Hello {{ customer.first_name }}</textarea>" in body
    for name in REPLY_VARIABLES:
        assert f'data-insert="{{{{ {name} }}}}"' in body


def test_saving_with_an_emptied_language_removes_that_text(
    store: Store, admin_client: Client
) -> None:
    reply = a_reply(store, name="Hello", shortcut="hello")

    response = admin_client.post(
        reverse("canned-reply-edit", args=[store.slug, reply.pk]),
        {"name": "Greeting", "shortcut": "hello", "text_tr": "Selam!", "text_en": "   "},
    )

    reply.refresh_from_db()
    assert response.status_code == 302
    assert reply.name == "Greeting"
    assert saved_texts() == [("hello", "tr", "Selam!")]


def test_a_text_in_a_language_the_store_dropped_is_kept(store: Store, admin_client: Client) -> None:
    reply = a_reply(store, shortcut="hello")
    CannedReplyTextFactory(reply=reply, language="de", body="Hallo!")

    page = admin_client.get(reverse("canned-reply-edit", args=[store.slug, reply.pk]))
    admin_client.post(
        reverse("canned-reply-edit", args=[store.slug, reply.pk]),
        {"name": "Hello", "shortcut": "hello", "text_tr": "Selam", "text_de": "Hallo!"},
    )

    assert ">Hallo!</textarea>" in page.content.decode()
    assert saved_texts() == [("hello", "de", "Hallo!"), ("hello", "tr", "Selam")]


def test_an_admin_deletes_a_reply_after_confirming(store: Store, admin_client: Client) -> None:
    reply = a_reply(store, name="Old answer", shortcut="old")
    url = reverse("canned-reply-delete", args=[store.slug, reply.pk])

    confirm = admin_client.get(url)

    assert confirm.status_code == 200
    assert "Delete “Old answer”" in confirm.content.decode()
    assert CannedReply.objects.filter(pk=reply.pk).exists()

    response = admin_client.post(url)

    assert response.status_code == 302
    assert not CannedReply.objects.exists()
    assert AuditLogEntry.objects.filter(action="canned_reply.deleted").count() == 1


def test_writing_needs_csrf(store: Store, make_staff: Callable[..., User]) -> None:
    client = logged_in(make_staff(store, Role.ADMIN), enforce_csrf_checks=True)

    response = client.post(
        reverse("canned-reply-create", args=[store.slug]),
        {"name": "Thanks", "shortcut": "thanks", "text_tr": "Teşekkürler"},
    )

    assert response.status_code == 403
    assert not CannedReply.objects.exists()


# Bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "status", "message"),
    [
        (
            {"text_tr": "Merhaba {{ customer.password }}"},
            422,
            "Unknown variables: {{ customer.password }}.",
        ),
        ({"text_tr": "", "text_en": "  \n "}, 422, "needs a text in at least one language"),
        ({"text_xx": "Hello"}, 422, "This store does not use the language xx."),
        ({"shortcut": "where is"}, 422, "A shortcut has 1 to 40 lower-case letters"),
        ({"name": ""}, 422, "This field is required."),
        ({"text_tr": "a" * 10_001}, 422, "at most 10000 characters"),
    ],
    ids=["unknown-variable", "empty-text", "unknown-language", "bad-shortcut", "no-name", "long"],
)
def test_bad_input_is_refused_with_a_message_and_nothing_is_saved(
    store: Store, admin_client: Client, fields: dict[str, str], status: int, message: str
) -> None:
    data = {"name": "Thanks", "shortcut": "thanks", "text_tr": "Teşekkürler"} | fields

    response = admin_client.post(reverse("canned-reply-create", args=[store.slug]), data)

    body = response.content.decode()
    assert response.status_code == status
    assert message in body
    assert 'aria-invalid="true"' in body or 'role="alert"' in body
    assert not CannedReply.objects.exists()


def test_a_shortcut_in_use_is_refused_and_the_form_keeps_the_input(
    store: Store, admin_client: Client
) -> None:
    a_reply(store, name="Where is my order", shortcut="where")
    before = saved_texts()

    response = admin_client.post(
        reverse("canned-reply-create", args=[store.slug]),
        {"name": "Tracking", "shortcut": "where", "text_en": "Track it: {{ order.tracking_url }}"},
    )

    body = response.content.decode()
    assert response.status_code == 409
    assert "Another canned reply uses the shortcut &#x27;where&#x27;." in body
    assert ">Track it: {{ order.tracking_url }}</textarea>" in body
    assert saved_texts() == before


def test_bad_input_on_edit_leaves_the_reply_as_it_was(store: Store, admin_client: Client) -> None:
    reply = a_reply(store, name="Hello", shortcut="hello")
    before = saved_texts()

    response = admin_client.post(
        reverse("canned-reply-edit", args=[store.slug, reply.pk]),
        {"name": "Hello", "shortcut": "hello", "text_tr": "Selam {{ order.secret }}"},
    )

    reply.refresh_from_db()
    assert response.status_code == 422
    assert reply.name == "Hello"
    assert saved_texts() == before


# Preview ------------------------------------------------------------------------------


def test_the_preview_fills_in_the_latest_shipments_customer_and_order(
    store: Store, admin_client: Client
) -> None:
    order = OrderFactory(
        customer=CustomerFactory(store=store, first_name="Elif", last_name="Yıldız"),
        number="10042",
    )
    ShipmentFactory(order=order, tracking_url="https://kargo.example/YK1")

    response = admin_client.post(
        reverse("canned-reply-preview", args=[store.slug]),
        {
            "text_tr": "Merhaba {{ customer.first_name }}, {{ order.number }}: "
            "{{ order.tracking_url }}\n— {{ agent.first_name }}, {{ store.name }}",
            "text_en": "",
        },
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Merhaba Elif, 10042: https://kargo.example/YK1<br>— Emily, Moda Çarşı" in body
    assert body.count('class="canned-bubble"') == 1


def test_each_language_is_previewed_for_a_customer_who_speaks_it(
    store: Store, admin_client: Client
) -> None:
    turkish = OrderFactory(customer=CustomerFactory(store=store, first_name="Elif"))
    ShipmentFactory(order=turkish, tracking_url="https://kargo.example/YK3")
    english = OrderFactory(
        customer=CustomerFactory(store=store, first_name="Emma", language="en"), currency="GBP"
    )
    ShipmentFactory(order=english, tracking_url="https://royalmail.example/RM1")
    newest = OrderFactory(customer=CustomerFactory(store=store, first_name="Ola", language="pl"))
    ShipmentFactory(order=newest, tracking_url="https://inpost.example/1")

    response = admin_client.post(
        reverse("canned-reply-preview", args=[store.slug]),
        {"text_tr": "Merhaba {{ customer.first_name }}", "text_en": "Hi {{ customer.first_name }}"},
    )

    body = response.content.decode()
    assert "Merhaba Elif</div>" in body
    assert "Hi Emma</div>" in body


def test_the_preview_escapes_what_a_customer_typed_as_their_name(
    store: Store, admin_client: Client
) -> None:
    order = OrderFactory(
        customer=CustomerFactory(store=store, first_name="<script>alert(1)</script>")
    )
    ShipmentFactory(order=order, tracking_url="https://kargo.example/YK2")

    response = admin_client.post(
        reverse("canned-reply-preview", args=[store.slug]),
        {"text_tr": "Merhaba {{ customer.first_name }} <b>bold</b>"},
    )

    body = response.content.decode()
    assert "Merhaba &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt;" in body
    assert "<script>" not in body
    assert "<b>" not in body


def test_the_preview_without_orders_uses_a_sample_and_flags_unknown_variables(
    store: Store, admin_client: Client
) -> None:
    response = admin_client.post(
        reverse("canned-reply-preview", args=[store.slug]),
        {"text_en": "Hi {{ customer.first_name }} {{ customer.iban }}"},
    )

    body = response.content.decode()
    assert "Hi Elif " in body
    assert "Unknown variables, refused when saved: customer.iban" in body


# Listing ------------------------------------------------------------------------------


def test_search_narrows_the_list(store: Store, admin_client: Client) -> None:
    a_reply(store, name="Where is my order", shortcut="where")
    a_reply(store, name="Return instructions", shortcut="iade")

    response = admin_client.get(
        reverse("canned-reply-list", args=[store.slug]),
        {"q": "IADE"},
        headers={"HX-Request": "true"},
    )

    body = response.content.decode()
    assert "Return instructions" in body
    assert "Where is my order" not in body
    assert "<html" not in body


def test_the_list_queries_do_not_grow_with_replies(store: Store, admin_client: Client) -> None:
    a_reply(store, shortcut="one")
    url = reverse("canned-reply-list", args=[store.slug])
    with CaptureQueriesContext(connection) as one:
        admin_client.get(url)
    for index in range(5):
        a_reply(store, shortcut=f"more-{index}")

    with CaptureQueriesContext(connection) as six:
        response = admin_client.get(url)

    assert response.content.decode().count('<td class="primary">') == 6
    assert len(six) == len(one)


def test_the_settings_page_links_to_canned_replies(
    store: Store, make_staff: Callable[..., User]
) -> None:
    page = logged_in(make_staff(store, Role.AGENT)).get(
        reverse("store-settings", args=[store.slug])
    )

    assert reverse("canned-reply-list", args=[store.slug]) in page.content.decode()


def test_every_variable_has_a_label() -> None:
    assert list(VARIABLE_LABELS) == list(REPLY_VARIABLES)


# Search through the folded keys ---------------------------------------------------------


@pytest.fixture
def turkish_replies(store: Store, admin_client: Client) -> None:
    """Two replies written through the editor, as a Turkish admin would."""
    for name, shortcut, body in [
        ("İade süreci", "iade", "Merhaba {{ customer.first_name }}, İADE kodunuz hazır."),
        ("Değişim talebi", "degisim", "Ürün DEĞİŞİMİ için yeni bedeni yazın."),
        ("Where is my order", "where", "Hello, your parcel is with Yurtiçi Kargo."),
    ]:
        response = admin_client.post(
            reverse("canned-reply-create", args=[store.slug]),
            {"name": name, "shortcut": shortcut, "text_tr": body, "text_en": ""},
        )
        assert response.status_code == 302


def found(client: Client, store: Store, query: str) -> list[str]:
    response = client.get(
        reverse("canned-reply-list", args=[store.slug]),
        {"q": query},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    return [name for name in ("İade süreci", "Değişim talebi", "Where is my order") if name in body]


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("İade süreci", ["İade süreci"]),
        ("iade sureci", ["İade süreci"]),
        ("IADE", ["İade süreci"]),
        ("Değişim talebi", ["Değişim talebi"]),
        ("DEĞİŞİM TALEBİ", ["Değişim talebi"]),
        ("degisim", ["Değişim talebi"]),
        # In the texts too: the words of the reply, not only its name.
        ("kodunuz", ["İade süreci"]),
        ("yurtici", ["Where is my order"]),
        ("talebi yeni bedeni", ["Değişim talebi"]),
        ("iade degisim", []),
    ],
)
def test_search_finds_turkish_names_and_texts_without_case_or_diacritics(
    store: Store, admin_client: Client, turkish_replies: None, query: str, names: list[str]
) -> None:
    assert found(admin_client, store, query) == names


def test_the_api_searches_the_same_way(
    store: Store, admin_client: Client, turkish_replies: None, api_client: Client
) -> None:
    response = api_client.get("/api/v1/canned-replies", {"search": "İADE SÜRECİ"})

    assert response.status_code == 200
    assert [item["name"] for item in response.json()["items"]] == ["İade süreci"]


# Variables say what the data says -------------------------------------------------------


@pytest.mark.parametrize(
    ("fulfillment", "shipment", "told"),
    [
        (
            "fulfilled",
            "info_received",
            "Hi Emma, order 10234: A shipping label is ready; the carrier has not collected the "
            "parcel yet. (Shipped)",
        ),
        ("fulfilled", "in_transit", "Hi Emma, order 10234: The parcel is on its way. (Shipped)"),
        (
            "fulfilled",
            "delivered",
            "Hi Emma, order 10234: The parcel has been delivered. (Shipped)",
        ),
        (
            "unfulfilled",
            None,
            "Hi Emma, order 10234: The order has not been shipped yet. (Not shipped yet)",
        ),
        (
            "packed",
            None,
            "Hi Emma, order 10234: The order is packed and waiting for the carrier. (Packed)",
        ),
    ],
)
def test_a_canned_reply_tells_the_orders_state_as_the_data_has_it(
    store: Store,
    make_staff: Callable[..., User],
    fulfillment: str,
    shipment: str | None,
    told: str,
) -> None:
    customer = CustomerFactory(store=store, first_name="Emma", language="en")
    order = OrderFactory(customer=customer, number="10234", fulfillment_status=fulfillment)
    if shipment is not None:
        ShipmentFactory(order=order, status=shipment, tracking_url="https://kargo.example/YK9")
    conversation = ConversationFactory(customer=customer, language="en")
    reply = CannedReplyFactory(store=store, name="Where", shortcut="where")
    CannedReplyTextFactory(
        reply=reply,
        language="en",
        body="Hi {{ customer.first_name }}, order {{ order.number }}: "
        "{{ order.shipping_status }} ({{ order.status }})",
    )
    client = logged_in(make_staff(store, Role.AGENT))

    body = client.get(reverse("inbox-conversation", args=[store.slug, conversation.pk]))

    assert f'data-text="{escape(told)}"' in body.content.decode()


def test_the_orders_state_is_told_in_the_texts_language(
    store: Store, make_staff: Callable[..., User]
) -> None:
    """Needs the Turkish catalogue to have the new sentences."""
    customer = CustomerFactory(store=store, first_name="Elif", language="tr")
    order = OrderFactory(customer=customer, number="10234", fulfillment_status="fulfilled")
    ShipmentFactory(order=order, status="info_received")
    conversation = ConversationFactory(customer=customer, language="tr")
    CannedReplyTextFactory(
        reply=CannedReplyFactory(store=store), language="tr", body="{{ order.shipping_status }}"
    )
    client = logged_in(make_staff(store, Role.AGENT, language="en"))

    body = client.get(reverse("inbox-conversation", args=[store.slug, conversation.pk]))

    with translation.override("tr"):
        turkish = pgettext(
            "told to a customer",
            "A shipping label is ready; the carrier has not collected the parcel yet.",
        )
    assert turkish != "A shipping label is ready; the carrier has not collected the parcel yet."
    assert f'data-text="{escape(turkish)}"' in body.content.decode()
