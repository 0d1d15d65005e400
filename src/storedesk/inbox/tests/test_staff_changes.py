"""A member who stops working in a store gives their unresolved conversations back to the
queue, through the task queued by the ``member.deactivated`` event; their history stays."""

from collections.abc import Callable
from typing import Any

import pytest

from storedesk.accounts.actions.staff import (
    check_change_role,
    check_deactivate_member,
    check_leave_store,
    check_reactivate_member,
)
from storedesk.accounts.actors import Actor
from storedesk.accounts.models import Membership, Team, User
from storedesk.accounts.permissions import Role
from storedesk.accounts.selectors import get_actor_for_user
from storedesk.core.errors import ValidationFailed
from storedesk.core.events import Event
from storedesk.core.models import AuditLogEntry, Store
from storedesk.customers.tests.factories import CustomerFactory
from storedesk.inbox.actions.conversations import check_assign_conversation
from storedesk.inbox.events import ConversationEvent, PresenceEvent
from storedesk.inbox.models import (
    AgentStatus,
    AuthorType,
    Conversation,
    ConversationStatus,
    Direction,
    Message,
    Presence,
)
from storedesk.inbox.selectors import list_assignable_agents
from storedesk.inbox.staff_changes import do_return_member_conversations
from storedesk.inbox.tests.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

RETURN_TASK = "storedesk.inbox.staff_changes.return_member_conversations"


def actor_of(user: User, store: Store) -> Actor:
    return get_actor_for_user(user, store_slug=store.slug)


def membership_of(user: User, store: Store) -> Membership:
    return Membership.objects.get(store=store, user=user)


def conversation_of(store: Store, assignee: User | None, **fields: Any) -> Conversation:
    return ConversationFactory(customer=CustomerFactory(store=store), assignee=assignee, **fields)


def assignees() -> dict[int, int | None]:
    return dict(Conversation.objects.values_list("pk", "assignee_id"))


