"""The inbox list's views, filters, orders and search, and what the inbox UI reads besides."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Team, User
from storedesk.core.models import Store
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox import selectors
from storedesk.inbox.models import (
    Channel,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Priority,
)
from storedesk.inbox.selectors import (
    VIEW_COUNT_CAP,
    ConversationFilters,
    InboxView,
    Sort,
    count_conversations_by_view,
    list_conversations,
    list_rendered_canned_replies,
)
from storedesk.inbox.templatetags.inbox_tags import view_count
from storedesk.inbox.tests.factories import (
    CannedReplyFactory,
    CannedReplyTextFactory,
    ConversationFactory,
    MessageFactory,
)
from storedesk.orders.tests.factories import OrderFactory, ShipmentFactory

pytestmark = pytest.mark.django_db


def named(store: Store, first_name: str, **fields: object) -> Conversation:
    customer = CustomerFactory(store=store, first_name=first_name, last_name="Test")
    return ConversationFactory(customer=customer, **fields)


def names(actor: Actor, **filters: object) -> list[str]:
    conversations = list_conversations(actor, ConversationFilters(**filters))  # type: ignore[arg-type]
    return [c.customer.first_name for c in conversations.order_by("-last_message_at", "-id")]


def ordered(actor: Actor, sort: Sort) -> list[str]:
    from storedesk.inbox.selectors import SORT_ORDERINGS

    conversations = list_conversations(actor, ConversationFilters(sort=sort))
    return [c.customer.first_name for c in conversations.order_by(*SORT_ORDERINGS[sort])]


def test_the_views_are_mine_unassigned_my_teams_and_all(
    store: Store, agent: User, agent_actor: Actor, make_staff: Callable[..., User]
) -> None:
    team = Team.objects.create(store=store, name="Returns", timezone="UTC")
    team.members.add(agent)
    colleague = make_staff(store)
    now = timezone.now()
    named(store, "Mine", assignee=agent, last_message_at=now)
    named(store, "Free", last_message_at=now - timedelta(minutes=1))
    named(store, "Team", team=team, assignee=colleague, last_message_at=now - timedelta(minutes=2))
    named(store, "Other", assignee=colleague, last_message_at=now - timedelta(minutes=3))

    assert names(agent_actor, view=InboxView.MINE) == ["Mine"]
    assert names(agent_actor, view=InboxView.UNASSIGNED) == ["Free"]
    assert names(agent_actor, view=InboxView.TEAMS) == ["Team"]
    assert names(agent_actor, view=InboxView.ALL) == ["Mine", "Free", "Team", "Other"]


def test_the_view_counts_leave_resolved_conversations_out(
    store: Store, agent: User, agent_actor: Actor
) -> None:
    team = Team.objects.create(store=store, name="Returns", timezone="UTC")
    team.members.add(agent)
    named(store, "Mine", assignee=agent)
    named(store, "Done", assignee=agent, status=ConversationStatus.RESOLVED)
    named(store, "Free")
    named(store, "Team", team=team)

    assert count_conversations_by_view(agent_actor) == {
        InboxView.MINE: 1,
        InboxView.UNASSIGNED: 2,
        InboxView.TEAMS: 1,
        InboxView.ALL: 3,
    }


def test_the_view_counts_of_an_agent_without_a_team(store: Store, agent_actor: Actor) -> None:
    named(store, "Free")

    assert count_conversations_by_view(agent_actor)[InboxView.TEAMS] == 0


def test_every_status_but_resolved_by_default_or_the_one_asked_for(
    store: Store, agent_actor: Actor
) -> None:
    named(store, "Open")
    named(store, "Waiting", status=ConversationStatus.PENDING)
    named(store, "Done", status=ConversationStatus.RESOLVED)

    assert sorted(names(agent_actor)) == ["Open", "Waiting"]
    assert names(agent_actor, status="resolved") == ["Done"]
    assert names(agent_actor, status="pending") == ["Waiting"]


def test_filters_by_channel_tag_language_and_priority(store: Store, agent_actor: Actor) -> None:
    email = named(store, "Email", channel=Channel.EMAIL, language="pl")
    named(store, "Chat", priority=Priority.URGENT)
    tagged = named(store, "Tagged")
    tagged.tags.add(ConversationTag.objects.create(store=store, name="İade", key="iade"))

    assert names(agent_actor, channel="email") == ["Email"]
    assert names(agent_actor, language="pl") == ["Email"]
    assert names(agent_actor, priority="urgent") == ["Chat"]
    assert names(agent_actor, tag="IADE") == ["Tagged"]
    assert email.language == "pl"


def test_sorts_newest_oldest_and_waiting_longest(store: Store, agent_actor: Actor) -> None:
    now = timezone.now()
    named(store, "Old", last_message_at=now - timedelta(hours=3), waiting_since=now)
    named(
        store,
        "New",
        last_message_at=now,
        waiting_since=now - timedelta(hours=5),
    )
    named(store, "Answered", last_message_at=now - timedelta(hours=1))

    assert ordered(agent_actor, Sort.NEWEST) == ["New", "Answered", "Old"]
    assert ordered(agent_actor, Sort.OLDEST) == ["Old", "Answered", "New"]
    assert ordered(agent_actor, Sort.WAITING) == ["New", "Old"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("IĞDIR", ["Turkish"]),
        ("igdir", ["Turkish"]),
        ("İADE", ["Refund"]),
        ("lodz", ["Polish"]),
        ("ŁÓDŹ", ["Polish"]),
        ("lucja", ["Łucja"]),
        ("kargo iğdır", ["Turkish"]),
        ("kargo lodz", []),
    ],
)
def test_search_is_blind_to_case_and_diacritics_in_turkish_and_polish(
    store: Store, agent_actor: Actor, query: str, expected: list[str]
) -> None:
    MessageFactory(conversation=named(store, "Turkish"), text="Kargom Iğdır şubesinde")
    MessageFactory(conversation=named(store, "Polish"), text="Paczka utknęła w Łódź")
    MessageFactory(conversation=named(store, "Refund"), text="iade istiyorum")
    named(store, "Łucja")

    assert sorted(names(agent_actor, search=query)) == expected


def test_search_never_reaches_another_store(
    store: Store, other_store: Store, agent_actor: Actor
) -> None:
    MessageFactory(conversation=named(other_store, "Theirs"), text="Łódź")

    assert names(agent_actor, search="lodz") == []


def test_canned_replies_are_filled_in_for_the_conversations_language(
    store: Store, agent_actor: Actor
) -> None:
    customer = CustomerFactory(store=store, first_name="Jan", language="pl")
    conversation = ConversationFactory(customer=customer, language="pl")
    order = OrderFactory(customer=customer, number="5001")
    ShipmentFactory(order=order, tracking_number="PL123")
    both = CannedReplyFactory(store=store, name="Gdzie paczka", shortcut="paczka")
    CannedReplyTextFactory(
        reply=both,
        language="pl",
        body="Cześć {{ customer.first_name }}, {{ order.tracking_number }}",
    )
    CannedReplyTextFactory(reply=both, language="tr", body="Merhaba")
    turkish_only = CannedReplyFactory(store=store, name="Teşekkür", shortcut="tesekkur")
    CannedReplyTextFactory(
        reply=turkish_only, language="tr", body="Teşekkürler {{ agent.first_name }}"
    )

    replies = list_rendered_canned_replies(agent_actor, conversation)

    assert [(r.name, r.language, r.text) for r in replies] == [
        ("Gdzie paczka", "pl", "Cześć Jan, PL123"),
        ("Teşekkür", "tr", f"Teşekkürler {agent_actor.user.name.split()[0]}"),  # type: ignore[union-attr]
    ]


def test_the_view_counts_stop_one_past_the_cap(
    store: Store, agent: User, agent_actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selectors, "VIEW_COUNT_CAP", 2)
    for first_name in ("A", "B", "C", "D"):
        named(store, first_name)
    named(store, "Mine", assignee=agent)

    assert count_conversations_by_view(agent_actor) == {
        InboxView.MINE: 1,
        InboxView.UNASSIGNED: 3,
        InboxView.TEAMS: 0,
        InboxView.ALL: 3,
    }


def test_a_count_past_the_cap_shows_as_the_cap_and_a_plus() -> None:
    assert view_count(VIEW_COUNT_CAP) == str(VIEW_COUNT_CAP)
    assert view_count(VIEW_COUNT_CAP + 1) == f"{VIEW_COUNT_CAP}+"
