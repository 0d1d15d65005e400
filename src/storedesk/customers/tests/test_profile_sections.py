"""The customer profile gathers what other apps show of a customer without knowing them:
the inbox contributes the customer's conversations; any app can add a section."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import User
from storedesk.accounts.permissions import ROLE_PERMISSIONS, Permission, Role
from storedesk.core.models import Store
from storedesk.core.sections import PageSection
from storedesk.customers.models import Customer
from storedesk.customers.profile import profile_sections
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import Channel
from storedesk.inbox.tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def loyalty_section(settings: Any, tmp_path: Path) -> Iterator[None]:
    """A section from an app the customers app has never heard of, before the inbox's."""
    (tmp_path / "loyalty_section.html").write_text(
        '<section class="card" id="loyalty">{{ section.points }} points</section>',
        encoding="utf-8",
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    remove = profile_sections.register(
        PageSection(
            name="loyalty",
            template="loyalty_section.html",
            context=lambda actor, customer: {"points": len(customer.first_name) * 10},
            position=5,
        )
    )
    yield
    remove()


def test_the_inbox_shows_the_customers_conversations_on_the_profile(
    agent_client: Client, store: Store
) -> None:
    customer = CustomerFactory(store=store, first_name="Elif")
    chat = ConversationFactory(customer=customer, channel=Channel.CHAT)
    email = ConversationFactory(customer=customer, channel=Channel.EMAIL)
    ConversationFactory(store=store)  # someone else's

    page = agent_client.get(reverse("customer-profile", args=[store.slug, customer.pk]))

    body = page.content.decode()
    section = body.split('id="conversations-heading"')[1].split("</section>")[0]
    links = [
        reverse("inbox-conversation", args=[store.slug, conversation.pk])
        for conversation in (chat, email)
    ]
    assert page.status_code == 200
    assert all(link in section for link in links)
    assert section.count('class="order"') == 2


def test_staff_who_may_not_read_conversations_do_not_get_the_section(
    store: Store, agent: User
) -> None:
    customer = CustomerFactory(store=store)
    ConversationFactory(customer=customer)
    reader = Actor(
        store=store,
        user=agent,
        role=Role.VIEWER,
        permissions=ROLE_PERMISSIONS[Role.VIEWER] - {Permission.VIEW_CONVERSATIONS},
    )
    agent_actor = Actor(
        store=store, user=agent, role=Role.AGENT, permissions=ROLE_PERMISSIONS[Role.AGENT]
    )

    assert [s.name for s in profile_sections.gather(reader, customer)] == []
    assert [s.name for s in profile_sections.gather(agent_actor, customer)] == ["conversations"]


@pytest.mark.usefixtures("loyalty_section")
def test_any_app_can_add_a_section_in_its_position(agent_client: Client, store: Store) -> None:
    customer: Customer = CustomerFactory(store=store, first_name="Ayşe")

    body = agent_client.get(
        reverse("customer-profile", args=[store.slug, customer.pk])
    ).content.decode()

    assert '<section class="card" id="loyalty">40 points</section>' in body
    assert body.index('id="loyalty"') < body.index('id="conversations-heading"')