def test_a_deactivated_agents_open_conversations_go_back_to_the_queue(
    store: Store,
    admin: User,
    agent: User,
    team: Team,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    open_one = conversation_of(store, agent, team=team)
    pending = conversation_of(store, agent, status=ConversationStatus.PENDING)
    resolved = conversation_of(store, agent, status=ConversationStatus.RESOLVED)
    admins = conversation_of(store, admin)
    reply = MessageFactory(
        conversation=open_one,
        direction=Direction.OUTBOUND,
        author_type=AuthorType.AGENT,
        author_user=agent,
        author_name=agent.name,
        text="Kargonuz yolda.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        check_deactivate_member(actor_of(admin, store), membership_of(agent, store))
    assert assignees()[open_one.pk] == agent.pk  # queued, not done in the request
    with django_capture_on_commit_callbacks(execute=True):
        assert run_queued_tasks() == [RETURN_TASK]

    assert assignees() == {
        open_one.pk: None,
        pending.pk: None,
        resolved.pk: agent.pk,
        admins.pk: admin.pk,
    }
    open_one.refresh_from_db()
    assert open_one.team == team
    # Their history stays theirs.
    assert Message.objects.get(pk=reply.pk).author_user == agent
    returned = [
        event
        for event in captured_events
        if isinstance(event, ConversationEvent) and event.op == "assigned"
    ]
    assert sorted(event.conversation.id for event in returned) == [open_one.pk, pending.pk]
    assert all(event.conversation.assignee_id is None for event in returned)
    assert all(event.actor_user_id is None for event in returned)
    entries = AuditLogEntry.objects.filter(action="conversation.assigned").order_by("target_id")
    assert [(e.actor_label, e.actor_user, e.target_id) for e in entries] == [
        ("system", None, str(open_one.pk)),
        ("system", None, str(pending.pk)),
    ]
    assert entries[0].details == {"assignee_id": None, "team_id": team.pk}


def test_leaving_the_store_returns_the_conversations_too(
    store: Store,
    agent: User,
    django_capture_on_commit_callbacks: Any,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    conversation = conversation_of(store, agent)

    with django_capture_on_commit_callbacks(execute=True):
        check_leave_store(actor_of(agent, store))
    run_queued_tasks()

    conversation.refresh_from_db()
    assert conversation.assignee is None


def test_the_members_conversations_in_another_store_stay_theirs(
    store: Store,
    other_store: Store,
    admin: User,
    agent: User,
    django_capture_on_commit_callbacks: Any,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    Membership.objects.create(store=other_store, user=agent, role=Role.AGENT.value)
    ours = conversation_of(store, agent)
    theirs = conversation_of(other_store, agent)

    with django_capture_on_commit_callbacks(execute=True):
        check_deactivate_member(actor_of(admin, store), membership_of(agent, store))
    run_queued_tasks()

    assert assignees() == {ours.pk: None, theirs.pk: agent.pk}


def test_a_member_reactivated_before_the_task_runs_keeps_their_conversations(
    store: Store,
    admin: User,
    agent: User,
    django_capture_on_commit_callbacks: Any,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    conversation = conversation_of(store, agent)
    actor = actor_of(admin, store)
    with django_capture_on_commit_callbacks(execute=True):
        check_deactivate_member(actor, membership_of(agent, store))
    check_reactivate_member(actor, membership_of(agent, store))

    assert run_queued_tasks() == [RETURN_TASK]

    conversation.refresh_from_db()
    assert conversation.assignee == agent
    assert not AuditLogEntry.objects.filter(action="conversation.assigned").exists()


def test_running_the_work_twice_returns_each_conversation_once(
    store: Store, admin: User, agent: User
) -> None:
    conversation = conversation_of(store, agent)
    check_deactivate_member(actor_of(admin, store), membership_of(agent, store))

    assert do_return_member_conversations(store, user_id=agent.pk) == 1
    assert do_return_member_conversations(store, user_id=agent.pk) == 0

    conversation.refresh_from_db()
    assert conversation.assignee is None
    assert AuditLogEntry.objects.filter(action="conversation.assigned").count() == 1


def test_the_departed_member_shows_as_offline(
    store: Store,
    admin: User,
    agent: User,
    captured_events: list[Event],
    django_capture_on_commit_callbacks: Any,
) -> None:
    AgentStatus.objects.create(store=store, user=agent, presence=Presence.ONLINE)
    check_deactivate_member(actor_of(admin, store), membership_of(agent, store))

    with django_capture_on_commit_callbacks(execute=True):
        do_return_member_conversations(store, user_id=agent.pk)

    assert AgentStatus.objects.get(user=agent).presence == Presence.OFFLINE
    assert captured_events == [
        PresenceEvent(store_id=store.pk, user_id=agent.pk, presence="offline")
    ]


def test_other_changes_to_the_staff_queue_nothing(
    store: Store,
    agent: User,
    make_staff: Callable[..., User],
    django_capture_on_commit_callbacks: Any,
    run_queued_tasks: Callable[[], list[str]],
) -> None:
    owner = make_staff(store, Role.OWNER)
    conversation = conversation_of(store, agent)

    with django_capture_on_commit_callbacks(execute=True):
        check_change_role(actor_of(owner, store), membership_of(agent, store), role="viewer")

    assert run_queued_tasks() == []
    conversation.refresh_from_db()
    assert conversation.assignee == agent


def test_a_deactivated_member_can_no_longer_be_given_conversations(
    store: Store, admin: User, agent: User
) -> None:
    conversation = conversation_of(store, None)
    check_deactivate_member(actor_of(admin, store), membership_of(agent, store))

    assert agent not in list_assignable_agents(store)
    with pytest.raises(ValidationFailed):
        check_assign_conversation(
            actor_of(admin, store), conversation, assignee_id=agent.pk, team_id=None
        )
    conversation.refresh_from_db()
    assert conversation.assignee_id is None
