from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client

from storedesk.accounts.models import Team
from storedesk.core.models import Store
from storedesk.helpcenter.tests.factories import HelpCenterSettingsFactory
from storedesk.helpcenter.views import response_time_text, working_hours
from storedesk.inbox.models import Channel, Conversation, Message
from storedesk.livechat.tests.factories import ChatWidgetFactory

pytestmark = pytest.mark.django_db

URL = "/help/en/contact/"


def _post(
    client: Client, *, ip: str = "203.0.113.7", forwarded_for: str = "", **fields: str
) -> Any:
    data = {
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.com",
        "order_number": "",
        "subject": "Wrong size",
        "message": "The shirt is too small, can I exchange it?",
        "website": "",
    }
    data.update(fields)
    headers = {"x-forwarded-for": forwarded_for} if forwarded_for else {}
    return client.post(URL, data, REMOTE_ADDR=ip, headers=headers)


def test_contact_page_shows_the_enabled_channels(client: Client, store: Store) -> None:
    HelpCenterSettingsFactory(
        store=store,
        contact_email="help@moda.example",
        phone_number="+902125550101",
        whatsapp_number="+90 532 555 01 02",
    )
    ChatWidgetFactory(store=store, key="wk_moda")

    html = client.get(URL).content.decode()

    assert 'href="mailto:help@moda.example"' in html
    assert 'href="https://wa.me/905325550102"' in html
    assert 'href="tel:+902125550101"' in html
    assert "+90 212 555 01 01" in html
    assert "Call now" in html
    assert 'data-storedesk-key="wk_moda"' in html
    assert '<form method="post" action="/help/en/contact/"' in html


def test_contact_page_leaves_out_channels_that_are_off(client: Client, store: Store) -> None:
    HelpCenterSettingsFactory(store=store, chat_enabled=False, contact_form_enabled=False)
    ChatWidgetFactory(store=store)

    html = client.get(URL).content.decode()

    assert "data-storedesk-key" not in html
    assert "mailto:" not in html
    assert "tel:" not in html
    assert 'name="message"' not in html


def test_contact_page_shows_working_hours_in_the_teams_zone(client: Client, store: Store) -> None:
    team = Team.objects.create(
        store=store,
        name="Support",
        timezone="Europe/Istanbul",
        working_hours={"1": [["09:00", "18:00"]], "6": [["10:00", "14:00"]]},
    )
    HelpCenterSettingsFactory(store=store, support_team=team)

    html = client.get("/help/tr/contact/").content.decode()

    assert "Europe/Istanbul" in html
    assert ">09:00</time>–<time" in html
    assert "+03:00" in html
    assert "helpcenter/hours.js" in html


def test_working_hours_are_moments_of_the_current_week() -> None:
    team = Team(
        name="Support",
        timezone="Europe/Warsaw",
        working_hours={"3": [["08:30", "24:00"]], "bad": [["x"]], "4": [["25:00", "26:00"]]},
    )

    hours = working_hours(team, now=datetime(2026, 1, 15, 12, 0, tzinfo=UTC))  # a Thursday

    assert hours is not None
    assert hours.zone == "Europe/Warsaw"
    assert hours.rows[0].weekday == "Monday"
    wednesday = hours.rows[2].intervals
    assert [(i.start.isoformat(), i.end.isoformat()) for i in wednesday] == [
        ("2026-01-14T08:30:00+01:00", "2026-01-15T00:00:00+01:00")
    ]
    assert hours.rows[3].intervals == ()


def test_contact_form_creates_one_conversation(client: Client, store: Store) -> None:
    HelpCenterSettingsFactory(store=store, expected_response_hours=48)

    response = _post(client, order_number="1042")

    assert response.status_code == 303
    assert response["Location"] == "/help/en/contact/sent/"
    conversation = Conversation.objects.get()
    assert conversation.store == store
    assert conversation.channel == Channel.CONTACT_FORM
    assert conversation.subject == "Wrong size"
    assert conversation.language == "en"
    message = Message.objects.get()
    assert message.conversation == conversation
    # The shopper's words only: the order number is offered to the agent, not pasted in.
    assert message.text == "The shirt is too small, can I exchange it?"
    assert conversation.given_order_number == "1042"
    assert conversation.customer.email == "ayse@example.com"
    confirmation = client.get(response["Location"]).content.decode()
    assert "we have received your message" in confirmation
    assert "We usually answer within 2 working days." in confirmation


