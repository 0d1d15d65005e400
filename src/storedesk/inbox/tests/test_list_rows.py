"""The conversation list's rows: what each shows, worked out once per list rather than by
template tags per row."""

from datetime import timedelta

import pytest
from django.template import Context
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from storedesk.accounts.models import User
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.core.models import Store
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.models import (
    Channel,
    Conversation,
    ConversationStatus,
    ConversationTag,
    Priority,
)
from storedesk.inbox.templatetags.inbox_tags import conversation_rows
from storedesk.inbox.tests.factories import ConversationFactory

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def _tagged(conversation: Conversation, *names: str) -> None:
    for name in names:
        tag = ConversationTag.objects.create(store=conversation.store, name=name, key=name)
        conversation.tags.add(tag)


def test_a_row_shows_its_conversation(store: Store, agent: User) -> None:
    now = timezone.now()
    waiting = ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Ayşe"),
        channel=Channel.EMAIL,
        status=ConversationStatus.PENDING,
        priority=Priority.URGENT,
        subject="Kargo nerede?",
        last_message_at=now,
        waiting_since=now - timedelta(hours=2),
        assignee=agent,
    )
    quiet = ConversationFactory(customer=CustomerFactory(store=store, first_name="Jan"))
    _tagged(waiting, "kargo", "iade", "acil")
    actor = get_actor_for_user(agent, store_slug=store.slug)
    conversations = list(Conversation.objects.prefetch_related("tags").order_by("pk"))

    rows = conversation_rows(
        Context({"actor": actor, "conversation": quiet, "list_query": "view=all&q=a", "now": now}),
        conversations,
    )

    first, second = rows
    link = reverse("inbox-conversation", args=[store.slug, waiting.pk])
    assert first["href"] == f"{link}?view=all&q=a"
    assert first["current"] is False
    assert first["waiting"] is True
    assert first["waiting_text"] == "waiting 2\xa0hours"
    assert first["preview"] == "Kargo nerede?"
    assert first["channel_label"] == "Email"
    assert (first["status_label"], first["status_tone"]) == ("Waiting on customer", "warn")
    assert (first["priority_label"], first["priority_tone"]) == ("Urgent", "bad")
    assert len(first["tags"]) == 2
    assert first["assignee"] == str(agent)
    assert first["time_iso"] == timezone.localtime(now).isoformat()
    assert second["current"] is True
    assert second["waiting"] is False
    assert second["preview"] == "…"
    assert (second["status_label"], second["priority_label"]) == ("", "")
    assert second["assignee"] == "Unassigned"


def test_the_list_prints_the_rows(agent_client: Client, store: Store) -> None:
    conversation = ConversationFactory(
        customer=CustomerFactory(store=store, first_name="Ayşe"),
        priority=Priority.HIGH,
        waiting_since=timezone.now(),
    )
    _tagged(conversation, "kargo")

    body = agent_client.get(
        reverse("inbox", args=[store.slug]), {"view": "all"}, headers=HTMX
    ).content.decode()

    link = reverse("inbox-conversation", args=[store.slug, conversation.pk])
    assert f'<a href="{link}?view=all" hx-get="{link}?view=all"' in body
    assert '<span class="badge warn">High</span>' in body
    assert '<span class="waiting" title="Waiting for an answer">waiting</span>' in body
    assert '<span class="tag">kargo</span>' in body
    assert '<span class="row-assignee">Unassigned</span>' in body