def test_confirmation_is_in_the_shoppers_language(client: Client, store: Store) -> None:
    html = client.get("/help/tr/contact/sent/").content.decode()

    assert '<html lang="tr">' in html


def test_honeypot_pretends_success_and_stores_nothing(client: Client, store: Store) -> None:
    response = _post(client, website="http://spam.example")

    assert response.status_code == 303
    assert response["Location"] == "/help/en/contact/sent/"
    assert not Conversation.objects.exists()
    assert not Message.objects.exists()


def test_invalid_email_is_a_field_error_and_stores_nothing(client: Client, store: Store) -> None:
    response = _post(client, email="not-an-address")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_email-errors"' in html
    assert "Enter a valid email address." in html
    assert 'value="Ayşe Yılmaz"' in html
    assert not Conversation.objects.exists()


def test_empty_and_too_long_messages_are_field_errors(client: Client, store: Store) -> None:
    empty = _post(client, message="   ")
    long = _post(client, message="x" * 10_001)

    assert empty.status_code == 400
    assert 'id="id_message-errors"' in empty.content.decode()
    assert long.status_code == 400
    assert 'id="id_message-errors"' in long.content.decode()
    assert not Conversation.objects.exists()


def test_flood_from_one_address_is_rate_limited(client: Client, store: Store) -> None:
    for n in range(5):
        assert _post(client, email=f"shopper{n}@example.com").status_code == 303

    response = _post(client, email="shopper9@example.com")

    assert response.status_code == 429
    assert "Too many messages were sent from your network." in response.content.decode()
    assert response["Retry-After"] == "600"
    assert Conversation.objects.count() == 5


def test_behind_a_proxy_the_forwarded_address_is_limited(
    client: Client, store: Store, settings: Any
) -> None:
    settings.AXES_IPWARE_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    for n in range(5):
        response = _post(
            client, ip=proxy, forwarded_for=f"192.0.2.{n}, 203.0.113.9", email=f"s{n}@example.com"
        )
        assert response.status_code == 303
    other = _post(client, ip=proxy, forwarded_for="198.51.100.1", email="b@example.com")
    flooding = _post(
        client, ip=proxy, forwarded_for="192.0.2.77, 203.0.113.9", email="s9@example.com"
    )

    assert other.status_code == 303
    assert flooding.status_code == 429


def test_many_messages_from_one_email_are_rate_limited(client: Client, store: Store) -> None:
    for n in range(3):
        assert _post(client, ip=f"198.51.100.{n}").status_code == 303

    response = _post(client, ip="198.51.100.99")

    assert response.status_code == 429
    assert "Please wait for our answer." in response.content.decode()
    assert Message.objects.count() == 3


def test_disabled_contact_form_takes_no_message(client: Client, store: Store) -> None:
    HelpCenterSettingsFactory(store=store, contact_form_enabled=False)

    response = _post(client)

    assert response.status_code == 404
    assert not Conversation.objects.exists()


def test_contact_form_needs_a_csrf_token(store: Store) -> None:
    client = Client(enforce_csrf_checks=True)

    response = _post(client)

    assert response.status_code == 403
    assert not Conversation.objects.exists()


@pytest.mark.parametrize(
    ("hours", "text"),
    [
        (1, "We usually answer within 1 working hour."),
        (8, "We usually answer within 8 working hours."),
        (24, "We usually answer within 1 working day."),
        (72, "We usually answer within 3 working days."),
    ],
)
def test_response_time_text(hours: int, text: str) -> None:
    assert response_time_text(hours) == text
